/**
 * Scoring one leaf indicator (or checking a measure): its measured value (实际,
 * or the value of 公式), its target, its completion rate, its rule applied
 * and the checks on what it states (PE401–403, PE409, PE501, PE206, PE406…).
 * A function of the model and the data values only: it runs again, with a
 * `TraceBuilder`, when a leaf's trace is read (`Evaluator.retrace`).
 */
import { hasField } from "../model/fields";
import { formatDecimal } from "../quantity/decimal";
import { Quantity } from "../quantity/quantity";
import { lineRange } from "../diagnostics/catalogue";
import type { Indicator, IndicatorBlock, PerfModel } from "../model/types";
import type { ComparatorOp } from "../syntax/ast";
import type { DiagnosticSink } from "./sink";
import { evaluateExpr, type NameLookup } from "./expr";
import { resolveRule } from "./rules/resolve";
import type { RuleContext } from "./rules/rule";
import { type TraceRecorder, unscored } from "./trace";
import { formatPair, precisionOf, roundScore, scoreAgrees } from "./precision";
import { actualQuantity, checkCoefficient, targetOp, targetUnit } from "./national";
import { EXECUTION_EXPR, EXECUTION_RULE, isAutoExecutionRow } from "./execution-row";
import { capIndicatorScore } from "./clamp";
import { STEPS, inputName, ruleKindName } from "./step-words";
import { LeafValues, ruleUsesMeasured } from "./outcomes";
import { approximate, completionRate, deviationReason } from "./leaf-checks";

const COMPARATOR_TEXT: Record<ComparatorOp, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };

/** What scoring a leaf reads of the evaluation under way. */
export interface LeafScoring {
  readonly model: PerfModel;
  readonly sink: DiagnosticSink;
  lookup(scope: IndicatorBlock | undefined): NameLookup;
}

/**
 * What scoring a leaf finds, its trace recorded by `trace`: `NO_TRACE` when
 * the leaf is scored (its result evaluates the leaf again when its trace is
 * first read: `retrace`), a `TraceBuilder` then.
 */
export function scoreLeaf(ev: LeafScoring, ind: Indicator, trace: TraceRecorder): LeafValues {
  const result = new LeafValues();

  // A: 实际, else the value of 公式.
  let formulaValue: Quantity | undefined;
  // A hand-written 预算执行率 row without figures of its own: the automatic row's formula (execution-row.ts).
  const autoExecution = isAutoExecutionRow(ind, ev.model);
  if (autoExecution) {
    const r = evaluateExpr(EXECUTION_EXPR, ind.line, ev.lookup(ind), ev.sink, trace.keeps);
    formulaValue = r.value;
    trace.input(...r.inputs);
    trace.formulaOf("全年执行数 ÷ 全年预算数", r.substituted, r.value);
  } else if (ind.formula) {
    const r = evaluateExpr(ind.formula.expr, ind.formula.field.line, ev.lookup(ind), ev.sink, trace.keeps);
    formulaValue = r.value;
    trace.input(...r.inputs);
    trace.formulaOf(ind.formula.field.value, r.substituted, r.value);
  }
  const actual = ind.actual?.node;
  if (actual && actual.kind === "quantitative") {
    const q = actualQuantity(ind, actual, ev.sink);
    if (q) {
      result.measured = q;
      trace.quantityInput(inputName("实际"), "", q, ind.actual!.field.line);
      if (formulaValue && q.dim === formulaValue.dim && !q.accepts(formulaValue)) {
        const f = ind.actual!.field;
        ev.sink.add("PE504", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { name: "实际", stated: q.format(), computed: formulaValue.withUnit(q.unit).format(4), formula: ind.formula!.field.value }, { computed: formulaValue.withUnit(q.unit).format(q.writtenDecimals ?? 2) });
      }
    }
  } else if (formulaValue) {
    result.measured = formulaValue;
  }
  const target = ind.target?.node;
  let targetSpec: RuleContext["target"];
  if (target && target.kind === "quantitative") {
    const q = Quantity.fromWritten(target.quantity.value, targetUnit(ind, target.quantity), target.quantity.approx);
    if (q) {
      const op: ComparatorOp = targetOp(ind, target, ev.sink);
      targetSpec = { op, value: q };
      result.target = q;
      trace.quantityInput(inputName("目标"), `${COMPARATOR_TEXT[op]} `, q, ind.target!.field.line);
    }
  }
  completionRate(ev.sink, ind, result, targetSpec);

  if (ind.weight === null) {
    // A measure: checked, not scored.
    deviationReason(ev.sink, ev.model.policy, ind, result, targetSpec, undefined);
    const rate = result.rate;
    const measured = result.measured;
    trace.measureResult(rate, measured, actual?.kind === "qualitative" ? actual.word : undefined);
    return result;
  }

  const weight = ind.weight;
  const rule = autoExecution ? EXECUTION_RULE : resolveRule(ind, ev.sink);
  if (!rule) {
    // A 评分 that could not be read was diagnosed where it stops being understood: no second message.
    if (!hasField(ind, "评分")) ev.sink.add("PE304", lineRange(ind.line, ind.titleSpan[0], ind.titleSpan[1]), { name: ind.name });
    trace.textResult(unscored);
    return result;
  }
  result.kind = rule.kind;
  trace.ruleOf(ruleKindName(rule.kind), rule, weight);
  const ruleMax = rule.max(weight);
  result.ruleMax = ruleMax;
  if (!ruleMax.equals(weight)) {
    const f = ind.rule?.field;
    const range = f ? lineRange(f.line, f.valueSpan[0], f.valueSpan[1]) : lineRange(ind.line, ind.titleSpan[0], ind.titleSpan[1]);
    ev.sink.add("PE401", range, { max: formatDecimal(ruleMax, 4), weight: formatDecimal(weight, 4) });
  }
  const outcome = rule.apply({ indicator: ind, weight, policy: ev.model.policy, measured: result.measured, target: targetSpec, sink: ev.sink });
  result.direction = outcome.direction;
  result.chosenOption = outcome.chosen;
  trace.step(...outcome.steps);
  const stated = ind.statedScore;
  if (stated && (stated.value.isNegative() || stated.value.greaterThan(weight))) {
    ev.sink.add("PE402", lineRange(stated.field.line, stated.field.valueSpan[0], stated.field.valueSpan[1]), { score: stated.text, weight: formatDecimal(weight, 4) });
  }
  // A value that is missing because its own line is wrong was diagnosed there already.
  const broken = (key: string, parsed: unknown) => hasField(ind, key) && (parsed === undefined || (key === "公式" && !result.measured && !ind.actual));
  const alreadyDiagnosed = outcome.missing !== undefined && (broken("公式", ind.formula) || broken("实际", ind.actual) || broken("目标", ind.target));
  if (outcome.missing && alreadyDiagnosed) {
    if (stated) result.score = stated.value;
    trace.step(STEPS.brokenData(stated?.text));
  } else if (outcome.missing) {
    const [what, whatEn] = outcome.missing;
    if (stated && rule.kind !== "judgement" && rule.kind !== "qualitative") {
      ev.sink.add("PE409", lineRange(stated.field.line, stated.field.keySpan[0], stated.field.valueSpan[1]), { what, whatEn, score: stated.text });
      result.score = stated.value;
      trace.step(STEPS.missingUseStated(outcome.missing, stated.text));
    } else {
      const at = ind.rule?.field ?? ind.target?.field;
      const range = at ? lineRange(at.line, at.keySpan[0], at.valueSpan[1]) : lineRange(ind.line, ind.titleSpan[0], ind.titleSpan[1]);
      ev.sink.add("PE403", range, { what, whatEn });
    }
  } else if (outcome.score !== undefined) {
    const score = capIndicatorScore(ind, outcome.score, weight, ev.sink, trace.keeps ? (t) => trace.step(t) : undefined);
    // 得分精度: the leaf score as the table prints it; the exact value is kept beside it.
    result.exact = score;
    result.score = roundScore(score, ev.model.policy);
    checkCoefficient(ind, result.score, weight, ev.sink);
    if (stated && rule.kind !== "judgement" && rule.kind !== "qualitative" && !scoreAgrees(stated.text, stated.value, score, ev.model.policy)) {
      const computed = formatPair(stated.value, result.score, precisionOf(ev.model.policy))[1];
      ev.sink.add("PE501", lineRange(stated.field.line, stated.field.valueSpan[0], stated.field.valueSpan[1]), { stated: stated.text, computed, basis: ind.rule ? "rule" : "default" }, { computed });
      trace.step(STEPS.statedScoreDiffers(stated.text));
    }
    if (ruleUsesMeasured(rule.kind)) approximate(ev.sink, ind, result);
  }
  if (result.score !== undefined) result.score = capIndicatorScore(ind, result.score, weight, ev.sink, trace.keeps ? (t) => trace.step(t) : undefined);
  const final = result.score;
  trace.scoreResult(final, weight);
  deviationReason(ev.sink, ev.model.policy, ind, result, targetSpec, weight);
  return result;
}
