/** The score sheet (评分表) as terminal text, aligned for CJK widths. */
import stringWidth from "string-width";
import type { Analysis } from "../analysis";
import { formatDecimal } from "../quantity/decimal";
import { formatPercent } from "../quantity/quantity";
import type { Indicator } from "../model/types";

export function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  const w = stringWidth(text);
  if (w >= width) return text;
  const space = " ".repeat(width - w);
  return align === "left" ? text + space : space + text;
}

export interface SheetRow {
  depth: number;
  name: string;
  weight: string;
  measured: string;
  score: string;
  line: number;
}

export function sheetRows(a: Analysis): SheetRow[] {
  const ev = a.evaluation;
  const rows: SheetRow[] = [];
  const visit = (ind: Indicator, depth: number) => {
    const r = ev.results.get(ind);
    let measured = "";
    if (r?.rate !== undefined) measured = `${r.measured?.format() ?? ""}（${formatPercent(r.rate)}）`;
    else if (r?.measured) measured = r.measured.format();
    else if (ind.fields.get("结果")) measured = ind.fields.get("结果")!.value;
    else if (ind.checks.length) measured = `${ind.checks.filter((c) => c.checked).length}/${ind.checks.length} 项`;
    else if (ind.actual?.node.kind === "qualitative") measured = ind.actual.node.word;
    rows.push({
      depth,
      name: ind.name,
      weight: ind.weight === null ? "" : formatDecimal(ind.weight, 2),
      measured,
      score: r?.score === undefined ? (ind.weight === null ? "" : "—") : formatDecimal(r.score, 2),
      line: ind.line,
    });
    for (const c of ind.children) visit(c, depth + 1);
  };
  for (const root of a.model.roots) visit(root, 0);
  return rows;
}

export function renderScoreSheet(a: Analysis, path: string): string {
  const m = a.model;
  const ev = a.evaluation;
  const out: string[] = [];
  const unit = m.header.get("单位")?.value ?? "（未写单位）";
  const year = m.header.get("年度")?.value ?? "";
  out.push(`${path}`);
  out.push(`${unit}　${year} 年度　${m.scope}${m.header.get("项目") ? "　" + m.header.get("项目")!.value : ""}`);
  const rows = sheetRows(a);
  if (rows.length) {
    const nameW = Math.max(8, ...rows.map((r) => stringWidth(r.name) + r.depth * 2)) + 2;
    const measW = Math.max(6, ...rows.map((r) => stringWidth(r.measured))) + 2;
    out.push(pad("指标", nameW) + pad("分值", 7, "right") + "  " + pad("实际值", measW) + pad("得分", 7, "right"));
    out.push("─".repeat(nameW + 7 + 2 + measW + 7));
    for (const r of rows) out.push(pad("  ".repeat(r.depth) + r.name, nameW) + pad(r.weight, 7, "right") + "  " + pad(r.measured, measW) + pad(r.score, 7, "right"));
    out.push("─".repeat(nameW + 7 + 2 + measW + 7));
  }
  if (m.measures.length) {
    out.push(`考核指标（不计分）${m.measures.length} 项：`);
    for (const ind of m.measures) {
      const r = ev.results.get(ind);
      const t = r?.target ? r.target.format() : ind.target?.node.kind === "qualitative" ? ind.target.node.word : "";
      const act = r?.measured ? r.measured.format() : ind.actual?.node.kind === "qualitative" ? ind.actual.node.word : "";
      out.push(`  ${pad(ind.name, 36)} 目标 ${pad(t, 14)} 实际 ${pad(act, 14)} ${r?.rate !== undefined ? "完成率 " + formatPercent(r.rate) : ""}`.trimEnd());
    }
  }
  const statedTotal = m.header.get("自评总分")?.value;
  const statedGrade = m.header.get("等级")?.value;
  if (ev.total !== undefined) {
    out.push(`自评总分 ${formatDecimal(ev.total, 2)} / ${formatDecimal(m.policy.fullScore, 2)}　等级 ${ev.grade ?? "—"}${ev.complete ? "" : "（部分指标未计分）"}${statedTotal ? `　（填报 ${statedTotal}${statedGrade ? "，" + statedGrade : ""}）` : ""}`);
  } else {
    out.push(`无计分指标${statedTotal ? `；填报自评总分 ${statedTotal}${statedGrade ? "，等级 " + statedGrade : ""}` : ""}`);
  }
  return out.join("\n");
}
