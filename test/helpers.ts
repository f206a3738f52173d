/**
 * Tiny helpers for tests: run the core on an inline `.perf` text and look at
 * what comes out (diagnostics by code, scores by indicator name).
 */
import { analyze, type Analysis } from "../server/src/analysis";
import type { Diagnostic, DiagnosticCode } from "../server/src/diagnostics/catalogue";
import { formatDecimal } from "../server/src/quantity/decimal";

/** The standard two-line header every snippet starts with. */
export const HEADER = "单位：X镇\n年度：2021\n";

/** analyze(text), memoised per text within a test run. */
const cache = new Map<string, Analysis>();
export function analyzeText(text: string): Analysis {
  let a = cache.get(text);
  if (!a) {
    a = analyze(text);
    cache.set(text, a);
  }
  return a;
}

/** Every diagnostic of the text. */
export function diagnostics(text: string): readonly Diagnostic[] {
  return analyzeText(text).evaluation.diagnostics;
}

/** The codes of every diagnostic, in position order (duplicates kept). */
export function codes(text: string): string[] {
  return diagnostics(text).map((d) => d.code);
}

/** The first diagnostic with `code`, or undefined. */
export function diag(text: string, code: DiagnosticCode): Diagnostic | undefined {
  return diagnostics(text).find((d) => d.code === code);
}

/** Every diagnostic with `code`. */
export function diags(text: string, code: DiagnosticCode): Diagnostic[] {
  return diagnostics(text).filter((d) => d.code === code);
}

/**
 * The computed score of the (first) indicator named `name`, to 4 decimals; undefined when not scored.
 * A leaf's is the rule's exact score, before rounding to 得分精度 (`printed` gives the rounded one); a
 * parent's is the sum of its children's rounded scores.
 */
export function score(text: string, name: string): string | undefined {
  const ev = analyzeText(text).evaluation;
  for (const [ind, r] of ev.results) {
    if (ind.name === name) return r.score === undefined ? undefined : (r.exact ?? r.score).toFixed(4);
  }
  throw new Error(`no indicator named ${name}`);
}

/** The score as the table prints it (rounded to 得分精度), as a plain decimal string. */
export function printed(text: string, name: string): string | undefined {
  const ev = analyzeText(text).evaluation;
  for (const [ind, r] of ev.results) {
    if (ind.name === name) return r.score?.toString();
  }
  throw new Error(`no indicator named ${name}`);
}

/** The computed total, to 4 decimals. */
export function total(text: string): string | undefined {
  return analyzeText(text).evaluation.total?.toFixed(4);
}

export function grade(text: string): string | undefined {
  return analyzeText(text).evaluation.grade;
}

/** Line text (0-based) of `text`. */
export function lineOf(text: string, line: number): string {
  return text.split(/\r\n|\r|\n/)[line];
}

export { formatDecimal };
