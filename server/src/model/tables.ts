/**
 * 表格即数据: a GFM pipe table in the header or a prose section (what Excel
 * and Word converters paste) is read as shared data — each numeric cell is
 * the data item `行标签.列标题` (`本年财政拨款.全年预算数`) — and its totals are
 * checked on the cell that is wrong:
 * - a last row 合计 / 总计 equals the sum of the rows above it (其中 rows excepted), PE411;
 * - in the national funding block, 年度资金总额 = 本年财政拨款 + 上年结转资金 + 其他资金, PE411;
 * - any other `其中：X` row is a part of the row before it and may not exceed it, PE412.
 * The funding block also supplies 全年预算数 / 全年执行数 / 年初预算数 when the
 * file does not write them, for the 预算执行率 row.
 *
 * Units: the cell's own, else the column title's `（万元）`, else a caption
 * line `（单位：万元）` just above the table. The reader never throws; table
 * rows stay text lines of the file (fmt leaves them as written).
 */
import type Decimal from "decimal.js";
import { makeDiagnostic, lineRange, type Diagnostic } from "../diagnostics/catalogue";
import { formatDecimal, parseDecimal, writtenDecimals } from "../quantity/decimal";
import { Quantity } from "../quantity/quantity";
import type { Span } from "../syntax/ast";
import type { SyntaxTree } from "../syntax/parse";
import type { DataItem, Field } from "./types";

interface Cell {
  text: string;
  span: Span;
}

interface Row {
  line: number;
  cells: Cell[];
  /** The row label without a leading 其中： */
  label: string;
  /** Written `其中：…`: a part of the row before it. */
  part: boolean;
}

interface NumericCell {
  item: DataItem;
  value: Quantity;
  /** The number as written, for the tolerance. */
  written: string;
}

export interface TableData {
  items: DataItem[];
  diagnostics: Diagnostic[];
}

const SEPARATOR = /^\s*:?-+:?\s*$/;
const CAPTION = /^[(（]?\s*(?:金额)?单位\s*[:：]\s*([^)）\s]+)\s*[)）]?\s*$/;
const NUMERIC = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*([^\d\s.,+-][^\s]*)?$/;
/** Columns that are not amounts to add up: rates, weights, scores. */
const NOT_SUMMED = /率|分值|得分|比例|系数|权重|占比/;
const FUNDING_TOTAL = "年度资金总额";

/** The cells of a table line (folded), with their spans in the line; undefined when the line is no table row. */
function cellsOf(folded: string): Cell[] | undefined {
  const start = folded.indexOf("|");
  if (start < 0 || folded.slice(0, start).trim() !== "") return undefined;
  const cells: Cell[] = [];
  let from = start + 1;
  for (let i = from; i <= folded.length; i++) {
    if (i === folded.length || folded[i] === "|") {
      if (i === folded.length && folded.slice(from).trim() === "") break;
      let s = from;
      let e = i;
      while (s < e && /\s/.test(folded[s])) s++;
      while (e > s && /\s/.test(folded[e - 1])) e--;
      cells.push({ text: folded.slice(s, e), span: [s, e] });
      from = i + 1;
    }
  }
  return cells;
}

function splitTitle(title: string): { name: string; unit: string | null } {
  const m = /^(.*?)\s*[(（]\s*([^()（）]+?)\s*[)）]\s*$/.exec(title);
  if (m && Quantity.fromWritten("1", m[2])) return { name: m[1].replace(/\s/g, ""), unit: m[2] };
  return { name: title.replace(/\s/g, ""), unit: null };
}

function rowLabel(text: string): { label: string; part: boolean } {
  const m = /^其中\s*[:：]\s*/.exec(text);
  let label = (m ? text.slice(m[0].length) : text).replace(/\s/g, "").replace(/[:：]$/, "");
  // The funding block's total under the names provinces print (总额, 资金总额) is 年度资金总额.
  if (/^(资金总额|总额|项目资金总额)$/.test(label)) label = FUNDING_TOTAL;
  return { label, part: m !== null };
}

/** Read every pipe table of the lines `ranges` (header and prose sections). */
export function readTables(syntax: SyntaxTree, ranges: [number, number][]): TableData {
  const out: TableData = { items: [], diagnostics: [] };
  try {
    for (const [from, to] of ranges) {
      let i = from;
      while (i <= to) {
        if (!cellsOf(syntax.lines[i].folded)) {
          i++;
          continue;
        }
        let end = i;
        while (end + 1 <= to && cellsOf(syntax.lines[end + 1].folded)) end++;
        readTable(syntax, i, end, out);
        i = end + 1;
      }
    }
  } catch {
    // A table the reader cannot follow stays text; the reader never throws.
  }
  return out;
}

function captionUnit(syntax: SyntaxTree, first: number): string | null {
  for (let k = first - 1; k >= Math.max(0, first - 2); k--) {
    const t = syntax.lines[k].folded.trim();
    if (t === "") continue;
    const m = CAPTION.exec(t);
    return m && Quantity.fromWritten("1", m[1]) ? m[1] : null;
  }
  return null;
}

function readTable(syntax: SyntaxTree, first: number, last: number, out: TableData): void {
  const header = cellsOf(syntax.lines[first].folded)!;
  const sep = first + 1 <= last ? cellsOf(syntax.lines[first + 1].folded) : undefined;
  if (!sep?.every((c) => SEPARATOR.test(c.text)) || header.length < 2) return;
  const caption = captionUnit(syntax, first);
  const columns = header.map((c) => splitTitle(c.text));
  const rows: Row[] = [];
  for (let k = first + 2; k <= last; k++) {
    const cells = cellsOf(syntax.lines[k].folded)!;
    if (cells.length === 0 || cells[0].text === "") continue;
    rows.push({ line: k, cells, ...rowLabel(cells[0].text) });
  }
  // Cells by row and column title.
  const grid = new Map<Row, Map<string, NumericCell>>();
  const seen = new Set<string>();
  for (const row of rows) {
    const byColumn = new Map<string, NumericCell>();
    grid.set(row, byColumn);
    for (let c = 1; c < row.cells.length && c < columns.length; c++) {
      const cell = row.cells[c];
      const m = NUMERIC.exec(cell.text);
      if (!m || columns[c].name === "") continue;
      const unit = m[2] ?? columns[c].unit ?? (NOT_SUMMED.test(columns[c].name) ? null : caption);
      const value = Quantity.fromWritten(m[1], unit);
      if (!value) continue;
      const name = `${row.label}.${columns[c].name}`;
      if (seen.has(name)) continue;
      seen.add(name);
      const source = syntax.lines[row.line].text;
      const field: Field = { key: name, value: source.slice(cell.span[0], cell.span[1]), line: row.line, keySpan: cell.span, valueSpan: cell.span };
      const unitNode = unit === null ? null : { text: unit, span: cell.span };
      const item: DataItem = { name, field, node: { quantity: { value: m[1], unit: unitNode, approx: false, span: cell.span }, derivation: null }, stated: value };
      out.items.push(item);
      byColumn.set(columns[c].name, { item, value, written: m[1] });
    }
  }
  const funding = rows.some((r) => r.label === FUNDING_TOTAL);
  checkTotals(rows, grid, columns.map((c) => c.name), funding, out);
}

/**
 * Does `sum` agree with the stated total at the precision written: the total's own, or that of the most precise
 * part in the same unit (a 合计 of 810 over 510 and 300.25 is wrong: the parts are exact to 0.01).
 */
function agrees(cell: NumericCell, sum: Decimal, parts: readonly NumericCell[] = []): boolean {
  const unit = cell.value.unit;
  const shown = unit ? Quantity.fromWritten("1", unit) : undefined;
  const inUnit = shown ? sum.dividedBy(shown.value) : sum;
  const same = parts.filter((p) => p.value.unit === unit).map((p) => writtenDecimals(p.written.replace(/,/g, "")));
  const dp = Math.max(writtenDecimals(cell.written.replace(/,/g, "")), ...same);
  return inUnit.toDecimalPlaces(dp).equals(parseDecimal(cell.written).toDecimalPlaces(dp));
}

/** The sum in the total cell's unit, with as many decimals as the most precise cell added (89.974, not 89.97). */
function shownSum(cell: NumericCell, sum: Decimal, parts: NumericCell[]): string {
  const unit = cell.value.unit;
  const scale = unit ? Quantity.fromWritten("1", unit)?.value : undefined;
  const v = scale ? sum.dividedBy(scale) : sum;
  const dp = Math.max(2, ...[cell, ...parts].map((c) => writtenDecimals(c.written.replace(/,/g, ""))));
  return `${formatDecimal(v, dp)}${unit ? ` ${unit}` : ""}`;
}

function checkTotals(rows: Row[], grid: Map<Row, Map<string, NumericCell>>, columns: string[], funding: boolean, out: TableData): void {
  const summed = columns.slice(1).filter((c) => c !== "" && !NOT_SUMMED.test(c));
  const add = (code: "PE411" | "PE412" | "PE418", cell: NumericCell, args: Record<string, string>) => {
    const f = cell.item.field;
    out.diagnostics.push(makeDiagnostic(code, lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), args, code !== "PE412" ? { computed: args.computed } : undefined));
  };
  // 合计 / 总计 as the last row: the sum of the rows above it (其中 rows are parts, not added).
  const last = rows[rows.length - 1];
  if (last && /^(合计|总计|小计)$/.test(last.label)) {
    for (const col of summed) {
      const total = grid.get(last)?.get(col);
      if (!total) continue;
      const parts = rows.slice(0, -1).filter((r) => !r.part).map((r) => grid.get(r)?.get(col));
      if (parts.length === 0 || parts.some((p) => p === undefined || p.value.dim !== total.value.dim)) continue;
      const sum = parts.reduce((s, p) => s.plus(p!.value.value), parseDecimal("0"));
      if (!agrees(total, sum, parts as NumericCell[])) add("PE411", total, { row: last.label, column: col, stated: total.item.field.value, computed: shownSum(total, sum, parts as NumericCell[]), what: "其上各行之和" });
    }
  }
  if (funding) {
    // 年度资金总额 is the sum of the rows below it (本年财政拨款, 上年结转资金, 其他资金; a province's own sources too).
    const total = rows.find((r) => r.label === FUNDING_TOTAL)!;
    const parts = rows.slice(rows.indexOf(total) + 1).filter((r) => !/^(合计|总计|小计)$/.test(r.label));
    for (const col of summed) {
      const t = grid.get(total)?.get(col);
      const cells = parts.map((r) => grid.get(r)?.get(col)).filter((c): c is NumericCell => c !== undefined);
      if (!t || cells.length === 0 || cells.some((c) => c.value.dim !== t.value.dim)) continue;
      const sum = cells.reduce((s, c) => s.plus(c.value.value), parseDecimal("0"));
      if (t.value.value.isZero() && !sum.isZero()) {
        // Printed 0 over sources with figures (an unfilled total row): the total is the sources' sum, said once on the cell.
        const scale = t.value.unit ? Quantity.fromWritten("1", t.value.unit)?.value : undefined;
        const fixed = Quantity.fromWritten((scale ? sum.dividedBy(scale) : sum).toString(), t.value.unit || null);
        const k = out.items.indexOf(t.item);
        if (fixed && k >= 0) out.items[k] = { ...t.item, stated: fixed };
        add("PE418", t, { row: FUNDING_TOTAL, column: col, computed: shownSum(t, sum, cells) });
      } else if (!agrees(t, sum, cells)) add("PE411", t, { row: FUNDING_TOTAL, column: col, stated: t.item.field.value, computed: shownSum(t, sum, cells), what: "其下各资金来源（本年财政拨款、上年结转资金、其他资金等）之和" });
    }
  }
  // 其中：X is a part of the row before it (other than the funding block's own parts).
  let whole: Row | undefined;
  for (const row of rows) {
    if (!row.part) {
      whole = row;
      continue;
    }
    if (!whole || funding) continue;
    for (const col of summed) {
      const p = grid.get(row)?.get(col);
      const w = grid.get(whole)?.get(col);
      if (p && w && p.value.dim === w.value.dim && p.value.value.greaterThan(w.value.value)) {
        add("PE412", p, { row: row.label, column: col, stated: p.item.field.value, whole: whole.label, wholeValue: w.item.field.value });
      }
    }
  }
}

/** The funding block's figures under the names the 预算执行率 row reads, when the file does not write them. */
export const FUNDING_ALIASES: [string, string[]][] = [
  ["全年预算数", [`${FUNDING_TOTAL}.全年预算数`, `${FUNDING_TOTAL}.调整后预算数`, `${FUNDING_TOTAL}.调整后预算`]],
  ["全年执行数", [`${FUNDING_TOTAL}.全年执行数`, `${FUNDING_TOTAL}.预算执行数`, `${FUNDING_TOTAL}.执行数`]],
  ["年初预算数", [`${FUNDING_TOTAL}.年初预算数`, `${FUNDING_TOTAL}.年初预算`]],
];
