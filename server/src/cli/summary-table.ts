/** `perf-eval summary` as a terminal table, CSV and JSON (layout only; the figures come from server/src/summary). */
import { D, formatDecimal } from "../quantity/decimal";
import { formatPercent } from "../quantity/quantity";
import { executionRate, summaryTotals, countScoreBands, scoreBand, type EvaluationSummary, type ScoreBandCounts } from "../summary/summary";
import type { CohortResult } from "../summary/cohort";
import { displayWidth, pad } from "./score-sheet";
import { toCsv } from "./csv";

const n2 = (s: string | undefined): string => (s === undefined ? "" : formatDecimal(new D(s), 2));
const n4 = (s: string | undefined): string => (s === undefined ? "" : formatDecimal(new D(s), 4));

function rate(r: EvaluationSummary): string {
  const v = executionRate(r);
  return v === undefined ? "" : formatPercent(v);
}

export function bandLine(c: ScoreBandCounts): string {
  return `得分区间：90 分及以上 ${c.high} 个；60–90 分 ${c.middle} 个；60 分以下 ${c.low} 个${c.unscored ? `；未计分 ${c.unscored} 个` : ""}`;
}

function table(header: string[], rows: string[][], right: Set<number>): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], right.has(i) ? "right" : "left")).join("  ").trimEnd();
  return [line(header), "─".repeat(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1)), ...rows.map(line)];
}

export function renderSummaryText(rows: EvaluationSummary[], cohort?: CohortResult): string {
  const t = summaryTotals(rows);
  const out: string[] = [];
  const cf = cohort ? new Map(cohort.files.map((f) => [f.path, f])) : undefined;
  const header = ["文件", "单位", "年度", "类型", "总分", "等级", "预算（万元）", "执行（万元）", "执行率"];
  if (cf) header.push("极值法总分", "极值法等级");
  const body = rows.map((r) => {
    const cells = [r.path, r.unit, r.year, r.scope, n2(r.total), r.grade ?? "", r.budget?.unit === "万元" ? n4(r.budget.value) : "", r.spending?.unit === "万元" ? n4(r.spending.value) : "", rate(r)];
    if (cf) {
      const c = cf.get(r.path);
      cells.push(n2(c?.cohortTotal), c?.cohortGrade ?? "");
    }
    return cells;
  });
  out.push(...table(header, body, new Set([4, 6, 7, 8, 9])));
  out.push("");
  out.push(`共 ${t.files} 个文件；预算合计 ${n4(t.budget.value)} 万元（${t.budget.files} 个文件填报），执行合计 ${n4(t.spending.value)} 万元（${t.spending.files} 个文件填报）`);
  out.push(bandLine(t.bands));
  if (cohort) {
    out.push("");
    if (cohort.indicators.length === 0) out.push("极值法：没有在两个以上文件中按区间线性计分的同名指标。");
    else {
      out.push("极值法（跨文件）：得分 = 分值 × (max − X) ÷ (max − min)（越低越好），或 × (X − min) ÷ (max − min)（越高越好）；全部相等得满分");
      for (const ind of cohort.indicators) {
        out.push(`  ${ind.name}：${ind.count} 个文件，${ind.lowerIsBetter ? "越低越好" : "越高越好"}，min ${fmtX(ind.min, ind.dim)}，max ${fmtX(ind.max, ind.dim)}`);
      }
      const crow: string[][] = [];
      for (const f of cohort.files) for (const s of f.scores) crow.push([f.path, s.name, s.measuredText, n2(s.weight), n2(s.bandScore), n2(s.cohortScore)]);
      out.push(...table(["文件", "指标", "实际值", "分值", "区间得分", "极值法得分"], crow, new Set([3, 4, 5])).map((l) => `  ${l}`));
      const cohortBands = countScoreBands(rows.map((r) => ({ total: cf?.get(r.path)?.cohortTotal, fullScore: r.fullScore })));
      out.push(`极值法${bandLine(cohortBands)}`);
    }
  }
  return `${out.join("\n")}\n`;
}

function fmtX(v: string, dim: string): string {
  return dim === "" ? formatPercent(new D(v)) : formatDecimal(new D(v), 4);
}

export function summaryCsv(rows: EvaluationSummary[], cohort?: CohortResult): string {
  const cf = cohort ? new Map(cohort.files.map((f) => [f.path, f])) : undefined;
  const header = ["文件", "单位", "年度", "类型", "项目", "总分", "等级", "满分", "得分区间", "预算数据名", "预算", "预算单位", "执行数据名", "执行", "执行单位", "执行率", "错误", "警告"];
  if (cf) header.push("极值法总分", "极值法等级");
  const bandName = { high: "≥90", middle: "60–90", low: "<60", unscored: "未计分" } as const;
  const body = rows.map((r) => {
    const key = scoreBand(r.total, r.fullScore);
    const cells: (string | number)[] = [r.path, r.unit, r.year, r.scope, r.project ?? "", n2(r.total), r.grade ?? "", n2(r.fullScore), bandName[key], r.budget?.name ?? "", r.budget?.value ?? "", r.budget?.unit ?? "", r.spending?.name ?? "", r.spending?.value ?? "", r.spending?.unit ?? "", rate(r), r.errors, r.warnings];
    if (cf) {
      const c = cf.get(r.path);
      cells.push(n2(c?.cohortTotal), c?.cohortGrade ?? "");
    }
    return cells;
  });
  return toCsv(header, body);
}

export function summaryJson(rows: EvaluationSummary[], cohort?: CohortResult): object {
  const t = summaryTotals(rows);
  const cf = cohort ? new Map(cohort.files.map((f) => [f.path, f])) : undefined;
  return {
    files: rows.map((r) => ({
      path: r.path,
      unit: r.unit,
      year: r.year,
      scope: r.scope,
      project: r.project,
      total: r.total === undefined ? null : Number(n2(r.total)),
      grade: r.grade ?? null,
      fullScore: Number(n2(r.fullScore)),
      complete: r.complete,
      budget: r.budget ?? null,
      spending: r.spending ?? null,
      errors: r.errors,
      warnings: r.warnings,
      ...(cf ? { cohortTotal: cf.get(r.path)?.cohortTotal === undefined ? null : Number(n2(cf.get(r.path)?.cohortTotal)), cohortGrade: cf.get(r.path)?.cohortGrade ?? null } : {}),
    })),
    totals: { files: t.files, budget: t.budget, spending: t.spending },
    bands: t.bands,
    ...(cohort
      ? {
          cohort: {
            indicators: cohort.indicators,
            bands: countScoreBands(rows.map((r) => ({ total: cf?.get(r.path)?.cohortTotal, fullScore: r.fullScore }))),
            files: cohort.files.map((f) => ({
              path: f.path,
              total: f.total === undefined ? null : Number(n2(f.total)),
              cohortTotal: f.cohortTotal === undefined ? null : Number(n2(f.cohortTotal)),
              grade: f.grade ?? null,
              cohortGrade: f.cohortGrade ?? null,
              scores: f.scores.map((s) => ({ name: s.name, path: s.path, weight: Number(s.weight), measured: s.measuredText, bandScore: Number(n4(s.bandScore)), cohortScore: Number(n4(s.cohortScore)) })),
            })),
          },
        }
      : {}),
  };
}
