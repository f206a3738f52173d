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

/** The dependencies of a leaf that reads no shared name. */
export const NO_DEPS: readonly string[] = [];

export function fingerprint(q: Quantity | undefined | null): string {
  return q ? `${q.value.toString()}|${q.dim}|${q.unit}|${q.approx ? 1 : 0}` : "∅";
}
/** Where a leaf's trace comes from when it is read: the leaf evaluated again, with its trace kept. */
export interface LeafTracer {
  retrace(ind: Indicator, locale: Locale): Trace;
}

/**
 * What scoring a leaf found: written while the leaf is scored, never changed
 * after. The next evaluation shares it (through the leaf's record) for as
 * long as the leaf's block and everything it reads stay the same, so a
 * keystroke elsewhere makes no copy of it. The wording memos are written once,
 * on first read, from these values and the block (the same block wherever
 * these values are shared): every reader gets the same text.
 */
export class LeafValues {
  measured?: Quantity = undefined;
  target?: Quantity = undefined;
  rate?: Decimal = undefined;
  score?: Decimal = undefined;
  exact?: Decimal = undefined;
  kind?: RuleKind = undefined;
  ruleMax?: Decimal = undefined;
  reasonMissing?: boolean = undefined;
  statedRateDiffers?: boolean = undefined;
  statedScoreDiffers?: boolean = undefined;
  direction?: "higher" | "lower" = undefined;
  chosenOption?: string = undefined;
  shownMeasured: string | undefined = undefined;
  shownLabel: string | undefined = undefined;
}

/**
 * A leaf's (or a measure's) result in one evaluation: its indicator in that
 * evaluation's model, the values scoring found (shared while they hold), and
 * where its trace comes from when first read: that evaluation's evaluator,
 * evaluating the leaf again. A leaf's trace steps are closures over its
 * values; holding them for every leaf of a large file costs more (in memory
 * and in garbage collection) than evaluating the few leaves whose traces are
 * read again.
 */
export class LeafOutcome extends Traced implements IndicatorResult {
  constructor(
    readonly indicator: Indicator,
    private readonly values: LeafValues,
    private readonly tracer: LeafTracer,
  ) {
    super();
  }

  get measured(): Quantity | undefined {
    return this.values.measured;
  }
  get target(): Quantity | undefined {
    return this.values.target;
  }
  get rate(): Decimal | undefined {
    return this.values.rate;
  }
  get score(): Decimal | undefined {
    return this.values.score;
  }
  get exact(): Decimal | undefined {
    return this.values.exact;
  }
  get kind(): RuleKind | undefined {
    return this.values.kind;
  }
  get ruleMax(): Decimal | undefined {
    return this.values.ruleMax;
  }
  get reasonMissing(): boolean | undefined {
    return this.values.reasonMissing;
  }
  get statedRateDiffers(): boolean | undefined {
    return this.values.statedRateDiffers;
  }
  get statedScoreDiffers(): boolean | undefined {
    return this.values.statedScoreDiffers;
  }
  get direction(): "higher" | "lower" | undefined {
    return this.values.direction;
  }
  get chosenOption(): string | undefined {
    return this.values.chosenOption;
  }

  get measuredText(): string {
    const v = this.values;
    v.shownMeasured ??= measuredText(this.indicator, v);
    return v.shownMeasured;
  }

  get label(): string {
    const v = this.values;
    v.shownLabel ??= resultLabel(this.indicator, this.measuredText, v);
    return v.shownLabel;
  }

  protected makeTrace(locale: Locale): Trace {
    return this.tracer.retrace(this.indicator, locale);
  }
}

/**
 * What the next evaluation needs to reuse a leaf's result, kept beside the
 * evaluation (scoring/leaf-reuse.ts), not on its results: the block it was
 * computed for, what it depends on besides the block (policy, weight), the
 * shared names it read with a fingerprint of their values ("" when unknown),
 * as a flat list `[name, fingerprint, name, fingerprint, …]`, what its
 * suggestions for unknown names read, and what it gave (its values,
 * diagnostics, its local data results, the local items a formula read).
 * Never changed, and holding nothing of the evaluation that made it (no
 * result, no evaluator): a reuse hands the same record on.
 */
export class LeafRecord {
  constructor(
    readonly block: IndicatorBlock,
    readonly values: LeafValues,
    readonly context: string,
    readonly deps: readonly string[],
    /** What its "did you mean" hints read (suggestions.ts): a reused leaf's PE601 must read as a fresh one's. */
    readonly suggestions: SuggestionReads,
    readonly diagnostics: readonly Diagnostic[],
    readonly localData: readonly DataResult[],
    readonly usedLocal: readonly DataItem[],
  ) {}
}

export class DataOutcome extends Traced implements DataResult {
  value?: Quantity;
  derived?: Quantity;
  constructor(
    readonly item: DataItem,
    private readonly tb: TraceBuilder,
  ) {
    super();
  }

  protected makeTrace(locale: Locale): Trace {
    return this.tb.build(locale);
  }
}

export function ruleUsesMeasured(kind: string): boolean {
  return kind === "linearBand" || kind === "stepBands" || kind === "perPoint" || kind === "proportional" || kind === "targetCompletion";
}


export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
}