/**
 * Leaf and parent reuse between evaluations of the same document: each
 * evaluation keeps a record per scored indicator (by its line: a leaf's
 * `LeafRecord`, a parent's `ParentRecord`), and the next evaluation takes an
 * indicator's values from it when its block is the same object (the model
 * shared it: its lines did not change) and nothing else it reads changed.
 * A record holds nothing of the evaluation that made it, and is never
 * changed: the next evaluation hands it on as it is, with a result object of
 * its own for its own indicator.
 */
import { WeakCache } from "../cache-entry";
import type { Indicator } from "../model/types";
import { ByLine } from "./by-line";
import { LeafRecord } from "./outcomes";
import { ParentRecord } from "./parent-outcome";
import type { Evaluation } from "./types";

export type ScoreRecord = LeafRecord | ParentRecord;

export const leafRecords = new WeakCache<Evaluation, ByLine<ScoreRecord>>(
  "scoring/leaf-reuse.ts leafRecords: each evaluation's leaf records, for the next evaluation to reuse",
  "an evaluation",
  "evaluation",
);

/** The records of an evaluation being made, by line. */
export function newLeafRecords(lineCount: number, expected: number): ByLine<ScoreRecord> {
  return new ByLine(lineCount, expected);
}

export function keepLeafRecords(evaluation: Evaluation, records: ByLine<ScoreRecord>): void {
  leafRecords.set(evaluation, records);
}

export function previousLeafRecords(previous: Evaluation | undefined): ByLine<ScoreRecord> | undefined {
  return previous ? leafRecords.get(previous) : undefined;
}

/** The previous record for this leaf, when it was made for the same block. */
export function recordFor(records: ByLine<ScoreRecord> | undefined, ind: Indicator): LeafRecord | undefined {
  const r = records?.at(ind.line);
  return r instanceof LeafRecord && r.block === ind.block ? r : undefined;
}

/** The previous record for this parent, when it was made for the same block. */
export function parentRecordFor(records: ByLine<ScoreRecord> | undefined, ind: Indicator): ParentRecord | undefined {
  const r = records?.at(ind.line);
  return r instanceof ParentRecord && r.block === ind.block ? r : undefined;
}
