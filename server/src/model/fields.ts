/**
 * Asking an indicator for a reserved-key field without making its `fields`
 * map: an indicator built from its block of lines (model/build.ts) answers
 * from the lines; any other (the added 预算执行率 row) from its map. Scoring
 * asks these for every leaf; the map is made only where it is read whole
 * (report, hover, formatting).
 */
import type { Field, Indicator } from "./types";

export interface FieldLookup {
  hasField(key: string): boolean;
  /** The field, or a fresh object equal to it when the map is not made yet. */
  findField(key: string): Field | undefined;
}

function lookup(ind: Indicator): FieldLookup | undefined {
  return typeof (ind as Partial<FieldLookup>).hasField === "function" ? (ind as Indicator & FieldLookup) : undefined;
}

/** `ind.fields.has(key)`. */
export function hasField(ind: Indicator, key: string): boolean {
  return lookup(ind)?.hasField(key) ?? ind.fields.has(key);
}

/** `ind.fields.get(key)` (its line, spans and value; not necessarily the same object). */
export function getField(ind: Indicator, key: string): Field | undefined {
  const l = lookup(ind);
  return l ? l.findField(key) : ind.fields.get(key);
}
