/**
 * 审核意见 as a worksheet (`score --format xlsx --review`): what a finance
 * bureau's reviewer reads beside the 评分表 — stated against computed, missing
 * 偏差原因, unscored rows, every diagnostic, and how each leaf was scored. The
 * facts are the review document's (report/review-model.ts); this file lays
 * them out. Every value is a text cell except lines and scores.
 */
import type { Workbook, Worksheet } from "exceljs";
import type { Analysis } from "../analysis";
import { buildReviewDocument } from "../report/model";
import { fitColumns, fitRows, headerCell, numberCell, pageSetup, sheetName, textCell } from "./xlsx-sheet";

const COLUMNS = ["类别", "指标或项目", "填报", "核查", "说明", "行"];

export function writeReviewSheet(wb: Workbook, a: Analysis, taken: Set<string>): Worksheet {
  const review = buildReviewDocument(a);
  const unit = a.model.header.get("单位")?.value ?? "";
  const ws = wb.addWorksheet(sheetName(unit ? `${unit}审核意见` : "审核意见", taken));
  ws.getCell(1, 1).value = review.title;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const t = review.total;
  ws.getCell(2, 1).value = `核查总分 ${t.computed ?? "—"} / ${t.fullScore}${t.grade ? `，等级 ${t.grade}` : ""}${t.stated ? `；填报 ${t.stated}${t.statedGrade ? `，${t.statedGrade}` : ""}` : ""}${t.complete ? "" : "；部分指标未计分"}`;
  ws.mergeCells(2, 1, 2, COLUMNS.length);
  for (const [i, h] of COLUMNS.entries()) headerCell(ws.getCell(3, i + 1), h);
  let r = 4;
  const row = (kind: string, item: string, stated: string, checked: string, note: string, line: number | undefined) => {
    textCell(ws.getCell(r, 1), kind);
    textCell(ws.getCell(r, 2), item);
    textCell(ws.getCell(r, 3), stated);
    textCell(ws.getCell(r, 4), checked);
    textCell(ws.getCell(r, 5), note);
    numberCell(ws.getCell(r, 6), line === undefined ? undefined : String(line), "0");
    r++;
  };
  for (const d of review.differences) row("填报与核查不符", d.item, d.stated, d.computed, "", d.line);
  for (const m of review.missingReasons) row("缺少偏差原因", m.item, "", "", m.detail, m.line);
  for (const u of review.unscored) row("未计分", u.item, "", "", `分值 ${u.weight}`, u.line);
  for (const n of review.notes) row(`诊断（${n.severity}）`, n.code, "", "", n.message, n.line);
  for (const c of review.computations) row("计分过程", c.item, "", c.score, [c.rule, ...c.facts].filter(Boolean).join("\n"), c.line);
  fitColumns(ws, 3, 6, 60);
  fitRows(ws, 4);
  pageSetup(ws, 3, 3, COLUMNS.length);
  return ws;
}
