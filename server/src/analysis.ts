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

export function analyze(text: string): Analysis {
  const syntax = parseDocument(text);
  const model = buildModel(syntax);
  const evaluation = evaluate(model);
  return { text, syntax, model, evaluation };
}

export type { Evaluation, PerfModel, SyntaxTree };
