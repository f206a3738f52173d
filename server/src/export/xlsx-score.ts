/**
 * `perf-eval score --format xlsx`: the 评分表 of a 部门整体支出 evaluation (one
 * row per leaf, the level columns merged over their leaves, 分值 / 得分 as
 * numbers, a 合计 row whose SUM formulas agree with the computed total), or the
 * national 项目支出绩效自评表 for a 项目支出 one (see xlsx-project.ts). Measures
 * (考核指标) follow the scored rows without a weight.
 */
import type { Workbook, Worksheet } from "exceljs";
import type { Analysis } from "../analysis";
import type { Indicator } from "../model/types";
import { formatDecimal } from "../quantity/decimal";
import { uncappedTotal } from "../summary/record";
import { columnName } from "../import/grid";
import { fitColumns, fitRows, headerCell, numberCell, pageSetup, sheetName, sumCell, textCell } from "./xlsx-sheet";
import { writeProjectForm } from "./xlsx-project";
import { writeReviewSheet } from "./xlsx-review";

const LEVEL_NAMES = ["一级指标", "二级指标", "三级指标", "四级指标", "五级指标", "六级指标"];

/** A score as a numeric cell's value: exact to 6 places (the sheet shows 2). */
export const scoreValue = (d: { toDecimalPlaces(n: number): { toString(): string } } | undefined): string | undefined =>
  d === undefined ? undefined : d.toDecimalPlaces(6).toString();

export interface LeafRow {
  /** Names from the root down; ancestors' names carry “（N分）” when their weight is not the sum of their children's. */
  path: string[];
  indicator: Indicator;
}

function depthOf(ind: Indicator): number {
  return ind.children.length === 0 ? 1 : 1 + Math.max(...ind.children.map(depthOf));
}

function displayName(ind: Indicator): string {
  if (ind.children.length === 0 || ind.weight === null) return ind.name;
  const sum = ind.children.reduce((s, c) => (c.weight ? s.plus(c.weight) : s), ind.weight.minus(ind.weight));
  return sum.equals(ind.weight) ? ind.name : `${ind.name}（${formatDecimal(ind.weight, 4)}分）`;
}

export function leafRows(roots: readonly Indicator[]): LeafRow[] {
  const out: LeafRow[] = [];
  const visit = (ind: Indicator, path: string[]) => {
    const here = [...path, displayName(ind)];
    if (ind.children.length === 0) out.push({ path: here, indicator: ind });
    for (const c of ind.children) visit(c, here);
  };
  for (const r of roots) visit(r, []);
  return out;
}

/** The level cells of rows [first, first + rows.length): equal ancestors merged down, a short path merged across. */
export function writeLevels(ws: Worksheet, first: number, col: number, levels: number, rows: LeafRow[]): void {
  rows.forEach((row, i) => {
    const r = first + i;
    for (let l = 0; l < levels; l++) {
      const name = row.path[l];
      const cell = ws.getCell(r, col + l);
      if (name === undefined) continue;
      textCell(cell, name);
    }
    if (row.path.length < levels) {
      for (let l = row.path.length; l < levels; l++) textCell(ws.getCell(r, col + l), "");
      ws.mergeCells(r, col + row.path.length - 1, r, col + levels - 1);
    }
  });
  // Vertical merges: a run of rows with the same ancestors at level l (for levels above each row's own).
  for (let l = 0; l < levels; l++) {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      const same = (a: LeafRow, b: LeafRow) => a.path.length > l + 1 && b.path.length > l + 1 && a.path.slice(0, l + 1).join("\u0001") === b.path.slice(0, l + 1).join("\u0001");
      if (i < rows.length && same(rows[start], rows[i]) && sameRun(rows, start, i, l)) continue;
      if (i - start > 1) ws.mergeCells(first + start, col + l, first + i - 1, col + l);
      start = i;
    }
  }
}

function sameRun(rows: LeafRow[], start: number, i: number, l: number): boolean {
  return rows[i - 1].path.slice(0, l + 1).join("\u0001") === rows[start].path.slice(0, l + 1).join("\u0001");
}

const fieldText = (ind: Indicator, ...keys: string[]): string => {
  for (const k of keys) {
    const f = ind.fields.get(k);
    if (f?.value) return f.value;
  }
  return "";
};

/** The department 评分表. */
export function writeScoreSheet(wb: Workbook, a: Analysis, taken: Set<string>): Worksheet {
  if (a.model.scope === "项目支出") return writeProjectForm(wb, a, taken);
  const m = a.model;
  const ev = a.evaluation;
  const unit = m.header.get("单位")?.value ?? "";
  const year = m.header.get("年度")?.value ?? "";
  const ws = wb.addWorksheet(sheetName(unit ? `${unit}评分表` : "评分表", taken));
  const levels = Math.max(1, ...m.roots.map(depthOf));
  const heads = [...LEVEL_NAMES.slice(0, levels), "分值", "指标解释", "评分标准", "年度指标值", "实际完成值", "得分", "偏差原因分析及改进措施"];
  const col = (name: string) => heads.indexOf(name) + 1;
  ws.getCell(1, 1).value = `${unit}${year ? `${year}年度` : ""}部门整体支出绩效自评评分表`;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: "center", vertical: "middle" };
  ws.mergeCells(1, 1, 1, heads.length);
  ws.getCell(2, 1).value = `单位名称：${unit}`;
  ws.mergeCells(2, 1, 2, Math.max(1, levels));
  ws.getCell(2, levels + 1).value = `评价年度：${year}`;
  ws.mergeCells(2, levels + 1, 2, levels + 3);
  for (const [i, h] of heads.entries()) headerCell(ws.getCell(3, i + 1), h);
  const leaves = leafRows(m.roots);
  const measures = m.measures;
  const first = 4;
  writeLevels(ws, first, 1, levels, leaves);
  leaves.forEach((row, i) => {
    const r = first + i;
    const ind = row.indicator;
    const res = ev.results.get(ind);
    numberCell(ws.getCell(r, col("分值")), ind.weight ? ind.weight.toString() : undefined, "0.##");
    textCell(ws.getCell(r, col("指标解释")), fieldText(ind, "说明", "指标解释"));
    textCell(ws.getCell(r, col("评分标准")), ind.rule?.field.value ?? fieldText(ind, "评分标准"));
    textCell(ws.getCell(r, col("年度指标值")), ind.target?.field.value ?? "");
    textCell(ws.getCell(r, col("实际完成值")), res?.measured?.format() ?? (ind.actual?.field.value || fieldText(ind, "结果")));
    numberCell(ws.getCell(r, col("得分")), scoreValue(res?.score));
    textCell(ws.getCell(r, col("偏差原因分析及改进措施")), fieldText(ind, "偏差原因"));
  });
  const afterLeaves = first + leaves.length;
  measures.forEach((ind, i) => {
    const r = afterLeaves + i;
    const res = ev.results.get(ind);
    textCell(ws.getCell(r, 1), ind.name);
    if (levels > 1) ws.mergeCells(r, 1, r, levels);
    numberCell(ws.getCell(r, col("分值")), undefined);
    textCell(ws.getCell(r, col("指标解释")), fieldText(ind, "说明"));
    textCell(ws.getCell(r, col("评分标准")), "");
    textCell(ws.getCell(r, col("年度指标值")), ind.target?.field.value ?? "");
    textCell(ws.getCell(r, col("实际完成值")), res?.measured?.format() ?? ind.actual?.field.value ?? "");
    numberCell(ws.getCell(r, col("得分")), undefined);
    textCell(ws.getCell(r, col("偏差原因分析及改进措施")), fieldText(ind, "偏差原因"));
  });
  const totalRow = afterLeaves + measures.length;
  textCell(ws.getCell(totalRow, 1), "合计", true);
  if (levels > 1) ws.mergeCells(totalRow, 1, totalRow, levels);
  const last = Math.max(first, afterLeaves - 1);
  const weightCol = columnName(col("分值") - 1);
  const scoreCol = columnName(col("得分") - 1);
  const weightSum = leaves.reduce((s, l) => (l.indicator.weight ? s.plus(l.indicator.weight) : s), m.policy.fullScore.minus(m.policy.fullScore));
  sumCell(ws.getCell(totalRow, col("分值")), `${weightCol}${first}:${weightCol}${last}`, weightSum.toString(), "0.##");
  const sum = leaves.reduce((s, l) => s.plus(scoreValue(ev.results.get(l.indicator)?.score) ?? "0"), weightSum.minus(weightSum));
  sumCell(ws.getCell(totalRow, col("得分")), `${scoreCol}${first}:${scoreCol}${last}`, sum.toString());
  let note = totalRow + 1;
  const uncapped = uncappedTotal(a);
  if (ev.total !== undefined && uncapped !== undefined && !ev.total.equals(uncapped)) {
    ws.getCell(note, 1).value = `执行率封顶后自评总分：${formatDecimal(ev.total, 2)}`;
    note++;
  }
  if (ev.grade) ws.getCell(note, 1).value = `等级：${ev.grade}`;
  if (!ev.complete) ws.getCell(note, levels + 1).value = "部分指标未计分";
  fitColumns(ws, 3);
  for (let l = 1; l <= levels; l++) ws.getColumn(l).width = Math.min(ws.getColumn(l).width ?? 12, 22);
  fitRows(ws, 3);
  pageSetup(ws, 3, 3, heads.length);
  return ws;
}

/** A workbook with the score sheet of each analysis. */
export async function scoreWorkbook(files: { path: string; analysis: Analysis }[], options: { review?: boolean } = {}): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = "perf-eval";
  // Excel recomputes the SUM formulas on opening (their cached results are written too).
  wb.calcProperties = { fullCalcOnLoad: true };
  const taken = new Set<string>();
  for (const f of files) {
    writeScoreSheet(wb, f.analysis, taken);
    if (options.review) writeReviewSheet(wb, f.analysis, taken);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function loadExcel(): Promise<typeof import("exceljs")> {
  const mod = await import("exceljs");
  return ((mod as { default?: typeof import("exceljs") }).default ?? mod) as typeof import("exceljs");
}
