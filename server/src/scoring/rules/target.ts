/**
 * 目标完成计分 (the default when 目标 is a quantity and there is no 评分),
 * as the national budget system reads it:
 * - 正向 (≥ >): min(A/T, 1) × w; a negative A counts as 0;
 * - 反向 (≤ <): w while A ≤ T; beyond, (1 − (A−T)/T) × w down to 0 at 2T
 *   (口径 反向算法：差额), or T/A × w (反向算法：比率);
 * - `=`: as 正向, except T = 0: w if A ≤ 0, else 0.
 */
import { DEFAULT_LOCALE, type Locale, say } from "../../text/locale";
import type Decimal from "decimal.js";
import { ONE, ZERO, clamp, formatDecimal, max, min } from "../../quantity/decimal";
import { formatPercent } from "../../quantity/quantity";
import { lineRange } from "../../diagnostics/catalogue";
import { checkDims } from "../dims";
import type { Rule, RuleContext, RuleOutcome } from "./rule";
import { MISSING_MEASURED, type Step } from "./rule";

export class TargetCompletionRule implements Rule {
  readonly kind = "targetCompletion" as const;
  max(weight: Decimal): Decimal {
    return weight;
  }
  describe(_weight?: Decimal, l: Locale = DEFAULT_LOCALE): string {
    return say(l, "按目标完成情况计分（正向 min(A/T,1)×分值；反向 超出目标按比例扣减）", "by target completion (upward: min(A/T, 1) × points; reverse: deducted in proportion to the excess over the target)");
  }
  apply(ctx: RuleContext): RuleOutcome {
    const a = ctx.measured;
    const t = ctx.target;
    if (!a) return { steps: [], missing: MISSING_MEASURED };
    if (!t) return { steps: [], missing: ["目标值", "the target"] };
    const f = ctx.indicator.target!.field;
    if (!checkDims(ctx.sink, lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), a.dim, t.value.dim, { left: ["实际值", "the actual"], right: ["目标值", "the target"], op: ["比较", "compare"] })) return { steps: [] };
    const w = ctx.weight;
    const A = a.value;
    const T = t.value.value;
    const steps: Step[] = [];
    let score: Decimal;
    if (t.op === "<=" || t.op === "<") {
      if (A.lessThanOrEqualTo(T)) {
        score = w;
        steps.push((l) => say(l, `反向指标：${a.format()} 未超过目标 ${t.value.format()} → 满分`, `reverse indicator: ${a.format()} does not exceed the target ${t.value.format()} → full score`));
      } else if (T.lessThanOrEqualTo(0)) {
        score = ZERO;
        steps.push((l) => say(l, `反向指标：目标 ${t.value.format()}，实际 ${a.format()} 超出 → 0 分`, `reverse indicator: target ${t.value.format()}, actual ${a.format()} exceeds it → 0 pts`));
      } else if (ctx.policy.reverse === "比率") {
        score = clamp(T.dividedBy(A).times(w), ZERO, w);
        steps.push((l) => `${say(l, "反向指标（比率法）：", "reverse indicator (ratio): ")}${t.value.format()} ÷ ${a.format()} × ${formatDecimal(w, 4)} = ${formatDecimal(score, 4)}${say(l, " 分", " pts")}`);
      } else {
        score = clamp(ONE.minus(A.minus(T).dividedBy(T)).times(w), ZERO, w);
        steps.push((l) => `${say(l, "反向指标（差额法）：", "reverse indicator (difference): ")}(1 − (${a.format()} − ${t.value.format()}) ÷ ${t.value.format()}) × ${formatDecimal(w, 4)} = ${formatDecimal(score, 4)}${say(l, " 分", " pts")}`);
      }
      return { score, steps };
    }
    if (t.op === "=" && T.isZero()) {
      score = A.lessThanOrEqualTo(0) ? w : ZERO;
      steps.push((l) => say(l, `目标为 0：实际 ${a.format()} → ${formatDecimal(score, 4)} 分`, `target 0: actual ${a.format()} → ${formatDecimal(score, 4)} pts`));
      return { score, steps };
    }
    if (T.lessThanOrEqualTo(0)) {
      score = A.greaterThanOrEqualTo(T) ? w : ZERO;
      steps.push((l) => say(l, `目标 ${t.value.format()}：实际 ${a.format()} → ${formatDecimal(score, 4)} 分`, `target ${t.value.format()}: actual ${a.format()} → ${formatDecimal(score, 4)} pts`));
      return { score, steps };
    }
    const rate = max(A, ZERO).dividedBy(T);
    score = min(rate, ONE).times(w);
    steps.push((l) => `${say(l, "完成率", "completion")} ${a.format()} ÷ ${t.value.format()} = ${formatPercent(A.dividedBy(T))}`);
    steps.push((l) => `min(${formatPercent(rate)}, 100%) × ${formatDecimal(w, 4)} = ${formatDecimal(score, 4)}${say(l, " 分", " pts")}`);
    return { score, steps };
  }
}
