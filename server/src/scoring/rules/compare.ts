/** Comparisons and band helpers shared by the band-based rules. */
import type Decimal from "decimal.js";
import type { ComparatorOp, QuantityNode, ScoreValueNode } from "../../syntax/ast";
import { parseDecimal, formatDecimal } from "../../quantity/decimal";
import { Quantity } from "../../quantity/quantity";

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
  return s.full ? weight : parseDecimal(s.value ?? "0");
}

export function scoreText(s: ScoreValueNode): string {
  return s.full ? "满分" : `${formatDecimal(parseDecimal(s.value ?? "0"), 4)}分`;
}

