/**
 * Traces are built lazily: evaluation records closures, and the strings are
 * formatted only when a trace is read (hover, hint tooltip, report). Most
 * traces of a large file are never shown.
 */
import type Decimal from "decimal.js";
import { NONE } from "../empty";
import { formatDecimal } from "../quantity/decimal";
import { type Quantity, formatPercent } from "../quantity/quantity";
import type { Trace } from "./types";

export type Lazy = string | (() => string);

const text = (x: Lazy): string => (typeof x === "string" ? x : x());

type Input = { name: string; value: Lazy; line?: number };

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
  quantityInput(name: string, prefix: string, value: Quantity, line: number): void;
  /** The formula as written, and with values substituted, with its value. */
  formulaOf(formula: string, substituted: () => string, value: Quantity | undefined): void;
  /** The rule applied: its kind's name and its clauses as the tools read them. */
  ruleOf(kindName: string, rule: { describe(weight: Decimal): string }, weight: Decimal): void;
  step(...items: Lazy[]): void;
  /** The result as a score out of the weight (未计分 when undefined). */
  scoreResult(score: Decimal | undefined, weight: Decimal): void;
  /** A measure's result: its completion rate, else its measured value, else its achievement word. */
  measureResult(rate: Decimal | undefined, measured: Quantity | undefined, word: string | undefined): void;
  /** The result as a fixed text. */
  textResult(text: string): void;
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
  lazyInputs?: () => { name: string; value: string; line?: number }[];
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

  quantityInput(name: string, prefix: string, value: Quantity, line: number): void {
    this.input({ name, value: () => `${prefix}${value.format()}`, line });
  }

  formulaOf(formula: string, substituted: () => string, value: Quantity | undefined): void {
    this.formula = formula;
    this.substituted = () => `${substituted()} = ${value ? value.format() : "—"}`;
  }

  ruleOf(kindName: string, rule: { describe(weight: Decimal): string }, weight: Decimal): void {
    this.rule = () => `${kindName}：${rule.describe(weight)}`;
  }

  scoreResult(score: Decimal | undefined, weight: Decimal): void {
    this.result = () => (score === undefined ? "未计分" : `${formatDecimal(score, 2)}/${formatDecimal(weight, 2)} 分`);
  }

  measureResult(rate: Decimal | undefined, measured: Quantity | undefined, word: string | undefined): void {
    this.result = () => (rate !== undefined ? `完成率 ${formatPercent(rate)}` : measured ? measured.format() : (word ?? "—"));
  }

  textResult(text: string): void {
    this.result = text;
  }

  build(): Trace {
    return {
      inputs: this.lazyInputs ? this.lazyInputs() : this.inputs.map((i) => ({ name: i.name, value: text(i.value), line: i.line })),
      formula: this.formula,
      substituted: this.substituted === undefined ? undefined : text(this.substituted),
      rule: this.rule === undefined ? undefined : text(this.rule),
      steps: this.steps.map(text),
      result: text(this.result),
    };
  }
}

/**
 * An object whose `trace` is made on first read and kept (a prototype getter:
 * objects keep fast properties). `makeTrace` says how: by default from the
 * builder the object was given.
 */
export abstract class Traced {
  private cachedTrace?: Trace;
  constructor(protected readonly tb: TraceBuilder | undefined) {}
  get trace(): Trace {
    this.cachedTrace ??= this.makeTrace();
    return this.cachedTrace;
  }
  protected makeTrace(): Trace {
    return this.tb!.build();
  }
}
