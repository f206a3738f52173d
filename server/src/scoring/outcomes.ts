/**
 * The results an evaluation hands out: an indicator's (with what the next
 * evaluation needs to reuse a leaf) and a data item's, each with its trace;
 * and the small rules they share (when a stated score agrees, which rules
 * read the measured value, the order of diagnostics).
 */
import type Decimal from "decimal.js";
import type { Quantity } from "../quantity/quantity";
import type { Diagnostic } from "../diagnostics/catalogue";
import type { DataItem, Indicator, IndicatorBlock } from "../model/types";
import type { DataResult, IndicatorResult, Trace } from "./types";
import type { RuleKind } from "./types";
import type { Locale } from "../text/locale";
import { type TraceBuilder, Traced } from "./trace";
import { measuredText, resultLabel } from "./present";
import type { SuggestionReads } from "./suggestions";

/** The dependencies of a leaf that reads no shared name (never written to). */
export const NO_DEPS: ReadonlyMap<string, string> = new Map();

export function fingerprint(q: Quantity | undefined | null): string {
  return q ? `${q.value.toString()}|${q.dim}|${q.unit}|${q.approx ? 1 : 0}` : "∅";
}
/** Where a leaf's trace comes from when it is read: the leaf evaluated again, with its trace kept. */
export interface LeafTracer {
  retrace(ind: Indicator, locale: Locale): Trace;
}

/**
 * A result with its trace: built from its TraceBuilder, or (a leaf) by
 * evaluating the leaf again when the trace is first read. A leaf's trace
 * steps are closures over its values; holding them for every leaf of a large
 * file costs more (in memory and in garbage collection) than evaluating the
 * few leaves whose traces are read again.
 */
export class IndicatorOutcome extends Traced implements IndicatorResult {
  measured?: Quantity;
  target?: Quantity;
  rate?: Decimal;
  score?: Decimal;
  exact?: Decimal;
  kind?: RuleKind;
  ruleMax?: Decimal;
  reasonMissing?: boolean;
  statedRateDiffers?: boolean;
  statedScoreDiffers?: boolean;
  direction?: "higher" | "lower";
  chosenOption?: string;
  private shownMeasured: string | undefined = undefined;
  private shownLabel: string | undefined = undefined;
  constructor(
    readonly indicator: Indicator,
    tb: TraceBuilder | undefined,
    private tracer: LeafTracer | undefined,
  ) {
    super(tb);
  }

  get measuredText(): string {
    this.shownMeasured ??= measuredText(this.indicator, this);
    return this.shownMeasured;
  }

  get label(): string {
    // A subtotal's label is 得分/分值: its 实际值 is not worded for it.
    this.shownLabel ??= resultLabel(this.indicator, this.indicator.children.length > 0 ? "" : this.measuredText, this);
    return this.shownLabel;
  }

  protected override makeTrace(locale: Locale): Trace {
    return this.tb ? this.tb.build(locale) : this.tracer!.retrace(this.indicator, locale);
  }

  /**
   * This leaf's result as the result of `indicator` (the same block in a
   * later model), its trace made by `tracer` (that model's evaluator): a new
   * object sharing the values, so this one is not changed.
   */
  copyFor(indicator: Indicator, tracer: LeafTracer): IndicatorOutcome {
    const copy = new IndicatorOutcome(indicator, undefined, tracer);
    copy.measured = this.measured;
    copy.target = this.target;
    copy.rate = this.rate;
    copy.score = this.score;
    copy.kind = this.kind;
    copy.ruleMax = this.ruleMax;
    copy.reasonMissing = this.reasonMissing;
    copy.statedRateDiffers = this.statedRateDiffers;
    copy.exact = this.exact;
    copy.statedScoreDiffers = this.statedScoreDiffers;
    copy.direction = this.direction;
    copy.chosenOption = this.chosenOption;
    // The wording is a function of these values and of the block (the same block): made once, shared.
    copy.shownMeasured = this.shownMeasured;
    copy.shownLabel = this.shownLabel;
    return copy;
  }
}

/**
 * What the next evaluation needs to reuse a leaf's result, kept beside the
 * evaluation (scoring/leaf-reuse.ts), not on its results: the block it was
 * computed for, what it depends on besides the block (policy, weight), the
 * shared names it read with a fingerprint of their values ("" when unknown),
 * what its suggestions for unknown names read, and what it gave (diagnostics, its local data results, the local items a
 * formula read). Never changed: a reuse makes a record of its own.
 */
export class LeafRecord {
  constructor(
    readonly block: IndicatorBlock,
    readonly result: IndicatorOutcome,
    readonly context: string,
    readonly deps: ReadonlyMap<string, string>,
    /** What its "did you mean" hints read (suggestions.ts): a reused leaf's PE601 must read as a fresh one's. */
    readonly suggestions: SuggestionReads,
    readonly diagnostics: readonly Diagnostic[],
    readonly localData: readonly DataResult[],
    readonly usedLocal: readonly DataItem[],
  ) {}

  /** The same record for the result copied for a later evaluation (whose wording memos that evaluation fills). */
  withResult(result: IndicatorOutcome): LeafRecord {
    return new LeafRecord(this.block, result, this.context, this.deps, this.suggestions, this.diagnostics, this.localData, this.usedLocal);
  }
}

export class DataOutcome extends Traced implements DataResult {
  value?: Quantity;
  derived?: Quantity;
  constructor(
    readonly item: DataItem,
    tb: TraceBuilder,
  ) {
    super(tb);
  }
}

export function ruleUsesMeasured(kind: string): boolean {
  return kind === "linearBand" || kind === "stepBands" || kind === "perPoint" || kind === "proportional" || kind === "targetCompletion";
}


export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
}