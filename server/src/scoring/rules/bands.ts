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
import { DEFAULT_LOCALE, type Locale, say } from "../../text/locale";
import { pts } from "../step-words";

type Band = Extract<ClauseNode, { kind: "band" }>;
type Range = Extract<ClauseNode, { kind: "range" }>;
type Else = Extract<ClauseNode, { kind: "else" }>;
type PerPoint = Extract<ClauseNode, { kind: "perPoint" }>;

/** Thresholds as quantities, checking that A and each threshold have the same dimension. */
function resolveThreshold(ctx: RuleContext, band: { quantity: Band["quantity"] }, a: Quantity): Decimal | undefined {
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

  describe(_weight?: Decimal, l: Locale = DEFAULT_LOCALE): string {
    const full = `${OP_TEXT[this.full.comparator.op]}${this.full.quantity.value}${this.full.quantity.unit?.text ?? ""}`;
    const zero = `${OP_TEXT[this.zero.comparator.op]}${this.zero.quantity.value}${this.zero.quantity.unit?.text ?? ""}`;
    return say(l, `${full} 满分；${zero} 0分；其间线性计分`, `${full} full score; ${zero} 0 pts; linear in between`);
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
      steps.push((l) => say(l, `${fmt(a)} 达到满分界限 → 满分 ${formatDecimal(w, 4)} 分`, `${fmt(a)} reaches the full-score limit → full score ${formatDecimal(w, 4)} pts`));
    } else if (lowerIsBetter ? a.value.greaterThanOrEqualTo(tz) : a.value.lessThanOrEqualTo(tz)) {
      score = ZERO;
      steps.push((l) => say(l, `${fmt(a)} 达到 0 分界限 → 0 分`, `${fmt(a)} reaches the zero limit → 0 pts`));
    } else {
      const num = lowerIsBetter ? tz.minus(a.value) : a.value.minus(tz);
      const den = tz.minus(tf).abs();
      score = clamp(num.dividedBy(den).times(w), ZERO, w);
      steps.push((l) =>
        (lowerIsBetter
          ? `(${this.zero.quantity.value}${this.zero.quantity.unit?.text ?? ""} − ${fmt(a)}) ÷ (${this.zero.quantity.value}${this.zero.quantity.unit?.text ?? ""} − ${this.full.quantity.value}${this.full.quantity.unit?.text ?? ""}) × ${formatDecimal(w, 4)} = ${formatDecimal(score, 4)}`
          : `(${fmt(a)} − ${this.zero.quantity.value}${this.zero.quantity.unit?.text ?? ""}) ÷ (${this.full.quantity.value}${this.full.quantity.unit?.text ?? ""} − ${this.zero.quantity.value}${this.zero.quantity.unit?.text ?? ""}) × ${formatDecimal(w, 4)} = ${formatDecimal(score, 4)}`) + pts(l),
      );
    }
    return { score, steps, direction: lowerIsBetter ? "lower" : "higher" };
  }
}

export class StepBandsRule implements Rule {
  readonly kind = "stepBands" as const;
  constructor(private readonly clauses: (Band | Range | Else)[]) {}

  max(weight: Decimal): Decimal {
    return this.clauses.reduce((m, c) => {
      const s = c.score.proportional ? weight : scoreOf(c.score, weight);
      return s.greaterThan(m) ? s : m;
    }, ZERO);
  }

  describe(_weight?: Decimal, l: Locale = DEFAULT_LOCALE): string {
    return this.clauses
      .map((c) => (c.kind === "else" ? `${say(l, "其余", "otherwise")} ${scoreText(c.score, l)}` : `${condText(c)} ${scoreText(c.score, l)}`))
      .join(say(l, "；", "; "));
  }

  apply(ctx: RuleContext): RuleOutcome {
    const a = ctx.measured;
    if (!a) return { steps: [], missing: MISSING_MEASURED };
    for (const c of this.clauses) {
      if (c.kind === "else") {
        const s = scoreOf(c.score, ctx.weight);
        return { score: s, steps: [(l) => say(l, `${fmt(a)} 不在以上各档 → 其余 ${formatDecimal(s, 4)} 分`, `${fmt(a)} is in none of the bands above → otherwise ${formatDecimal(s, 4)} pts`)] };
      }
      const inside = c.kind === "range" ? inRange(ctx, c, a) : bandHolds(ctx, c, a);
      if (inside === undefined) return { steps: [] };
      if (inside) {
        const s = c.score.proportional ? proportional(ctx, a) : scoreOf(c.score, ctx.weight);
        if (s === undefined) return { steps: [] };
        return { score: s, steps: [(l) => `${fmt(a)} ${say(l, "符合", "meets")} ${condText(c)} → ${c.score.proportional ? say(l, "按比例 ", "proportionally ") : ""}${formatDecimal(s, 4)}${pts(l)}`] };
      }
    }
    const rule = ctx.indicator.rule!.field;
    ctx.sink.add("PE410", lineRange(rule.line, rule.valueSpan[0], rule.valueSpan[1]), { value: fmt(a) });
    return { score: ZERO, steps: [(l) => say(l, `${fmt(a)} 不在任何一档 → 0 分`, `${fmt(a)} is in no band → 0 pts`)] };
  }
}

/** A band's 按比例得分: A ÷ T × w with a quantitative target, else the ratio A × w; within 0…w. */
function proportional(ctx: RuleContext, a: Quantity): Decimal | undefined {
  const t = ctx.target;
  if (t && t.value.dim === a.dim && !t.value.value.isZero()) return clamp(a.value.dividedBy(t.value.value).times(ctx.weight), ZERO, ctx.weight);
  if (a.dim !== "") return undefined;
  return clamp(a.value.times(ctx.weight), ZERO, ctx.weight);
}

/** `≤100%`, `0 < A ≤ 10%`: the condition of a band or a range, as text. */
function condText(c: Band | Range): string {
  if (c.kind === "band") return `${OP_TEXT[c.comparator.op]}${c.quantity.value}${c.quantity.unit?.text ?? ""}`;
  const lo = c.lo ? `${c.lo.quantity.value}${c.lo.quantity.unit?.text ?? ""}${c.lo.inclusive === false ? "<" : "≤"}` : "";
  const hi = c.hi ? `${c.hi.inclusive === false ? "<" : "≤"}${c.hi.quantity.value}${c.hi.quantity.unit?.text ?? ""}` : "";
  return `${lo}A${hi}`;
}

function bandHolds(ctx: RuleContext, c: Band, a: Quantity): boolean | undefined {
  const t = resolveThreshold(ctx, c, a);
  return t === undefined ? undefined : holds(a.value, c.comparator.op, t);
}

/** Is A inside the range (an end is inclusive unless it was settled exclusive)? */
function inRange(ctx: RuleContext, c: Range, a: Quantity): boolean | undefined {
  let inside = true;
  if (c.lo) {
    const t = resolveThreshold(ctx, c.lo, a);
    if (t === undefined) return undefined;
    inside &&= holds(a.value, c.lo.inclusive === false ? ">" : ">=", t);
  }
  if (c.hi) {
    const t = resolveThreshold(ctx, c.hi, a);
    if (t === undefined) return undefined;
    inside &&= holds(a.value, c.hi.inclusive === false ? "<" : "<=", t);
  }
  return inside;
}

/**
 * 超出扣分: the full band's score while A is inside it; beyond, a deduction
 * per step. By default per *full* step (103.5 % against ≤100 % with "每超过一个
 * 百分点扣0.5分" is three steps: 1.5); `mode` linear (按比例扣分) deducts for a
 * part of a step too, ceil (不足…按…计) counts a part as a whole step. Other
 * bands of the rule (大于110%不得分) are looked at first.
 */
export class PerPointRule implements Rule {
  readonly kind = "perPoint" as const;
  constructor(
    private readonly full: Band,
    private readonly per: PerPoint,
    private readonly others: (Band | Range)[] = [],
  ) {}

  max(weight: Decimal): Decimal {
    return scoreOf(this.full.score, weight);
  }

  describe(_weight?: Decimal, l: Locale = DEFAULT_LOCALE): string {
    if (l === "en") {
      const mode = this.per.mode === "linear" ? "a part of a step deducts its share" : this.per.mode === "ceil" ? "a part of a step counts as a whole step" : "whole steps only";
      const others = this.others.map((o) => `; ${condText(o)} ${scoreText(o.score, l)}`).join("");
      return `${condText(this.full)} ${scoreText(this.full.score, l)}; minus ${this.per.step} for each ${this.per.per} ${this.per.perUnit ?? "percentage point(s)"} ${this.per.direction === "above" ? "above" : "below"} (${mode}), down to 0${others}`;
    }
    const mode = this.per.mode === "linear" ? "按比例扣" : this.per.mode === "ceil" ? "不足一步按一步扣" : "按整步扣，不足一步不扣";
    const others = this.others.map((o) => `；${condText(o)} ${scoreText(o.score)}`).join("");
    return `${condText(this.full)} ${scoreText(this.full.score)}；每${this.per.direction === "above" ? "超" : "低"}${this.per.per}${this.per.perUnit ?? "个百分点"}扣${this.per.step}分（${mode}），扣完为止${others}`;
  }

  apply(ctx: RuleContext): RuleOutcome {
    const a = ctx.measured;
    if (!a) return { steps: [], missing: MISSING_MEASURED };
    for (const o of this.others) {
      const inside = o.kind === "range" ? inRange(ctx, o, a) : bandHolds(ctx, o, a);
      if (inside === undefined) return { steps: [] };
      if (inside) {
        const s = scoreOf(o.score, ctx.weight);
        return { score: s, steps: [(l) => `${fmt(a)} ${say(l, "符合", "meets")} ${condText(o)} → ${formatDecimal(s, 4)}${pts(l)}`] };
      }
    }
    const t = resolveThreshold(ctx, this.full, a);
    if (t === undefined) return { steps: [] };
    const w = scoreOf(this.full.score, ctx.weight);
    if (holds(a.value, this.full.comparator.op, t)) return { score: w, steps: [(l) => say(l, `${fmt(a)} 在满分界限内 → ${formatDecimal(w, 4)} 分`, `${fmt(a)} is within the full-score limit → ${formatDecimal(w, 4)} pts`)] };
    let points: Decimal;
    let unit: string | undefined;
    if (this.per.perUnit) {
      // A step in the measured value's own unit (每超过1天): the distance in that unit.
      const perQ = Quantity.fromWritten("1", this.per.perUnit);
      if (!perQ || perQ.dim !== a.dim) {
        const f = ctx.indicator.rule!.field;
        if (perQ) checkDims(ctx.sink, lineRange(f.line, this.per.span[0], this.per.span[1]), a.dim, perQ.dim, { left: ["实际值", "the actual"], right: ["扣分幅度", "the deduction step"], op: ["比较", "compare"] });
        else ctx.sink.add("PE203", lineRange(f.line, this.per.span[0], this.per.span[1]), { unit: this.per.perUnit });
        return { steps: [] };
      }
      points = a.value.minus(t).abs().dividedBy(perQ.value);
      unit = this.per.perUnit;
    } else {
      // Percentage points of a ratio; for other quantities, percent of the limit.
      points = a.dim === "" || t.isZero() ? a.value.minus(t).abs().times(100) : a.value.minus(t).abs().dividedBy(t.abs()).times(100);
    }
    const ratio = points.dividedBy(parseDecimal(this.per.per));
    const counted = this.per.mode === "linear" ? ratio : this.per.mode === "ceil" ? ratio.ceil() : ratio.floor();
    const deducted = parseDecimal(this.per.step).times(counted);
    const score = clamp(w.minus(deducted), ZERO, w);
    const how = this.per.mode === "linear" ? "按比例" : this.per.mode === "ceil" ? "不足一步按一步" : "按整步";
    const howEn = this.per.mode === "linear" ? "proportionally" : this.per.mode === "ceil" ? "a part counted as a whole step" : "whole steps";
    const [u, uEn] = unit === undefined ? ["个百分点", "percentage point(s)"] : [unit, unit];
    return {
      score,
      steps: [
        (l) =>
          say(
            l,
            `偏离 ${formatDecimal(points, 4)} ${u}，每 ${this.per.per} ${u}一步，${how}计 ${formatDecimal(counted, 4)} 步 × ${this.per.step} 分 = 扣 ${formatDecimal(deducted, 4)} 分`,
            `${formatDecimal(points, 4)} ${uEn} off, a step every ${this.per.per} ${uEn}, ${howEn}: ${formatDecimal(counted, 4)} step(s) × ${this.per.step} = minus ${formatDecimal(deducted, 4)} pts`,
          ),
        (l) => say(l, `${formatDecimal(w, 4)} − ${formatDecimal(deducted, 4)} = ${formatDecimal(score, 4)} 分（不低于 0）`, `${formatDecimal(w, 4)} − ${formatDecimal(deducted, 4)} = ${formatDecimal(score, 4)} pts (not below 0)`),
      ],
    };
  }
}
