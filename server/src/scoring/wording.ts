/** How a few scoring findings are worded for the user (kept apart from the computation). */
import type Decimal from "decimal.js";
import { ONE } from "../quantity/decimal";
import { type Quantity, formatPercent } from "../quantity/quantity";

/**
 * Why an over-achievement needs a reason: the excess over the target (4.8 万亩
 * against 4 万亩 is 20 % over) and the threshold the rule sets, reached or
 * passed (the rule says 达到或超过: exactly the threshold counts).
 */
export function overAchievementReason(actual: Quantity, target: Quantity, threshold: Decimal): [string, string] {
  const rate = actual.value.dividedBy(target.value);
  const excess = formatPercent(rate.minus(ONE), 1);
  const line = formatPercent(threshold, 0);
  const share = formatPercent(rate, 1);
  return [
    `实际 ${actual.format()} 超过目标 ${target.format()} ${excess}，完成率 ${share} 达到或超过超额预警线 ${line}`,
    `the actual ${actual.format()} exceeds the target ${target.format()} by ${excess}: ${share} reaches the over-achievement line of ${line}; was the target set too low?`,
  ];
}
