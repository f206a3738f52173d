/** The score sheet (评分表) as terminal text, aligned for CJK widths. */
import stringWidth from "string-width";
import type { Analysis } from "../analysis";
import { scoreRecord } from "../summary/record";

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
  return scoreRecord(a).indicators.map((r) => ({
    depth: r.level - 1,
    name: r.name,
    weight: r.weight ?? "",
    measured: r.measured,
    score: r.score ?? (r.weight === undefined ? "" : "—"),
    line: r.line,
  }));
}

export function renderScoreSheet(a: Analysis, path: string): string {
  const rec = scoreRecord(a);
  const out: string[] = [];
  out.push(`${path}`);
  out.push(`${rec.unit || "（未写单位）"}　${rec.year} 年度　${rec.scope}${rec.project ? "　" + rec.project : ""}`);
  const rows = sheetRows(a);
  if (rows.length) {
    const nameW = Math.max(8, ...rows.map((r) => stringWidth(r.name) + r.depth * 2)) + 2;
    const measW = Math.max(6, ...rows.map((r) => stringWidth(r.measured))) + 2;
    out.push(pad("指标", nameW) + pad("分值", 7, "right") + "  " + pad("实际值", measW) + pad("得分", 7, "right"));
    out.push("─".repeat(nameW + 7 + 2 + measW + 7));
    for (const r of rows) out.push(pad("  ".repeat(r.depth) + r.name, nameW) + pad(r.weight, 7, "right") + "  " + pad(r.measured, measW) + pad(r.score, 7, "right"));
    out.push("─".repeat(nameW + 7 + 2 + measW + 7));
  }
  if (rec.measures.length) {
    out.push(`考核指标（不计分）${rec.measures.length} 项：`);
    for (const m of rec.measures) {
      out.push(`  ${pad(m.name, 36)} 目标 ${pad(m.target, 14)} 实际 ${pad(m.actual, 14)} ${m.rate !== undefined ? "完成率 " + m.rate : ""}`.trimEnd());
    }
  }
  const stated = rec.statedTotal ? `（填报 ${rec.statedTotal}${rec.statedGrade ? "，" + rec.statedGrade : ""}）` : "";
  if (rec.total !== undefined) {
    out.push(`自评总分 ${rec.total} / ${rec.fullScore}　等级 ${rec.grade ?? "—"}${rec.complete ? "" : "（部分指标未计分）"}${stated ? "　" + stated : ""}`);
  } else {
    out.push(`无计分指标${rec.statedTotal ? `；填报自评总分 ${rec.statedTotal}${rec.statedGrade ? "，等级 " + rec.statedGrade : ""}` : ""}`);
  }
  return out.join("\n");
}
