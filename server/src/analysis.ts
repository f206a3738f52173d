/**
 * The core's front door: text → syntax → model → evaluation, each stage a
 * pure function of the one before. `analyze` is what every adapter calls
 * (server, CLI, report); none of them parses on its own.
 */
import { parseDocument, type SyntaxTree } from "./syntax/parse";
import { buildModel } from "./model/build";
import { evaluate } from "./scoring/evaluate";
import type { PerfModel } from "./model/types";
import type { Evaluation } from "./scoring/types";

export interface Analysis {
  text: string;
  syntax: SyntaxTree;
  model: PerfModel;
  evaluation: Evaluation;
}

/**
 * Analyse a document. Pass the previous analysis of the same document (before
 * an edit) to reuse what did not change; the result is the same either way.
 */
export function analyze(text: string, previous?: Analysis): Analysis {
  const syntax = parseDocument(text, previous?.syntax, previous?.text);
  const model = buildModel(syntax, previous?.model);
  // The evaluation is handed on as it is: the next evaluation finds what it may reuse by this very object.
  const evaluation = evaluate(model, previous?.evaluation);
  return { text, syntax, model, evaluation };
}

export type { Evaluation, PerfModel, SyntaxTree };
