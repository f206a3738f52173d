/**
 * The per-file work of `check` and `summary`: read, analyse, reduce to plain
 * data (structured-cloneable, so a worker thread can send it back).
 */
import { analyze, type Analysis } from "../analysis";
import type { Diagnostic } from "../diagnostics/catalogue";
import type { FileEncoding } from "../text/encoding";
import { summarizeEvaluation, type EvaluationSummary } from "../summary/summary";
import { isNote, readPerfFile, type FileNote } from "./files";

export interface TaskResults {
  check: { path: string; diagnostics: Diagnostic[] };
  summary: EvaluationSummary;
}
export type TaskName = keyof TaskResults;

/** One file's outcome: the result, or a note saying why there is none; and a note on its encoding when not UTF-8. */
export interface TaskOutcome<R> {
  path: string;
  result?: R;
  notes: FileNote[];
}

export interface LoadedFile {
  analysis: Analysis;
  text: string;
  encoding: FileEncoding;
  notes: FileNote[];
}

/** A .perf file read in its encoding and analysed, or the note that says why it could not be. */
export function loadFile(path: string): LoadedFile | FileNote {
  const read = readPerfFile(path);
  if (isNote(read)) return read;
  const notes: FileNote[] = read.encoding === "utf8" || read.encoding === "utf8bom" ? [] : [{ path, kind: "encoding", encoding: read.encoding }];
  return { analysis: analyze(read.text), text: read.text, encoding: read.encoding, notes };
}

export function runTask<K extends TaskName>(task: K, path: string): TaskOutcome<TaskResults[K]>;
export function runTask(task: TaskName, path: string): TaskOutcome<TaskResults[TaskName]> {
  const f = loadFile(path);
  if ("kind" in f) return { path, notes: [f] };
  const a = f.analysis;
  const result = task === "check" ? { path, diagnostics: [...a.evaluation.diagnostics] } : summarizeEvaluation(path, a);
  return { path, result, notes: f.notes };
}
