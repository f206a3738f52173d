/**
 * 评分记录: one evaluation as plain data — the header facts, every weighted
 * indicator (path of names, level, weight, measured value, score), the
 * measures, the total and the grade. What `perf-eval score --format json|csv`
 * prints, what the score sheet lays out, and what `textconv` writes for
 * `git diff`. Numbers are decimal strings (exact, rounded for display only).
 */
import { precisionOf } from "../scoring/precision";
import type { Analysis } from "../analysis";
import type { Indicator } from "../model/types";
import { formatDecimal, ZERO } from "../quantity/decimal";
import { formatPercent } from "../quantity/quantity";
import { measuredText } from "../scoring/present";
import type { RuleKind } from "../scoring/types";

/** One weighted indicator (指标) of the score sheet. */
export interface IndicatorRow {
  /** Names from the top-level indicator down to this one. */
  path: string[];
  name: string;
  /** 1 for a top-level indicator, 2 for its children, … */
  level: number;
  /** 0-based line of the heading. */
  line: number;
  /** 分值, e.g. "5"; undefined for an indicator without a weight. */
  weight?: string;
  /** 实际值 as shown (`98.21%`, `符合`, `2/2 项`); "" when none. */
  measured: string;
  /** 得分 as the table prints it (to 得分精度, default 2 decimals); undefined when it cannot be computed. */
  score?: string;
  /** The exact score before rounding, as a decimal string (a computed leaf's may have more decimals). */
  exact?: string;
  /** The rule kind that gave the score. */
  kind?: RuleKind;
  leaf: boolean;
}

/** One measure (考核指标, no weight): target vs actual. */
export interface MeasureRow {
  name: string;
  line: number;
  target: string;
  actual: string;
  /** 完成率 as a percentage text, when computed. */
  rate?: string;
}

/** 评分记录 */
export interface ScoreRecord {
  unit: string;
  year: string;
  scope: string;
  project?: string;
  /** 总分 (2 decimals); undefined when nothing is weighted. */
  total?: string;
  grade?: string;
  fullScore: string;
  /** Every leaf indicator got a score. */
  complete: boolean;
  /** 自评总分 / 等级 as written in the header. */
  statedTotal?: string;
  statedGrade?: string;
  indicators: IndicatorRow[];
  measures: MeasureRow[];
}

/** The weighted indicators in file order (pre-order), as rows. */
export function indicatorRows(a: Analysis): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const visit = (ind: Indicator, path: string[]) => {
    const here = [...path, ind.name];
    const r = a.evaluation.results.get(ind);
    rows.push({
      path: here,
      name: ind.name,
      level: here.length,
      line: ind.line,
      weight: ind.weight === null ? undefined : formatDecimal(ind.weight, 2),
      measured: a.evaluation.results.get(ind)?.measuredText ?? measuredText(ind, undefined),
      score: r?.score === undefined ? undefined : formatDecimal(r.score, Math.max(2, precisionOf(a.model.policy))),
      exact: (r?.exact ?? r?.score)?.toFixed(),
      kind: r?.kind,
      leaf: ind.children.length === 0,
    });
    for (const c of ind.children) visit(c, here);
  };
  for (const root of a.model.roots) visit(root, []);
  return rows;
}

export function measureRows(a: Analysis): MeasureRow[] {
  return a.model.measures.map((ind) => {
    const r = a.evaluation.results.get(ind);
    const target = r?.target ? r.target.format() : ind.target?.node.kind === "qualitative" ? ind.target.node.word : "";
    const actual = r?.measured ? r.measured.format() : ind.actual?.node.kind === "qualitative" ? ind.actual.node.word : "";
    return { name: ind.name, line: ind.line, target, actual, rate: r?.rate === undefined ? undefined : formatPercent(r.rate) };
  });
}

export function scoreRecord(a: Analysis): ScoreRecord {
  const m = a.model;
  const ev = a.evaluation;
  return {
    unit: m.header.get("单位")?.value ?? "",
    year: m.header.get("年度")?.value ?? "",
    scope: m.scope,
    project: m.header.get("项目")?.value,
    total: ev.total === undefined ? undefined : formatDecimal(ev.total, 2),
    grade: ev.grade,
    fullScore: formatDecimal(m.policy.fullScore, 2),
    complete: ev.complete,
    statedTotal: m.header.get("自评总分")?.value,
    statedGrade: m.header.get("等级")?.value,
    indicators: indicatorRows(a),
    measures: measureRows(a),
  };
}

/** Σ of the top-level scores, before any 执行率封顶 cap. */
export function uncappedTotal(a: Analysis): string | undefined {
  if (a.model.roots.length === 0) return undefined;
  return a.model.roots.reduce((s, r) => s.plus(a.evaluation.results.get(r)?.score ?? ZERO), ZERO).toString();
}
