/**
 * Leaf reuse between evaluations of the same document: each evaluation keeps
 * a record per leaf (by the leaf's line), and the next evaluation takes a
 * leaf's result from it when the leaf's block is the same object (the model
 * shared it: its lines did not change) and nothing else it reads changed.
 * Reuse copies the result for the new indicator: the earlier evaluation is
 * never changed.
 */
import type { CacheEntry } from "../cache-entry";
import type { Indicator } from "../model/types";
import type { LeafRecord } from "./outcomes";
import type { Evaluation } from "./types";

let leafRecords = new WeakMap<Evaluation, (LeafRecord | undefined)[]>();

export const leafReuseCache: CacheEntry = {
  name: "scoring/leaf-reuse.ts leafRecords: each evaluation's leaf records, for the next evaluation to reuse",
  key: "an evaluation",
  bound: "a WeakMap: an entry goes with its evaluation",
  size: () => undefined,
  clear: () => {
    leafRecords = new WeakMap();
  },
};

/** The records of an evaluation being made, by line. */
export function newLeafRecords(lineCount: number): (LeafRecord | undefined)[] {
  return new Array(lineCount);
}

export function keepLeafRecords(evaluation: Evaluation, records: (LeafRecord | undefined)[]): void {
  leafRecords.set(evaluation, records);
}

export function previousLeafRecords(previous: Evaluation | undefined): readonly (LeafRecord | undefined)[] | undefined {
  return previous ? leafRecords.get(previous) : undefined;
}

/** The previous record for this leaf, when it was made for the same block. */
export function recordFor(records: readonly (LeafRecord | undefined)[] | undefined, ind: Indicator): LeafRecord | undefined {
  const r = records?.[ind.line];
  return r !== undefined && r.block === ind.block ? r : undefined;
}
