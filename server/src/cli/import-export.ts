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

const err = (s: string) => process.stderr.write(s);

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

/** True when `out` may be written; otherwise says why on stderr. */
export function mayWrite(out: string, force: boolean | undefined): boolean {
  if (out !== "-" && existsSync(out) && !force) {
    err(`perf-eval: ${out} 已存在；加 --force 覆盖 · ${out} exists; use --force to overwrite\n`);
    return false;
  }
  return true;
}

export async function runImport(file: string, opts: { output?: string; force?: boolean; sheet?: string }): Promise<number> {
  const out = opts.output ?? join(dirname(file), `${basename(file, extname(file))}.perf`);
  if (!existsSync(file)) {
    err(`perf-eval: 找不到文件 ${file} · no such file\n`);
    return 2;
  }
  if (!mayWrite(out, opts.force)) return 1;
  const { importBuffer, summaryText, ImportError, MAX_FILE_BYTES } = loadTables();
  try {
    if (statSync(file).size > MAX_FILE_BYTES) throw new ImportError(`文件过大（上限 ${MAX_FILE_BYTES / 1048576} MB），不像评分表或自评报告 · file too large`);
    const result = await importBuffer(readFileSync(file), file, { sheet: opts.sheet });
    if (out === "-") process.stdout.write(result.text);
    else writeAtomically(out, result.text);
    err(`${out === "-" ? "已导入" : `已导入 ${out}`}：${summaryText(result)}\n`);
    const ds = analyze(result.text).evaluation.diagnostics;
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
export async function writeWorkbook(out: string | undefined, force: boolean | undefined, make: () => Promise<Buffer>): Promise<number> {
  if (!out || out === "-") {
    err("perf-eval: Excel 工作簿不能写到标准输出，请用 -o 指定 .xlsx 文件 · an .xlsx cannot go to stdout; give -o <file>\n");
    return 2;
  }
  if (!mayWrite(out, force)) return 1;
  writeAtomically(out, await make());
  err(`${out}\n`);
  return 0;
}
