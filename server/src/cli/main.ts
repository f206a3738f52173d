/** CLI commands: argument parsing and output only; the language lives in the core. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { Command, Option } from "commander";
import type { Diagnostic } from "../diagnostics/catalogue";
import { formatText } from "../features/format";
import { textconv } from "../summary/textconv";
import { cohortScores } from "../summary/cohort";
import { expandPaths } from "./files";
import { renderScoreSheet, scoreCsv, scoreJson } from "./score-sheet";
import { analyzeFile } from "./tasks";
import { toSarif } from "./sarif";
import { createProgress } from "./progress";
import { mapFiles } from "./parallel";
import { renderSummaryText, summaryCsv, summaryJson } from "./summary-table";
import pkg from "../../../package.json";

export function formatDiagnostic(path: string, d: Diagnostic, english = false): string {
  return `${path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${english ? d.messageEn : d.message}`;
}

/** Diagnostics as `check --format json` prints them: 1-based lines and columns (UTF-16 code units). */
export function diagnosticJson(path: string, d: Diagnostic) {
  return {
    path,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
    messageEn: d.messageEn,
  };
}

/** Files over which worker threads are used (see docs/cli.md, “并行”). */
const PARALLEL_THRESHOLD = 200;

function jobsOption(): Option {
  return new Option("-j, --jobs <n>", "并行线程数（文件超过 200 个时使用；1 = 不并行）").argParser((v) => {
    const n = Number.parseInt(v, 10);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--jobs: 应为正整数：${v}`);
    return n;
  });
}

function defaultJobs(): number {
  const env = process.env.PERF_EVAL_JOBS;
  if (env && /^\d+$/.test(env)) return Math.max(1, Number(env));
  return DEFAULT_JOBS;
}

/** Measured (bench/summary.ts): see docs/cli.md. */
const DEFAULT_JOBS = 1;

const write = (s: string) => process.stdout.write(s);

export async function run(argv: string[]): Promise<number> {
  let exit = 0;
  const program = new Command();
  program
    .name("perf-eval")
    .description("绩效自评 .perf 文件：检查、计分、渲染、格式化、汇总 · check, score, render, format and summarise .perf files")
    .version(pkg.version, "-V, --version")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command("check")
    .description("检查文件，输出诊断（path:line:col: severity code message）；有错误时退出码 1")
    .argument("<paths...>", ".perf 文件或目录")
    .option("--strict", "警告和待填写（PE130）也视为失败：未填完的文件不通过")
    .option("--en", "英文消息")
    .addOption(new Option("-f, --format <format>", "输出格式").choices(["text", "json", "sarif"]).default("text"))
    .option("--docs-base <uri>", "SARIF 规则帮助链接的前缀", "docs/diagnostics.md")
    .addOption(jobsOption())
    .action(async (paths: string[], opts: { strict?: boolean; en?: boolean; format: string; docsBase: string; jobs?: number }) => {
      const files = expandPaths(paths);
      const progress = createProgress(files.length);
      const results = await mapFiles("check", files, { jobs: opts.jobs ?? defaultJobs(), threshold: PARALLEL_THRESHOLD, progress });
      progress.done();
      for (const r of results)
        for (const d of r.diagnostics) if (d.severity === "error" || (opts.strict && (d.severity === "warning" || d.code === "PE130"))) exit = 1;
      if (opts.format === "json") write(JSON.stringify(results.flatMap((r) => r.diagnostics.map((d) => diagnosticJson(r.path, d))), null, 2) + "\n");
      else if (opts.format === "sarif") write(JSON.stringify(toSarif(results, pkg.version, opts.en, opts.docsBase), null, 2) + "\n");
      else for (const r of results) for (const d of r.diagnostics) write(formatDiagnostic(r.path, d, opts.en) + "\n");
    });

  program
    .command("score")
    .description("输出评分表（指标、分值、实际值、得分、总分、等级）；--format json|csv 输出结构化数据")
    .argument("<paths...>", ".perf 文件或目录")
    .addOption(new Option("-f, --format <format>", "输出格式").choices(["text", "json", "csv"]).default("text"))
    .action((paths: string[], opts: { format: string }) => {
      const files = expandPaths(paths);
      if (opts.format === "json") {
        const json = files.map((file) => scoreJson(file, analyzeFile(file)));
        write(JSON.stringify(json.length === 1 ? json[0] : json, null, 2) + "\n");
        return;
      }
      if (opts.format === "csv") {
        write(scoreCsv(files.map((path) => ({ path, analysis: analyzeFile(path) }))));
        return;
      }
      files.forEach((file, i) => {
        const a = analyzeFile(file);
        if (i > 0) write("\n");
        write(renderScoreSheet(a, file) + "\n");
        const ds = a.evaluation.diagnostics;
        if (ds.length) {
          write(`诊断 ${ds.length} 条：\n`);
          for (const d of ds) write("  " + formatDiagnostic(file, d) + "\n");
        } else write("诊断：无\n");
      });
    });

  program
    .command("render")
    .description("生成绩效自评报告（HTML、Markdown 或 Word）")
    .argument("<file>", ".perf 文件")
    .addOption(new Option("-t, --to <format>", "报告格式").choices(["html", "md", "docx"]).default("html"))
    .option("-o, --output <path>", "输出文件；“-”为标准输出（仅 html、md）；默认与源文件同名")
    .option("--force", "覆盖已有文件")
    .option("--include-diagnostics", "附上审核提示（错误与警告）")
    .option("--decimals <n>", "得分小数位数", (v) => Number.parseInt(v, 10))
    .action(async (file: string, opts: { to: "html" | "md" | "docx"; output?: string; force?: boolean; includeDiagnostics?: boolean; decimals?: number }) => {
      const out = opts.output ?? file.replace(/\.perf$/i, "") + "." + opts.to;
      if (out === "-" && opts.to === "docx") {
        process.stderr.write("perf-eval: Word 文档不能写到标准输出，请用 -o 指定文件 · docx cannot go to stdout; give -o <file>\n");
        exit = 2;
        return;
      }
      if (out !== "-" && existsSync(out) && !opts.force) {
        process.stderr.write(`perf-eval: ${out} 已存在；加 --force 覆盖 · ${out} exists; use --force to overwrite\n`);
        exit = 1;
        return;
      }
      // Loaded on demand: the report writers (docx, markdown-it) are most of the bundle.
      const { renderReport } = await import("../report/index.js");
      const a = analyzeFile(file);
      const options = { includeDiagnostics: opts.includeDiagnostics, decimals: opts.decimals };
      if (opts.to === "docx") writeFileSync(out, await renderReport(a, "docx", options));
      else {
        const text = renderReport(a, opts.to, options);
        if (out === "-") write(text);
        else writeFileSync(out, text);
      }
      if (out !== "-") process.stderr.write(`${out}\n`);
    });

  program
    .command("new")
    .description("新建绩效自评文件：部门整体支出（三级指标体系：投入、过程、产出、效果）或项目支出模板")
    .addOption(new Option("--type <type>", "评价类型").choices(["部门整体支出", "项目支出"]).default("部门整体支出"))
    .requiredOption("--unit <name>", "单位")
    .requiredOption("--year <year>", "年度")
    .option("--project <name>", "项目名称（项目支出）", "")
    .option("-o, --output <path>", "输出文件；“-”为标准输出")
    .option("--force", "覆盖已有文件")
    .action(async (opts: { type: "部门整体支出" | "项目支出"; unit: string; year: string; project: string; output?: string; force?: boolean }) => {
      const { departmentTemplate } = await import("../templates/department.js");
      const { projectTemplate } = await import("../templates/project.js");
      const text = opts.type === "项目支出" ? projectTemplate(opts.unit, opts.year, opts.project || "项目") : departmentTemplate(opts.unit, opts.year);
      const out = opts.output ?? `${opts.year}-${opts.type === "项目支出" ? opts.project || "项目" : opts.unit}.perf`;
      if (out === "-") {
        write(text);
        return;
      }
      if (existsSync(out) && !opts.force) {
        process.stderr.write(`perf-eval: ${out} 已存在；加 --force 覆盖 · ${out} exists; use --force to overwrite\n`);
        exit = 1;
        return;
      }
      writeFileSync(out, text);
      process.stderr.write(`${out}\n`);
    });

  program
    .command("fmt")
    .description("格式化文件（原地改写，只写有变化的文件）；--check 只列出需要格式化的文件，有则退出码 1")
    .argument("<paths...>", ".perf 文件或目录")
    .option("--check", "只检查，不改写")
    .action((paths: string[], opts: { check?: boolean }) => {
      for (const file of expandPaths(paths)) {
        const text = readFileSync(file, "utf8");
        const formatted = formatText(text);
        if (formatted === text) continue;
        if (opts.check) {
          write(`${file}\n`);
          exit = 1;
        } else {
          writeFileSync(file, formatted);
          write(`已格式化 ${file}\n`);
        }
      }
    });

  program
    .command("textconv")
    .description("供 git diff 使用的逐行文本（每个指标一行：路径、分值、实际值、得分；总分、等级；诊断数）")
    .argument("<file>", ".perf 文件")
    .action((file: string) => {
      write(textconv(analyzeFile(file)));
    });

  program
    .command("summary")
    .description("汇总多个自评：单位、年度、总分、等级、预算与执行、得分区间；--cohort 用极值法跨文件计分")
    .argument("<paths...>", ".perf 文件或目录")
    .addOption(new Option("-f, --format <format>", "输出格式").choices(["text", "json", "csv"]).default("text"))
    .option("--cohort", "极值法：区间线性指标按全部文件的 max/min 重新计分")
    .addOption(jobsOption())
    .action(async (paths: string[], opts: { format: string; cohort?: boolean; jobs?: number }) => {
      const files = expandPaths(paths);
      const progress = createProgress(files.length);
      const rows = await mapFiles("summary", files, { jobs: opts.jobs ?? defaultJobs(), threshold: PARALLEL_THRESHOLD, progress });
      progress.done();
      const cohort = opts.cohort ? cohortScores(rows) : undefined;
      if (opts.format === "json") write(JSON.stringify(summaryJson(rows, cohort), null, 2) + "\n");
      else if (opts.format === "csv") write(summaryCsv(rows, cohort));
      else write(renderSummaryText(rows, cohort));
    });

  program
    .command("lsp")
    .description("以语言服务器方式运行（stdio）")
    .option("--stdio", "通过标准输入输出通信（默认）")
    .option("--node-ipc", "通过 Node IPC 通信")
    .action(async () => {
      const { startServer } = await import("../lsp/server.js");
      startServer();
      await new Promise<never>(() => undefined);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    const err = e as { code?: string; exitCode?: number; message?: string };
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return 0;
    if (!err.code?.startsWith("commander.")) {
      process.stderr.write(`perf-eval: ${err.message ?? String(e)}\n`);
    }
    // Usage errors (unknown option, missing argument, bad choice) exit 2, like a
    // compiler's; 1 is kept for “the files have errors”.
    return 2;
  }
  return exit;
}
