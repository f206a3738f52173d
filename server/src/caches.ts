/**
 * Every module-level cache of the core, in one list: what it holds, its key,
 * its bound and how it is emptied. A new cache is declared as a `WeakCache`
 * or a `BoundedCache` (cache-entry.ts: each is its own entry) and gets a line
 * here (test/caches.test.ts finds module-level maps that are not listed). `clearAllCaches()` gives a cold start: the benchmarks' cold figures
 * call it before each run.
 *
 * Not listed, as they are not module-level: the value memo on each line
 * object (`SourceLine.value`: it lives and dies with its line, which the line
 * caches below hold), each evaluation's own maps, each model's fields maps
 * (`ModelLines` in model/tree-indicator.ts: they live and die with the model),
 * the language server's analysis per open document (dropped when the document
 * closes).
 */
import type { CacheEntry } from "./cache-entry";
import { lineCache, sourceLineCache } from "./syntax/parse";
import { fieldKeyTable, refTableCache, spanTableCache, textTable } from "./syntax/intern";
import { decimalMemo } from "./quantity/decimal";
import { quantityMemo } from "./quantity/quantity";
import { unitCache } from "./quantity/units";
import { resolvedPoints, resolvedRules } from "./scoring/rules/resolve";
import { printedRuleCache } from "./scoring/rules/printed";
import { leafRecords } from "./scoring/leaf-reuse";
import { sumRecords } from "./scoring/sum-reuse";
import { blockCaches } from "./model/reuse";
import { semanticIndexCache } from "./features/semantic-index";
import { blanksOfBlock, namedCopies } from "./diagnostics/blanks";

export type { CacheEntry } from "./cache-entry";

/** The inventory, stage by stage. */
export const CACHES: readonly CacheEntry[] = [
  lineCache,
  sourceLineCache,
  spanTableCache,
  refTableCache,
  textTable,
  fieldKeyTable,
  decimalMemo,
  quantityMemo,
  unitCache,
  blockCaches,
  leafRecords,
  sumRecords,
  resolvedRules,
  resolvedPoints,
  printedRuleCache,
  blanksOfBlock,
  namedCopies,
  semanticIndexCache,
];

/** Empty every cache of the core (a cold start, as a process that has analysed nothing yet). */
export function clearAllCaches(): void {
  for (const c of CACHES) c.clear();
}
