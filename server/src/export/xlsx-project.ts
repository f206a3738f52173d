/**
 * The national 项目支出绩效自评表 (财预〔2020〕10号 附件 layout): 项目名称, 主管部门 /
 * 实施单位, the funding block (年度资金总额 and its parts by 年初预算数 / 全年预算数 /
 * 全年执行数, with 分值 10, 执行率 and 得分), 年度总体目标, the indicator rows and the
 * 总分 row, whose formula adds the execution score and the indicators' scores.
 */
import type { Workbook, Worksheet } from "exceljs";
import type { Analysis } from "../analysis";
import type { DataItem } from "../model/types";
import { formatDecimal } from "../quantity/decimal";
import { fitColumns, fitRows, headerCell, numberCell, pageSetup, sheetName, sumCell, textCell } from "./xlsx-sheet";
import { leafRows, scoreValue, writeLevels } from "./xlsx-score";

const MONEY_COLUMNS = ["年初预算数", "全年预算数", "全年执行数"] as const;
/** Each row's data names: the pipe table's `行标签.列标题` first, then the import's older `行标签列标题`. */
const MONEY_ROWS: [string, string[]][] = [
  ["年度资金总额", ["年度资金总额.", ""]],
  ["其中：本年财政拨款", ["本年财政拨款.", "本年财政拨款", "财政拨款"]],
  ["上年结转资金", ["上年结转资金.", "上年结转资金", "上年结转"]],
  ["其他资金", ["其他资金.", "其他资金"]],
];

/** A funding figure in 万元 as a number, from the data item `prefix + column`. */
function money(a: Analysis, prefixes: string[], column: string): string | undefined {
  for (const p of prefixes) {
    const item: DataItem | undefined = a.model.data.get(p + column);
    if (!item) continue;
    const r = a.evaluation.data.get(item);
    const q = r?.derived ?? r?.value ?? item.stated;
    if (!q) continue;
    const text = q.format();
    const m = /^(-?[\d,]+(?:\.\d+)?)\s*(万元|元)?$/.exec(text);
    if (!m) continue;
    const v = m[1].replace(/,/g, "");
    return m[2] === "元" ? String(Number(v) / 10000) : v;
  }
  return undefined;
}

export function writeProjectForm(wb: Workbook, a: Analysis, taken: Set<string>): Worksheet {
  const m = a.model;
  const ev = a.evaluation;
  const h = (k: string) => m.header.get(k)?.value ?? "";
  const ws = wb.addWorksheet(sheetName(h("项目") ? `${h("项目")}自评表` : "项目支出绩效自评表", taken));
  const W = 9; // columns A–I
  ws.getCell("A1").value = "项目支出绩效自评表";
  ws.getCell("A1").font = { bold: true, size: 16 };
  ws.getCell("A1").alignment = { horizontal: "center" };
  ws.mergeCells(1, 1, 1, W);
  ws.getCell("A2").value = `（${h("年度")}年度）`;
  ws.getCell("A2").alignment = { horizontal: "center" };
  ws.mergeCells(2, 1, 2, W);
  textCell(ws.getCell("A3"), "项目名称", true);
  textCell(ws.getCell("B3"), h("项目"));
  ws.mergeCells(3, 2, 3, W);
  textCell(ws.getCell("A4"), "主管部门", true);
  textCell(ws.getCell("B4"), h("主管部门"));
  ws.mergeCells(4, 2, 4, 4);
  textCell(ws.getCell("E4"), "实施单位", true);
  textCell(ws.getCell("F4"), h("实施单位") || h("单位"));
  ws.mergeCells(4, 6, 4, W);
  // Funding block: rows 5–9.
  textCell(ws.getCell("A5"), "项目资金（万元）", true);
  for (const [i, t] of ["", ...MONEY_COLUMNS, "分值", "执行率", "得分"].entries()) headerCell(ws.getCell(5, 2 + i), t);
  const execution = m.roots.find((r) => r.virtual);
  const execResult = execution ? ev.results.get(execution) : undefined;
  MONEY_ROWS.forEach(([label, prefixes], i) => {
    const r = 6 + i;
    textCell(ws.getCell(r, 2), label);
    for (const [j, c] of MONEY_COLUMNS.entries()) numberCell(ws.getCell(r, 3 + j), money(a, prefixes, c), "0.00##");
    if (i === 0) {
      numberCell(ws.getCell(r, 6), execution?.weight?.toString(), "0.##");
      numberCell(ws.getCell(r, 7), execResult?.measured ? execResult.measured.value.toDecimalPlaces(6).toString() : undefined, "0.00%");
      numberCell(ws.getCell(r, 8), scoreValue(execResult?.score));
    } else for (let c = 6; c <= 8; c++) textCell(ws.getCell(r, c), "—");
  });
  ws.mergeCells(5, 1, 9, 1);
  // 年度总体目标: rows 10–11.
  textCell(ws.getCell("A10"), "年度总体目标", true);
  headerCell(ws.getCell("B10"), "预期目标");
  ws.mergeCells(10, 2, 10, 5);
  headerCell(ws.getCell("F10"), "实际完成情况");
  ws.mergeCells(10, 6, 10, W);
  textCell(ws.getCell("B11"), h("预期目标"));
  ws.mergeCells(11, 2, 11, 5);
  textCell(ws.getCell("F11"), h("实际完成情况"));
  ws.mergeCells(11, 6, 11, W);
  ws.mergeCells(10, 1, 11, 1);
  // Indicators: header row 12, then one row per leaf (three level columns, as the form prints).
  const heads = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
  for (const [i, t] of heads.entries()) headerCell(ws.getCell(12, i + 1), t);
  const leaves = leafRows(m.roots.filter((r) => !r.virtual));
  const levels = Math.max(3, ...leaves.map((l) => l.path.length));
  if (levels > 3) throw new Error("项目支出自评表只有三级指标列；本文件的指标超过三级，请用部门评分表格式");
  const first = 13;
  writeLevels(ws, first, 2, 3, leaves);
  leaves.forEach((row, i) => {
    const r = first + i;
    const ind = row.indicator;
    const res = ev.results.get(ind);
    textCell(ws.getCell(r, 5), ind.target?.field.value ?? "");
    textCell(ws.getCell(r, 6), res?.measured?.format() ?? ind.actual?.field.value ?? ind.fields.get("结果")?.value ?? "");
    numberCell(ws.getCell(r, 7), ind.weight?.toString(), "0.##");
    numberCell(ws.getCell(r, 8), scoreValue(res?.score));
    textCell(ws.getCell(r, 9), ind.fields.get("偏差原因")?.value ?? "");
  });
  const last = first + Math.max(leaves.length, 1) - 1;
  ws.mergeCells(12, 1, last, 1);
  const total = last + 1;
  textCell(ws.getCell(total, 1), "总分", true);
  ws.mergeCells(total, 1, total, 6);
  const leafWeights = leaves.reduce((s, l) => (l.indicator.weight ? s.plus(l.indicator.weight) : s), m.policy.fullScore.minus(m.policy.fullScore));
  const weightAll = execution?.weight ? leafWeights.plus(execution.weight) : leafWeights;
  sumCell(ws.getCell(total, 7), `F6,G${first}:G${last}`, weightAll.toString(), "0.##");
  const scores = leaves.reduce((s, l) => s.plus(scoreValue(ev.results.get(l.indicator)?.score) ?? "0"), leafWeights.minus(leafWeights));
  const withExec = scores.plus(scoreValue(execResult?.score) ?? "0");
  sumCell(ws.getCell(total, 8), `H6,H${first}:H${last}`, withExec.toString());
  textCell(ws.getCell(total, 9), ev.grade ? `等级：${ev.grade}` : "");
  if (ev.total !== undefined && !ev.total.toDecimalPlaces(6).equals(withExec)) {
    ws.getCell(total + 1, 1).value = `执行率封顶后自评总分：${formatDecimal(ev.total, 2)}`;
  }
  fitColumns(ws, 3);
  ws.getColumn(1).width = 10;
  fitRows(ws, 3);
  pageSetup(ws, 12, 12, W);
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 12 }];
  return ws;
}
