/**
 * Asking an indicator for a reserved-key field without making its `fields`
 * map (every indicator answers `hasField`/`findField`: a block built from
 * lines looks at its few lines; the added 预算执行率 row at its map). Scoring
 * asks these for every leaf; the map is made only where it is read whole
 * (report, hover, formatting).
 */
import type { Field, Indicator } from "./types";

/** `ind.fields.has(key)`, without making the map. */
export function hasField(ind: Indicator, key: string): boolean {
  return ind.hasField(key);
}

/** `ind.fields.get(key)` (its line, spans and value; not necessarily the same object), without making the map. */
export function getField(ind: Indicator, key: string): Field | undefined {
  return ind.findField(key);
}
