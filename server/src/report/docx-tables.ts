/**
 * The Word report's tables: the 评分表, the national 项目支出绩效自评表, and the
 * plain tables of the review. Text is set by paragraph style (TableText,
 * TableCenter, TableHead); rows may break across pages; the header rows repeat.
 */
import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, type IBorderOptions } from "docx";
import { STYLE } from "./docx-styles";
import type { ProjectForm, ScoreTable, TierSlot, TotalSummary } from "./types";

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
      cell(total.grade !== undefined ? `等级：${total.grade}` : "", sum(widths, n + 1, textCols), { columnSpan: textCols }),
      cell(total.total ?? "", widths[n + 1 + textCols], { style: STYLE.tableCenter }),
    ],
  });
  return table([headRow(labels, widths), ...rows, foot], widths);
}

/** Grid of the national form: 绩效指标 label | 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施. */
export function projectColumns(width: number): number[] {
  const fixed = [760, 1150, 1200, 2100, 1600, 1600, 700, 900];
  return [...fixed, width - fixed.reduce((a, b) => a + b, 0)];
}

/** 项目支出绩效自评表 as one table, its blocks merged as the national form merges them. */
export function projectTable(f: ProjectForm, width: number): Table {
  const w = projectColumns(width);
  const c = (text: string, from: number, span: number, style?: CellStyle, rowSpan?: number): TableCell => cell(text, sum(w, from, span), { style, columnSpan: span, rowSpan });
  const rows: TableRow[] = [];
  rows.push(new TableRow({ cantSplit: true, children: [c("项目名称", 0, 2, STYLE.tableHead), c(f.project, 2, 7)] }));
  rows.push(new TableRow({ cantSplit: true, children: [c("主管部门", 0, 2, STYLE.tableHead), c(f.department, 2, 3), c("实施单位", 5, 2, STYLE.tableHead), c(f.unit, 7, 2)] }));
  // 项目资金（万元）: the label merged down over the header and the four source rows.
  const fundHead = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
  const fundCols: [number, number][] = [
    [3, 1],
    [4, 1],
    [5, 1],
    [6, 1],
    [7, 1],
    [8, 1],
  ];
  rows.push(
    new TableRow({
      cantSplit: true,
      children: [c("项目资金（万元）", 0, 1, STYLE.tableHead, 1 + f.funding.length), c("", 1, 2, STYLE.tableHead), ...fundHead.map((h, i) => c(h, fundCols[i][0], fundCols[i][1], STYLE.tableHead))],
    }),
  );
  f.funding.forEach((r, i) => {
    const [weight, rate, score] = i === 0 ? [f.execution.weight, f.execution.rate, f.execution.score] : ["—", "", "—"];
    const values = [r.initial, r.annual, r.spent, weight, rate, score];
    rows.push(new TableRow({ cantSplit: true, children: [c(r.label, 1, 2), ...values.map((v, k) => c(v, fundCols[k][0], fundCols[k][1], STYLE.tableCenter))] }));
  });
  // 年度总体目标: 预期目标 | 实际完成情况.
  rows.push(new TableRow({ cantSplit: true, children: [c("年度总体目标", 0, 1, STYLE.tableHead, 2), c("预期目标", 1, 4, STYLE.tableHead), c("实际完成情况", 5, 4, STYLE.tableHead)] }));
  rows.push(new TableRow({ children: [c(f.goal.expected, 1, 4), c(f.goal.achieved, 5, 4)] }));
  // 绩效指标: the label merged down over the column heads and every indicator row.
  const heads = [...["一级指标", "二级指标", "三级指标"], "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
  rows.push(new TableRow({ cantSplit: true, children: [c("绩效指标", 0, 1, STYLE.tableHead, 1 + f.rows.length), ...heads.map((h, i) => c(h, i + 1, 1, STYLE.tableHead))] }));
  for (const r of f.rows) {
    const cells = tierCells(r.tiers, w, 1, false);
    cells.push(c(r.target, 4, 1, STYLE.tableCenter), c(r.actual, 5, 1, STYLE.tableCenter), c(r.weight, 6, 1, STYLE.tableCenter), c(r.score, 7, 1, STYLE.tableCenter), c(r.reason, 8, 1));
    rows.push(new TableRow({ children: cells }));
  }
  rows.push(new TableRow({ cantSplit: true, children: [c("总分", 0, 6, STYLE.tableHead), c(f.fullScore, 6, 1, STYLE.tableCenter), c(f.total, 7, 1, STYLE.tableCenter), c("", 8, 1)] }));
  return table(rows, w);
}

/** A plain bordered table with a repeated header row. `weights`: relative column widths. */
export function plainTable(head: string[], body: string[][], weights: number[], width: number, centred: boolean[] = []): Table {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((x) => Math.floor((x / total) * width));
  const rows = body.map((r) => new TableRow({ children: r.map((text, i) => cell(text, widths[i], { style: centred[i] ? STYLE.tableCenter : STYLE.tableText })) }));
  return table([headRow(head, widths), ...rows], widths);
}
