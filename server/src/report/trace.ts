/**
 * Adapter over the evaluation's traces: the report reads steps through here,
 * so it works whether the core gives a step as text or as a lazy `() => string`
 * (the core is moving to lazy steps: most traces are never shown).
 */
import type { Trace } from "../scoring/types";

type StepLike = string | (() => string);

/** The steps of a trace as text. */
export function traceSteps(trace: Trace | undefined): string[] {
  if (!trace) return [];
  const steps = trace.steps as readonly StepLike[];
  return steps.map((s) => (typeof s === "function" ? s() : String(s)));
}
