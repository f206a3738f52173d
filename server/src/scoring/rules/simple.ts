/**
 * The rules without bands:
 * - 比例 (proportional): A × w, capped at w;
 * - 扣分 (deduction): w − findings × step, not below 0.
 */
import type Decimal from "decimal.js";
import { ZERO, clamp, formatDecimal, parseDecimal } from "../../quantity/decimal";
import { formatPercent } from "../../quantity/quantity";
import { lineRange } from "../../diagnostics/catalogue";
import { dimName } from "../../quantity/units";
import type { Rule, RuleContext, RuleOutcome } from "./rule";
import { MISSING_MEASURED } from "./rule";

export class ProportionalRule implements Rule {
  readonly kind = "proportional" as const;
  max(weight: Decimal): Decimal {
    return weight;
  }
  describe(weight: Decimal): string {
    return `得分 = 比率 × ${formatDecimal(weight, 4)}，最高 ${formatDecimal(weight, 4)} 分`;
  }
  apply(ctx: RuleContext): RuleOutcome {
    const a = ctx.measured;
    if (!a) return { steps: [], missing: MISSING_MEASURED };
    if (a.dim !== "") {
      const f = ctx.indicator.formula?.field ?? ctx.indicator.actual?.field ?? ctx.indicator.rule!.field;
      const [n, nEn] = dimName(a.dim);
      ctx.sink.add("PE204", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { left: `比例计分所需的比率`, right: n, op: "对应", leftEn: "the ratio a proportional rule needs", rightEn: nEn, opEn: "match" });
      return { steps: [] };
    }
    const score = clamp(a.value.times(ctx.weight), ZERO, ctx.weight);
    return { score, steps: [() => `${formatPercent(a.value)} × ${formatDecimal(ctx.weight, 4)} = ${formatDecimal(a.value.times(ctx.weight), 4)}，取 ${formatDecimal(score, 4)} 分（0～${formatDecimal(ctx.weight, 4)}）`] };
  }
}

export class DeductionRule implements Rule {
  readonly kind = "deduction" as const;
  constructor(private readonly step: string) {}
  max(weight: Decimal): Decimal {
    return weight;
  }
  describe(weight: Decimal): string {
    return `${formatDecimal(weight, 4)} 分起，每项扣 ${this.step} 分，扣完为止`;
  }
  apply(ctx: RuleContext): RuleOutcome {
    const n = ctx.indicator.findings.length;
    const deducted = parseDecimal(this.step).times(n);
    const score = clamp(ctx.weight.minus(deducted), ZERO, ctx.weight);
    return { score, steps: [() => `扣分事项 ${n} 项 × ${this.step} 分 = ${formatDecimal(deducted, 4)} 分`, () => `${formatDecimal(ctx.weight, 4)} − ${formatDecimal(deducted, 4)} → ${formatDecimal(score, 4)} 分`] };
  }
}
