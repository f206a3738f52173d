/** CLI commands: argument parsing and output only; the language lives in the core. */
import { Command, Option } from "commander";
import type { Diagnostic } from "../diagnostics/catalogue";
import { formatText } from "../features/format";
import { textconv } from "../summary/textconv";
import { cohortScores } from "../summary/cohort";
import { canEncode, encodeText, ENCODING_NAMES } from "../text/encoding";
import { BOM } from "./csv";
import { expandPaths, isFileError, noteText, type FileNote } from "./files";
import { isEnglish, setLanguageFrom, t } from "./lang";
import { choiceOption, intParser, nameParser, nonEmpty, usageMessage, yearParser } from "./options";
import { checkOutput, writeOut } from "./output";
import { renderScoreSheet, scoreCsv, scoreJson } from "./score-sheet";
import { loadFile, type LoadedFile } from "./tasks";
import { toSarif } from "./sarif";
import { createProgress } from "./progress";
import { mapFiles } from "./parallel";
import { renderSummaryText, summaryCsv, summaryJson } from "./summary-table";
import { escapeJsonInvisible, visible } from "./visible";
import { runImport, workbookOutputProblem, writeWorkbook } from "./import-export";
import { loadTables } from "../load-tables";
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
  return new Option("-j, --jobs <n>", "并行线程数（文件超过 200 个时使用；1 = 不并行）").argParser(intParser("--jobs", 1, 64));
}

function defaultJobs(): number {
  const env = process.env.PERF_EVAL_JOBS;
  if (env && /^\d+$/.test(env)) return Math.max(1, Number(env));
  return DEFAULT_JOBS;
}

/** Measured (bench/summary.ts): see docs/cli.md. */
const DEFAULT_JOBS = 1;

/** Text for the terminal: invisible and control characters as visible markers. */
const write = (s: string) => process.stdout.write(visible(s));
/** JSON and SARIF: the same characters escaped as JSON escapes. */
const writeJson = (v: unknown) => process.stdout.write(`${escapeJsonInvisible(JSON.stringify(v, null, 2))}\n`);
const warn = (s: string) => process.stderr.write(`${visible(s)}\n`);

/** A name usable in a file name (a unit's or project's name may hold a slash). */
const fileNamePart = (s: string) => s.replace(/[/\\:*?"<>|]/g, "_");

export async function run(argv: string[]): Promise<number> {
  setLanguageFrom(argv);
  let exit = 0;
  const fail = (code: number) => {
    exit = Math.max(exit, code);
  };
  /** A message on stderr and the exit code it sets. */
  const refuse = (message: string, code: number) => {
    warn(message);
    fail(code);
  };
  /** Notes on stderr; a file that could not be read fails the run (exit 2) once the others are done. */
  const report = (notes: readonly FileNote[]) => {
    for (const n of notes) {
      warn(noteText(n));
      if (isFileError(n)) fail(2);
    }
  };
  /** The files named, expanded; what cannot be used is reported. */
  const filesOf = (paths: string[]) => {
    const { files, notes } = expandPaths(paths);
    report(notes);
    return files;
  };
  /** Each file loaded (those that cannot be read reported and left out). */
  const loadAll = (files: string[]) =>
    files.flatMap((path) => {
      const f = loadFile(path);
      if ("kind" in f) {
        report([f]);
        return [];
      }
      report(f.notes);
      return [{ path, ...f }];
    });
  const loadOne = (path: string): LoadedFile | undefined => loadAll([path])[0];
  /** Structured output (csv, json, text) to stdout, or to a file (a CSV file with a BOM). */
  const emit = (text: string, out: string | undefined, inputs: string[], force: boolean | undefined, bom: boolean) => {
    if (out === undefined || out === "-") return void process.stdout.write(text);
    const ok = checkOutput(out, inputs, force);
    if (!ok.ok) return refuse(ok.message, ok.exit);
    const err = writeOut(out, (bom ? BOM : "") + text);
    if (err) return refuse(err, 2);
    process.stderr.write(`${visible(out)}\n`);
  };

  const program = new Command();
  program
    .name("perf-eval")
    .description("绩效自评 .perf 文件：检查、计分、渲染、格式化、汇总 · check, score, render, format and summarise .perf files")
    .version(pkg.version, "-V, --version")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: () => undefined })
    .addOption(choiceOption("--lang <lang>", "消息语言（也可设环境变量 PERF_EVAL_LANG=en）", ["zh", "en"], "zh"));

  program
    .command("check")
    .description("检查文件，输出诊断（path:line:col: severity code message）；有错误时退出码 1")
    .argument("<paths...>", ".perf 文件或目录")
    .option("--strict", "警告和待填写（PE130）也视为失败：未填完的文件不通过")
    .option("--en", "英文消息")
    .addOption(choiceOption("-f, --format <format>", "输出格式", ["text", "json", "sarif"], "text"))
    .option("--docs-base <uri>", "SARIF 规则帮助链接的前缀", nonEmpty("--docs-base"), "docs/diagnostics.md")
    .addOption(jobsOption())
    .action(async (paths: string[], opts: { strict?: boolean; en?: boolean; format: string; docsBase: string; jobs?: number }) => {
      const files = filesOf(paths);
      const progress = createProgress(files.length);
      const outcomes = await mapFiles("check", files, { jobs: opts.jobs ?? defaultJobs(), threshold: PARALLEL_THRESHOLD, progress });
      progress.done();
      for (const o of outcomes) report(o.notes);
      const results = outcomes.flatMap((o) => (o.result ? [o.result] : []));
      for (const r of results) for (const d of r.diagnostics) if (d.severity === "error" || (opts.strict && (d.severity === "warning" || d.code === "PE130"))) fail(1);
      const english = opts.en || isEnglish();
      if (opts.format === "json") writeJson(results.flatMap((r) => r.diagnostics.map((d) => diagnosticJson(r.path, d))));
      else if (opts.format === "sarif") writeJson(toSarif(results, pkg.version, english, opts.docsBase));
      else for (const r of results) for (const d of r.diagnostics) write(`${formatDiagnostic(r.path, d, english)}\n`);
    });

  program
    .command("score")
    .description("输出评分表（指标、分值、实际值、得分、总分、等级）；--format json|csv 输出结构化数据，xlsx 写 Excel 评分表")
    .argument("<paths...>", ".perf 文件或目录")
    .addOption(choiceOption("-f, --format <format>", "输出格式", ["text", "json", "csv", "xlsx"], "text"))
    .option("-o, --output <path>", "写到文件（xlsx 必填；CSV 文件带 UTF-8 BOM）；默认标准输出", nonEmpty("--output"))
    .option("--force", "覆盖已有的输出文件")
    .option("--review", "xlsx：每个评分表后附审核意见工作表")
    .action(async (paths: string[], opts: { format: string; output?: string; force?: boolean; review?: boolean }) => {
      if (opts.review && opts.format !== "xlsx") return refuse(t("perf-eval: --review 只用于 --format xlsx（文字审核意见请用 render --review）", "perf-eval: --review goes with --format xlsx (render --review writes the review as a document)"), 2);
      const files = filesOf(paths);
      if (opts.format === "xlsx" && workbookOutputProblem(opts.output, opts.force, files, fail)) return;
      const loaded = loadAll(files);
      if (opts.format === "xlsx") {
        const { scoreWorkbook } = loadTables();
        return fail(await writeWorkbook(opts.output, opts.force, () => scoreWorkbook(loaded, { review: opts.review }), files));
      }
      if (opts.format === "json") {
        const json = loaded.map((f) => scoreJson(f.path, f.analysis));
        return emit(`${escapeJsonInvisible(JSON.stringify(json.length === 1 ? json[0] : json, null, 2))}\n`, opts.output, files, opts.force, false);
      }
      if (opts.format === "csv") return emit(scoreCsv(loaded), opts.output, files, opts.force, true);
      const out: string[] = [];
      loaded.forEach((f, i) => {
        if (i > 0) out.push("\n");
        out.push(`${renderScoreSheet(f.analysis, f.path)}\n`);
        const ds = f.analysis.evaluation.diagnostics;
        if (ds.length) {
          out.push(t(`诊断 ${ds.length} 条：\n`, `${ds.length} diagnostics:\n`));
          for (const d of ds) out.push(`  ${formatDiagnostic(f.path, d, isEnglish())}\n`);
        } else out.push(t("诊断：无\n", "Diagnostics: none\n"));
      });
      emit(visible(out.join("")), opts.output, files, opts.force, false);
    });

  program
    .command("render")
    .description("生成绩效自评报告（HTML、Markdown、Word 或 PDF）；--review 生成审核意见")
    .argument("<file>", ".perf 文件")
    .addOption(choiceOption("-t, --to <format>", "报告格式（pdf 需要 LibreOffice）", ["html", "md", "docx", "pdf"], "html"))
    .option("-o, --output <path>", "输出文件；“-”为标准输出（仅 html、md）；默认与源文件同名", nonEmpty("--output"))
    .option("--force", "覆盖已有文件（源文件本身从不覆盖）")
    .option("--review", "生成审核意见（诊断、填报与计算不一致、缺少偏差原因），而不是报告")
    .option("--include-diagnostics", "在报告后附上审核意见")
    .option("--keep-numbering", "标题保留作者的编号（默认按公文层次重新编号）")
    .option("--decimals <n>", "得分小数位数（0～6）", intParser("--decimals", 0, 6))
    .action(async (file: string, opts: { to: "html" | "md" | "docx" | "pdf"; output?: string; force?: boolean; review?: boolean; includeDiagnostics?: boolean; keepNumbering?: boolean; decimals?: number }) => {
      const suffix = opts.review ? ".审核意见" : "";
      const out = opts.output ?? `${file.replace(/\.perf$/i, "")}${suffix}.${opts.to}`;
      if (out === "-" && (opts.to === "docx" || opts.to === "pdf")) {
        return refuse(t("perf-eval: Word 和 PDF 不能写到标准输出，请用 -o 指定文件", "perf-eval: docx and pdf cannot go to stdout; give -o <file>"), 2);
      }
      if (out !== "-") {
        const ok = checkOutput(out, [file], opts.force);
        if (!ok.ok) return refuse(ok.message, ok.exit);
      }
      const f = loadOne(file);
      // The one file could not be used (a special file is skipped with a warning): nothing is written.
      if (!f) return fail(2);
      // Loaded on demand: the report writers (docx, markdown-it) are most of the bundle.
      const { renderReport } = await import("../report/index.js");
      const options = { review: opts.review, includeDiagnostics: opts.includeDiagnostics, decimals: opts.decimals, headingNumbers: opts.keepNumbering ? ("keep" as const) : undefined };
      let data: string | Buffer;
      if (opts.to === "pdf") {
        const { docxToPdf } = await import("../report/pdf.js");
        try {
          data = docxToPdf(await renderReport(f.analysis, "docx", options));
        } catch (e) {
          return refuse(`perf-eval: ${e instanceof Error ? e.message : String(e)}`, 2);
        }
      } else data = opts.to === "docx" ? await renderReport(f.analysis, "docx", options) : renderReport(f.analysis, opts.to, options);
      if (out === "-") return void process.stdout.write(data);
      const err = writeOut(out, data);
      if (err) return refuse(err, 2);
      process.stderr.write(`${visible(out)}\n`);
    });

  program
    .command("new")
    .description("新建绩效自评文件：部门整体支出（三级指标体系：投入、过程、产出、效果）或项目支出模板")
    .addOption(choiceOption("--type <type>", "评价类型", ["部门整体支出", "项目支出"], "部门整体支出"))
    .requiredOption("--unit <name>", "单位", nameParser("--unit"))
    .requiredOption("--year <year>", "年度", yearParser)
    .option("--project <name>", "项目名称（项目支出）", nameParser("--project"))
    .option("-o, --output <path>", "输出文件；“-”为标准输出", nonEmpty("--output"))
    .option("--force", "覆盖已有文件")
    .action(async (opts: { type: "部门整体支出" | "项目支出"; unit: string; year: string; project?: string; output?: string; force?: boolean }) => {
      const { departmentTemplate } = await import("../templates/department.js");
      const { projectTemplate } = await import("../templates/project.js");
      const project = opts.project ?? "项目";
      const text = opts.type === "项目支出" ? projectTemplate(opts.unit, opts.year, project) : departmentTemplate(opts.unit, opts.year);
      const out = opts.output ?? `${opts.year}-${fileNamePart(opts.type === "项目支出" ? project : opts.unit)}.perf`;
      if (out === "-") return void process.stdout.write(text);
      const ok = checkOutput(out, [], opts.force);
      if (!ok.ok) return refuse(ok.message, ok.exit);
      const err = writeOut(out, text);
      if (err) return refuse(err, 2);
      process.stderr.write(`${visible(out)}\n`);
    });

  program
    .command("fmt")
    .description("格式化文件（原地改写，只写有变化的文件，保留原编码与 BOM）；--check 只列出需要格式化的文件，有则退出码 1")
    .argument("<paths...>", ".perf 文件或目录")
    .option("--check", "只检查，不改写")
    .action((paths: string[], opts: { check?: boolean }) => {
      for (const f of loadAll(filesOf(paths))) {
        const formatted = formatText(f.text, f.analysis);
        if (formatted === f.text) continue;
        if (opts.check) {
          write(`${f.path}\n`);
          fail(1);
          continue;
        }
        if (!canEncode(formatted, f.encoding)) {
          warn(t(`perf-eval: 错误：${f.path} 格式化后的文字无法用 ${ENCODING_NAMES[f.encoding]} 保存，未改写`, `perf-eval: error: ${f.path}: the formatted text cannot be saved as ${ENCODING_NAMES[f.encoding]}; not rewritten`));
          fail(2);
          continue;
        }
        const err = writeOut(f.path, encodeText(formatted, f.encoding));
        if (err) {
          warn(err);
          fail(2);
        } else write(t(`已格式化 ${f.path}\n`, `formatted ${f.path}\n`));
      }
    });

  program
    .command("textconv")
    .description("供 git diff 使用的逐行文本（每个指标一行：路径、分值、实际值、得分；总分、等级；诊断数）")
    .argument("<file>", ".perf 文件")
    .action((file: string) => {
      const f = loadOne(file);
      if (f) write(textconv(f.analysis));
      else fail(2);
    });

  program
    .command("summary")
    .description("汇总多个自评：单位、年度、总分、等级、预算与执行、得分区间；--cohort 用极值法跨文件计分")
    .argument("<paths...>", ".perf 文件或目录")
    .addOption(choiceOption("-f, --format <format>", "输出格式", ["text", "json", "csv", "xlsx"], "text"))
    .option("--cohort", "极值法：区间线性指标按全部文件的 max/min 重新计分")
    .option("-o, --output <path>", "写到文件（xlsx 必填；CSV 文件带 UTF-8 BOM）；默认标准输出", nonEmpty("--output"))
    .option("--force", "覆盖已有的输出文件")
    .addOption(jobsOption())
    .action(async (paths: string[], opts: { format: string; output?: string; force?: boolean; cohort?: boolean; jobs?: number }) => {
      const files = filesOf(paths);
      if (opts.format === "xlsx" && workbookOutputProblem(opts.output, opts.force, files, fail)) return;
      const progress = createProgress(files.length);
      const outcomes = await mapFiles("summary", files, { jobs: opts.jobs ?? defaultJobs(), threshold: PARALLEL_THRESHOLD, progress });
      progress.done();
      for (const o of outcomes) report(o.notes);
      const rows = outcomes.flatMap((o) => (o.result ? [o.result] : []));
      const cohort = opts.cohort ? cohortScores(rows) : undefined;
      if (opts.format === "xlsx") {
        const { summaryWorkbook } = loadTables();
        fail(await writeWorkbook(opts.output, opts.force, () => summaryWorkbook(rows, cohort), files));
      } else if (opts.format === "json") emit(`${escapeJsonInvisible(JSON.stringify(summaryJson(rows, cohort), null, 2))}\n`, opts.output, files, opts.force, false);
      else if (opts.format === "csv") emit(summaryCsv(rows, cohort), opts.output, files, opts.force, true);
      else emit(visible(renderSummaryText(rows, cohort)), opts.output, files, opts.force, false);
    });

  program
    .command("import")
    .description("从 Excel（.xlsx）评分表 / 自评表或 Word（.docx）报告导入，生成 .perf 草稿，并检查它")
    .argument("<file>", ".xlsx 或 .docx 文件")
    .option("-o, --output <path>", "输出 .perf 文件；“-”为标准输出；默认与源文件同名", nonEmpty("--output"))
    .option("--force", "覆盖已有文件（源文件本身从不覆盖）")
    .option("--sheet <name>", "读取的工作表（名称或序号）；默认自动选择指标表", nonEmpty("--sheet"))
    .action(async (file: string, opts: { output?: string; force?: boolean; sheet?: string }) => {
      fail(await runImport(file, opts));
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

  if (argv.length === 0) {
    // No command: the help on stderr, and a usage error.
    process.stderr.write(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    const err = e as { code?: string; exitCode?: number; message?: string };
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return 0;
    if (err.code === "commander.help") return err.exitCode ? 2 : 0;
    const message = err.code?.startsWith("commander.") ? usageMessage(err.code, err.message ?? "") : (err.message ?? String(e));
    warn(`perf-eval: ${message}`);
    // Usage errors (unknown option, missing argument, bad value) exit 2, like a
    // compiler's; 1 is kept for “the files have errors”.
    return 2;
  }
  return exit;
}
