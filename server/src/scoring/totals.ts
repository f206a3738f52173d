/**
 * The evaluation's last steps: the total (with the execution-rate caps), the
 * grade and their checks against what the header states (PE502, PE503); then
 * the `{{…}}` placeholders in prose (PE603).
 */
import type Decimal from "decimal.js";
import { lineRange } from "../diagnostics/catalogue";
import type { DataItem, Indicator, PerfModel } from "../model/types";
import { ZERO, formatDecimal } from "../quantity/decimal";
import { formatPercent } from "../quantity/quantity";
import { precisionHint, scoreAgrees } from "./precision";
import { gradeFor } from "./present";
import type { DiagnosticSink } from "./sink";
import type { DataResult, IndicatorResult, PlaceholderResult, Trace } from "./types";
import { type Locale, say } from "../text/locale";
import { unscored } from "./trace";

/** What the totals and placeholders read of an evaluation under way. */
export interface EvaluationState {
  readonly model: PerfModel;
  readonly results: ReadonlyMap<Indicator, IndicatorResult>;
  readonly dataResults: ReadonlyMap<DataItem, DataResult>;
  readonly sink: DiagnosticSink;
}

/** Whether every leaf indicator has a score (the total is complete). */
export function everyLeafScored(indicators: readonly Indicator[], results: ReadonlyMap<Indicator, IndicatorResult>): boolean {
  for (let i = 0; i < indicators.length; i++) if (indicators[i].children.length === 0 && results.get(indicators[i])?.score === undefined) return false;
  return true;
}

/**
 * The total, the grade and their checks. The total's trace is made when read
 * (`traceOf`): a file of a thousand top-level indicators would otherwise
 * format a thousand inputs at every keystroke.
 */
export function totals(st: EvaluationState): { total?: Decimal; grade?: string; traceOf: (locale: Locale) => Trace; statedTotalDiffers: boolean } {
  const roots = st.model.roots;
  const header = st.model.header;
  if (roots.length === 0) return { traceOf: () => ({ inputs: [], steps: [], result: "—" }), statedTotalDiffers: false };
  let total: Decimal = ZERO;
  const scores: (Decimal | undefined)[] = new Array(roots.length);
  for (let i = 0; i < roots.length; i++) {
    const s = st.results.get(roots[i])?.score;
    scores[i] = s;
    if (s !== undefined) total = total.plus(s);
  }
  const sum = total;
  let capStep: ((l: Locale) => string) | undefined;
  const policy = st.model.policy;
  if (policy.executionCaps.length) {
    const rate = executionRate(st);
    if (rate) {
      for (const cap of policy.executionCaps) {
        const holds = cap.op === "<" ? rate.lessThan(cap.threshold) : cap.op === "<=" ? rate.lessThanOrEqualTo(cap.threshold) : cap.op === ">" ? rate.greaterThan(cap.threshold) : cap.op === ">=" ? rate.greaterThanOrEqualTo(cap.threshold) : rate.equals(cap.threshold);
        if (holds && total.greaterThan(cap.cap)) {
          capStep = (l) => say(l, `执行率 ${formatPercent(rate)} 适用封顶“${cap.text}” → 总分最高 ${formatDecimal(cap.cap, 2)}`, `execution rate ${formatPercent(rate)} meets the cap “${cap.text}” → total at most ${formatDecimal(cap.cap, 2)}`);
          total = cap.cap;
          break;
        }
      }
    }
  }
  const grade = gradeFor(total, policy.grades);
  const final = total;
  const traceOf = (l: Locale): Trace => ({
    inputs: roots.map((r, i) => {
      const s = scores[i];
      return { name: r.name, value: s === undefined ? unscored(l) : `${formatDecimal(s, 2)}/${formatDecimal(r.weight ?? ZERO, 2)}`, line: r.line };
    }),
    rule: say(l, "自评总分 = 一级指标得分之和", "total = the sum of the top-level indicators' scores"),
    steps: [`${scores.map((s) => formatDecimal(s ?? ZERO, 2)).join(" + ")} = ${formatDecimal(sum, 2)}`, ...(capStep ? [capStep(l)] : [])],
    result: say(l, `${formatDecimal(final, 2)} 分，${grade ?? ""}`, `${formatDecimal(final, 2)} pts${grade ? `, ${grade}` : ""}`),
  });
  const stated = st.model.statedTotal;
  const statedDiffers = stated !== undefined && !scoreAgrees(stated.text, stated.value, total, policy);
  const hint = precisionHint(st.model, st.results);
  if (hint) st.sink.add("PE413", hint.range, hint.args, hint.data);
  if (stated && statedDiffers) {
    const f = stated.field;
    const unscored = st.model.indicators.filter((i) => i.children.length === 0 && st.results.get(i)?.score === undefined).length;
    st.sink.add("PE502", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { stated: stated.text, computed: formatDecimal(total, 2), unscored: unscored || "" }, { computed: formatDecimal(total, 2) });
  }
  const statedGrade = header.get("等级");
  if (statedGrade && grade && statedGrade.value.trim() !== grade) {
    st.sink.add("PE503", lineRange(statedGrade.line, statedGrade.valueSpan[0], statedGrade.valueSpan[1]), { stated: statedGrade.value.trim(), total: formatDecimal(total, 2), computed: grade }, { computed: grade });
  }
  return { total, grade, traceOf, statedTotalDiffers: statedDiffers };
}

/** 执行率 for the caps: a data item 执行率, or 全年执行数 ÷ 全年预算数. */
function executionRate(st: EvaluationState): Decimal | undefined {
  const rateItem = st.model.data.get("执行率") ?? st.model.data.get("预算执行率");
  const v = rateItem ? st.dataResults.get(rateItem)?.value : undefined;
  if (v && v.dim === "") return v.value;
  const exec = st.model.data.get("全年执行数");
  const budget = st.model.data.get("全年预算数");
  const e = exec ? st.dataResults.get(exec)?.value : undefined;
  const b = budget ? st.dataResults.get(budget)?.value : undefined;
  if (e && b && !b.value.isZero() && e.dim === b.dim) return e.value.dividedBy(b.value);
  return undefined;
}

// ── placeholders ──

export function placeholders(st: EvaluationState, total: Decimal | undefined, grade: string | undefined): PlaceholderResult[] {
  const out: PlaceholderResult[] = [];
  let names: Map<string, Indicator> | undefined;
  const byName = {
    get: (name: string): Indicator | undefined => {
      if (!names) {
        names = new Map();
        for (const list of [st.model.indicators, st.model.measures]) for (const ind of list) if (!names.has(ind.name)) names.set(ind.name, ind);
      }
      return names.get(name);
    },
  };
  for (const p of st.model.placeholders) {
    let value: string | undefined;
    let trace: Trace | undefined;
    let traced: DataResult | IndicatorResult | undefined;
    const name = p.name;
    if (name === "总分" || name === "自评总分") {
      value = total === undefined ? undefined : formatDecimal(total, 2);
      trace = st.model.roots.length ? undefined : undefined;
    } else if (name === "等级") value = grade;
    else if (name === "满分") value = formatDecimal(st.model.policy.fullScore, 2);
    else if (st.model.header.has(name) && !st.model.data.has(name)) value = st.model.header.get(name)!.value;
    else if (st.model.data.has(name)) {
      const r = st.dataResults.get(st.model.data.get(name)!);
      value = r?.value?.format();
      trace = r?.trace;
      traced = r;
    } else {
      const dot = name.lastIndexOf(".");
      const ind = dot > 0 ? byName.get(name.slice(0, dot)) : byName.get(name);
      const prop = dot > 0 ? name.slice(dot + 1) : "得分";
      const r = ind ? st.results.get(ind) : undefined;
      if (ind && r) {
        trace = r.trace;
        traced = r;
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
          st.sink.add("PE603", lineRange(p.line, p.span[0], p.span[1]), { name });
          out.push({ placeholder: p });
          continue;
        }
      } else {
        st.sink.add("PE603", lineRange(p.line, p.span[0], p.span[1]), { name });
        out.push({ placeholder: p });
        continue;
      }
    }
    const source = traced;
    out.push({ placeholder: p, value: value ?? "—", trace, traceIn: source ? (l) => source.traceIn(l) : undefined });
  }
  return out;
}
