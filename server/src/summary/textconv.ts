/**
 * The line-oriented rendering of an evaluation for `git diff` (git's
 * textconv): one line per weighted indicator — the path of names, the weight,
 * the measured value and the score — then the total and grade, then the
 * diagnostics count. Stable: the same file gives the same text, nothing
 * depends on time, paths or the terminal; a changed score changes exactly the
 * lines of that indicator, its ancestors and the total.
 */
import type { Analysis } from "../analysis";
import { formatDecimal } from "../quantity/decimal";
import { indicatorRows, measureRows } from "./record";

export function textconv(a: Analysis): string {
  const m = a.model;
  const ev = a.evaluation;
  const out: string[] = [];
  const h = (k: string) => m.header.get(k)?.value;
  out.push(`单位: ${h("单位") ?? ""}`, `年度: ${h("年度") ?? ""}`, `类型: ${m.scope}`);
  if (h("项目")) out.push(`项目: ${h("项目")}`);
  for (const r of indicatorRows(a)) {
    out.push(`指标 ${r.path.join(" / ")} | 分值 ${r.weight ?? "—"} | 实际 ${r.measured || "—"} | 得分 ${r.score ?? "—"}`);
  }
  for (const r of measureRows(a)) {
    out.push(`考核 ${r.name} | 目标 ${r.target || "—"} | 实际 ${r.actual || "—"}${r.rate ? ` | 完成率 ${r.rate}` : ""}`);
  }
  if (ev.total !== undefined) out.push(`总分 ${formatDecimal(ev.total, 2)}${ev.complete ? "" : "（部分指标未计分）"} | 等级 ${ev.grade ?? "—"}`);
  else out.push("总分 — | 等级 —");
  const count = (s: string) => ev.diagnostics.filter((d) => d.severity === s).length;
  out.push(`诊断 ${ev.diagnostics.length} 条（错误 ${count("error")}，警告 ${count("warning")}，提示 ${count("info")}）`);
  return `${out.join("\n")}\n`;
}
