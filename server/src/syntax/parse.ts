/**
 * The syntax stage: text → one node per line (+ syntax diagnostics), and the
 * value parsers the model calls per field. Lines are parsed by the Peggy
 * grammar (grammar/perf.peggy) after full-width folding. Results are memoised
 * by line text, so re-parsing a document after a one-line edit costs one
 * Peggy call (the rest are cache hits).
 */
import * as peg from "./generated/perf-parser";
import { foldWidth, splitLines } from "../text/normalize";
import type { LineNode, Span, SpanRef, TextSpan } from "./ast";
import { makeDiagnostic, lineRange, type Diagnostic } from "../diagnostics/catalogue";
import { scanConflicts } from "./conflicts";
import { chineseNumeralValue } from "./chinese-numerals";

export interface SourceLine {
  /** The line as written. */
  text: string;
  /** Full-width folded to half-width: same length, same offsets. */
  folded: string;
  node: LineNode;
  /**
   * Memoised parse of this line's field value (a cache: the line itself never
   * changes); one slot, as a line has one value: the rule, and where the value
   * is in `folded`.
   */
  valueRule?: ValueRule;
  valueStart?: number;
  valueEnd?: number;
  value?: CachedValue;
}

export interface SyntaxTree {
  lines: SourceLine[];
  /** Line numbers inside Git conflict regions (not scored). */
  conflictLines: Set<number>;
  diagnostics: Diagnostic[];
}

/** Every empty line is this one object (a quarter of a typical file's lines). */
const EMPTY_LINE: SourceLine = { text: "", folded: "", node: { kind: "blank" }, valueRule: undefined, valueStart: 0, valueEnd: 0, value: undefined };

/** A line object with its memo slots in place from the start (one object shape, no property store added later). */
function sourceLine(text: string, folded: string, node: LineNode): SourceLine {
  if (text === "") return EMPTY_LINE;
  return { text, folded: folded === text ? text : folded, node, valueRule: undefined, valueStart: 0, valueEnd: 0, value: undefined };
}

class BoundedCache<V> {
  private map = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  get size(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  set(key: string, value: V): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
  }
}

// Lines not found in the previous version of the document are looked up here
// (another open file, a pasted block); bounded, so memory stays flat however
// many edits a long session makes.
const SHARED_CACHE_LIMIT = 20_000;
const lineCache = new BoundedCache<LineNode>(SHARED_CACHE_LIMIT);
const sourceLineCache = new BoundedCache<SourceLine>(SHARED_CACHE_LIMIT);
const MAX_LINE_FOR_PARSE = 100_000;

/** Drop the memoised line parses (benchmarks measure cold parses with this; value parses live on their lines). */
export function clearParseCaches(): void {
  lineCache.clear();
  sourceLineCache.clear();
}

/** Parse one line (folded text) into its node. Never throws. */
function parseLine(folded: string, share = true): LineNode {
  const hit = lineCache.get(folded);
  if (hit) return hit;
  let node: LineNode;
  if (folded.length > MAX_LINE_FOR_PARSE) {
    // A giant pasted line is prose; parsing it token by token buys nothing.
    node = folded.trimStart().startsWith("#") ? parseLineSafe(folded.slice(0, 1000)) : { kind: "text" };
  } else {
    node = parseLineSafe(folded);
  }
  if (share) lineCache.set(folded, node);
  return node;
}

function parseLineSafe(folded: string): LineNode {
  try {
    return peg.parse(folded, { startRule: "Line" }) as LineNode;
  } catch {
    return { kind: "text" };
  }
}

/** Below this many unseen lines, parse them one by one; above, in one Peggy call (a call has a fixed set-up cost). */
const BATCH_THRESHOLD = 8;

/**
 * Parse a whole document. Never throws. With `previous` (the same document
 * before an edit), the unchanged lines before and after the edit are the
 * previous line objects; only the lines in between are parsed.
 */
export function parseDocument(text: string, previous?: SyntaxTree): SyntaxTree {
  const raw = splitLines(text);
  const lines: SourceLine[] = new Array(raw.length);
  let head = 0;
  let tail = 0;
  if (previous) {
    const old = previous.lines;
    const max = Math.min(old.length, raw.length);
    while (head < max && old[head].text === raw[head]) {
      lines[head] = old[head];
      head++;
    }
    while (tail < max - head && old[old.length - 1 - tail].text === raw[raw.length - 1 - tail]) {
      lines[raw.length - 1 - tail] = old[old.length - 1 - tail];
      tail++;
    }
  }
  // Lines seen before are shared objects; the rest are parsed together.
  const unseen: number[] = [];
  const shared = sourceLineCache.size > 0;
  for (let i = head; i < raw.length - tail; i++) {
    const line = shared ? sourceLineCache.get(raw[i]) : undefined;
    if (line) lines[i] = line;
    else unseen.push(i);
  }
  // After an edit (previous given) the new lines are being typed: keep them
  // out of the shared caches, which then hold only whole files as opened.
  // (A file bigger than the caches would only churn them.)
  const share = previous === undefined && raw.length < SHARED_CACHE_LIMIT / 2;
  // Most lines new (a file opened): fold the whole text at once.
  const folded = unseen.length > raw.length / 2 ? splitLines(foldWidth(text)) : undefined;
  const foldedLine = folded ? (i: number) => folded[i] : (i: number) => foldWidth(raw[i]);
  // Where the batch keeps the line objects it makes, so that equal lines share one: the shared cache when
  // the file goes there, else a map of this parse (a big file would only churn the shared cache).
  if (unseen.length >= BATCH_THRESHOLD) parseBatch(raw, foldedLine, unseen, lines, share ? sourceLineCache : new Map<string, SourceLine>(), share);
  for (const i of unseen) {
    if (lines[i]) continue;
    const folded = foldedLine(i);
    const line = sourceLine(raw[i], folded, parseLine(folded, share));
    if (share) sourceLineCache.set(raw[i], line);
    lines[i] = line;
  }
  const { conflictLines, diagnostics } = scanConflicts(lines, raw);
  return { lines, conflictLines, diagnostics };
}

const BLANK: LineNode = { kind: "blank" };
const TEXT: LineNode = { kind: "text" };

/**
 * Spans and keys recur on thousands of lines (`[0, 2]` for every two-character
 * key; `说明`); a file opened cold would otherwise hold one copy per line.
 * Shared spans are never mutated (no code writes to a span).
 */
const SPAN_STARTS = 64;
const SPAN_ENDS = 1024;
const spanTable: (Span | undefined)[] = new Array(SPAN_STARTS * SPAN_ENDS);

function sharedSpan(start: number, end: number): Span {
  if (start >= SPAN_STARTS || end >= SPAN_ENDS || start < 0 || end < start) return [start, end];
  const k = start * SPAN_ENDS + end;
  return (spanTable[k] ??= [start, end]);
}

const refTable: (SpanRef | undefined)[] = new Array(SPAN_STARTS * SPAN_ENDS);

/** `{ span }` for a field's value or a list item's text: shared as spans are. */
function sharedRef(start: number, end: number): SpanRef {
  if (start >= SPAN_STARTS || end >= SPAN_ENDS || start < 0 || end < start) return { span: [start, end] };
  const k = start * SPAN_ENDS + end;
  return (refTable[k] ??= { span: sharedSpan(start, end) });
}

/** One copy of a short text that recurs (a weight such as `1`). */
const textTable = new BoundedCache<string>(2_000);

function sharedText(text: string): string {
  const hit = textTable.get(text);
  if (hit !== undefined) return hit;
  textTable.set(text, text);
  return text;
}

/** A field key at the start of a line (`{ text, span: [0, length] }`), one object per distinct key. */
const fieldKeyTable = new BoundedCache<TextSpan>(2_000);

function sharedFieldKey(key: string): TextSpan {
  let hit = fieldKeyTable.get(key);
  if (hit === undefined) {
    hit = { text: key, span: sharedSpan(0, key.length) };
    fieldKeyTable.set(key, hit);
  }
  return hit;
}

/** What ends a key (the grammar's `KeyChar` is any other character): ` \t:,;。、!?#=<>≥≤+\n`. */
function isKeyStop(c: number): boolean {
  switch (c) {
    case 32: // space
    case 9: // tab
    case 58: // :
    case 44: // ,
    case 59: // ;
    case 0x3002: // 。
    case 0x3001: // 、
    case 33: // !
    case 63: // ?
    case 35: // #
    case 61: // =
    case 60: // <
    case 62: // >
    case 0x2265: // ≥
    case 0x2264: // ≤
    case 43: // +
    case 10: // \n
      return true;
    default:
      return false;
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
// `## title (10分)`: the title is everything before a weight that ends the
// line (`Heading`, `HeadingTitle`, `Weight` and `Number` in the grammar).
const HEADING_RE = /^(#{1,6})([ \t]+)(.*?)(\([ \t]*([0-9]+(?:,[0-9][0-9][0-9](?![0-9]))*(?:\.[0-9]+)?)[ \t]*分[ \t]*\))?[ \t]*$/;
// `- [x] text` (`Check`).
const CHECK_RE = /^-[ \t]+\[([xX ])\][ \t]*/;

/**
 * What the grammar says of a line whose kind is plain from its first
 * characters — blank, text (no mark, no colon), or a field (a key at the start
 * of the line, then a colon) — without running Peggy, which matches a line a
 * character at a time (and allocates a string per CJK character).
 * `test/syntax/prefilter.test.ts` checks this against the grammar.
 */
export function obviousLine(folded: string): LineNode | undefined {
  if (/^[ \t]*$/.test(folded)) return BLANK;
  const first = folded.charCodeAt(0);
  if (first === 35 /* # */) return obviousHeading(folded);
  if (first === 45 /* - */) return obviousCheck(folded);
  // A line starting with a space or a mark may be a heading, list item, comment or conflict marker.
  if (first === 32 || first === 9 || "#-*/<=>|".includes(folded[0])) return undefined;
  // The grammar's `Field`: a key (`KeyChar+`), blanks, a colon, blanks; scanned by hand (no match array per line).
  const n = folded.length;
  let keyEnd = 0;
  while (keyEnd < n && !isKeyStop(folded.charCodeAt(keyEnd))) keyEnd++;
  if (keyEnd > 0) {
    let j = keyEnd;
    while (j < n && isBlank(folded.charCodeAt(j))) j++;
    if (j < n && folded.charCodeAt(j) === 58 /* : */) {
      j++;
      while (j < n && isBlank(folded.charCodeAt(j))) j++;
      return { kind: "field", key: sharedFieldKey(folded.slice(0, keyEnd)), value: sharedRef(j, j + trimmedEndLength(folded, j)) };
    }
  }
  // No field: text, unless a colon could still make it something else.
  return folded.includes(":") ? undefined : TEXT;
}

function obviousHeading(folded: string): LineNode | undefined {
  const m = HEADING_RE.exec(folded);
  if (!m) return undefined;
  const [, hashes, blanks, text, weight, value] = m;
  const at = hashes.length + blanks.length;
  // Without a weight, the grammar's title text runs to the end of the line.
  const full = weight === undefined ? folded.slice(at) : text;
  const lead = full.length - full.trimStart().length;
  const titleLength = full.trim().length;
  const weightAt = at + text.length;
  return {
    kind: "heading",
    level: hashes.length,
    titleSpan: sharedSpan(at + lead, at + lead + titleLength),
    weight: weight === undefined ? null : { value: sharedText(value), span: sharedSpan(weightAt, weightAt + weight.length) },
  };
}

function obviousCheck(folded: string): LineNode | undefined {
  const m = CHECK_RE.exec(folded);
  if (!m) return undefined;
  const start = m[0].length;
  return { kind: "check", checked: m[1] !== " ", text: sharedRef(start, start + trimmedEndLength(folded, start)) };
}

/** The length of `text.slice(start).trimEnd()`, without making the string. */
function trimmedEndLength(text: string, start: number): number {
  let end = text.length;
  while (end > start && isTrimmedSpace(text.charCodeAt(end - 1))) end--;
  return end - start;
}

/** What String.prototype.trimEnd removes: WhiteSpace and LineTerminator. */
function isTrimmedSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Line objects by raw text: the shared cache, or a map of one parse. */
interface LineStore {
  get(text: string): SourceLine | undefined;
  set(text: string, line: SourceLine): unknown;
}

/**
 * Parse the unseen lines: the plain ones by `obviousLine`, the rest in one
 * Peggy call with the start rule `Lines` (each distinct text once); on any
 * trouble, leave them to the line-by-line path.
 */
function parseBatch(raw: string[], foldedLine: (i: number) => string, unseen: number[], out: SourceLine[], store: LineStore, share: boolean): void {
  const todo: number[] = [];
  const todoFolded: string[] = [];
  for (const i of unseen) {
    if (raw[i].length > MAX_LINE_FOR_PARSE) continue;
    // An equal line made earlier in this batch (`评分：符合 1；不符合 0` on many indicators) is the same object.
    const seen = store.get(raw[i]);
    if (seen) {
      out[i] = seen;
      continue;
    }
    const folded = foldedLine(i);
    const obvious = obviousLine(folded);
    if (!obvious) {
      todo.push(i);
      todoFolded.push(folded);
      continue;
    }
    const line = sourceLine(raw[i], folded, obvious);
    store.set(raw[i], line);
    out[i] = line;
  }
  if (todo.length < BATCH_THRESHOLD) return;
  // A text that recurs (`- [x] 要点一`) is parsed once; its node is shared (nodes are never mutated).
  const batch = parseMany(todoFolded, "Lines");
  if (!batch) return;
  const nodes = batch.results as LineNode[];
  const slot = batch.slot;
  for (let k = 0; k < todo.length; k++) {
    const i = todo[k];
    const folded = todoFolded[k];
    const cached = lineCache.get(folded);
    const node = nodes[slot[k]];
    const line = sourceLine(raw[i], folded, cached ?? node);
    if (!cached && share) lineCache.set(folded, node);
    store.set(raw[i], line);
    out[i] = line;
  }
}

// ───────────────────────── value parsing ─────────────────────────

export type ValueRule = "DataValue" | "Score" | "Quantity" | "Expression" | "Target" | "Rule";

const RULE_NAMES: Record<ValueRule, [string, string]> = {
  DataValue: ["数据", "the data value"],
  Score: ["得分", "the score"],
  Quantity: ["数量", "the quantity"],
  Expression: ["公式", "the formula"],
  Target: ["目标", "the target"],
  Rule: ["评分规则", "the rule"],
};

const EXPECT_ZH: Record<string, string> = {
  number: "数字",
  unit: "单位",
  quantity: "数量",
  comparator: "比较符号（≥ ≤ = > <）",
  expression: "公式",
  name: "数据名",
  operator: "运算符（+ − × ÷）",
  score: "分数（如 3 或 满分）",
  separator: "分隔符“；”",
  "end of input": "行尾",
};

export type ValueResult<T> = { ok: true; value: T } | { ok: false; diagnostic: Diagnostic };

/** A memoised value parse (on its line); results are shared and must not be mutated. */
type CachedValue = { ok: true; value: unknown } | { ok: false; error: PeggyFailure };

interface PeggyFailure {
  offset: number;
  end: number;
  expected: string[];
  found: string | null;
}

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

function memo(line: SourceLine, rule: ValueRule, start: number, end: number, value: CachedValue): void {
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

/**
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

function toFailure(e: unknown, text: string): PeggyFailure {
  if (e instanceof peg.SyntaxError) {
    const expected = (e.expected ?? [])
      .map((x) => (x.type === "literal" ? `“${x.text}”` : x.type === "end" ? "end of input" : x.type === "class" ? "" : (x.description ?? "")))
      .filter((x) => x !== "" && x !== "“ ”");
    return { offset: e.location.start.offset, end: e.location.end.offset, expected: [...new Set(expected)], found: e.found };
  }
  return { offset: 0, end: text.length, expected: [], found: null };
}

const MALFORMED_NUMBER_RE = /[+-]?\d[\d,]*\.\d+(\.\d+)+|\d+(,\d+)*,\d{1,2}(?!\d)(\.\d+)?|\d[\d,]*\.\.+\d*/;

function describeFailure(rule: ValueRule, text: string, f: PeggyFailure, line: number, offset: number): Diagnostic {
  const malformed = MALFORMED_NUMBER_RE.exec(text);
  if (malformed && rule !== "Rule") {
    return makeDiagnostic("PE201", lineRange(line, offset + malformed.index, offset + malformed.index + malformed[0].length), { text: malformed[0] });
  }
  const cn = /[零〇一二两三四五六七八九十百千万亿]+(点[零〇一二三四五六七八九]+)?/.exec(text);
  if (cn && rule !== "Rule" && rule !== "Target" && /^\s*[约近]?\s*$/.test(text.slice(0, cn.index))) {
    const value = chineseNumeralValue(cn[0]);
    if (value !== undefined && cn[0] !== "万" && cn[0] !== "亿") {
      return makeDiagnostic("PE202", lineRange(line, offset + cn.index, offset + cn.index + cn[0].length), { text: cn[0], value }, { value, text: cn[0] });
    }
  }
  const [what, whatEn] = RULE_NAMES[rule];
  const expectedZh = f.expected.map((x) => EXPECT_ZH[x] ?? x);
  const expectedEn = f.expected.map((x) => (x === "end of input" ? "end of line" : x));
  const found = f.found === null ? "行尾" : `“${f.found}”`;
  const foundEn = f.found === null ? "end of line" : `“${f.found}”`;
  const start = Math.min(f.offset, text.length);
  const end = Math.max(start + 1, Math.min(text.length, f.end));
  // At the end of the value: point at its last character (where something is missing after it).
  // (An empty value gives an empty range at its start: the line may end right there.)
  const range = start >= text.length ? lineRange(line, offset + Math.max(text.length - 1, 0), offset + text.length) : lineRange(line, offset + start, offset + end);
  return makeDiagnostic("PE101", range, {
    what,
    whatEn,
    detail: expectedZh.length ? `应为${expectedZh.slice(0, 6).join("、")}，但遇到${found}` : `遇到${found}`,
    detailEn: f.expected.length ? `expected ${expectedEn.slice(0, 6).join(", ")} but found ${foundEn}` : `unexpected ${foundEn}`,
  });
}
