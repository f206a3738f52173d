/**
 * Value parsing: a field's value under a start rule of the grammar, memoised
 * on its line, and many values in one Peggy call for a file opened cold.
 */
import * as peg from "./generated/perf-parser";
import type { Diagnostic } from "../diagnostics/catalogue";
import type { SourceLine } from "./parse";
import { describeFailure, toFailure, type PeggyFailure } from "./messages";
import { BATCH_THRESHOLD, MAX_LINE_FOR_PARSE, parseMany } from "./batch";

export type ValueRule = "DataValue" | "Score" | "Quantity" | "Expression" | "Target" | "Rule";

export type ValueResult<T> = { ok: true; value: T } | { ok: false; diagnostic: Diagnostic };

/** A memoised value parse (on its line); results are shared and must not be mutated. */
export type CachedValue = { ok: true; value: unknown } | { ok: false; error: PeggyFailure };

/**
 * Parse a field value of `source` with a start rule. `text` is the folded
 * value (as a rule may need it rewritten, not always the line's own text);
 * `line` and `offset` place it in the document for the diagnostic. The parse
 * is memoised on the line.
 */
export function parseValue<T>(rule: ValueRule, text: string, line: number, offset: number, source: SourceLine): ValueResult<T> {
  // The memo holds when it is for this rule and this text (the text at that place of the line).
  const same = source.valueRule === rule && source.valueStart === offset && source.valueEnd === offset + text.length && source.folded.startsWith(text, offset);
  let cached = same ? source.value : undefined;
  if (!cached) {
    try {
      cached = { ok: true, value: peg.parse(text, { startRule: rule, offset }) };
    } catch (e) {
      cached = { ok: false, error: toFailure(e, text) };
    }
    memo(source, rule, offset, offset + text.length, cached);
  }
  if (cached.ok) return { ok: true, value: cached.value as T };
  return { ok: false, diagnostic: describeFailure(rule, text, cached.error, line, offset) };
}

const RULE_TAGS: Record<ValueRule, string> = { DataValue: "D", Score: "S", Quantity: "Q", Expression: "E", Target: "T", Rule: "R" };

/**
 * Memoise a value parse on its line. Written once: a line's first value parse
 * stays (a later parse of another rule or text is not kept), so a line shared
 * by analyses only ever goes from "not parsed yet" to one fixed result.
 */
function memo(line: SourceLine, rule: ValueRule, start: number, end: number, value: CachedValue): void {
  if (line.value !== undefined) return;
  line.valueRule = rule;
  line.valueStart = start;
  line.valueEnd = end;
  line.value = value;
}

/** A value to parse ahead of time: `line.folded` from `start` to `end`. */
export interface ValueRequest {
  line: SourceLine;
  rule: ValueRule;
  start: number;
  end: number;
}

/**
 * Parse many field values in one Peggy call (start rule `Values`) and memoise
 * each success on its line, so that the `parseValue` call that follows is a
 * cache hit. A Peggy call has a fixed set-up cost that outweighs a short
 * value's parse; a file opened cold has tens of thousands of values. Values
 * that fail are left to `parseValue`, which parses them alone for the error.
 * The result of `parseValue` is the same either way
 * (`test/syntax/values-batch.test.ts`).
 */
export function prefetchValues(requests: ValueRequest[]): void {
  const todo: ValueRequest[] = [];
  const parts: string[] = [];
  for (const r of requests) {
    const line = r.line;
    if (line.valueRule === r.rule && line.valueStart === r.start && line.valueEnd === r.end) continue;
    if (r.end - r.start > MAX_LINE_FOR_PARSE) continue;
    const part = r.start + RULE_TAGS[r.rule] + line.folded.slice(r.start, r.end);
    if (part.includes("\n")) continue;
    todo.push(r);
    parts.push(part);
  }
  if (todo.length < BATCH_THRESHOLD) return;
  // Each distinct (offset, rule, text) is parsed once; lines share its result (results are never mutated).
  const batch = parseMany(parts, "Values");
  if (!batch) return;
  const results = batch.results.map((value) => (value === null ? undefined : ({ ok: true, value } as const)));
  for (let k = 0; k < todo.length; k++) {
    const result = results[batch.slot[k]];
    if (result !== undefined) memo(todo[k].line, todo[k].rule, todo[k].start, todo[k].end, result);
  }
}

