/**
 * Many one-line inputs in one Peggy call: a call has a fixed set-up cost
 * that outweighs a short line's parse, and a file opened cold has tens of
 * thousands of lines and values.
 */
import * as peg from "./generated/perf-parser";

/** Below this many inputs, parse them one by one; above, in one Peggy call. */
export const BATCH_THRESHOLD = 8;

/** Longer lines and values are not given to Peggy (a giant pasted line is prose). */
export const MAX_LINE_FOR_PARSE = 100_000;

export /**
 * Parse one-line inputs in one Peggy call with a start rule that takes them
 * one per line (`Lines`, `Values`), each distinct text once: `results[slot[i]]`
 * is the result for `texts[i]`. Undefined when the call fails.
 */
function parseMany(texts: string[], startRule: "Lines" | "Values"): { results: unknown[]; slot: number[] } | undefined {
  const distinct = new Map<string, number>();
  const inputs: string[] = [];
  const slot = new Array<number>(texts.length);
  for (let i = 0; i < texts.length; i++) {
    let k = distinct.get(texts[i]);
    if (k === undefined) {
      k = inputs.length;
      inputs.push(texts[i]);
      distinct.set(texts[i], k);
    }
    slot[i] = k;
  }
  let results: unknown[];
  try {
    results = peg.parse(inputs.join("\n"), { startRule }) as unknown[];
  } catch {
    return undefined;
  }
  return results.length === inputs.length ? { results, slot } : undefined;
}

