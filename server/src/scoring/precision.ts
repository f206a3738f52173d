/**
 * 得分精度: one policy for checking, totals and display. Arithmetic stays
 * exact; each leaf score is rounded half-up to the policy's decimals (口径
 * `得分精度：N`, default 2), subtotals and the total are sums of the rounded
 * leaf scores (as a paper table adds its printed rows), and a stated score
 * agrees when it equals the computed score rounded to max(its own decimals,
 * the policy's). Messages print numbers with as many decimals as it takes to
 * tell two different numbers apart.
 */
import type Decimal from "decimal.js";
import { D, formatDecimal, writtenDecimals } from "../quantity/decimal";
import type { Indicator, PerfModel, Policy } from "../model/types";
import type { IndicatorResult } from "./types";
import { lineRange, type Range } from "../diagnostics/catalogue";

export const DEFAULT_SCORE_PRECISION = 2;

export function precisionOf(policy: Policy): number {
  return policy.scorePrecision ?? DEFAULT_SCORE_PRECISION;
}

/** A leaf score as the table prints it: half-up to the policy's decimals. */
export function roundScore(score: Decimal, policy: Policy): Decimal {
  return score.toDecimalPlaces(precisionOf(policy), D.ROUND_HALF_UP);
}

/** A stated score (or total) agrees with the computed one when equal at max(stated decimals, policy decimals) places. */
export function scoreAgrees(text: string, stated: Decimal, computed: Decimal, policy: Policy): boolean {
  const dp = Math.max(writtenDecimals(text.replace(/,/g, "")), precisionOf(policy));
  return computed.toDecimalPlaces(dp, D.ROUND_HALF_UP).equals(stated.toDecimalPlaces(dp, D.ROUND_HALF_UP));
}

/**
 * Two numbers for one message: at least `min` decimals, more while they would
 * look equal but are not ("得分 9.997 低于分值 10", never "得分 10 低于分值 10").
 */
export function formatPair(a: Decimal, b: Decimal, min = 2): [string, string] {
  for (let dp = min; dp <= 12; dp++) {
    const [x, y] = [formatDecimal(a, dp), formatDecimal(b, dp)];
    if (x !== y || a.equals(b)) return [x, y];
  }
  return [a.toFixed(), b.toFixed()];
}


const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 两: 2, 二: 2, 三: 3, 四: 4 };

/** `1`, `1位`, `1位小数`, `一位小数`, `保留1位小数`: 0–4, or undefined. */
export function readPrecision(text: string): number | undefined {
  const m = /^\s*(?:保留)?\s*([0-4]|[零〇一两二三四])\s*(?:位(?:小数)?)?\s*$/.exec(text);
  if (!m) return undefined;
  return /[0-4]/.test(m[1]) ? Number(m[1]) : CN_DIGIT[m[1]];
}

/**
 * When the file states no 得分精度 and every rule-checked stated score is
 * written with fewer decimals than the default, and one of them disagrees
 * only because of that (1.9 for 1.946), offer the 口径 line: one information
 * diagnostic on the first such score.
 */
export function precisionHint(model: PerfModel, results: ReadonlyMap<Indicator, IndicatorResult>): { range: Range; args: Record<string, string | number>; data: Record<string, string> } | undefined {
  if (model.policy.scorePrecision !== undefined) return undefined;
  let digits = 0;
  const checked: { ind: Indicator; exact: Decimal }[] = [];
  // An index loop: this runs once per edit over every indicator, before the optimizer would remove an iterator's garbage.
  const indicators = model.indicators;
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i];
    const exact = results.get(ind)?.exact;
    if (!ind.statedScore || exact === undefined) continue;
    digits = Math.max(digits, writtenDecimals(ind.statedScore.text.replace(/,/g, "")));
    checked.push({ ind, exact });
  }
  if (digits >= DEFAULT_SCORE_PRECISION) return undefined;
  const first = checked.find(({ ind, exact }) => {
    const s = ind.statedScore!;
    return !scoreAgrees(s.text, s.value, exact, model.policy) && exact.toDecimalPlaces(digits, D.ROUND_HALF_UP).equals(s.value);
  });
  if (!first) return undefined;
  const f = first.ind.statedScore!.field;
  const line = `得分精度：${digits}`;
  return { range: lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), args: { digits, line }, data: { line } };
}
