/**
 * The evaluation stage: model → scores, traces and diagnostics. Data items
 * are computed on demand (with cycle detection), then every indicator
 * bottom-up, then the total and grade, then the placeholders in prose.
 */
import type Decimal from "decimal.js";
import { NONE } from "../empty";
import { formatScore } from "../quantity/decimal";
import { lineRange } from "../diagnostics/catalogue";
import type { DataItem, Indicator, IndicatorBlock, PerfModel } from "../model/types";
import { checkDims } from "./dims";
import { DiagnosticSink } from "./sink";
import { evaluateExpr, type NameLookup } from "./expr";
import type { DataResult, Evaluation, IndicatorResult, Trace } from "./types";
import { DEFAULT_LOCALE, type Locale } from "../text/locale";
import { NO_TRACE, TraceBuilder } from "./trace";
import { type ByLine, LineKeyedMap } from "./by-line";
import { scoreAgrees } from "./precision";
import { STEPS } from "./step-words";
import { type LeafScoring, scoreLeaf } from "./leaf-score";
import { DataOutcome, LeafOutcome, NO_DEPS, fingerprint, sortDiagnostics, LeafRecord, type LeafTracer } from "./outcomes";
import { scoreParent } from "./parent-outcome";
import { keepLeafRecords, newLeafRecords, parentRecordFor, previousLeafRecords, recordFor, type ScoreRecord } from "./leaf-reuse";
import { everyLeafScored, placeholders, totals, type EvaluationState } from "./totals";
import { Suggestions } from "./suggestions";
import { finishDiagnostics } from "../diagnostics/blanks";
import { keepParentSums, parentSumsAfter } from "./sum-reuse";
import type { SumMemo } from "../quantity/sum-memo";

export { sortDiagnostics } from "./outcomes";

/** A result's score (what a parent adds up). */
const scoreOf = (r: IndicatorResult): Decimal | undefined => r.score;



/**
 * Evaluate a model. With `previous` (the evaluation before an edit), a leaf
 * indicator whose block was reused by the model stage and whose shared
 * inputs have the same values is not evaluated again.
 */
export function evaluate(model: PerfModel, previous?: Evaluation): Evaluation {
  return new Evaluator(model, previousLeafRecords(previous), parentSumsAfter(previous)).run();
}

class Evaluator implements LeafTracer, EvaluationState, LeafScoring {
  sink = new DiagnosticSink();
  readonly dataResults: LineKeyedMap<DataItem, DataResult>;
  private readonly inProgress = new Set<DataItem>();
  /** The data items a formula read, by their line (1 = read). */
  private readonly used: Uint8Array;
  readonly results: LineKeyedMap<Indicator, IndicatorResult>;
  private suggestions: Suggestions;
  /** The shared names read by the leaf being evaluated. */
  /** Undefined outside a leaf; null in a leaf that has read no shared name yet. */
  private deps: Map<string, string> | null | undefined;
  private readonly context: string;

  /** This evaluation's leaf records, for the next one. */
  private readonly leafRecords: ByLine<ScoreRecord>;

  constructor(
    readonly model: PerfModel,
    /** The previous evaluation's leaf records, by line. */
    private previousRecords: ByLine<ScoreRecord> | undefined,
    /** Parent sums, reused where the children's scores are the previous evaluation's objects (sum-reuse.ts). */
    private readonly sums: SumMemo,
  ) {
    const lineCount = model.syntax.lines.length;
    const scored = model.indicators.length + model.measures.length;
    this.leafRecords = newLeafRecords(lineCount, scored);
    this.results = new LineKeyedMap(lineCount, scored, (ind) => ind.line);
    this.dataResults = new LineKeyedMap(lineCount, model.allData.length, (item) => item.field.line);
    this.used = new Uint8Array(lineCount);
    this.suggestions = new Suggestions(model.data);
    const p = model.policy;
    const bands = p.qualitativeBands ? Object.values(p.qualitativeBands).map((x) => x[0].toString()).join(",") : "";
    // Whether a hand-written 预算执行率 row has the amounts to be scored automatically (execution-row.ts).
    const amounts = model.data.has("全年执行数") && model.data.has("全年预算数") ? "1" : "";
    this.context = `${p.reverse}|${p.overAchievement.toString()}|${p.scorePrecision ?? ""}|${bands}|${amounts}`;
  }

  run(): Evaluation {
    // Index loops: run once per edit over many items, before the optimizer would remove an iterator's garbage.
    const { allData, roots, measures, indicators } = this.model;
    for (let i = 0; i < allData.length; i++) if (!allData[i].scope) this.dataValue(allData[i]);
    for (let i = 0; i < roots.length; i++) this.indicatorTree(roots[i]);
    for (let i = 0; i < measures.length; i++) this.results.set(measures[i], this.leaf(measures[i]));
    this.checkUnused();
    const { total, grade, traceOf, statedTotalDiffers } = totals(this);
    const complete = everyLeafScored(indicators, this.results);
    const placeholderResults = placeholders(this, total, grade);
    // Blanks (待填写) marked, what they cause left out, messages naming their indicator (diagnostics/blanks.ts).
    const diagnostics = finishDiagnostics(this.model, sortDiagnostics([...this.model.syntax.diagnostics, ...this.model.diagnostics, ...this.sink.items]));
    // Lazy traces keep this evaluator alive; without this, each one would keep the one before (a leak per edit).
    this.previousRecords = undefined;
    const totalText = total === undefined ? undefined : formatScore(total);
    const totalTraces: Partial<Record<Locale, Trace>> = {};
    const totalTraceIn = (l: Locale): Trace => (totalTraces[l] ??= traceOf(l));
    const evaluation: Evaluation = {
      model: this.model,
      results: this.results,
      data: this.dataResults,
      total,
      totalText,
      grade,
      statedTotalDiffers,
      complete,
      // Made when first read, the same every time.
      get totalTrace(): Trace {
        return totalTraceIn(DEFAULT_LOCALE);
      },
      totalTraceIn,
      placeholders: placeholderResults,
      diagnostics,
    };
    keepLeafRecords(evaluation, this.leafRecords);
    keepParentSums(evaluation, this.sums);
    return evaluation;
  }

  // ── data ──

  /** Names as a formula in `scope` reads them: the scope's own data, then the file's (noting a leaf's shared reads). */
  lookup(scope: IndicatorBlock | undefined): NameLookup {
    const fn = ((name: string) => {
      const item = scope?.data.get(name) ?? this.model.data.get(name);
      if (!item) {
        if (this.deps !== undefined) this.readShared(name, "");
        return undefined;
      }
      this.used[item.field.line] = 1;
      const r = this.dataValue(item);
      if (!item.scope && this.deps !== undefined) this.readShared(name, this.fingerprintOf(item));
      return { value: r.value ?? null, line: item.field.line };
    }) as NameLookup;
    // "Did you mean" looks through the names in scope, under a budget per evaluation (suggestions.ts).
    fn.names = () => this.suggestions.names(scope);
    return fn;
  }

  /** Note a shared name read by the leaf being evaluated, with its value's fingerprint. */
  private readShared(name: string, fingerprint: string): void {
    this.deps ??= new Map();
    this.deps.set(name, fingerprint);
  }

  private dataValue(item: DataItem): DataResult {
    const done = this.dataResults.get(item);
    if (done) return done;
    const f = item.field;
    const tb = new TraceBuilder();
    if (this.inProgress.has(item)) {
      this.sink.add("PE605", lineRange(f.line, f.keySpan[0], f.keySpan[1]), { name: item.name });
      tb.step(STEPS.cycle);
      tb.result = "—";
      return new DataOutcome(item, tb);
    }
    this.inProgress.add(item);
    const stated = item.stated;
    const result = new DataOutcome(item, tb);
    result.value = stated;
    tb.result = stated ? () => stated.format() : "—";
    const derivation = item.node.derivation;
    if (derivation) {
      const r = evaluateExpr(derivation, f.line, this.lookup(item.scope), this.sink);
      const derived = r.value;
      result.derived = derived;
      tb.inputs = r.inputs;
      tb.formula = this.model.syntax.lines[f.line].text.slice(derivation.span[0], derivation.span[1]);
      tb.substituted = r.substituted;
      tb.result = derived ? () => derived.format() : "—";
      if (derived) {
        if (stated) {
          const shown = stated.unit ? derived.withUnit(stated.unit) : derived;
          tb.result = () => shown.format(4);
          const valueRange = lineRange(f.line, f.valueSpan[0], f.valueSpan[1]);
          if (!checkDims(this.sink, valueRange, stated.dim, derived.dim, { left: ["填报值", "the stated value"], right: ["计算值", "the derived value"], op: ["比较", "compare"] })) {
            // diagnosed
          } else if (!stated.accepts(derived)) {
            this.sink.add("PE504", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { name: item.name, stated: stated.format(), computed: shown.format(4), formula: tb.formula }, { computed: shown.format(Math.max(stated.writtenDecimals ?? 2, 0)) });
            tb.step(STEPS.statedDiffers(stated.format(), shown.format(4)));
          } else {
            tb.step(STEPS.statedAgrees(stated.format()));
          }
          result.value = derived.withUnit(stated.unit);
        } else {
          result.value = derived;
        }
      }
    }
    this.inProgress.delete(item);
    this.dataResults.set(item, result);
    return result;
  }

  private checkUnused(): void {
    const allData = this.model.allData;
    for (let i = 0; i < allData.length; i++) {
      const item = allData[i];
      // Only plain figures in a scored indicator that no formula reads: a
      // derivation is a check in itself, and a measure's data is documentary.
      if (!item.scope || item.scope.weight === null || item.node.derivation || this.used[item.field.line] === 1) continue;
      const f = item.field;
      this.sink.add("PE602", lineRange(f.line, f.keySpan[0], f.keySpan[1]), { name: item.name });
    }
  }

  // ── indicators ──

  private indicatorTree(ind: Indicator): IndicatorResult {
    if (ind.children.length === 0) {
      const r = this.leaf(ind);
      this.results.set(ind, r);
      return r;
    }
    const parts = ind.children.map((c) => this.indicatorTree(c));
    const r = scoreParent(ind, parts, this.sums.sumOf(parts, scoreOf), this.model.policy, this.context, this.sink, parentRecordFor(this.previousRecords, ind));
    this.leafRecords.set(ind.line, r.record);
    this.results.set(ind, r);
    return r;
  }

  /** A leaf indicator or a measure, reused from the previous evaluation when nothing it reads changed. */
  private leaf(ind: Indicator): IndicatorResult {
    const context = this.leafContext(ind.weightText ?? "");
    const prev = recordFor(this.previousRecords, ind);
    // The suggestions last: replaying them counts them.
    if (prev && prev.context === context && this.depsUnchanged(prev.deps) && this.suggestions.replay(prev.suggestions)) {
      if (prev.diagnostics.length > 0) this.sink.items.push(...prev.diagnostics);
      const { localData, usedLocal } = prev;
      for (let i = 0; i < localData.length; i++) this.dataResults.set(localData[i].item, localData[i]);
      for (let i = 0; i < usedLocal.length; i++) this.used[usedLocal[i].field.line] = 1;
      // The record holds nothing of the evaluation that made it: handed on as it is.
      this.leafRecords.set(ind.line, prev);
      return new LeafOutcome(ind, prev.values, this);
    }
    const d0 = this.sink.items.length;
    const asked0 = this.suggestions.mark();
    const outer = this.deps;
    this.deps = null;
    const hasData = ind.data.size > 0;
    const localData: DataResult[] = hasData ? [] : NONE;
    const usedLocal: DataItem[] = hasData ? [] : NONE;
    if (hasData) for (const item of ind.data.values()) this.dataValue(item);
    const result = scoreLeaf(this, ind, NO_TRACE);
    const stated = ind.statedScore;
    // As PE501 compares: the exact leaf score at max(stated decimals, 得分精度).
    result.statedScoreDiffers = stated !== undefined && (result.score === undefined || !scoreAgrees(stated.text, stated.value, result.exact ?? result.score, this.model.policy));
    if (hasData) {
      for (const item of ind.data.values()) {
        const r = this.dataResults.get(item);
        if (r) localData.push(r);
        if (this.used[item.field.line] === 1) usedLocal.push(item);
      }
    }
    const diagnostics = this.sink.items.length > d0 ? this.sink.items.slice(d0) : NONE;
    this.leafRecords.set(ind.line, new LeafRecord(ind.block, result, context, this.deps ? [...this.deps].flat() : NO_DEPS, this.suggestions.readsSince(asked0), diagnostics, localData, usedLocal));
    this.deps = outer;
    return new LeafOutcome(ind, result, this);
  }

  private readonly contexts = new Map<string, string>();

  /** What a leaf's result depends on besides its block and its inputs (one string per weight, not per leaf). */
  private leafContext(weightText: string): string {
    let c = this.contexts.get(weightText);
    if (c === undefined) {
      c = `${this.context}|${weightText}`;
      this.contexts.set(weightText, c);
    }
    return c;
  }

  private readonly fingerprints = new Map<DataItem, string>();

  /** A shared item's value fingerprint, once per evaluation. */
  private fingerprintOf(item: DataItem): string {
    let fp = this.fingerprints.get(item);
    if (fp === undefined) {
      fp = fingerprint(this.dataValue(item).value);
      this.fingerprints.set(item, fp);
    }
    return fp;
  }

  /** Whether the shared names a leaf read (`[name, fingerprint, …]`) have the values they had. */
  private depsUnchanged(deps: readonly string[]): boolean {
    for (let i = 0; i < deps.length; i += 2) {
      const name = deps[i];
      const fp = deps[i + 1];
      const item = this.model.data.get(name);
      if (!item) {
        if (fp !== "") return false;
        continue;
      }
      if (fp === "") return false;
      if (this.fingerprintOf(item) !== fp) return false;
    }
    return true;
  }

  /** A leaf's trace: the leaf evaluated again with its trace kept (its diagnostics were given the first time: dropped). */
  retrace(ind: Indicator, locale: Locale): Trace {
    const sink = this.sink;
    const deps = this.deps;
    const suggestions = this.suggestions;
    this.sink = new DiagnosticSink();
    this.deps = undefined;
    this.suggestions = Suggestions.spent();
    try {
      const tb = new TraceBuilder();
      scoreLeaf(this, ind, tb);
      return tb.build(locale);
    } finally {
      this.sink = sink;
      this.deps = deps;
      this.suggestions = suggestions;
    }
  }
}
