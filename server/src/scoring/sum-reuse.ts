/**
 * Parent sums shared between evaluations of the same document
 * (quantity/sum-memo.ts): a reused leaf's result shares its score and a
 * reused sum is the same object, so after a keystroke only the parents above
 * the edit add up their children again.
 */
import { WeakCache } from "../cache-entry";
import { type MemoSum, SumMemo } from "../quantity/sum-memo";
import type { Evaluation } from "./types";

export const sumRecords = new WeakCache<Evaluation, readonly MemoSum[]>(
  "scoring/sum-reuse.ts sumRecords: each evaluation's parent sums, for the next evaluation to reuse",
  "an evaluation",
  "evaluation",
);

/** The parent sums of an evaluation after `previous`. */
export function parentSumsAfter(previous: Evaluation | undefined): SumMemo {
  return new SumMemo(previous ? sumRecords.get(previous) : undefined);
}

/** Keep an evaluation's parent sums for the next one. */
export function keepParentSums(evaluation: Evaluation, sums: SumMemo): void {
  sums.forgetPrevious();
  sumRecords.set(evaluation, sums.kept);
}
