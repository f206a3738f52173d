/**
 * A parent indicator's result: the sum of its children's scores, capped at
 * its weight, and checked against its stated 得分 (PE501). Its trace is made
 * from its children's results when first read, so scoring a parent makes no
 * closure.
 */
import type Decimal from "decimal.js";
import { lineRange } from "../diagnostics/catalogue";
import type { Indicator, Policy } from "../model/types";
import { ZERO, formatDecimal } from "../quantity/decimal";
import type { MemoSum } from "../quantity/sum-memo";
import type { Locale } from "../text/locale";
import { capIndicatorScore } from "./clamp";
import { formatPair, precisionOf, scoreAgrees } from "./precision";
import { measuredText, resultLabel } from "./present";
import type { DiagnosticSink } from "./sink";
import { STEPS, pts, ruleKindName } from "./step-words";
import { TraceBuilder, Traced, unscored } from "./trace";
import type { IndicatorResult, RuleKind, Trace } from "./types";

export class ParentOutcome extends Traced implements IndicatorResult {
  readonly kind: RuleKind = "sum";
  private shownMeasured: string | undefined = undefined;
  private shownLabel: string | undefined = undefined;

  constructor(
    readonly indicator: Indicator,
    private readonly parts: readonly IndicatorResult[],
    private readonly sum: MemoSum,
    /** The sum, capped at the weight when the children's weights add up to more (PE301). */
    readonly score: Decimal,
    readonly statedScoreDiffers: boolean,
  ) {
    super();
  }

  get measuredText(): string {
    this.shownMeasured ??= measuredText(this.indicator, this);
    return this.shownMeasured;
  }

  get label(): string {
    this.shownLabel ??= resultLabel(this.indicator, this.measuredText, this);
    return this.shownLabel;
  }

  protected makeTrace(locale: Locale): Trace {
    const { parts, indicator } = this;
    const { sum, known } = this.sum;
    const tb = new TraceBuilder();
    tb.lazyInputs = (l) => parts.map((p) => ({ name: p.indicator.name, value: p.score === undefined ? unscored(l) : `${formatDecimal(p.score, 2)}/${formatDecimal(p.indicator.weight ?? ZERO, 2)}`, line: p.indicator.line }));
    tb.rule = ruleKindName("sum");
    tb.step(`${parts.map((p) => (p.score === undefined ? "?" : formatDecimal(p.score, 2))).join(" + ")} = ${formatDecimal(sum, 2)}`);
    // capIndicatorScore hands back the sum itself when it is not capped.
    if (this.score !== sum && indicator.weight) tb.step(STEPS.capped(sum, indicator.weight, this.score));
    tb.result = (l) => `${formatDecimal(sum, 2)}/${formatDecimal(indicator.weight ?? ZERO, 2)}${pts(l)}${known ? "" : STEPS.partsUnscored(l)}`;
    return tb.build(locale);
  }
}

/** Score a parent from its children's results (`sum`: their scores added up), diagnosing a stated score that differs. */
export function scoreParent(ind: Indicator, parts: readonly IndicatorResult[], sum: MemoSum, policy: Policy, sink: DiagnosticSink): ParentOutcome {
  const score = ind.weight ? capIndicatorScore(ind, sum.sum, ind.weight, sink) : sum.sum;
  const stated = ind.statedScore;
  const agrees = stated === undefined || scoreAgrees(stated.text, stated.value, sum.sum, policy);
  if (stated && !agrees) {
    const f = stated.field;
    const computed = formatPair(stated.value, sum.sum, precisionOf(policy))[1];
    sink.add("PE501", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { stated: stated.text, computed, basis: "sum" }, { computed });
  }
  return new ParentOutcome(ind, parts, sum, score, !agrees);
}
