/**
 * A parent indicator's result: the sum of its children's scores, capped at
 * its weight, and checked against its stated 得分 (PE501). What scoring it
 * found is a `ParentRecord`, handed on to the next evaluation while the
 * block, the sum (the very terms: sum-memo.ts) and the policy stay the same,
 * so a keystroke elsewhere neither scores nor words it again. Its trace is
 * made from its children's results when first read.
 */
import type Decimal from "decimal.js";
import { type Diagnostic, lineRange } from "../diagnostics/catalogue";
import { NONE } from "../empty";
import type { Indicator, IndicatorBlock, Policy } from "../model/types";
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

/**
 * What scoring a parent found, for the block it was scored for, from the sum
 * `sum`, under the policy `context`. Never changed but for the wording memos,
 * written once on first read (from the block and the score: the same
 * wherever the record is shared).
 */
export class ParentRecord {
  shownMeasured: string | undefined = undefined;
  shownLabel: string | undefined = undefined;
  constructor(
    readonly block: IndicatorBlock,
    readonly sum: MemoSum,
    readonly context: string,
    /** The sum, capped at the weight when the children's weights add up to more (PE301). */
    readonly score: Decimal,
    readonly statedScoreDiffers: boolean,
    readonly diagnostics: readonly Diagnostic[],
  ) {}
}

export class ParentOutcome extends Traced implements IndicatorResult {
  readonly kind: RuleKind = "sum";

  constructor(
    readonly indicator: Indicator,
    private readonly parts: readonly IndicatorResult[],
    /** What scoring it found (the next evaluation's record when it is reused). */
    readonly record: ParentRecord,
  ) {
    super();
  }

  get score(): Decimal {
    return this.record.score;
  }

  get statedScoreDiffers(): boolean {
    return this.record.statedScoreDiffers;
  }

  get measuredText(): string {
    const r = this.record;
    r.shownMeasured ??= measuredText(this.indicator, this);
    return r.shownMeasured;
  }

  get label(): string {
    const r = this.record;
    r.shownLabel ??= resultLabel(this.indicator, this.measuredText, this);
    return r.shownLabel;
  }

  protected makeTrace(locale: Locale): Trace {
    const { parts, indicator } = this;
    const { sum, known } = this.record.sum;
    const tb = new TraceBuilder();
    tb.lazyInputs = (l) => parts.map((p) => ({ name: p.indicator.name, value: p.score === undefined ? unscored(l) : `${formatDecimal(p.score, 2)}/${formatDecimal(p.indicator.weight ?? ZERO, 2)}`, line: p.indicator.line }));
    tb.rule = ruleKindName("sum");
    tb.step(`${parts.map((p) => (p.score === undefined ? "?" : formatDecimal(p.score, 2))).join(" + ")} = ${formatDecimal(sum, 2)}`);
    // capIndicatorScore hands back the sum itself when it is not capped.
    if (this.record.score !== sum && indicator.weight) tb.step(STEPS.capped(sum, indicator.weight, this.record.score));
    tb.result = (l) => `${formatDecimal(sum, 2)}/${formatDecimal(indicator.weight ?? ZERO, 2)}${pts(l)}${known ? "" : STEPS.partsUnscored(l)}`;
    return tb.build(locale);
  }
}

/**
 * Score a parent from its children's results (`sum`: their scores added up),
 * diagnosing a capped or differing stated score; or take what `previous` (the
 * last evaluation's record for the same block) found, when its sum and
 * context are the same.
 */
export function scoreParent(ind: Indicator, parts: readonly IndicatorResult[], sum: MemoSum, policy: Policy, context: string, sink: DiagnosticSink, previous: ParentRecord | undefined): ParentOutcome {
  if (previous && previous.sum === sum && previous.context === context) {
    if (previous.diagnostics.length > 0) sink.items.push(...previous.diagnostics);
    return new ParentOutcome(ind, parts, previous);
  }
  const d0 = sink.items.length;
  const score = ind.weight ? capIndicatorScore(ind, sum.sum, ind.weight, sink) : sum.sum;
  const stated = ind.statedScore;
  const agrees = stated === undefined || scoreAgrees(stated.text, stated.value, sum.sum, policy);
  if (stated && !agrees) {
    const f = stated.field;
    const computed = formatPair(stated.value, sum.sum, precisionOf(policy))[1];
    sink.add("PE501", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { stated: stated.text, computed, basis: "sum" }, { computed });
  }
  const diagnostics = sink.items.length > d0 ? sink.items.slice(d0) : NONE;
  return new ParentOutcome(ind, parts, new ParentRecord(ind.block, sum, context, score, !agrees, diagnostics));
}
