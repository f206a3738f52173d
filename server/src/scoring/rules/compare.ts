/** Comparisons and band helpers shared by the band-based rules. */
import type Decimal from "decimal.js";
import type { ComparatorOp, QuantityNode, ScoreValueNode } from "../../syntax/ast";
import { ZERO, formatDecimal, max, parseDecimal } from "../../quantity/decimal";
import { Quantity } from "../../quantity/quantity";
import { DEFAULT_LOCALE, type Locale, say } from "../../text/locale";

export function holds(a: Decimal, op: ComparatorOp, t: Decimal): boolean {
  switch (op) {
    case ">=":
      return a.greaterThanOrEqualTo(t);
    case "<=":
      return a.lessThanOrEqualTo(t);
    case ">":
      return a.greaterThan(t);
    case "<":
      return a.lessThan(t);
    case "=":
      return a.equals(t);
  }
}

export const OP_TEXT: Record<ComparatorOp, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };

/** A band threshold as a Quantity (a bare number in a band means a ratio only when written with %). */
export function threshold(q: QuantityNode): Quantity | undefined {
  return Quantity.fromWritten(q.value, q.unit?.text ?? null);
}

export function scoreOf(s: ScoreValueNode, weight: Decimal): Decimal {
  if (s.deduct !== undefined) return max(weight.minus(parseDecimal(s.deduct)), ZERO);
  return s.full ? weight : parseDecimal(s.value ?? "0");
}

/** A band's score as the tools read it, in the reader's language. */
export function scoreText(s: ScoreValueNode, l: Locale = DEFAULT_LOCALE): string {
  if (s.deduct !== undefined) return say(l, `扣${formatDecimal(parseDecimal(s.deduct), 4)}分`, `minus ${formatDecimal(parseDecimal(s.deduct), 4)}`);
  if (s.proportional) return say(l, "按比例", "proportional");
  return s.full ? say(l, "满分", "full score") : `${formatDecimal(parseDecimal(s.value ?? "0"), 4)}${say(l, "分", " pts")}`;
}

