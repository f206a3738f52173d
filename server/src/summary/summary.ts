/**
 * 汇总: many evaluations in one table. `summarizeEvaluation` reduces one
 * analysis to plain, serialisable data (it crosses worker threads); the
 * aggregation functions work on those records only.
 *
 * Budget and spending come from file-wide data items (not from an
 * indicator's own data), by the first name found in these lookup orders:
 * - 预算 budget:   全年预算数 → 预算数 → 预算总额 → 预算安排数 → 年初预算数
 *   (the full-year, adjusted figure first; 年初 only when nothing else is written);
 * - 执行 spending: 全年执行数 → 执行数 → 支出总额 → 执行资金 → 全年总支出 → 本年支出.
 */
import { gradeFor } from "../scoring/present";
import type Decimal from "decimal.js";
import type { Analysis } from "../analysis";
import type { Indicator } from "../model/types";
import { D, ZERO } from "../quantity/decimal";
import type { Quantity } from "../quantity/quantity";
import { uncappedTotal } from "./record";

export const BUDGET_NAMES = ["全年预算数", "预算数", "预算总额", "预算安排数", "年初预算数"] as const;
export const SPENDING_NAMES = ["全年执行数", "执行数", "支出总额", "执行资金", "全年总支出", "本年支出"] as const;

/** A money figure: value in 万元 when it is money, else in its own unit. */
export interface Figure {
  /** The data name it was read from. */
  name: string;
  /** Decimal string, in `unit`. */
  value: string;
  unit: string;
}

/** A leaf scored by a linear band (区间线性), with what the cohort needs. */
export interface LinearBandEntry {
  name: string;
  path: string[];
  /** 分值 w (decimal string). */
  weight: string;
  /** X in the dimension's base unit (a ratio as a fraction), exact. */
  measured: string;
  measuredText: string;
  dim: string;
  /** The full-score threshold is below the zero threshold (e.g. 预算调整率). */
  lowerIsBetter: boolean;
  /** The score within the band's own thresholds (exact). */
  bandScore: string;
}

/** 汇总记录: one evaluation as a row of the summary. */
export interface EvaluationSummary {
  path: string;
  unit: string;
  year: string;
  scope: string;
  project?: string;
  /** Exact total (decimal string); undefined when nothing is weighted. */
  total?: string;
  /** Σ of the top-level scores before any 执行率封顶 cap. */
  uncappedTotal?: string;
  grade?: string;
  fullScore: string;
  complete: boolean;
  grades: { name: string; min: string }[];
  budget?: Figure;
  spending?: Figure;
  linearBands: LinearBandEntry[];
  errors: number;
  warnings: number;
}


function figure(a: Analysis, names: readonly string[]): Figure | undefined {
  for (const name of names) {
    const item = a.model.data.get(name);
    const q: Quantity | undefined = item ? a.evaluation.data.get(item)?.value : undefined;
    if (!q) continue;
    if (q.dim === "money") return { name, value: q.inUnit("万元").toString(), unit: "万元" };
    return { name, value: q.inUnit().toString(), unit: q.unit };
  }
  return undefined;
}

export function summarizeEvaluation(path: string, a: Analysis): EvaluationSummary {
  const m = a.model;
  const ev = a.evaluation;
  const linearBands: LinearBandEntry[] = [];
  const pathOf = (ind: Indicator): string[] => (ind.parent ? [...pathOf(ind.parent), ind.name] : [ind.name]);
  for (const ind of m.indicators) {
    const r = ev.results.get(ind);
    if (r?.kind !== "linearBand" || !r.measured || r.score === undefined || ind.weight === null) continue;
    if (r.direction === undefined) continue;
    const lower = r.direction === "lower";
    linearBands.push({
      name: ind.name,
      path: pathOf(ind),
      weight: ind.weight.toString(),
      measured: r.measured.value.toString(),
      measuredText: r.measured.format(),
      dim: r.measured.dim,
      lowerIsBetter: lower,
      bandScore: r.score.toString(),
    });
  }
  return {
    path,
    unit: m.header.get("单位")?.value ?? "",
    year: m.header.get("年度")?.value ?? "",
    scope: m.scope,
    project: m.header.get("项目")?.value,
    total: ev.total?.toString(),
    uncappedTotal: uncappedTotal(a),
    grade: ev.grade,
    fullScore: m.policy.fullScore.toString(),
    complete: ev.complete,
    grades: m.policy.grades.map((g) => ({ name: g.name, min: g.min.toString() })),
    budget: figure(a, BUDGET_NAMES),
    spending: figure(a, SPENDING_NAMES),
    linearBands,
    errors: ev.diagnostics.filter((d) => d.severity === "error").length,
    warnings: ev.diagnostics.filter((d) => d.severity === "warning").length,
  };
}

/** 得分区间: the bands seed 001 reports (≥90, 60–90, <60), on the total as a percentage of 满分. */
export interface ScoreBandCounts {
  /** ≥ 90 */
  high: number;
  /** 60 ≤ total < 90 */
  middle: number;
  /** < 60 */
  low: number;
  /** No total (no weighted indicator). */
  unscored: number;
}

/** The total on a 100-point scale (total ÷ 满分 × 100). */
export function percentOfFull(total: Decimal, fullScore: Decimal): Decimal {
  return fullScore.isZero() ? total : total.dividedBy(fullScore).times(100);
}

export function scoreBand(total: string | undefined, fullScore: string): keyof ScoreBandCounts {
  if (total === undefined) return "unscored";
  const p = percentOfFull(new D(total), new D(fullScore));
  return p.greaterThanOrEqualTo(90) ? "high" : p.greaterThanOrEqualTo(60) ? "middle" : "low";
}

export function countScoreBands(rows: { total?: string; fullScore: string }[]): ScoreBandCounts {
  const c: ScoreBandCounts = { high: 0, middle: 0, low: 0, unscored: 0 };
  for (const r of rows) c[scoreBand(r.total, r.fullScore)]++;
  return c;
}

/** The grade for a total under a file's 等级划分 (highest first). */
export function gradeOf(total: Decimal, grades: { name: string; min: string }[]): string | undefined {
  return gradeFor(total, grades.map((g) => ({ name: g.name, min: new D(g.min) })));
}

/** Column sums of budget and spending (万元 only), and the count of files that give each. */
export interface SummaryTotals {
  files: number;
  budget: { value: string; files: number };
  spending: { value: string; files: number };
  bands: ScoreBandCounts;
}

export function summaryTotals(rows: EvaluationSummary[]): SummaryTotals {
  const sum = (pick: (r: EvaluationSummary) => Figure | undefined) => {
    let v: Decimal = ZERO;
    let n = 0;
    for (const r of rows) {
      const f = pick(r);
      if (f && f.unit === "万元") {
        v = v.plus(new D(f.value));
        n++;
      }
    }
    return { value: v.toString(), files: n };
  };
  return { files: rows.length, budget: sum((r) => r.budget), spending: sum((r) => r.spending), bands: countScoreBands(rows) };
}

/** 执行率 spending ÷ budget, when both are in 万元. */
export function executionRate(r: EvaluationSummary): Decimal | undefined {
  if (!r.budget || !r.spending || r.budget.unit !== r.spending.unit) return undefined;
  const b = new D(r.budget.value);
  return b.isZero() ? undefined : new D(r.spending.value).dividedBy(b);
}

