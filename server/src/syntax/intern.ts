/**
 * Interning for the syntax stage: spans, `{ span }` records, short texts and
 * field keys recur on thousands of lines; one shared copy each instead of one
 * per line. Everything handed out here is shared: never written to.
 */
import type { CacheEntry } from "../cache-entry";
import type { Span, SpanRef, TextSpan } from "./ast";

/** A map of at most `limit` entries, emptied when full (memory stays flat however long a session runs). */
export class BoundedCache<V> {
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

/**
 * Spans and keys recur on thousands of lines (`[0, 2]` for every two-character
 * key; `说明`); a file opened cold would otherwise hold one copy per line.
 * Shared spans are never mutated (no code writes to a span).
 */
const SPAN_STARTS = 64;
const SPAN_ENDS = 1024;
const spanTable: (Span | undefined)[] = new Array(SPAN_STARTS * SPAN_ENDS);


export function sharedSpan(start: number, end: number): Span {
  if (start >= SPAN_STARTS || end >= SPAN_ENDS || start < 0 || end < start) return [start, end];
  const k = start * SPAN_ENDS + end;
  spanTable[k] ??= [start, end];
  return spanTable[k];
}


const refTable: (SpanRef | undefined)[] = new Array(SPAN_STARTS * SPAN_ENDS);

/** `{ span }` for a field's value or a list item's text: shared as spans are. */
export function sharedRef(start: number, end: number): SpanRef {
  if (start >= SPAN_STARTS || end >= SPAN_ENDS || start < 0 || end < start) return { span: [start, end] };
  const k = start * SPAN_ENDS + end;
  refTable[k] ??= { span: sharedSpan(start, end) };
  return refTable[k];
}

/** One copy of a short text that recurs (a weight such as `1`). */
const textTable = new BoundedCache<string>(2_000);

export function sharedText(text: string): string {
  const hit = textTable.get(text);
  if (hit !== undefined) return hit;
  textTable.set(text, text);
  return text;
}

/** A field key at the start of a line (`{ text, span: [0, length] }`), one object per distinct key. */
const fieldKeyTable = new BoundedCache<TextSpan>(2_000);

export function sharedFieldKey(key: string): TextSpan {
  let hit = fieldKeyTable.get(key);
  if (hit === undefined) {
    hit = { text: key, span: sharedSpan(0, key.length) };
    fieldKeyTable.set(key, hit);
  }
  return hit;
}

function countFilled(table: unknown[]): number {
  let n = 0;
  for (const x of table) if (x !== undefined) n++;
  return n;
}

export const spanTableCache: CacheEntry = {
  name: "syntax/intern.ts spanTable: shared spans",
  key: "(start, end), start < 64, end < 1024",
  bound: `a fixed table of ${SPAN_STARTS * SPAN_ENDS} slots`,
  size: () => countFilled(spanTable),
  clear: () => spanTable.fill(undefined),
};

export const refTableCache: CacheEntry = {
  name: "syntax/intern.ts refTable: shared { span } records",
  key: "(start, end), start < 64, end < 1024",
  bound: `a fixed table of ${SPAN_STARTS * SPAN_ENDS} slots`,
  size: () => countFilled(refTable),
  clear: () => refTable.fill(undefined),
};

export const textTableCache: CacheEntry = {
  name: "syntax/intern.ts textTable: short texts (weights)",
  key: "the text",
  bound: "2,000 entries, emptied when full",
  size: () => textTable.size,
  clear: () => textTable.clear(),
};

export const fieldKeyTableCache: CacheEntry = {
  name: "syntax/intern.ts fieldKeyTable: field keys at the start of a line",
  key: "the key's text",
  bound: "2,000 entries, emptied when full",
  size: () => fieldKeyTable.size,
  clear: () => fieldKeyTable.clear(),
};
