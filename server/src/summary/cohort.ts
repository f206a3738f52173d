/**
 * 极值法 across a cohort: the seed's `[max(X) − X] / [max(X) − min(X)] × 分值`
 * read as a finance bureau ranking many units, not as one unit's band.
 *
 * For every indicator name that is scored by a linear band (区间线性) in at
 * least two of the evaluations given, with the same dimension and direction,
 * X is each evaluation's measured value and
 * - lower is better (预算调整率…):  score = w × (max − X) ÷ (max − min);
 * - higher is better (支付进度率…): score = w × (X − min) ÷ (max − min);
 * - all X equal: full marks (w) for every one.
 * w is each evaluation's own weight. Totals are then recomputed with these
 * scores replacing the within-band ones (a parent's score is the sum of its
 * children's, so the total moves by the difference); a 执行率封顶 cap that
 * applied to the file's own total still applies.
 */
import type Decimal from "decimal.js";
import { D, ZERO } from "../quantity/decimal";
import type { EvaluationSummary, LinearBandEntry } from "./summary";
import { gradeOf } from "./summary";

/** One indicator scored across the cohort. */
export interface CohortIndicator {
  name: string;
  dim: string;
  lowerIsBetter: boolean;
  /** How many evaluations it was scored in. */
  count: number;
  /** min(X), max(X): exact decimal strings in the dimension's base unit. */
  min: string;
  max: string;
}

/** One evaluation's indicator, band score vs cohort score. */
export interface CohortScore {
  name: string;
  path: string[];
  weight: string;
  measured: string;
  measuredText: string;
  bandScore: string;
  cohortScore: string;
}

export interface CohortFile {
  path: string;
  /** The file's own total (within-band scores). */
  total?: string;
  grade?: string;
  /** The total with cohort scores replacing the band scores. */
  cohortTotal?: string;
  cohortGrade?: string;
  scores: CohortScore[];
}

export interface CohortResult {
  indicators: CohortIndicator[];
  files: CohortFile[];
}

function groupKey(e: LinearBandEntry): string {
  return `${e.name}\u0000${e.dim}\u0000${e.lowerIsBetter ? "low" : "high"}`;
}

/** 极值法 score of X among [min, max] with weight w. */
export function extremeValueScore(x: Decimal, min: Decimal, max: Decimal, w: Decimal, lowerIsBetter: boolean): Decimal {
  const range = max.minus(min);
  if (range.isZero()) return w;
  return (lowerIsBetter ? max.minus(x) : x.minus(min)).dividedBy(range).times(w);
}

export function cohortScores(rows: EvaluationSummary[]): CohortResult {
  const groups = new Map<string, { entry: LinearBandEntry; file: number }[]>();
  rows.forEach((r, file) => {
    for (const entry of r.linearBands) {
      const k = groupKey(entry);
      let g = groups.get(k);
      if (!g) {
        g = [];
        groups.set(k, g);
      }
      g.push({ entry, file });
    }
  });
  const indicators: CohortIndicator[] = [];
  const perFile = rows.map((): CohortScore[] => []);
  for (const g of groups.values()) {
    const files = new Set(g.map((x) => x.file));
    if (files.size < 2) continue;
    const xs = g.map((x) => new D(x.entry.measured));
    const min = xs.reduce((a, b) => (b.lessThan(a) ? b : a));
    const max = xs.reduce((a, b) => (b.greaterThan(a) ? b : a));
    const first = g[0].entry;
    indicators.push({ name: first.name, dim: first.dim, lowerIsBetter: first.lowerIsBetter, count: files.size, min: min.toString(), max: max.toString() });
    g.forEach(({ entry, file }, i) => {
      const score = extremeValueScore(xs[i], min, max, new D(entry.weight), entry.lowerIsBetter);
      perFile[file].push({ name: entry.name, path: entry.path, weight: entry.weight, measured: entry.measured, measuredText: entry.measuredText, bandScore: entry.bandScore, cohortScore: score.toString() });
    });
  }
  indicators.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files = rows.map((r, i): CohortFile => {
    const scores = perFile[i];
    if (r.total === undefined || r.uncappedTotal === undefined) return { path: r.path, scores };
    const delta = scores.reduce((s, x) => s.plus(new D(x.cohortScore)).minus(new D(x.bandScore)), ZERO as Decimal);
    let total = new D(r.uncappedTotal).plus(delta);
    const own = new D(r.total);
    if (own.lessThan(new D(r.uncappedTotal)) && total.greaterThan(own)) total = own; // the file's cap still applies
    return { path: r.path, total: r.total, grade: r.grade, cohortTotal: total.toString(), cohortGrade: gradeOf(total, r.grades), scores };
  });
  return { indicators, files };
}
