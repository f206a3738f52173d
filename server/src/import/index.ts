/**
 * `perf-eval import` and the editor's 从 Excel / Word 导入: a score table (.xlsx)
 * or a report (.docx) → a `.perf` draft and a summary of what was read.
 */
import { basename } from "node:path";
import type { Diagnostic } from "../diagnostics/catalogue";
import { ImportError, sniffContainer } from "./container";
import { readDocx } from "./docx";
import { gridFromWorksheet } from "./grid";
import { readTable } from "./table";
import type { ImportedDocument, ImportedTable } from "./types";
import { writePerf, type ImportSummary } from "./write-perf";

export { ImportError } from "./container";
export type { ImportSummary } from "./write-perf";

export interface ImportOptions {
  /** The sheet to read (name or 1-based number); default: the sheet with the largest indicator table. */
  sheet?: string;
}

export interface ImportResult {
  text: string;
  summary: ImportSummary;
  /** The sheet (or Word table) read, and the other ones that hold an indicator table. */
  sheet?: string;
  otherTables: string[];
  /** The draft's diagnostics, from the writer's last check (what `check` would print). */
  diagnostics?: readonly Diagnostic[];
}

export async function importBuffer(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const kind = sniffContainer(bytes, fileName);
  const doc = kind === "xlsx" ? await readWorkbook(bytes, fileName, options) : await readDocx(bytes, fileName, options);
  const { text, summary, diagnostics } = writePerf(doc);
  return { text, summary, sheet: doc.table?.sheet, otherTables: doc.otherTables, diagnostics };
}

async function readWorkbook(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportedDocument> {
  const ExcelJS = (await import("exceljs")).default ?? (await import("exceljs"));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new ImportError(`无法读取工作簿（文件可能已损坏）：${e instanceof Error ? e.message : String(e)} · the workbook could not be read`);
  }
  const visible = wb.worksheets.filter((ws) => ws.state !== "hidden" && ws.state !== "veryHidden");
  const hidden = wb.worksheets.filter((ws) => !visible.includes(ws));
  let chosen = visible;
  if (options.sheet !== undefined) {
    const n = /^\d+$/.test(options.sheet) ? Number(options.sheet) : Number.NaN;
    const ws = wb.worksheets.find((s) => s.name === options.sheet) ?? (Number.isInteger(n) ? visible[n - 1] : undefined);
    if (!ws) throw new ImportError(`没有名为“${options.sheet}”的工作表；可选：${wb.worksheets.map((s) => s.name).join("、")} · no such sheet`);
    chosen = [ws];
  }
  const read = (list: typeof chosen) => list.map((ws) => readTable(gridFromWorksheet(ws))).filter((t): t is ImportedTable => t !== undefined);
  let tables = read(chosen);
  // Only when no visible sheet has a table: a hidden one may hold it.
  if (tables.length === 0 && options.sheet === undefined && hidden.length) {
    tables = read(hidden);
    if (tables.length) chosen = hidden;
  }
  if (tables.length === 0) {
    const where = chosen.length === 1 ? `工作表“${chosen[0].name}”` : `${chosen.length} 个工作表（${chosen.map((s) => s.name).join("、")}）`;
    throw new ImportError(
      `${where}中没有找到指标表：需要一行表头，含“一级指标 / 二级指标 / 三级指标”（或“指标”）以及“分值 / 得分 / 年度指标值 / 实际完成值 / 评分标准”之一 · no indicator table found`,
    );
  }
  const best = tables.reduce((a, b) => (b.rows > a.rows ? b : a));
  return { source: basename(fileName), table: best, prose: [], otherTables: tables.filter((t) => t !== best).map((t) => t.sheet) };
}

/** The summary line the CLI and the editor show. */
export function summaryText(r: ImportResult): string {
  const s = r.summary;
  const parts = [`读取 ${s.indicators} 个指标`, `评分规则 ${s.rules} 条，其中 ${s.rulesUnderstood} 条可自动计分`];
  if (s.targets || s.actuals) parts.push(`目标值 ${s.targets} 个、实际值 ${s.actuals} 个`);
  parts.push(`${s.kept} 个单元格保留为注释`);
  if (s.sections) parts.push(`${s.sections} 个章节`);
  let text = parts.join("；") + (r.sheet ? `（来自“${r.sheet}”）` : "");
  if (r.otherTables.length) text += `。另有指标表：${r.otherTables.join("、")}，可用 --sheet 选择`;
  return text;
}
