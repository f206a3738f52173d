/**
 * Traces are built lazily: evaluation records closures, and the strings are
 * formatted only when a trace is read (hover, hint tooltip, report). Most
 * traces of a large file are never shown.
 */
import type { Trace } from "./types";

export type Lazy = string | (() => string);

const text = (x: Lazy): string => (typeof x === "string" ? x : x());

export class TraceBuilder {
  inputs: { name: string; value: Lazy; line?: number }[] = [];
  formula?: string;
  substituted?: Lazy;
  rule?: Lazy;
  steps: Lazy[] = [];
  result: Lazy = "";

  build(): Trace {
    return {
      inputs: this.inputs.map((i) => ({ name: i.name, value: text(i.value), line: i.line })),
      formula: this.formula,
      substituted: this.substituted === undefined ? undefined : text(this.substituted),
      rule: this.rule === undefined ? undefined : text(this.rule),
      steps: this.steps.map(text),
      result: text(this.result),
    };
  }
}

/** Give `target` a `trace` property computed from the builder on first read. */
export function withLazyTrace<T extends object>(target: T, tb: TraceBuilder): T & { trace: Trace } {
  let cached: Trace | undefined;
  Object.defineProperty(target, "trace", {
    enumerable: true,
    configurable: true,
    get: () => (cached ??= tb.build()),
  });
  return target as T & { trace: Trace };
}
