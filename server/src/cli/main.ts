/** CLI commands. */
import { readFileSync } from "node:fs";
import { Command } from "commander";
import { analyze } from "../analysis";
import { expandPaths } from "./files";
import { renderScoreSheet } from "./score-sheet";
import type { Diagnostic } from "../diagnostics/catalogue";

export function formatDiagnostic(path: string, d: Diagnostic, english = false): string {
  return `${path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${english ? d.messageEn : d.message}`;
}

export async function run(argv: string[]): Promise<number> {
  let exit = 0;
  const program = new Command();
  program.name("perf-eval").description("绩效自评 .perf 文件：检查、计分、渲染").exitOverride();
  program
    .command("check")
    .description("检查文件，输出诊断（path:line:col: severity code message）")
    .argument("<paths...>", ".perf 文件或目录")
    .option("--strict", "警告也视为失败")
    .option("--en", "英文消息")
    .action((paths: string[], opts: { strict?: boolean; en?: boolean }) => {
      for (const file of expandPaths(paths)) {
        const a = analyze(readFileSync(file, "utf8"));
        for (const d of a.evaluation.diagnostics) {
          process.stdout.write(formatDiagnostic(file, d, opts.en) + "\n");
          if (d.severity === "error" || (opts.strict && d.severity === "warning")) exit = 1;
        }
      }
    });
  program
    .command("score")
    .description("输出评分表（指标、分值、实际值、得分、总分、等级）及诊断")
    .argument("<paths...>", ".perf 文件或目录")
    .action((paths: string[]) => {
      const files = expandPaths(paths);
      files.forEach((file, i) => {
        const a = analyze(readFileSync(file, "utf8"));
        if (i > 0) process.stdout.write("\n");
        process.stdout.write(renderScoreSheet(a, file) + "\n");
        const ds = a.evaluation.diagnostics;
        if (ds.length) {
          process.stdout.write(`诊断 ${ds.length} 条：\n`);
          for (const d of ds) process.stdout.write("  " + formatDiagnostic(file, d) + "\n");
        } else process.stdout.write("诊断：无\n");
      });
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
    const err = e as { code?: string; exitCode?: number };
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return 0;
    return err.exitCode ?? 2;
  }
  return exit;
}
