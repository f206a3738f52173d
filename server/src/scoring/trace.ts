/**
 * Traces are built lazily: evaluation records closures, and the strings are
 * formatted only when a trace is read (hover, hint tooltip, report). Most
 * traces of a large file are never shown.
 */
import { NONE } from "../empty";
import type { Trace } from "./types";

export type Lazy = string | (() => string);

const text = (x: Lazy): string => (typeof x === "string" ? x : x());

type Input = { name: string; value: Lazy; line?: number };

/** Inputs and steps start as `NONE`: most traces of a large file are never read, so most builders never need lists of their own. */
export class TraceBuilder {
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
