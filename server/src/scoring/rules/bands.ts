/**
 * Band rules over the measured value A:
 * - 区间线性 (linear band): `≤100% 满分；≥115% 0分` — full on one side, zero on
 *   the other, linear between the two thresholds (the seed's
 *   `[max−X]/[max−min]×分值`, read with the band's own thresholds);
 * - 分档 (step bands): `≥90% 5；≥80% 4；…；其余 0` — the first band that holds;
 * - 超出扣分 (per-point deduction): `≤100% 满分；每超1个百分点扣0.5分`.
 */
import type Decimal from "decimal.js";
import { lineRange } from "../../diagnostics/catalogue";
import { ZERO, clamp, formatDecimal, parseDecimal } from "../../quantity/decimal";
import { Quantity } from "../../quantity/quantity";
import { checkDims } from "../dims";
import type { ClauseNode } from "../../syntax/ast";
import type { Rule, RuleContext, RuleOutcome } from "./rule";
import { MISSING_MEASURED, type Step } from "./rule";
import { holds, OP_TEXT, scoreOf, scoreText, threshold } from "./compare";

type Band = Extract<ClauseNode, { kind: "band" }>;
type Else = Extract<ClauseNode, { kind: "else" }>;
type PerPoint = Extract<ClauseNode, { kind: "perPoint" }>;

/** Thresholds as quantities, checking that A and each threshold have the same dimension. */
function resolveThreshold(ctx: RuleContext, band: Band, a: Quantity): Decimal | undefined {
  // A bare number against a percentage means percent: `≥95 满分` with A = 96% reads 95%.
  const bare = band.quantity.unit === null && a.dim === "" && a.unit === "%";
  const t = bare ? Quantity.fromWritten(band.quantity.value, "%") : threshold(band.quantity);
  if (!t) {
    if (band.quantity.unit) ctx.sink.add("PE203", lineRange(ctx.indicator.rule!.field.line, band.quantity.unit.span[0], band.quantity.unit.span[1]), { unit: band.quantity.unit.text });
    return undefined;
  }
  const range = lineRange(ctx.indicator.rule!.field.line, band.quantity.span[0], band.quantity.span[1]);
  if (!checkDims(ctx.sink, range, a.dim, t.dim, { left: ["实际值", "the actual"], right: ["评分界限", "the band limit"], op: ["比较", "compare"] })) return undefined;
  return t.value;
}

function fmt(a: Quantity): string {
  return a.format();
}

export class LinearBandRule implements Rule {
  readonly kind = "linearBand" as const;
  constructor(private readonly full: Band, private readonly zero: Band) {}

  max(weight: Decimal): Decimal {
    return weight;
  }

  describe(): string {
    return `${OP_TEXT[this.full.comparator.op]}${this.full.quantity.value}${this.full.quantity.unit?.text ?? ""} 满分；${OP_TEXT[this.zero.comparator.op]}${this.zero.quantity.value}${this.zero.quantity.unit?.text ?? ""} 0分；其间线性计分`;
  }

  apply(ctx: RuleContext): RuleOutcome {
    const a = ctx.measured;
    if (!a) return { steps: [], missing: MISSING_MEASURED };
    const tf = resolveThreshold(ctx, this.full, a);
    const tz = resolveThreshold(ctx, this.zero, a);
    if (tf === undefined || tz === undefined) return { steps: [] };
    const w = ctx.weight;
    const lowerIsBetter = tf.lessThan(tz);
    const steps: Step[] = [];
    let score: Decimal;
    if (lowerIsBetter ? a.value.lessThanOrEqualTo(tf) : a.value.greaterThanOrEqualTo(tf)) {
      score = w;
      steps.push(() => `${fmt(a)} 达到满分界限 → 满分 ${formatDecimal(w, 4)} 分`);
    } else if (lowerIsBetter ? a.value.greaterThanOrEqualTo(tz) : a.value.lessThanOrEqualTo(tz)) {
      score = ZERO;
      steps.push(() => `${fmt(a)} 达到 0 分界限 → 0 分`);
    } else {
      const num = lowerIsBetter ? tz.minus(a.value) : a.value.minus(tz);
      const den = tz.minus(tf).abs();
      score = clamp(num.dividedBy(den).times(w), ZERO, w);
      steps.push(() =>
        lowerIsBetter
          ? `(${this.zero.quantity.value}${this.zero.quantity.unit?.text ?? ""} − ${fmt(a)}) ÷ (${this.zero.quantity.value}${this.zero.quantity.unit?.text ?? ""} − ${this.full.quantity.value}${this.full.quantity.unit?.text ?? ""}) × ${formatDecimal(w, 4)} = ${formatDecimal(score, 4)} 分`
          : `(${fmt(a)} − ${this.zero.quantity.value}${this.zero.quantity.unit?.text ?? ""}) ÷ (${this.full.quantity.value}${this.full.quantity.unit?.text ?? ""} − ${this.zero.quantity.value}${this.zero.quantity.unit?.text ?? ""}) × ${formatDecimal(w, 4)} = ${formatDecimal(score, 4)} 分`,
      );
    }
    return { score, steps, direction: lowerIsBetter ? "lower" : "higher" };
  }
}

export class StepBandsRule implements Rule {
  readonly kind = "stepBands" as const;
  constructor(private readonly clauses: (Band | Else)[]) {}

  max(weight: Decimal): Decimal {
    return this.clauses.reduce((m, c) => {
      const s = scoreOf(c.score, weight);
      return s.greaterThan(m) ? s : m;
    }, ZERO);
  }

  describe(): string {
    return this.clauses
      .map((c) => (c.kind === "else" ? `其余 ${scoreText(c.score)}` : `${OP_TEXT[c.comparator.op]}${c.quantity.value}${c.quantity.unit?.text ?? ""} ${scoreText(c.score)}`))
      .join("；");
  }

  apply(ctx: RuleContext): RuleOutcome {
    const a = ctx.measured;
    if (!a) return { steps: [], missing: MISSING_MEASURED };
    for (const c of this.clauses) {
      if (c.kind === "else") {
        const s = scoreOf(c.score, ctx.weight);
        return { score: s, steps: [() => `${fmt(a)} 不在以上各档 → 其余 ${formatDecimal(s, 4)} 分`] };
      }
      const t = resolveThreshold(ctx, c, a);
      if (t === undefined) return { steps: [] };
      if (holds(a.value, c.comparator.op, t)) {
        const s = scoreOf(c.score, ctx.weight);
        return { score: s, steps: [() => `${fmt(a)} ${OP_TEXT[c.comparator.op]} ${c.quantity.value}${c.quantity.unit?.text ?? ""} → ${formatDecimal(s, 4)} 分`] };
      }
    }
    const rule = ctx.indicator.rule!.field;
    ctx.sink.add("PE410", lineRange(rule.line, rule.valueSpan[0], rule.valueSpan[1]), { value: fmt(a) });
    return { score: ZERO, steps: [() => `${fmt(a)} 不在任何一档 → 0 分`] };
  }
}

export class PerPointRule implements Rule {
  readonly kind = "perPoint" as const;
  constructor(private readonly full: Band, private readonly per: PerPoint) {}

  max(weight: Decimal): Decimal {
    return weight;
  }

  describe(): string {
    return `${OP_TEXT[this.full.comparator.op]}${this.full.quantity.value}${this.full.quantity.unit?.text ?? ""} 满分；每${this.per.direction === "above" ? "超" : "低"}${this.per.per}个百分点扣${this.per.step}分`;
  }

  apply(ctx: RuleContext): RuleOutcome {
    const a = ctx.measured;
    if (!a) return { steps: [], missing: MISSING_MEASURED };
    const t = resolveThreshold(ctx, this.full, a);
    if (t === undefined) return { steps: [] };
    const w = ctx.weight;
    if (holds(a.value, this.full.comparator.op, t)) return { score: w, steps: [() => `${fmt(a)} 在满分界限内 → ${formatDecimal(w, 4)} 分`] };
    // Percentage points of a ratio; for other quantities, percent of the limit.
    const points = a.dim === "" || t.isZero() ? a.value.minus(t).abs().times(100) : a.value.minus(t).abs().dividedBy(t.abs()).times(100);
    const steps = parseDecimal(this.per.step).times(points.dividedBy(parseDecimal(this.per.per)));
    const score = clamp(w.minus(steps), ZERO, w);
    return {
      score,
      steps: [() => `超出 ${formatDecimal(points, 4)} 个百分点 × ${this.per.step} ÷ ${this.per.per} = 扣 ${formatDecimal(steps, 4)} 分`, () => `${formatDecimal(w, 4)} − ${formatDecimal(steps, 4)} = ${formatDecimal(score, 4)} 分（不低于 0）`],
    };
  }
}
