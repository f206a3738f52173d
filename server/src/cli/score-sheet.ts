/** The score sheet (评分表) of `perf-eval score`: as terminal text (aligned for CJK widths), JSON or CSV. */
import stringWidth from "string-width";
import type { Analysis } from "../analysis";
import { scoreRecord, type ScoreRecord } from "../summary/record";
import { toCsv } from "./csv";
import { visible } from "./visible";

/** Columns a cell takes on a terminal, as it is printed: each invisible character as its `[U+…]` marker (visible.ts). */
export function displayWidth(text: string): number {
  return stringWidth(visible(text));
}

/** A cell as printed (markers for invisible characters), padded to `width` columns. */
export function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  const shown = visible(text);
  const w = stringWidth(shown);
  if (w >= width) return shown;
  const space = " ".repeat(width - w);
  return align === "left" ? shown + space : space + shown;
}

export interface SheetRow {
  depth: number;
  name: string;
  weight: string;
  measured: string;
  score: string;
  line: number;
}

export function sheetRows(rec: ScoreRecord): SheetRow[] {
  return rec.indicators.map((r) => ({
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
  out.push(`${rec.unit || "（未写单位）"}　${rec.year} 年度　${rec.scope}${rec.project ? `　${rec.project}` : ""}`);
  const rows = sheetRows(rec);
  if (rows.length) {
    const nameW = Math.max(8, ...rows.map((r) => displayWidth(r.name) + r.depth * 2)) + 2;
    const measW = Math.max(6, ...rows.map((r) => displayWidth(r.measured))) + 2;
    out.push(`${pad("指标", nameW) + pad("分值", 7, "right")}  ${pad("实际值", measW)}${pad("得分", 7, "right")}`);
    out.push("─".repeat(nameW + 7 + 2 + measW + 7));
    for (const r of rows) out.push(`${pad("  ".repeat(r.depth) + r.name, nameW) + pad(r.weight, 7, "right")}  ${pad(r.measured, measW)}${pad(r.score, 7, "right")}`);
    out.push("─".repeat(nameW + 7 + 2 + measW + 7));
  }
  if (rec.measures.length) {
    out.push(`考核指标（不计分）${rec.measures.length} 项：`);
    for (const m of rec.measures) {
      out.push(`  ${pad(m.name, 36)} 目标 ${pad(m.target, 14)} 实际 ${pad(m.actual, 14)} ${m.rate !== undefined ? `完成率 ${m.rate}` : ""}`.trimEnd());
    }
  }
  const stated = rec.statedTotal ? `（填报 ${rec.statedTotal}${rec.statedGrade ? `，${rec.statedGrade}` : ""}）` : "";
  if (rec.total !== undefined) {
    out.push(`自评总分 ${rec.total} / ${rec.fullScore}　等级 ${rec.grade ?? "—"}${rec.complete ? "" : "（部分指标未计分）"}${stated ? `　${stated}` : ""}`);
  } else {
    out.push(`无计分指标${rec.statedTotal ? `；填报自评总分 ${rec.statedTotal}${rec.statedGrade ? `，等级 ${rec.statedGrade}` : ""}` : ""}`);
  }
  return out.join("\n");
}

/** A decimal as JSON: a number, or null when there is none. */
function num(value: string | undefined): number | null {
  return value === undefined ? null : Number(value);
}

/** `score --format json`: one object per file. */
export function scoreJson(path: string, a: Analysis): object {
  const r = scoreRecord(a);
  return {
    path,
    unit: r.unit,
    year: r.year,
    scope: r.scope,
    project: r.project,
    total: num(r.total),
    grade: r.grade ?? null,
    fullScore: Number(r.fullScore),
    complete: r.complete,
    statedTotal: r.statedTotal ?? null,
    indicators: r.indicators.map((i) => ({ path: i.path, level: i.level, weight: num(i.weight), measured: i.measured, score: num(i.score), exactScore: i.exact ?? null, kind: i.kind ?? null, line: i.line + 1 })),
    measures: r.measures.map((m) => ({ name: m.name, target: m.target, actual: m.actual, rate: m.rate ?? null, line: m.line + 1 })),
  };
}

/** `score --format csv`: one row per indicator and one for the total, for every file. */
export function scoreCsv(files: { path: string; analysis: Analysis }[]): string {
  const rows: (string | number)[][] = [];
  for (const { path, analysis } of files) {
    const r = scoreRecord(analysis);
    for (const i of r.indicators) rows.push([path, r.unit, r.year, i.path.join("/"), i.level, i.weight ?? "", i.measured, i.score ?? ""]);
    rows.push([path, r.unit, r.year, "自评总分", 0, r.fullScore, r.grade ?? "", r.total ?? ""]);
  }
  return toCsv(["文件", "单位", "年度", "指标路径", "层级", "分值", "实际值", "得分"], rows);
}
