/**
 * Interning for the syntax stage: spans, `{ span }` records, short texts and
 * field keys recur on thousands of lines; one shared copy each instead of one
 * per line. Everything handed out here is shared: never written to.
 */
import { BoundedCache, type CacheEntry } from "../cache-entry";
import type { Span, SpanRef, TextSpan } from "./ast";

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
export const textTable = new BoundedCache<string, string>("syntax/intern.ts textTable: short texts (weights)", "the text", 2_000);

export function sharedText(text: string): string {
  const hit = textTable.get(text);
  if (hit !== undefined) return hit;
  textTable.set(text, text);
  return text;
}

/** A field key at the start of a line (`{ text, span: [0, length] }`), one object per distinct key. */
export const fieldKeyTable = new BoundedCache<string, TextSpan>(
  "syntax/intern.ts fieldKeyTable: field keys at the start of a line",
  "the key's text",
  2_000,
);

export function sharedFieldKey(key: string): TextSpan {
  let hit = fieldKeyTable.get(key);
  if (hit === undefined) {
    hit = { text: key, span: sharedSpan(0, key.length) };
    fieldKeyTable.set(key, hit);
  }
  return hit;
}

/** The inventory entry of a fixed table of `(start, end)` slots, emptied by filling it with undefined. */
function slotTable(name: string, table: unknown[]): CacheEntry {
  return {
    name,
    key: `(start, end), start < ${SPAN_STARTS}, end < ${SPAN_ENDS}`,
    bound: `a fixed table of ${table.length} slots`,
    size: () => {
      let n = 0;
      for (const x of table) if (x !== undefined) n++;
      return n;
    },
    clear: () => table.fill(undefined),
  };
}

export const spanTableCache = slotTable("syntax/intern.ts spanTable: shared spans", spanTable);
export const refTableCache = slotTable("syntax/intern.ts refTable: shared { span } records", refTable);
