/**
 * The evaluation stage: model → scores, traces and diagnostics. Data items
 * are computed on demand (with cycle detection), then every indicator
 * bottom-up, then the total and grade, then the placeholders in prose.
 */
import { NONE } from "../empty";
import { hasField } from "../model/fields";
import type Decimal from "decimal.js";
import { D, ZERO, formatDecimal, writtenDecimals } from "../quantity/decimal";
import { Quantity, formatPercent } from "../quantity/quantity";
import { lineRange, type Diagnostic } from "../diagnostics/catalogue";
import type { DataItem, Indicator, PerfModel } from "../model/types";
import type { ComparatorOp } from "../syntax/ast";
import { comparableDims } from "../quantity/units";
import { checkDims } from "./dims";
import { DiagnosticSink } from "./sink";
import { evaluateExpr, type NameLookup } from "./expr";
import type { DataResult, Evaluation, IndicatorResult, PlaceholderResult, Trace } from "./types";
import { RULE_KIND_NAMES, type RuleKind } from "./types";
import { resolveRule } from "./rules/resolve";
import { achievementOf } from "./rules/qualitative";
import type { RuleContext } from "./rules/rule";
import { TraceBuilder, Traced } from "./trace";
import { gradeFor } from "./present";
import { overAchievementReason } from "./wording";

const COMPARATOR_TEXT: Record<ComparatorOp, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };


/** How many unknown names per evaluation get a "did you mean" hint. */
const SUGGESTION_BUDGET = 200;

/** The dependencies of a leaf that reads no shared name (never written to). */
const NO_DEPS: ReadonlyMap<string, string> = new Map();


/**
 * Evaluate a model. With `previous` (the evaluation before an edit), a leaf
 * indicator whose block was reused by the model stage and whose shared
 * inputs have the same values is not evaluated again.
 */
export function evaluate(model: PerfModel, previous?: Evaluation): Evaluation {
  return new Evaluator(model, previous?.results).run();
}

function fingerprint(q: Quantity | undefined | null): string {
  return q ? `${q.value.toString()}|${q.dim}|${q.unit}|${q.approx ? 1 : 0}` : "∅";
}

class Evaluator implements LeafTracer {
  private sink = new DiagnosticSink();
  private readonly dataResults = new Map<DataItem, DataResult>();
  private readonly inProgress = new Set<DataItem>();
  private readonly used = new Set<DataItem>();
  private readonly results = new Map<Indicator, IndicatorResult>();
  private suggestions = 0;
  /** The shared names read by the leaf being evaluated. */
  /** Undefined outside a leaf; null in a leaf that has read no shared name yet. */
  private deps: Map<string, string> | null | undefined;
  private readonly context: string;

  constructor(
    private readonly model: PerfModel,
    /** The previous evaluation's results: a leaf's result carries what its reuse needs (`leafContext`, `leafDeps`…). */
    private previousResults?: ReadonlyMap<Indicator, IndicatorResult>,
  ) {
    const p = model.policy;
    this.context = `${p.reverse}|${p.overAchievement.toString()}`;
  }

  run(): Evaluation {
    for (const item of this.model.allData) if (!item.scope) this.dataValue(item);
    for (const root of this.model.roots) this.indicatorTree(root);
    for (const m of this.model.measures) this.results.set(m, this.leaf(m));
    this.checkUnused();
    const { total, grade, trace, statedTotalDiffers } = this.totals();
    const complete = this.model.indicators.every((i) => i.children.length > 0 || this.results.get(i)?.score !== undefined);
    const placeholders = this.placeholders(total, grade);
    const diagnostics = sortDiagnostics([...this.model.syntax.diagnostics, ...this.model.diagnostics, ...this.sink.items]);
    // Lazy traces keep this evaluator alive; without this, each one would keep the one before (a leak per edit).
    this.previousResults = undefined;
    return { model: this.model, results: this.results, data: this.dataResults, total, grade, statedTotalDiffers, complete, totalTrace: trace, placeholders, diagnostics };
  }

  // ── data ──

  private lookup(scope: Indicator | undefined): NameLookup {
    const fn = ((name: string) => {
      const item = scope?.data.get(name) ?? this.model.data.get(name);
      if (!item) {
        if (this.deps !== undefined) (this.deps ??= new Map()).set(name, "");
        return undefined;
      }
      this.used.add(item);
      const r = this.dataValue(item);
      if (!item.scope && this.deps !== undefined) (this.deps ??= new Map()).set(name, this.fingerprintOf(item));
      return { value: r.value ?? null, line: item.field.line };
    }) as NameLookup;
    // "Did you mean" looks through the names in scope; past a budget of
    // suggestions per evaluation it stops, so a file full of unknown names
    // stays linear.
    fn.names = () => (this.suggestions++ < SUGGESTION_BUDGET ? [...(scope ? scope.data.keys() : []), ...this.model.data.keys()] : []);
    return fn;
  }

  private dataValue(item: DataItem): DataResult {
    const done = this.dataResults.get(item);
    if (done) return done;
    const f = item.field;
    const tb = new TraceBuilder();
    if (this.inProgress.has(item)) {
      this.sink.add("PE605", lineRange(f.line, f.keySpan[0], f.keySpan[1]), { name: item.name });
      tb.step("循环引用");
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
            tb.step(() => `填报 ${stated.format()}，与计算值 ${shown.format(4)} 不符`);
          } else {
            tb.step(() => `填报 ${stated.format()}，与计算值相符（按填报精度）`);
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
    for (const item of this.model.allData) {
      // Only plain figures in a scored indicator that no formula reads: a
      // derivation is a check in itself, and a measure's data is documentary.
      if (!item.scope || item.scope.weight === null || item.node.derivation || this.used.has(item)) continue;
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
    let sum: Decimal = ZERO;
    let known = true;
    for (const p of parts) {
      if (p.score === undefined) known = false;
      else sum = sum.plus(p.score);
    }
    const tb = new TraceBuilder();
    tb.lazyInputs = () => parts.map((p) => ({ name: p.indicator.name, value: p.score === undefined ? "未计分" : `${formatDecimal(p.score, 2)}/${formatDecimal(p.indicator.weight ?? ZERO, 2)}`, line: p.indicator.line }));
    tb.rule = RULE_KIND_NAMES.sum;
    tb.step(() => parts.map((p) => (p.score === undefined ? "?" : formatDecimal(p.score, 2))).join(" + ") + ` = ${formatDecimal(sum, 2)}`);
    tb.result = () => `${formatDecimal(sum, 2)}/${formatDecimal(ind.weight ?? ZERO, 2)} 分${known ? "" : "（部分下级未计分）"}`;
    const r = new IndicatorOutcome(ind, tb, undefined);
    r.score = sum;
    r.kind = "sum";
    if (ind.statedScore && !agrees(ind.statedScore.text, ind.statedScore.value, sum)) {
      const f = ind.statedScore.field;
      this.sink.add("PE501", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { stated: ind.statedScore.text, computed: formatDecimal(sum, 2) }, { computed: formatDecimal(sum, 2) });
    }
    this.results.set(ind, r);
    return r;
  }

  /** A leaf indicator or a measure, reused from the previous evaluation when nothing it reads changed. */
  private leaf(ind: Indicator): IndicatorResult {
    const context = this.leafContext(ind.weightText ?? "");
    const prev = this.previousResults?.get(ind) as IndicatorOutcome | undefined;
    if (prev && prev.leafContext === context && this.depsUnchanged(prev.leafDeps)) {
      prev.rebind(this);
      this.sink.items.push(...prev.leafDiagnostics);
      for (const d of prev.leafLocalData) this.dataResults.set(d.item, d);
      for (const u of prev.leafUsedLocal) this.used.add(u);
      return prev;
    }
    const d0 = this.sink.items.length;
    const outer = this.deps;
    this.deps = null;
    const hasData = ind.data.size > 0;
    const localData: DataResult[] = hasData ? [] : NONE;
    const usedLocal: DataItem[] = hasData ? [] : NONE;
    if (hasData) for (const item of ind.data.values()) this.dataValue(item);
    const result = this.computeLeaf(ind);
    if (hasData) {
      for (const item of ind.data.values()) {
        const r = this.dataResults.get(item);
        if (r) localData.push(r);
        if (this.used.has(item)) usedLocal.push(item);
      }
    }
    const diagnostics = this.sink.items.length > d0 ? this.sink.items.slice(d0) : NONE;
    result.leafContext = context;
    result.leafDiagnostics = diagnostics;
    result.leafDeps = this.deps ?? NO_DEPS;
    result.leafLocalData = localData;
    result.leafUsedLocal = usedLocal;
    this.deps = outer;
    return result;
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

  private depsUnchanged(deps: ReadonlyMap<string, string>): boolean {
    for (const [name, fp] of deps) {
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
  retrace(ind: Indicator): Trace {
    const sink = this.sink;
    const deps = this.deps;
    const suggestions = this.suggestions;
    this.sink = new DiagnosticSink();
    this.deps = undefined;
    try {
      return this.computeLeaf(ind, true).trace;
    } finally {
      this.sink = sink;
      this.deps = deps;
      this.suggestions = suggestions;
    }
  }

  /**
   * A leaf's result. Its trace is recorded as it is computed but kept only
   * with `keepTrace` (when the trace is asked for: `retrace`); otherwise the
   * result will evaluate the leaf again when its trace is first read.
   */
  private computeLeaf(ind: Indicator, keepTrace = false): IndicatorOutcome {
    // The trace is recorded only when it is kept (no closures made for a trace nobody reads).
    const trace = keepTrace ? new TraceBuilder() : undefined;
    const result = trace ? new IndicatorOutcome(ind, trace, undefined) : new IndicatorOutcome(ind, undefined, this);

    // A: 实际, else the value of 公式.
    let formulaValue: Quantity | undefined;
    if (ind.formula) {
      const r = evaluateExpr(ind.formula.expr, ind.formula.field.line, this.lookup(ind), this.sink, trace !== undefined);
      formulaValue = r.value;
      if (trace) {
        trace.input(...r.inputs);
        trace.formula = ind.formula.field.value;
        const fv = r.value;
        trace.substituted = () => `${r.substituted()} = ${fv ? fv.format() : "—"}`;
      }
    }
    const actual = ind.actual?.node;
    if (actual && actual.kind === "quantitative") {
      const q = Quantity.fromWritten(actual.quantity.value, actual.quantity.unit?.text ?? null, actual.quantity.approx);
      if (q) {
        result.measured = q;
        trace?.input({ name: "实际", value: () => q.format(), line: ind.actual!.field.line });
        if (formulaValue && q.dim === formulaValue.dim && !q.accepts(formulaValue)) {
          const f = ind.actual!.field;
          this.sink.add("PE504", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { name: "实际", stated: q.format(), computed: formulaValue.withUnit(q.unit).format(4), formula: ind.formula!.field.value }, { computed: formulaValue.withUnit(q.unit).format(q.writtenDecimals ?? 2) });
        }
      }
    } else if (formulaValue) {
      result.measured = formulaValue;
    }
    const target = ind.target?.node;
    let targetSpec: RuleContext["target"];
    if (target && target.kind === "quantitative") {
      const q = Quantity.fromWritten(target.quantity.value, target.quantity.unit?.text ?? null, target.quantity.approx);
      if (q) {
        const op: ComparatorOp = target.comparator?.op ?? ">=";
        targetSpec = { op, value: q };
        result.target = q;
        trace?.input({ name: "目标", value: () => `${COMPARATOR_TEXT[op]} ${q.format()}`, line: ind.target!.field.line });
      }
    }
    this.completionRate(ind, result, targetSpec);

    if (ind.weight === null) {
      // A measure: checked, not scored.
      this.deviationReason(ind, result, targetSpec, undefined);
      const rate = result.rate;
      const measured = result.measured;
      if (trace) trace.result = () => (rate !== undefined ? `完成率 ${formatPercent(rate)}` : measured ? measured.format() : actual?.kind === "qualitative" ? actual.word : "—");
      return result;
    }

    const weight = ind.weight;
    const rule = resolveRule(ind, this.sink);
    if (!rule) {
      this.sink.add("PE304", lineRange(ind.line, ind.titleSpan[0], ind.titleSpan[1]), { name: ind.name });
      if (trace) trace.result = "未计分";
      return result;
    }
    result.kind = rule.kind;
    if (trace) trace.rule = () => `${RULE_KIND_NAMES[rule.kind]}：${rule.describe(weight)}`;
    const ruleMax = rule.max(weight);
    result.ruleMax = ruleMax;
    if (!ruleMax.equals(weight)) {
      const f = ind.rule?.field;
      const range = f ? lineRange(f.line, f.valueSpan[0], f.valueSpan[1]) : lineRange(ind.line, ind.titleSpan[0], ind.titleSpan[1]);
      this.sink.add("PE401", range, { max: formatDecimal(ruleMax, 4), weight: formatDecimal(weight, 4) });
    }
    const outcome = rule.apply({ indicator: ind, weight, policy: this.model.policy, measured: result.measured, target: targetSpec, sink: this.sink });
    trace?.step(...outcome.steps);
    const stated = ind.statedScore;
    if (stated && (stated.value.isNegative() || stated.value.greaterThan(weight))) {
      this.sink.add("PE402", lineRange(stated.field.line, stated.field.valueSpan[0], stated.field.valueSpan[1]), { score: stated.text, weight: formatDecimal(weight, 4) });
    }
    // A value that is missing because its own line is wrong was diagnosed there already.
    const broken = (key: string, parsed: unknown) => hasField(ind, key) && (parsed === undefined || (key === "公式" && !result.measured && !ind.actual));
    const alreadyDiagnosed = outcome.missing !== undefined && (broken("公式", ind.formula) || broken("实际", ind.actual) || broken("目标", ind.target));
    if (outcome.missing && alreadyDiagnosed) {
      if (stated) result.score = stated.value;
      trace?.step(() => `数据有误，${stated ? `按填报得分 ${stated.text} 分` : "无法计分"}`);
    } else if (outcome.missing) {
      const [what, whatEn] = outcome.missing;
      if (stated && rule.kind !== "judgement" && rule.kind !== "qualitative") {
        this.sink.add("PE409", lineRange(stated.field.line, stated.field.keySpan[0], stated.field.valueSpan[1]), { what, whatEn, score: stated.text });
        result.score = stated.value;
        trace?.step(() => `缺少${what}，按填报得分 ${stated.text} 分`);
      } else {
        const at = ind.rule?.field ?? ind.target?.field;
        const range = at ? lineRange(at.line, at.keySpan[0], at.valueSpan[1]) : lineRange(ind.line, ind.titleSpan[0], ind.titleSpan[1]);
        this.sink.add("PE403", range, { what, whatEn });
      }
    } else if (outcome.score !== undefined) {
      let score = outcome.score;
      if (score.greaterThan(weight)) {
        const over = score;
        trace?.step(() => `规则得分 ${formatDecimal(over, 4)} 超过分值，按分值 ${formatDecimal(weight, 4)} 计`);
        score = weight;
      }
      result.score = score;
      if (stated && rule.kind !== "judgement" && rule.kind !== "qualitative" && !agrees(stated.text, stated.value, score)) {
        this.sink.add("PE501", lineRange(stated.field.line, stated.field.valueSpan[0], stated.field.valueSpan[1]), { stated: stated.text, computed: formatDecimal(score, 2) }, { computed: formatDecimal(score, 2) });
        trace?.step(() => `填报得分 ${stated.text} 分与计算不符`);
      }
      if (ruleUsesMeasured(rule.kind)) this.approximate(ind, result);
    }
    const final = result.score;
    if (trace) trace.result = () => (final === undefined ? "未计分" : `${formatDecimal(final, 2)}/${formatDecimal(weight, 2)} 分`);
    this.deviationReason(ind, result, targetSpec, weight);
    return result;
  }

  private completionRate(ind: Indicator, result: IndicatorResult, target: RuleContext["target"]): void {
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
      checkDims(this.sink, lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), a.dim, target.value.dim, { op: ["比较", "compare"] });
    }
    result.rate = a.value.dividedBy(target.value.value);
    if (ind.statedRate) {
      const computed = new Quantity(result.rate, "", "%");
      if (!ind.statedRate.quantity.accepts(computed)) {
        result.statedRateDiffers = true;
        const f = ind.statedRate.field;
        this.sink.add(
          "PE505",
          lineRange(f.line, f.valueSpan[0], f.valueSpan[1]),
          { stated: ind.statedRate.quantity.format(), actual: a.format(), target: target.value.format(), computed: formatPercent(result.rate) },
          { computed: formatPercent(result.rate, Math.max(ind.statedRate.quantity.writtenDecimals ?? 0, 0)) },
        );
      }
    }
  }

  private approximate(ind: Indicator, result: IndicatorResult): void {
    const check = (q: Quantity | undefined, line: number, span: [number, number], text: string) => {
      if (q?.approx) this.sink.add("PE206", lineRange(line, span[0], span[1]), { text });
    };
    if (ind.actual && result.measured) check(result.measured, ind.actual.field.line, ind.actual.field.valueSpan, ind.actual.field.value);
    else if (ind.formula && result.measured?.approx) check(result.measured, ind.formula.field.line, ind.formula.field.valueSpan, ind.formula.field.value);
    if (ind.target && result.target) check(result.target, ind.target.field.line, ind.target.field.valueSpan, ind.target.field.value);
  }

  /** 偏差原因 is required where 得分 < 分值, where a target is missed, or where A ≥ 120 % of T. */
  private deviationReason(ind: Indicator, result: IndicatorResult, target: RuleContext["target"], weight: Decimal | undefined): void {
    if (hasField(ind, "偏差原因") || ind.virtual) return;
    let why: [string, string] | undefined;
    const policy = this.model.policy;
    const a = result.measured;
    if (weight !== undefined && result.score !== undefined && result.score.lessThan(weight)) {
      const score = formatDecimal(result.score, 2);
      const w = formatDecimal(weight, 2);
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
        this.sink.add("PE440", lineRange(ind.line, ind.titleSpan[0], ind.titleSpan[1]), { word: ind.actual.node.word });
        return;
      }
    }
    if (why) result.reasonMissing = true;
    if (why) this.sink.add("PE406", lineRange(ind.line, ind.titleSpan[0], ind.titleSpan[1]), { why: why[0], whyEn: why[1] });
  }

  // ── totals ──

  private totals(): { total?: Decimal; grade?: string; trace: Trace; statedTotalDiffers: boolean } {
    const roots = this.model.roots;
    const header = this.model.header;
    const trace: Trace = { inputs: [], steps: [], result: "—" };
    if (roots.length === 0) return { trace, statedTotalDiffers: false };
    let total: Decimal = ZERO;
    for (const r of roots) {
      const s = this.results.get(r)?.score;
      trace.inputs.push({ name: r.name, value: s === undefined ? "未计分" : `${formatDecimal(s, 2)}/${formatDecimal(r.weight ?? ZERO, 2)}`, line: r.line });
      if (s !== undefined) total = total.plus(s);
    }
    trace.rule = "自评总分 = 一级指标得分之和";
    trace.steps.push(roots.map((r) => formatDecimal(this.results.get(r)?.score ?? ZERO, 2)).join(" + ") + ` = ${formatDecimal(total, 2)}`);
    const policy = this.model.policy;
    if (policy.executionCaps.length) {
      const rate = this.executionRate();
      if (rate) {
        for (const cap of policy.executionCaps) {
          const holds = cap.op === "<" ? rate.lessThan(cap.threshold) : cap.op === "<=" ? rate.lessThanOrEqualTo(cap.threshold) : cap.op === ">" ? rate.greaterThan(cap.threshold) : cap.op === ">=" ? rate.greaterThanOrEqualTo(cap.threshold) : rate.equals(cap.threshold);
          if (holds && total.greaterThan(cap.cap)) {
            trace.steps.push(`执行率 ${formatPercent(rate)} 适用封顶“${cap.text}” → 总分最高 ${formatDecimal(cap.cap, 2)}`);
            total = cap.cap;
            break;
          }
        }
      }
    }
    const grade = gradeFor(total, policy.grades);
    trace.result = `${formatDecimal(total, 2)} 分，${grade ?? ""}`;
    const stated = this.model.statedTotal;
    const statedDiffers = stated !== undefined && !agrees(stated.text, stated.value, total);
    if (stated && statedDiffers) {
      const f = stated.field;
      const unscored = this.model.indicators.filter((i) => i.children.length === 0 && this.results.get(i)?.score === undefined).length;
      this.sink.add("PE502", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { stated: stated.text, computed: formatDecimal(total, 2), unscored: unscored || "" }, { computed: formatDecimal(total, 2) });
    }
    const statedGrade = header.get("等级");
    if (statedGrade && grade && statedGrade.value.trim() !== grade) {
      this.sink.add("PE503", lineRange(statedGrade.line, statedGrade.valueSpan[0], statedGrade.valueSpan[1]), { stated: statedGrade.value.trim(), total: formatDecimal(total, 2), computed: grade }, { computed: grade });
    }
    return { total, grade, trace, statedTotalDiffers: statedDiffers };
  }

  /** 执行率 for the caps: a data item 执行率, or 全年执行数 ÷ 全年预算数. */
  private executionRate(): Decimal | undefined {
    const rateItem = this.model.data.get("执行率") ?? this.model.data.get("预算执行率");
    const v = rateItem ? this.dataResults.get(rateItem)?.value : undefined;
    if (v && v.dim === "") return v.value;
    const exec = this.model.data.get("全年执行数");
    const budget = this.model.data.get("全年预算数");
    const e = exec ? this.dataResults.get(exec)?.value : undefined;
    const b = budget ? this.dataResults.get(budget)?.value : undefined;
    if (e && b && !b.value.isZero() && e.dim === b.dim) return e.value.dividedBy(b.value);
    return undefined;
  }

  // ── placeholders ──

  private placeholders(total: Decimal | undefined, grade: string | undefined): PlaceholderResult[] {
    const out: PlaceholderResult[] = [];
    let names: Map<string, Indicator> | undefined;
    const byName = {
      get: (name: string): Indicator | undefined => {
        if (!names) {
          names = new Map();
          for (const list of [this.model.indicators, this.model.measures]) for (const ind of list) if (!names.has(ind.name)) names.set(ind.name, ind);
        }
        return names.get(name);
      },
    };
    for (const p of this.model.placeholders) {
      let value: string | undefined;
      let trace: Trace | undefined;
      const name = p.name;
      if (name === "总分" || name === "自评总分") {
        value = total === undefined ? undefined : formatDecimal(total, 2);
        trace = this.model.roots.length ? undefined : undefined;
      } else if (name === "等级") value = grade;
      else if (name === "满分") value = formatDecimal(this.model.policy.fullScore, 2);
      else if (this.model.header.has(name) && !this.model.data.has(name)) value = this.model.header.get(name)!.value;
      else if (this.model.data.has(name)) {
        const r = this.dataResults.get(this.model.data.get(name)!);
        value = r?.value?.format();
        trace = r?.trace;
      } else {
        const dot = name.lastIndexOf(".");
        const ind = dot > 0 ? byName.get(name.slice(0, dot)) : byName.get(name);
        const prop = dot > 0 ? name.slice(dot + 1) : "得分";
        const r = ind ? this.results.get(ind) : undefined;
        if (ind && r) {
          trace = r.trace;
          switch (prop) {
            case "得分":
              value = r.score === undefined ? undefined : formatDecimal(r.score, 2);
              break;
            case "分值":
              value = ind.weight === null ? undefined : formatDecimal(ind.weight, 2);
              break;
            case "实际":
              value = r.measured?.format();
              break;
            case "目标":
              value = r.target?.format();
              break;
            case "完成率":
              value = r.rate === undefined ? undefined : formatPercent(r.rate);
              break;
            default:
              break;
          }
          if (!["得分", "分值", "实际", "目标", "完成率"].includes(prop)) {
            this.sink.add("PE603", lineRange(p.line, p.span[0], p.span[1]), { name });
            out.push({ placeholder: p });
            continue;
          }
        } else {
          this.sink.add("PE603", lineRange(p.line, p.span[0], p.span[1]), { name });
          out.push({ placeholder: p });
          continue;
        }
      }
      out.push({ placeholder: p, value: value ?? "—", trace });
    }
    return out;
  }
}

/** Where a leaf's trace comes from when it is read: the leaf evaluated again, with its trace kept. */
interface LeafTracer {
  retrace(ind: Indicator): Trace;
}

/**
 * A result with its trace: built from its TraceBuilder, or (a leaf) by
 * evaluating the leaf again when the trace is first read. A leaf's trace
 * steps are closures over its values; holding them for every leaf of a large
 * file costs more (in memory and in garbage collection) than evaluating the
 * few leaves whose traces are read again.
 */
class IndicatorOutcome extends Traced implements IndicatorResult {
  // A leaf's: what the next evaluation needs to reuse it (a parent's stay empty).
  /** What the leaf's result depends on besides its block and inputs (policy, weight). */
  leafContext: string | undefined = undefined;
  leafDiagnostics: Diagnostic[] = NONE;
  /** Shared names read, with a fingerprint of their values ("" when unknown). */
  leafDeps: ReadonlyMap<string, string> = NO_DEPS;
  leafLocalData: DataResult[] = NONE;
  leafUsedLocal: DataItem[] = NONE;
  measured?: Quantity;
  target?: Quantity;
  rate?: Decimal;
  score?: Decimal;
  kind?: RuleKind;
  ruleMax?: Decimal;
  reasonMissing?: boolean;
  statedRateDiffers?: boolean;
  constructor(
    readonly indicator: Indicator,
    tb: TraceBuilder | undefined,
    private tracer: LeafTracer | undefined,
  ) {
    super(tb);
  }

  protected override makeTrace(): Trace {
    return this.tb ? this.tb.build() : this.tracer!.retrace(this.indicator);
  }

  /** A leaf result reused by the next evaluation: its trace is that evaluation's to make (the one before is let go). */
  rebind(tracer: LeafTracer): void {
    if (!this.tb) this.tracer = tracer;
  }
}

class DataOutcome extends Traced implements DataResult {
  value?: Quantity;
  derived?: Quantity;
  constructor(
    readonly item: DataItem,
    tb: TraceBuilder,
  ) {
    super(tb);
  }
}

function ruleUsesMeasured(kind: string): boolean {
  return kind === "linearBand" || kind === "stepBands" || kind === "perPoint" || kind === "proportional" || kind === "targetCompletion";
}

/** A stated score agrees with the computed one when equal at max(stated decimals, 2) places. */
function agrees(text: string, stated: Decimal, computed: Decimal): boolean {
  const dp = Math.max(writtenDecimals(text.replace(/,/g, "")), 2);
  return computed.toDecimalPlaces(dp, D.ROUND_HALF_UP).equals(stated.toDecimalPlaces(dp, D.ROUND_HALF_UP));
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
}
