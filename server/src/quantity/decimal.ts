/** Exact decimal arithmetic: every number about money, rates or scores is a Decimal. */
import Decimal from "decimal.js";
import { BoundedCache } from "../cache-entry";

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });
export type D = Decimal;

export const ZERO = new D(0);
export const ONE = new D(1);

// 5,001: emptied when a number comes past 5,000, as it always was.
export const decimalMemo = new BoundedCache<string, Decimal>("quantity/decimal.ts decimalMemo: parsed decimals", "the number as written", 5_001);

/** Parse `1,531.23` (thousands separators allowed). Decimals are immutable, so equal texts share one. */
export function parseDecimal(text: string): Decimal {
  let d = decimalMemo.get(text);
  if (d === undefined) {
    d = new D(text.indexOf(",") >= 0 ? text.replace(/,/g, "") : text);
    decimalMemo.set(text, d);
  }
  return d;
}

/** Number of digits after the decimal point as written. */
export function writtenDecimals(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Round half-up to at most `dp` decimals and drop trailing zeros, never in exponent notation. */
export function formatDecimal(value: Decimal, dp = 2): string {
  if (!value.isFinite()) return "—";
  // toFixed rounds with the constructor's rounding: half-up for D (and decimal.js's default).
  const fixed = value.toFixed(dp, D.ROUND_HALF_UP);
  const trimmed = fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
  return trimmed === "-0" ? "0" : trimmed;
}

/** Decimals a score is shown with unless the user sets perf.report.decimals (or the CLI's --decimals). */
export const SCORE_DECIMALS = 2;

/**
 * A score, subtotal or total as every surface shows it (status bar, hints,
 * hover, preview, CLI): half-up to `dp` decimals, trailing zeros dropped.
 * The one place that decides how a score reads.
 */
export function formatScore(value: Decimal | undefined | null, dp: number = SCORE_DECIMALS): string {
  if (value === undefined || value === null) return "—";
  const places = Number.isInteger(dp) && dp >= 0 && dp <= 6 ? dp : SCORE_DECIMALS;
  return formatDecimal(value, places);
}

export function min(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

export function max(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b;
}

export function clamp(v: Decimal, lo: Decimal, hi: Decimal): Decimal {
  return max(lo, min(hi, v));
}
