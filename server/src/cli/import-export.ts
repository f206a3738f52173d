/**
 * `perf-eval import` and the `--format xlsx` of `score` and `summary`: reading
 * the input, refusing to overwrite without --force, writing through a
 * temporary file (a failed run never leaves half a file over an existing one).
 */
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { analyze } from "../analysis";
import { formatDiagnostic } from "./main";
import { loadTables } from "../load-tables";
import { t } from "./lang";
import { checkOutput } from "./output";
import { visible } from "./visible";

// Messages quote the workbook's own text: controls in it are shown as markers (visible.ts).
const err = (s: string) => process.stderr.write(visible(s));

/** Write `bytes` to `out` via a temporary file in the same directory. */
export function writeAtomically(out: string, bytes: string | Uint8Array): void {
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, out);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing was written */
    }
    throw e;
  }
}

/** 0 when `out` may be written (never over one of `inputs`; over an existing file only with --force); else says why on stderr and returns the exit code. */
export function outputRefusal(out: string, force: boolean | undefined, inputs: readonly string[]): number {
  if (out === "-") return 0;
  const ok = checkOutput(out, inputs, force);
  if (ok.ok) return 0;
  err(`${ok.message}\n`);
  return ok.exit;
}

/** Checked before any work: an .xlsx needs `-o <file>` that may be written. True (and `fail` called) when refused. */
export function workbookOutputProblem(out: string | undefined, force: boolean | undefined, inputs: readonly string[], fail: (code: number) => void): boolean {
  if (!out || out === "-") {
    err(`${t("perf-eval: Excel 工作簿不能写到标准输出，请用 -o 指定 .xlsx 文件", "perf-eval: an .xlsx cannot go to stdout; give -o <file>")}\n`);
    fail(2);
    return true;
  }
  const code = outputRefusal(out, force, inputs);
  if (code) fail(code);
  return code !== 0;
}

export async function runImport(file: string, opts: { output?: string; force?: boolean; sheet?: string }): Promise<number> {
  const out = opts.output ?? join(dirname(file), `${basename(file, extname(file))}.perf`);
  if (!existsSync(file)) {
    err(`${t(`perf-eval: 找不到文件 ${file}`, `perf-eval: no such file: ${file}`)}\n`);
    return 2;
  }
  const refused = outputRefusal(out, opts.force, [file]);
  if (refused) return refused;
  const { importBuffer, summaryText, ImportError, MAX_FILE_BYTES } = loadTables();
  try {
    if (statSync(file).size > MAX_FILE_BYTES) throw new ImportError(`文件过大（上限 ${MAX_FILE_BYTES / 1048576} MB），不像评分表或自评报告 · file too large`);
    const result = await importBuffer(readFileSync(file), file, { sheet: opts.sheet });
    if (out === "-") process.stdout.write(result.text);
    else if (!writeOrSay(out, result.text)) return 2;
    err(`${out === "-" ? "已导入" : `已导入 ${out}`}：${summaryText(result)}\n`);
    const ds = result.diagnostics ?? analyze(result.text).evaluation.diagnostics;
    if (ds.length) {
      err(`检查结果（${ds.length} 条，请在 .perf 文件中补充或修正）：\n`);
      for (const d of ds) err(`  ${formatDiagnostic(out === "-" ? "<stdout>" : out, d)}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof ImportError) {
      err(`perf-eval: ${file}：${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** Write an .xlsx produced by `make` to `out` (never to stdout: a workbook is binary). */
export async function writeWorkbook(out: string | undefined, force: boolean | undefined, make: () => Promise<Buffer>, inputs: readonly string[] = []): Promise<number> {
  let code = 0;
  const refused = workbookOutputProblem(out, force, inputs, (c) => {
    code = c;
  });
  if (refused || !out) return code;
  if (!writeOrSay(out, await make())) return 2;
  err(`${out}\n`);
  return 0;
}

/** writeAtomically, with a message (the OS error code in it) instead of an exception. */
function writeOrSay(out: string, bytes: string | Uint8Array): boolean {
  try {
    writeAtomically(out, bytes);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    err(`${t(`perf-eval: 无法写入 ${out}（${code}）`, `perf-eval: cannot write ${out} (${code})`)}\n`);
    return false;
  }
}
