/**
 * What every exported worksheet shares: text cells that are only ever text (a
 * value from a file never becomes a formula), numeric cells with a display
 * format, thin borders, column widths measured in East Asian widths, a frozen
 * header, and A4 print setup with the header rows repeated on every page.
 */
import type { Cell, Worksheet } from "exceljs";
import stringWidth from "string-width";

export const BORDER = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } } as const;

/** A text cell. exceljs stores a string as a string even when it starts with “=”: it is never a formula. */
export function textCell(cell: Cell, text: string, bold = false): void {
  cell.value = text;
  cell.alignment = { vertical: "middle", wrapText: true };
  cell.border = BORDER;
  if (bold) cell.font = { bold: true };
}

/** A numeric cell from a decimal string (exact to 12 significant digits, shown with `format`). */
export function numberCell(cell: Cell, value: string | undefined, format = "0.00"): void {
  cell.border = BORDER;
  cell.alignment = { vertical: "middle", horizontal: "right" };
  if (value === undefined || value === "") return;
  cell.value = Number(value);
  cell.numFmt = format;
}

/** A SUM formula with its cached result, so a reader without recalculation sees the figure. */
export function sumCell(cell: Cell, range: string, result: string | undefined, format = "0.00"): void {
  cell.value = { formula: `SUM(${range})`, result: result === undefined ? 0 : Number(result) } as never;
  cell.numFmt = format;
  cell.border = BORDER;
  cell.font = { bold: true };
  cell.alignment = { vertical: "middle", horizontal: "right" };
}

export function headerCell(cell: Cell, text: string): void {
  textCell(cell, text, true);
  cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFEFEF" } };
}

/**
 * Column widths from the widest line of each column (CJK characters count two),
 * between `min` and `max` characters; long texts wrap inside the maximum.
 */
export function fitColumns(ws: Worksheet, fromRow: number, min = 6, max = 48): void {
  const widths: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r < fromRow) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const v = cell.value;
      const text = typeof v === "number" ? v.toFixed(2) : typeof v === "string" ? v : "";
      const w = Math.max(0, ...text.split("\n").map((l) => stringWidth(l)));
      widths[c] = Math.max(widths[c] ?? 0, w);
    });
  });
  for (let c = 1; c < widths.length; c++) ws.getColumn(c).width = Math.min(max, Math.max(min, (widths[c] ?? 0) + 2));
}

/**
 * Row heights for wrapped text: Excel does not grow a row on its own when a
 * file sets wrapping, so each row gets the height of its tallest cell (lines
 * counted in East Asian widths against the cell's column widths).
 */
export function fitRows(ws: Worksheet, fromRow: number, lineHeight = 13.5): void {
  const widthOf = (c: number) => ws.getColumn(c).width ?? 9;
  const spans = new Map<string, number>();
  for (const m of ws.model.merges ?? []) {
    const [a, b] = m.split(":");
    const first = ws.getCell(a);
    const last = ws.getCell(b);
    if (Number(first.row) !== Number(last.row)) continue; // a vertical merge has room of its own
    let w = 0;
    for (let c = Number(first.col); c <= Number(last.col); c++) w += widthOf(c);
    spans.set(first.address, w);
  }
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r < fromRow) return;
    let lines = 1;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (typeof cell.value !== "string" || (cell.isMerged && cell.master.address !== cell.address)) return;
      const room = Math.max(2, (spans.get(cell.address) ?? widthOf(c)) - 1);
      const n = cell.value.split("\n").reduce((s, l) => s + Math.max(1, Math.ceil(stringWidth(l) / room)), 0);
      lines = Math.max(lines, n);
    });
    if (lines > 1) row.height = Math.min(409, lines * lineHeight + 4);
  });
}

/** Characters of column width above which a sheet is printed landscape. */
const A4_PORTRAIT = 82;
/**
 * Pages tall a sheet may take when fitted to one page wide. Excel reads 0 as
 * “automatic”, but exceljs does not write a 0, and the default (1) would shrink
 * a long table onto one page: a bound no table reaches works in Excel and
 * LibreOffice alike.
 */
const PAGES_TALL = 999;

/** A4, landscape when wide, fitted to one page wide, header rows repeated, frozen below the header. */
export function pageSetup(ws: Worksheet, headerFirst: number, headerLast: number, columns: number): void {
  let width = 0;
  for (let c = 1; c <= columns; c++) width += ws.getColumn(c).width ?? 9;
  ws.pageSetup = {
    paperSize: 9,
    orientation: width > A4_PORTRAIT ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: PAGES_TALL,
    printTitlesRow: `${headerFirst}:${headerLast}`,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: headerLast }];
}

/** A worksheet name Excel accepts: ≤ 31 characters, none of []:*?/\ , unique in the workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, "_").slice(0, 28) || "表";
  let n = base;
  for (let i = 2; taken.has(n); i++) n = `${base}(${i})`;
  taken.add(n);
  return n;
}
