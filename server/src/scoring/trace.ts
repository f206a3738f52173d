/**
 * Traces are built lazily: evaluation records closures, and the strings are
 * formatted only when a trace is read (hover, hint tooltip, report). Most
 * traces of a large file are never shown.
 */
import type Decimal from "decimal.js";
import { NONE } from "../empty";
import { formatDecimal } from "../quantity/decimal";
import { type Quantity, formatPercent } from "../quantity/quantity";
import { DEFAULT_LOCALE, type Locale, say } from "../text/locale";
import type { Trace } from "./types";

/**
 * A piece of a trace: a fixed text, or a function that words it in the
 * reader's language (the author's own names inside it stay as written). A
 * function of no arguments reads the same in every language.
 */
export type Lazy = string | ((locale: Locale) => string);

const text = (x: Lazy, locale: Locale): string => (typeof x === "string" ? x : x(locale));

type Input = { name: Lazy; value: Lazy; line?: number };

/**
 * What leaf scoring records for its trace. The first evaluation of a leaf
 * records nothing (`NO_TRACE`: most traces are never read); when a trace is
 * read, the leaf is evaluated again with a `TraceBuilder`, which keeps it.
 * The methods take values, not closures, so that recording nothing makes
 * nothing.
 */
export interface TraceRecorder {
  /** Whether this recorder keeps anything (an expression's inputs are worth collecting). */
  readonly keeps: boolean;
  input(...items: Input[]): void;
  /** An input shown as a quantity after a prefix (`≥ 95%`). */
  quantityInput(name: Lazy, prefix: string, value: Quantity, line: number): void;
  /** The formula as written, and with values substituted, with its value. */
  formulaOf(formula: string, substituted: () => string, value: Quantity | undefined): void;
  /** The rule applied: its kind's name and its clauses as the tools read them. */
  ruleOf(kindName: Lazy, rule: { describe(weight: Decimal, locale: Locale): string }, weight: Decimal): void;
  step(...items: Lazy[]): void;
  /** The result as a score out of the weight (未计分 when undefined). */
  scoreResult(score: Decimal | undefined, weight: Decimal): void;
  /** A measure's result: its completion rate, else its measured value, else its achievement word. */
  measureResult(rate: Decimal | undefined, measured: Quantity | undefined, word: string | undefined): void;
  /** The result as a fixed text, or worded per language. */
  textResult(text: Lazy): void;
}

/** Records nothing. */
export const NO_TRACE: TraceRecorder = {
  keeps: false,
  input: () => undefined,
  quantityInput: () => undefined,
  formulaOf: () => undefined,
  ruleOf: () => undefined,
  step: () => undefined,
  scoreResult: () => undefined,
  measureResult: () => undefined,
  textResult: () => undefined,
};

/** Inputs and steps start as `NONE`: most traces of a large file are never read, so most builders never need lists of their own. */
export class TraceBuilder implements TraceRecorder {
  readonly keeps = true;
  inputs: Input[] = NONE;
  /** Inputs computed when the trace is read (a parent's children: no closure per child per evaluation). */
  lazyInputs?: (locale: Locale) => { name: string; value: string; line?: number }[];
  formula?: string;
  substituted?: Lazy;
  rule?: Lazy;
  steps: Lazy[] = NONE;
  result: Lazy = "";

  input(...items: Input[]): void {
    if (items.length === 0) return;
    if (this.inputs === NONE) this.inputs = [];
    this.inputs.push(...items);
  }

  step(...items: Lazy[]): void {
    if (items.length === 0) return;
    if (this.steps === NONE) this.steps = [];
    this.steps.push(...items);
  }

  quantityInput(name: Lazy, prefix: string, value: Quantity, line: number): void {
    this.input({ name, value: () => `${prefix}${value.format()}`, line });
  }

  formulaOf(formula: string, substituted: () => string, value: Quantity | undefined): void {
    this.formula = formula;
    this.substituted = () => `${substituted()} = ${value ? value.format() : "—"}`;
  }

  ruleOf(kindName: Lazy, rule: { describe(weight: Decimal, locale: Locale): string }, weight: Decimal): void {
    this.rule = (l) => `${text(kindName, l)}${say(l, "：", ": ")}${rule.describe(weight, l)}`;
  }

  scoreResult(score: Decimal | undefined, weight: Decimal): void {
    this.result = (l) => (score === undefined ? unscored(l) : `${formatDecimal(score, 2)}/${formatDecimal(weight, 2)}${say(l, " 分", " pts")}`);
  }

  measureResult(rate: Decimal | undefined, measured: Quantity | undefined, word: string | undefined): void {
    this.result = (l) => (rate !== undefined ? `${say(l, "完成率", "completion")} ${formatPercent(rate)}` : measured ? measured.format() : (word ?? "—"));
  }

  textResult(text: Lazy): void {
    this.result = text;
  }

  /** The trace worded in `locale` (the same every time for one locale). */
  build(locale: Locale = DEFAULT_LOCALE): Trace {
    return {
      inputs: this.lazyInputs ? this.lazyInputs(locale) : this.inputs.map((i) => ({ name: text(i.name, locale), value: text(i.value, locale), line: i.line })),
      formula: this.formula,
      substituted: this.substituted === undefined ? undefined : text(this.substituted, locale),
      rule: this.rule === undefined ? undefined : text(this.rule, locale),
      steps: this.steps.map((s) => text(s, locale)),
      result: text(this.result, locale),
    };
  }
}

/** 未计分 in the reader's language. */
export const unscored = (l: Locale): string => say(l, "未计分", "not scored");

/**
 * An object whose `trace` is made on first read and kept, one per language
 * (a prototype getter: objects keep fast properties). `trace` is the Chinese
 * one; `traceIn(locale)` any. `makeTrace` says how.
 */
export abstract class Traced {
  private cachedTrace?: Trace = undefined;
  private cachedTraceEn?: Trace = undefined;
  get trace(): Trace {
    return this.traceIn(DEFAULT_LOCALE);
  }
  traceIn(locale: Locale): Trace {
    if (locale === "en") {
      this.cachedTraceEn ??= this.makeTrace("en");
      return this.cachedTraceEn;
    }
    this.cachedTrace ??= this.makeTrace(DEFAULT_LOCALE);
    return this.cachedTrace;
  }
  protected abstract makeTrace(locale: Locale): Trace;
}
