/**
 * The per-file work of `check` and `summary`: read, analyse, reduce to plain
 * data (structured-cloneable, so a worker thread can send it back).
 */
import { readFileSync } from "node:fs";
import { analyze, type Analysis } from "../analysis";
import type { Diagnostic } from "../diagnostics/catalogue";
import { summarizeEvaluation, type EvaluationSummary } from "../summary/summary";

export interface TaskResults {
  check: { path: string; diagnostics: Diagnostic[] };
  summary: EvaluationSummary;
}
export type TaskName = keyof TaskResults;

/** A .perf file read (UTF-8) and analysed. */
export function analyzeFile(path: string): Analysis {
  return analyze(readFileSync(path, "utf8"));
}

export function runTask<K extends TaskName>(task: K, path: string): TaskResults[K];
export function runTask(task: TaskName, path: string): TaskResults[TaskName] {
  const a = analyzeFile(path);
  if (task === "check") return { path, diagnostics: [...a.evaluation.diagnostics] };
  return summarizeEvaluation(path, a);
}
