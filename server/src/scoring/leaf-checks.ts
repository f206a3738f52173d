/**
 * The checks a leaf's result gets after its rule ran: the completion rate
 * against a stated one (PE505), approximate figures (PE206), and whether a
 * deviation reason is required (PE406).
 */
import type Decimal from "decimal.js";
import { lineRange } from "../diagnostics/catalogue";
import { formatPair } from "./precision";
import { isExecutionName } from "./execution-row";
import { hasField } from "../model/fields";
import type { Indicator, Policy } from "../model/types";
import { Quantity, formatPercent } from "../quantity/quantity";
import { comparableDims } from "../quantity/units";
import { checkDims } from "./dims";
import { achievementOf } from "./rules/qualitative";
import { overAchievementReason } from "./wording";
import type { RuleContext } from "./rules/rule";
import type { DiagnosticSink } from "./sink";
import type { LeafValues } from "./outcomes";

export function completionRate(sink: DiagnosticSink, ind: Indicator, result: LeafValues, target: RuleContext["target"]): void {
  const a = result.measured;
  if (!a || !target || target.value.value.isZero() || !comparableDims(a.dim, target.value.dim)) {
    if (ind.statedRate && !(a && target)) {
      // A stated rate with nothing to check it against is the measured value itself for a measure with a qualitative actual.
    }
    return;
  }
  // A measure runs no rule: its 实际 and 目标 are put side by side here.
  if (ind.weight === null && ind.target) {
    const f = ind.target.field;
    checkDims(sink, lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), a.dim, target.value.dim, { op: ["比较", "compare"] });
  }
  result.rate = a.value.dividedBy(target.value.value);
  if (ind.statedRate) {
    const computed = new Quantity(result.rate, "", "%");
    if (!ind.statedRate.quantity.accepts(computed)) {
      result.statedRateDiffers = true;
      const f = ind.statedRate.field;
      sink.add(
        "PE505",
        lineRange(f.line, f.valueSpan[0], f.valueSpan[1]),
        { stated: ind.statedRate.quantity.format(), actual: a.format(), target: target.value.format(), computed: formatPercent(result.rate) },
        { computed: formatPercent(result.rate, Math.max(ind.statedRate.quantity.writtenDecimals ?? 0, 0)) },
      );
    }
  }
}

export function approximate(sink: DiagnosticSink, ind: Indicator, result: LeafValues): void {
  const check = (q: Quantity | undefined, line: number, span: readonly [number, number], text: string) => {
    if (q?.approx) sink.add("PE206", lineRange(line, span[0], span[1]), { text });
  };
  if (ind.actual && result.measured) check(result.measured, ind.actual.field.line, ind.actual.field.valueSpan, ind.actual.field.value);
  else if (ind.formula && result.measured?.approx) check(result.measured, ind.formula.field.line, ind.formula.field.valueSpan, ind.formula.field.value);
  if (ind.target && result.target) check(result.target, ind.target.field.line, ind.target.field.valueSpan, ind.target.field.value);
}

/** 偏差原因 is required where 得分 < 分值, where a target is missed, or where A ≥ 120 % of T. */
export function deviationReason(sink: DiagnosticSink, policy: Policy, ind: Indicator, result: LeafValues, target: RuleContext["target"], weight: Decimal | undefined): void {
  // The automatic 预算执行率 row, and one written by hand, need none (execution-row.ts).
  if (hasField(ind, "偏差原因") || ind.virtual || isExecutionName(ind)) return;
  let why: [string, string] | undefined;
  const a = result.measured;
  if (weight && result.score?.lessThan(weight)) {
    const [score, w] = formatPair(result.score, weight);
    why = [`得分 ${score} 低于分值 ${w}`, `the score ${score} is below the weight ${w}`];
  } else if (a && target && comparableDims(a.dim, target.value.dim) && target.value.value.greaterThan(0)) {
    const A = a.value;
    const T = target.value.value;
    const upward = target.op === ">=" || target.op === ">" || target.op === "=";
    if (upward && A.greaterThanOrEqualTo(T.times(policy.overAchievement))) {
      why = overAchievementReason(a, target.value, policy.overAchievement);
    } else if (weight === undefined && upward && A.lessThan(T)) {
      const [actual, aim] = [a.format(), target.value.format()];
      why = [`实际 ${actual} 未达到目标 ${aim}`, `the actual ${actual} misses the target ${aim}`];
    } else if (weight === undefined && !upward && A.greaterThan(T)) {
      const [actual, aim] = [a.format(), target.value.format()];
      why = [`实际 ${actual} 超出目标 ${aim}`, `the actual ${actual} exceeds the target ${aim}`];
    }
  } else if (weight === undefined && ind.actual?.node.kind === "qualitative") {
    const g = achievementOf(ind.actual.node.word);
    if (g && g !== "达成") why = [`实际为“${ind.actual.node.word}”`, `the actual is “${ind.actual.node.word}”`];
    // A measure carries no score: “基本达成 / 部分达成” there asks for a reason as a suggestion (PE440), not a warning.
    if (why && g === "部分达成") {
      sink.add("PE440", lineRange(ind.line, ind.titleSpan[0], ind.titleSpan[1]), { word: ind.actual.node.word });
      return;
    }
  }
  if (why) result.reasonMissing = true;
  if (why) sink.add("PE406", lineRange(ind.line, ind.titleSpan[0], ind.titleSpan[1]), { why: why[0], whyEn: why[1] });
}
