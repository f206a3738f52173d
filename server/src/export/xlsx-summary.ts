/**
 * `perf-eval summary --format xlsx`: the roll-up as a workbook — one row per
 * evaluation (总分, 等级, 预算 and 执行 in 万元 as numbers, 执行率 as a percentage),
 * a 合计 row whose SUM formulas agree with the computed totals, and, with
 * --cohort, a second sheet with the 极值法 scores.
 */
import type { EvaluationSummary } from "../summary/summary";
import { executionRate, summaryTotals } from "../summary/summary";
import type { CohortResult } from "../summary/cohort";
import { columnName } from "../import/grid";
import { fitColumns, fitRows, headerCell, numberCell, pageSetup, sumCell, textCell } from "./xlsx-sheet";
import { loadExcel } from "./xlsx-score";

export async function summaryWorkbook(rows: EvaluationSummary[], cohort?: CohortResult): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = "perf-eval";
  // Excel recomputes the SUM formulas on opening (their cached results are written too).
  wb.calcProperties = { fullCalcOnLoad: true };
  const ws = wb.addWorksheet("汇总");
  const cf = cohort ? new Map(cohort.files.map((f) => [f.path, f])) : undefined;
  const heads = ["文件", "单位", "年度", "类型", "项目", "总分", "等级", "满分", "预算（万元）", "执行（万元）", "执行率", "错误", "警告"];
  if (cf) heads.push("极值法总分", "极值法等级");
  const col = (h: string) => heads.indexOf(h) + 1;
  ws.getCell(1, 1).value = "绩效自评汇总表";
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: "center" };
  ws.mergeCells(1, 1, 1, heads.length);
  for (const [i, h] of heads.entries()) headerCell(ws.getCell(2, i + 1), h);
  const first = 3;
  rows.forEach((r, i) => {
    const row = first + i;
    textCell(ws.getCell(row, col("文件")), r.path);
    textCell(ws.getCell(row, col("单位")), r.unit);
    textCell(ws.getCell(row, col("年度")), r.year);
    textCell(ws.getCell(row, col("类型")), r.scope);
    textCell(ws.getCell(row, col("项目")), r.project ?? "");
    numberCell(ws.getCell(row, col("总分")), r.total);
    textCell(ws.getCell(row, col("等级")), r.grade ?? "");
    numberCell(ws.getCell(row, col("满分")), r.fullScore, "0.##");
    numberCell(ws.getCell(row, col("预算（万元）")), r.budget?.unit === "万元" ? r.budget.value : undefined, "#,##0.00##");
    numberCell(ws.getCell(row, col("执行（万元）")), r.spending?.unit === "万元" ? r.spending.value : undefined, "#,##0.00##");
    numberCell(ws.getCell(row, col("执行率")), executionRate(r)?.toDecimalPlaces(8).toString(), "0.00%");
    numberCell(ws.getCell(row, col("错误")), String(r.errors), "0");
    numberCell(ws.getCell(row, col("警告")), String(r.warnings), "0");
    if (cf) {
      const c = cf.get(r.path);
      numberCell(ws.getCell(row, col("极值法总分")), c?.cohortTotal);
      textCell(ws.getCell(row, col("极值法等级")), c?.cohortGrade ?? "");
    }
  });
  const totalRow = first + rows.length;
  const last = Math.max(first, totalRow - 1);
  const t = summaryTotals(rows);
  textCell(ws.getCell(totalRow, 1), `合计（${t.files} 个文件）`, true);
  const range = (h: string) => `${columnName(col(h) - 1)}${first}:${columnName(col(h) - 1)}${last}`;
  sumCell(ws.getCell(totalRow, col("预算（万元）")), range("预算（万元）"), t.budget.value, "#,##0.00##");
  sumCell(ws.getCell(totalRow, col("执行（万元）")), range("执行（万元）"), t.spending.value, "#,##0.00##");
  sumCell(ws.getCell(totalRow, col("错误")), range("错误"), String(rows.reduce((s, r) => s + r.errors, 0)), "0");
  sumCell(ws.getCell(totalRow, col("警告")), range("警告"), String(rows.reduce((s, r) => s + r.warnings, 0)), "0");
  fitColumns(ws, 2, 6, 40);
  fitRows(ws, 3);
  pageSetup(ws, 2, 2, heads.length);
  if (cohort?.indicators.length) {
    const cs = wb.addWorksheet("极值法");
    const ch = ["文件", "指标", "实际值", "分值", "区间得分", "极值法得分"];
    for (const [i, h] of ch.entries()) headerCell(cs.getCell(1, i + 1), h);
    let r = 2;
    for (const f of cohort.files) {
      for (const s of f.scores) {
        textCell(cs.getCell(r, 1), f.path);
        textCell(cs.getCell(r, 2), s.name);
        textCell(cs.getCell(r, 3), s.measuredText);
        numberCell(cs.getCell(r, 4), s.weight, "0.##");
        numberCell(cs.getCell(r, 5), s.bandScore, "0.00");
        numberCell(cs.getCell(r, 6), s.cohortScore, "0.00");
        r++;
      }
    }
    fitColumns(cs, 1);
    pageSetup(cs, 1, 1, ch.length);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
