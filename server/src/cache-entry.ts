/**
 * What a module-level cache says of itself for the inventory
 * (server/src/caches.ts): what it is keyed by, what bounds it, how it is
 * emptied. Every cache in the core is one of these.
 */
export interface CacheEntry {
  /** Where it lives and what it holds. */
  readonly name: string;
  /** What an entry is found by. */
  readonly key: string;
  /** What keeps it from growing without end. */
  readonly bound: string;
  /** Its entries now (undefined for a WeakMap, which cannot count them). */
  size(): number | undefined;
  /** Empty it (a WeakMap is replaced by a new one). */
  clear(): void;
}
