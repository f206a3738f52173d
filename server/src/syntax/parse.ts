/**
 * The syntax stage: text → one node per line (+ syntax diagnostics), and the
 * value parsers the model calls per field. Lines are parsed by the Peggy
 * grammar (grammar/perf.peggy) after full-width folding. Results are memoised
 * by line text, so re-parsing a document after a one-line edit costs one
 * Peggy call (the rest are cache hits).
 */
import * as peg from "./generated/perf-parser";
import { foldWidth, splitLines } from "../text/normalize";
import type { LineNode } from "./ast";
import type { Diagnostic } from "../diagnostics/catalogue";
import { scanConflicts } from "./conflicts";
import { BoundedCache } from "../cache-entry";
import { obviousLine } from "./fast-path";
import { BATCH_THRESHOLD, MAX_LINE_FOR_PARSE, parseMany } from "./batch";
import type { CachedValue, ValueRule } from "./values";

export { obviousLine } from "./fast-path";
export { parseValue, prefetchValues, type ValueRequest, type ValueResult, type ValueRule } from "./values";

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

// Lines not found in the previous version of the document are looked up here
// (another open file, a pasted block); bounded, so memory stays flat however
// many edits a long session makes.
const SHARED_CACHE_LIMIT = 20_000;
export const lineCache = new BoundedCache<string, LineNode>(
  "syntax/parse.ts lineCache: line nodes",
  "a line's folded text",
  SHARED_CACHE_LIMIT,
  "lines typed after an edit are kept out",
);
export const sourceLineCache = new BoundedCache<string, SourceLine>(
  "syntax/parse.ts sourceLineCache: line objects (with their value memo)",
  "a line's text as written",
  SHARED_CACHE_LIMIT,
  `files of ${SHARED_CACHE_LIMIT / 2} lines or more and lines typed after an edit are kept out`,
);

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


/**
 * Parse a whole document. Never throws. With `previous` (the same document
 * before an edit), the unchanged lines before and after the edit are the
 * previous line objects; only the lines in between are parsed. With
 * `previousText` too (the text `previous` was parsed from), the unchanged
 * lines are found by comparing the two texts, and only the edited part of
 * the new text is split into lines.
 */
export function parseDocument(text: string, previous?: SyntaxTree, previousText?: string): SyntaxTree {
  const edited = previous && previousText !== undefined ? splitEdited(text, previousText, previous.lines) : undefined;
  // The lines to parse are `raw`, which starts at line `first` (after an edit, only the edited lines were split).
  const raw = edited ? edited.middle : splitLines(text);
  const first = edited ? edited.head : 0;
  const count = edited ? edited.head + raw.length + edited.tail : raw.length;
  // As many lines as before (a keystroke within a line): a copy of the previous array, its edited lines replaced.
  const lines: SourceLine[] = edited && count === previous!.lines.length ? previous!.lines.slice() : new Array(count);
  let head = 0;
  let tail = 0;
  if (edited) {
    const old = previous!.lines;
    head = edited.head;
    tail = edited.tail;
    if (count !== old.length) {
      for (let i = 0; i < head; i++) lines[i] = old[i];
      for (let k = 1; k <= tail; k++) lines[count - k] = old[old.length - k];
    } else {
      // The edited lines' slots are empty until parsed (the loops below fill empty slots).
      for (let i = head; i < count - tail; i++) (lines as (SourceLine | undefined)[])[i] = undefined;
    }
  } else if (previous) {
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
  const shared = sourceLineCache.size() > 0;
  for (let i = head; i < count - tail; i++) {
    const line = shared ? sourceLineCache.get(raw[i - first]) : undefined;
    if (line) lines[i] = line;
    else unseen.push(i);
  }
  // After an edit (previous given) the new lines are being typed: keep them
  // out of the shared caches, which then hold only whole files as opened.
  // (A file bigger than the caches would only churn them.)
  const share = previous === undefined && count < SHARED_CACHE_LIMIT / 2;
  // Most lines new (a file opened): fold the whole text at once.
  const folded = unseen.length > count / 2 ? splitLines(foldWidth(text)) : undefined;
  const foldedLine = folded ? (i: number) => folded[i] : (i: number) => foldWidth(raw[i - first]);
  // Where the batch keeps the line objects it makes, so that equal lines share one: the shared cache when
  // the file goes there, else a map of this parse (a big file would only churn the shared cache).
  if (unseen.length >= BATCH_THRESHOLD) parseBatch(raw, first, foldedLine, unseen, lines, share ? sourceLineCache : new Map<string, SourceLine>(), share);
  for (const i of unseen) {
    if (lines[i]) continue;
    const folded = foldedLine(i);
    const text = raw[i - first];
    const line = sourceLine(text, folded, parseLine(folded, share));
    if (share) sourceLineCache.set(text, line);
    lines[i] = line;
  }
  // Each marker line gives a diagnostic or is in a region: when the previous lines gave neither, the lines kept from
  // them have no marker, and only the lines parsed now need a look.
  const clean = previous !== undefined && previous.diagnostics.length === 0 && previous.conflictLines.size === 0 && !hasMarker(lines, head, count - tail);
  const { conflictLines, diagnostics } = clean ? { conflictLines: new Set<number>(), diagnostics: [] } : scanConflicts(lines);
  return { lines, conflictLines, diagnostics };
}

function hasMarker(lines: readonly SourceLine[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (lines[i].node.kind === "conflict") return true;
  return false;
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
function parseBatch(raw: string[], first: number, foldedLine: (i: number) => string, unseen: number[], out: SourceLine[], store: LineStore, share: boolean): void {
  const todo: number[] = [];
  const todoFolded: string[] = [];
  for (const i of unseen) {
    const text = raw[i - first];
    if (text.length > MAX_LINE_FOR_PARSE) continue;
    // An equal line made earlier in this batch (`评分：符合 1；不符合 0` on many indicators) is the same object.
    const seen = store.get(text);
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
    const line = sourceLine(text, folded, obvious);
    store.set(text, line);
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
    const text = raw[i - first];
    const line = sourceLine(text, folded, cached ?? node);
    if (!cached && share) lineCache.set(folded, node);
    store.set(text, line);
    out[i] = line;
  }
}

/**
 * The new text's lines after an edit, without splitting what did not change:
 * the lines before the first changed character and after the last are the
 * previous line objects (`head` and `tail` of them), and only the edited part
 * of the text is split (`middle`). Undefined for texts with carriage returns
 * (split whole, as `splitLines` does). The previous lines are the split of
 * `previousText`, so where they start and end is found from their lengths
 * (no search for newlines in the text).
 */
const CHUNKS = [32768, 1024];

interface EditedLines {
  /** The lines between head and tail, as written. */
  middle: string[];
  head: number;
  tail: number;
}

function splitEdited(text: string, previousText: string, old: readonly SourceLine[]): EditedLines | undefined {
  if (text.includes("\r") || previousText.includes("\r")) return undefined;
  const min = Math.min(text.length, previousText.length);
  // Equal chunks compared natively first (a large file is megabytes), large then small, then character by character.
  let p = 0;
  for (const chunk of CHUNKS) while (p + chunk <= min && text.slice(p, p + chunk) === previousText.slice(p, p + chunk)) p += chunk;
  while (p < min && text.charCodeAt(p) === previousText.charCodeAt(p)) p++;
  if (p === text.length && p === previousText.length) return { middle: [], head: old.length, tail: 0 };
  let s = 0;
  const a = text.length;
  const b = previousText.length;
  for (const chunk of CHUNKS) while (s + chunk <= min - p && text.slice(a - s - chunk, a - s) === previousText.slice(b - s - chunk, b - s)) s += chunk;
  while (s < min - p && text.charCodeAt(a - 1 - s) === previousText.charCodeAt(b - 1 - s)) s++;
  // The change is [p, oldEnd) of the previous text. Whole lines before it (`head`): those whose newline is before
  // p; after it (`tail`): those after a newline at or after oldEnd (in the common suffix). Line positions are summed
  // from the previous lines' lengths, from the nearer end of the text to the change and then across it, so a
  // keystroke near either end walks few lines.
  const oldEnd = previousText.length - s;
  const last = old.length - 1;
  let head = 0;
  let headEnd = 0; // where line `head` starts
  let tail = 0;
  let tailFrom = previousText.length + 1; // where the first tail line starts in the previous text
  if (p <= s) {
    while (head < last && headEnd + old[head].text.length < p) headEnd += old[head++].text.length + 1;
    let j = head;
    let at = headEnd;
    while (j < last && at + old[j].text.length < oldEnd) at += old[j++].text.length + 1;
    if (j < last) {
      tail = last - j;
      tailFrom = at + old[j].text.length + 1;
    }
  } else {
    while (tail < last && tailFrom - 2 - old[last - tail].text.length >= oldEnd) tailFrom -= old[last - tail++].text.length + 1;
    head = last - tail;
    headEnd = tailFrom - 1 - old[head].text.length;
    while (head > 0 && headEnd > p) headEnd -= old[--head].text.length + 1;
  }
  const tailStart = tailFrom + text.length - previousText.length;
  if (tail > 0 && tailStart < headEnd) tail = 0;
  // The edited lines: from the first changed line to the line before the tail (none when whole lines were deleted).
  const middle = tail === 0 ? text.slice(headEnd).split("\n") : tailStart > headEnd ? text.slice(headEnd, tailStart - 1).split("\n") : [];
  if (head + tail > old.length) return undefined;
  // Edited lines that end as the previous ones did (whole lines deleted or inserted before them) are theirs too.
  while (middle.length > 0 && old.length - tail > head && old[old.length - 1 - tail].text === middle[middle.length - 1]) {
    middle.pop();
    tail++;
  }
  return { middle, head, tail };
}
