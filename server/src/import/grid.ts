/**
 * A sheet as the table reader sees it: rows of cell texts, each cell knowing
 * its A1 address and the merged range it belongs to. Built from an exceljs
 * worksheet (formula cells give their cached result, rich text its plain text,
 * numbers their decimal text) or from a Word table (see docx.ts).
 */
import type { Worksheet, CellValue } from "exceljs";
import Decimal from "decimal.js";
import { ImportError } from "./container";

export interface GridCell {
  text: string;
  /** Merged range id (the master's address); undefined when not merged. */
  merge?: string;
  /** True for a cell covered by a merge whose master is elsewhere. */
  slave?: boolean;
  /** The cell's value was a number (not text that looks like one). */
  numeric?: boolean;
  /** Excel's number format said percent: the text is already ×100 with “%”. */
  percent?: boolean;
  /** An error value (“#DIV/0!”, a formula's cached error): the text is blank, the error kept as a comment. */
  error?: string;
}

export interface Grid {
  /** Sheet name (or “表1” for a Word table). */
  name: string;
  rows: GridCell[][];
  width: number;
}

/** Rows read from one sheet at most: more is not a score table. */
export const MAX_ROWS = 20000;
export const MAX_COLUMNS = 60;

export function columnName(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function address(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** A number from Excel as a short decimal: binary noise dropped (0.30000000000000004 → 0.3). */
/** A cell's number as written: binary-float noise beyond 12 significant digits dropped, scaled exactly. */
export function numberText(n: number, scale = 1): string {
  if (!Number.isFinite(n)) return String(n);
  return new Decimal(n).toSignificantDigits(12).times(scale).toFixed();
}

function errorText(e: unknown): string {
  const s = typeof e === "object" && e !== null && "error" in e ? String((e as { error: unknown }).error) : "";
  return s || "#VALUE!";
}

function valueText(v: CellValue, percent: boolean): { text: string; numeric?: boolean; error?: string } {
  if (v === null || v === undefined) return { text: "" };
  if (typeof v === "number") return { text: percent ? `${numberText(v, 100)}%` : numberText(v), numeric: true };
  if (typeof v === "string") return { text: v };
  if (typeof v === "boolean") return { text: v ? "是" : "否" };
  if (v instanceof Date) return { text: `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日` };
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return { text: v.richText.map((r) => r.text).join("") };
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: CellValue }).result;
      if (result && typeof result === "object" && "error" in result) return { text: "", error: errorText(result) };
      return valueText(result ?? null, percent);
    }
    if ("text" in v && typeof (v as { text: unknown }).text === "string") return { text: (v as { text: string }).text };
    if ("error" in v) return { text: "", error: errorText(v) };
  }
  return { text: String(v) };
}

export function gridFromWorksheet(ws: Worksheet): Grid {
  const rowCount = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  if (rowCount > MAX_ROWS) {
    throw new ImportError(`工作表“${ws.name}”有 ${rowCount} 行，超过 ${MAX_ROWS} 行的上限，不像一张评分表；请只保留评分表所在区域后再导入 · sheet too long`);
  }
  const width = Math.min(ws.columnCount, MAX_COLUMNS);
  const rows: GridCell[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    const cells: GridCell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged) {
        const master = cell.master;
        const isMaster = master.address === cell.address;
        const v = isMaster ? valueText(cell.value, /%/.test(cell.numFmt ?? "")) : { text: "" };
        cells.push({ ...v, text: clean(v.text), merge: master.address, slave: !isMaster });
      } else {
        const v = valueText(cell.value, /%/.test(cell.numFmt ?? ""));
        cells.push({ text: clean(v.text), numeric: v.numeric, percent: v.numeric && /%/.test(cell.numFmt ?? "") ? true : undefined, error: v.error });
      }
    }
    rows.push(cells);
  }
  // A slave cell shows its master's text to the reader (the level columns rely on it).
  const masters = new Map<string, GridCell>();
  for (const row of rows) for (const c of row) if (c.merge && !c.slave) masters.set(c.merge, c);
  for (const row of rows) for (const c of row) if (c.slave && c.merge) c.text = masters.get(c.merge)?.text ?? "";
  return { name: ws.name, rows, width };
}

/** Cell text on one line: line breaks and runs of spaces folded, ends trimmed. */
export function clean(s: string): string {
  return s.replace(/\r\n?/g, "\n").replace(/[ \t\u00a0\u3000]+/g, " ").replace(/ *\n */g, "\n").trim();
}
