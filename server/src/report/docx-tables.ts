/**
 * The Word report's tables: the 评分表, the national 项目支出绩效自评表, and the
 * plain tables of the review. Text is set by paragraph style (TableText,
 * TableCenter, TableHead); rows may break across pages; the header rows repeat.
 */
import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, type IBorderOptions } from "docx";
import { STYLE } from "./docx-styles";
import { gradeText } from "./text";
import { projectLayout } from "./project-layout";
import type { ProjectColumnKey, ProjectForm, ScoreTable, TierSlot, TotalSummary } from "./types";

const BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

type CellStyle = typeof STYLE.tableText | typeof STYLE.tableCenter | typeof STYLE.tableHead | typeof STYLE.tableNote;

interface CellOptions {
  style?: CellStyle;
  rowSpan?: number;
  columnSpan?: number;
}

function paragraphs(text: string, style: CellStyle): Paragraph[] {
  return text.split("\n").map((line) => new Paragraph({ style, children: line ? [new TextRun(line)] : [] }));
}

export function cell(text: string, width: number, opts: CellOptions = {}): TableCell {
  return new TableCell({
    children: paragraphs(text, opts.style ?? STYLE.tableText),
    width: { size: width, type: WidthType.DXA },
    rowSpan: opts.rowSpan && opts.rowSpan > 1 ? opts.rowSpan : undefined,
    columnSpan: opts.columnSpan && opts.columnSpan > 1 ? opts.columnSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 20, bottom: 20, left: 50, right: 50 },
  });
}

function sum(widths: number[], from: number, count: number): number {
  return widths.slice(from, from + count).reduce((a, b) => a + b, 0);
}

function table(rows: TableRow[], widths: number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({ rows, columnWidths: widths, width: { size: total, type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: BORDERS });
}

function headRow(labels: string[], widths: number[]): TableRow {
  return new TableRow({ tableHeader: true, cantSplit: true, children: labels.map((l, i) => cell(l, widths[i], { style: STYLE.tableHead })) });
}

/** Tier cells of a row: merged cells above are left out (`docx` writes the vMerge), spans add their widths. */
function tierCells(tiers: TierSlot[], widths: number[], offset: number, nameWithWeight: boolean): TableCell[] {
  const out: TableCell[] = [];
  tiers.forEach((slot, i) => {
    if (slot.kind === "covered") return;
    const c = slot.cell;
    const text = nameWithWeight && c.weight ? `${c.name}（${c.weight}分）` : c.name;
    out.push(cell(text, sum(widths, offset + i, c.colSpan), { style: c.leaf ? STYLE.tableText : STYLE.tableCenter, rowSpan: c.rowSpan, columnSpan: c.colSpan }));
  });
  return out;
}

/**
 * Column widths of the 评分表 for a text width: narrow level columns, 分值 and
 * 得分; the rest to 指标解释 (when the table has one, 2/3 of what is left) and
 * 评分标准.
 */
export function scoreColumns(t: ScoreTable, width: number): number[] {
  const tiers = [[1900], [1200, 1700], [760, 960, 1400]][t.tierCount - 1] ?? [760, 960, 1400];
  const fixed = [...tiers, 640, 600];
  const rest = width - fixed.reduce((a, b) => a + b, 0);
  const notes = Math.round(rest * 0.72);
  const text = t.hasNotes ? [notes, rest - notes] : [rest];
  return [...tiers, 640, ...text, 600];
}

/** 评分表: levels | 分值 | (指标解释) | 评分标准 | 得分, and a 合计 row. */
export function scoreTable(t: ScoreTable, total: TotalSummary, width: number): Table {
  const widths = scoreColumns(t, width);
  const n = t.tierCount;
  const labels = [...t.tierLabels, "分值", ...(t.hasNotes ? ["指标解释"] : []), "评分标准", "得分"];
  const rows = t.rows.map((r) => {
    const cells = tierCells(r.tiers, widths, 0, true);
    let at = n;
    cells.push(cell(r.weight, widths[at++], { style: STYLE.tableCenter }));
    if (t.hasNotes) cells.push(cell(r.note, widths[at++], { style: STYLE.tableNote }));
    cells.push(cell(r.standard, widths[at++], { style: STYLE.tableNote }));
    cells.push(cell(r.score, widths[at++], { style: STYLE.tableCenter }));
    return new TableRow({ children: cells });
  });
  const textCols = t.hasNotes ? 2 : 1;
  const foot = new TableRow({
    cantSplit: true,
    children: [
      cell("合计", sum(widths, 0, n), { style: STYLE.tableHead, columnSpan: n }),
      cell(total.fullScore, widths[n], { style: STYLE.tableCenter }),
      cell(gradeText(total) !== undefined ? `等级：${gradeText(total)}` : "", sum(widths, n + 1, textCols), { columnSpan: textCols }),
      cell(total.total ?? "", widths[n + 1 + textCols], { style: STYLE.tableCenter }),
    ],
  });
  return table([headRow(labels, widths), ...rows, foot], widths);
}

/** Grid column widths of the 项目支出 form: label, the three levels, then each form column; 偏差原因 takes the rest. */
const FORM_WIDTHS: Record<ProjectColumnKey, number> = { target: 1600, initialTarget: 1300, adjustedTarget: 1300, actual: 1500, nature: 800, weight: 700, coefficient: 800, score: 1000, reason: 0, core: 800 };

export function projectColumns(keys: ProjectColumnKey[], width: number): number[] {
  const fixed = [760, 1150, 1200, keys.length > 5 ? 1700 : 2100, ...keys.map((k) => FORM_WIDTHS[k])];
  const used = fixed.reduce((a, b) => a + b, 0);
  const rest = Math.max(1600, width - used);
  const widths = fixed.map((w, i) => (i >= 4 && keys[i - 4] === "reason" ? rest : w));
  // Too wide (many provincial columns): narrow every column in proportion.
  const total = widths.reduce((a, b) => a + b, 0);
  return total <= width ? widths : widths.map((w) => Math.floor((w * width) / total));
}

/** 项目支出绩效自评表 as one table, its blocks merged as the national form merges them. */
export function projectTable(f: ProjectForm, width: number): Table {
  const layout = projectLayout(f);
  const w = projectColumns(layout.keys, width);
  const rows = layout.rows.map((cells, i) => {
    const children = cells.map((c) => cell(c.text, sum(w, c.col, c.span), { style: c.head ? STYLE.tableHead : c.centred ? STYLE.tableCenter : STYLE.tableText, columnSpan: c.span, rowSpan: c.rowSpan }));
    // The indicator rows may break across pages; the short rows of the blocks above may not.
    const indicatorRow = i > layout.rows.length - 1 - f.rows.length - 1 && i < layout.rows.length - 1;
    return new TableRow({ cantSplit: indicatorRow ? undefined : true, children });
  });
  return table(rows, w);
}

/** A plain bordered table with a repeated header row. `weights`: relative column widths. */
export function plainTable(head: string[], body: string[][], weights: number[], width: number, centred: boolean[] = []): Table {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((x) => Math.floor((x / total) * width));
  const rows = body.map((r) => new TableRow({ children: r.map((text, i) => cell(text, widths[i], { style: centred[i] ? STYLE.tableCenter : STYLE.tableText })) }));
  return table([headRow(head, widths), ...rows], widths);
}
