/**
 * Every module-level cache of the core, in one list: what it holds, its key,
 * its bound and how it is emptied. A new cache gets a `CacheEntry` next to it
 * and a line here (test/caches.test.ts finds module-level maps that are not
 * listed). `clearAllCaches()` gives a cold start: the benchmarks' cold figures
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
import { lineNodeCache, sourceLineObjectCache } from "./syntax/parse";
import { fieldKeyTableCache, refTableCache, spanTableCache, textTableCache } from "./syntax/intern";
import { decimalCache } from "./quantity/decimal";
import { quantityCache } from "./quantity/quantity";
import { unitCache } from "./quantity/units";
import { ruleCache } from "./scoring/rules/resolve";
import { printedRuleCache } from "./scoring/rules/printed";
import { leafReuseCache } from "./scoring/leaf-reuse";
import { sumReuseCache } from "./scoring/sum-reuse";
import { blockReuseCache } from "./model/reuse";
import { semanticIndexCache } from "./features/semantic-index";
import { blockBlanksCache, namedDiagnosticCache } from "./diagnostics/blanks";

export type { CacheEntry } from "./cache-entry";

/** The inventory, stage by stage. */
export const CACHES: readonly CacheEntry[] = [
  lineNodeCache,
  sourceLineObjectCache,
  spanTableCache,
  refTableCache,
  textTableCache,
  fieldKeyTableCache,
  decimalCache,
  quantityCache,
  unitCache,
  blockReuseCache,
  leafReuseCache,
  sumReuseCache,
  ruleCache,
  printedRuleCache,
  blockBlanksCache,
  namedDiagnosticCache,
  semanticIndexCache,
];

/** Empty every cache of the core (a cold start, as a process that has analysed nothing yet). */
export function clearAllCaches(): void {
  for (const c of CACHES) c.clear();
}
