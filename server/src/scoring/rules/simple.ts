/**
 * The rules without bands:
 * - 比例 (proportional): A × w, capped at w;
 * - 扣分 (deduction): w − findings × step, not below 0.
 */
import { DEFAULT_LOCALE, type Locale, say } from "../../text/locale";
import type Decimal from "decimal.js";
import { D, ZERO, clamp, formatDecimal, parseDecimal } from "../../quantity/decimal";
import { TargetCompletionRule } from "./target";
import { formatPercent } from "../../quantity/quantity";
import { lineRange } from "../../diagnostics/catalogue";
import { dimName } from "../../quantity/units";
import type { Rule, RuleContext, RuleOutcome, Step } from "./rule";
import { MISSING_MEASURED } from "./rule";

export class ProportionalRule implements Rule {
  readonly kind = "proportional" as const;
  /** A printed number in the weight's place ("预算执行率×10"): ratio × factor, kept within 0…w. */
  private readonly factor?: Decimal;
  constructor(factor?: string) {
    if (factor !== undefined) this.factor = parseDecimal(factor);
  }
  /** With a factor the rule's top is the factor: a factor other than the weight is flagged (PE401). */
  max(weight: Decimal): Decimal {
    return this.factor ?? weight;
  }
  describe(weight: Decimal, l: Locale = DEFAULT_LOCALE): string {
    const w = formatDecimal(weight, 4);
    if (this.factor) {
      const f = formatDecimal(this.factor, 4);
      return say(l, `得分 = 比率 × ${f}，限制在 0～${w} 分`, `score = ratio × ${f}, kept within 0…${w} pts`);
    }
    return say(l, `得分 = 比率 × ${w}，最高 ${w} 分`, `score = ratio × ${w}, at most ${w} pts`);
  }
  apply(ctx: RuleContext): RuleOutcome {
    const a = ctx.measured;
    if (!a) return { steps: [], missing: MISSING_MEASURED };
    // A factor rule over a quantity with a target of its dimension reads the completion rate, actual ÷ target.
    const t = ctx.target?.value;
    const ratio = this.factor && a.dim !== "" && t && t.dim === a.dim && !t.value.isZero() ? a.value.dividedBy(t.value) : a.dim === "" ? a.value : undefined;
    if (!ratio) {
      const f = ctx.indicator.formula?.field ?? ctx.indicator.actual?.field ?? ctx.indicator.rule!.field;
      const [n, nEn] = dimName(a.dim);
      ctx.sink.add("PE204", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { left: `比例计分所需的比率`, right: n, op: "对应", leftEn: "the ratio a proportional rule needs", rightEn: nEn, opEn: "match" });
      return { steps: [] };
    }
    const by = this.factor ?? ctx.weight;
    const product = ratio.times(by);
    const score = clamp(product, ZERO, ctx.weight);
    const text = `${formatPercent(ratio)} × ${formatDecimal(by, 4)} = ${formatDecimal(product, 4)}`;
    return { score, steps: [(l) => say(l, `${text}，取 ${formatDecimal(score, 4)} 分（0～${formatDecimal(ctx.weight, 4)}）`, `${text}: ${formatDecimal(score, 4)} pts counted (0–${formatDecimal(ctx.weight, 4)})`)] };
  }
}

export class DeductionRule implements Rule {
  readonly kind = "deduction" as const;
  constructor(private readonly step: string) {}
  max(weight: Decimal): Decimal {
    return weight;
  }
  describe(weight: Decimal, l: Locale = DEFAULT_LOCALE): string {
    return say(l, `${formatDecimal(weight, 4)} 分起，每项扣 ${this.step} 分，扣完为止`, `from ${formatDecimal(weight, 4)} pts, minus ${this.step} per finding, down to 0`);
  }
  apply(ctx: RuleContext): RuleOutcome {
    // The count: the listed 扣分事项, or else a count written as 实际（实际：2 例）.
    const listed = ctx.indicator.findings.length;
    const a = ctx.measured;
    const fromActual = listed === 0 && a !== undefined && a.dim !== "" && ctx.indicator.actual !== undefined;
    const n = fromActual ? a.inUnit() : new D(listed);
    const deducted = parseDecimal(this.step).times(n);
    const score = clamp(ctx.weight.minus(deducted), ZERO, ctx.weight);
    const source = (l: Locale) => (fromActual ? `${say(l, "实际", "actual")} ${a.format()}` : say(l, `扣分事项 ${listed} 项`, `${listed} finding${listed === 1 ? "" : "s"}`));
    const deduction: Step = (l) => say(l, `${source(l)} × ${this.step} 分 = ${formatDecimal(deducted, 4)} 分`, `${source(l)} × ${this.step} = ${formatDecimal(deducted, 4)} pts`);
    return { score, steps: [deduction, (l) => `${formatDecimal(ctx.weight, 4)} − ${formatDecimal(deducted, 4)} → ${formatDecimal(score, 4)}${say(l, " 分", " pts")}`] };
  }
}

/**
 * 按完成比例计分 as printed ("完成值/指标值×分值", "达到目标值得满分，未达到的按完成比例计分"):
 * with a quantitative target, the target-completion rule (min(A/T, 1) × w for an upward
 * target); without one, A is a ratio and the score is A × w.
 */
export class CompletionRule implements Rule {
  readonly kind = "proportional" as const;
  max(weight: Decimal): Decimal {
    return weight;
  }
  describe(weight: Decimal, l: Locale = DEFAULT_LOCALE): string {
    const w = formatDecimal(weight, 4);
    return say(l, `按完成比例计分：实际值 ÷ 目标值 × ${w}（没有目标时 比率 × ${w}），最高 ${w} 分`, `by completion: actual ÷ target × ${w} (without a target, ratio × ${w}), at most ${w} pts`);
  }
  apply(ctx: RuleContext): RuleOutcome {
    return ctx.target ? TARGET.apply(ctx) : PROPORTIONAL.apply(ctx);
  }
}

const TARGET = new TargetCompletionRule();
const PROPORTIONAL = new ProportionalRule();

/** 年度指标值/全年实际值*该指标分值: a reverse indicator scored target ÷ actual (the 比率 method), whatever 反向算法 says. */
export class InverseCompletionRule extends CompletionRule {
  override describe(weight: Decimal, l: Locale = DEFAULT_LOCALE): string {
    const w = formatDecimal(weight, 4);
    return say(l, `按公式计分：年度指标值 ÷ 全年实际值 × ${w}，最高 ${w} 分`, `by formula: annual target ÷ actual for the year × ${w}, at most ${w} pts`);
  }
  override apply(ctx: RuleContext): RuleOutcome {
    return super.apply(ctx.target ? { ...ctx, policy: { ...ctx.policy, reverse: "比率" } } : ctx);
  }
}
