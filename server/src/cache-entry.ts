/**
 * What a module-level cache says of itself for the inventory
 * (server/src/caches.ts): what it is keyed by, what bounds it, how it is
 * emptied. Every cache in the core is one of these: a `WeakCache`, a
 * `BoundedCache`, or (the fixed tables of syntax/intern.ts) an entry written
 * out by hand.
 *
 * This module imports nothing, so any module can declare its caches here
 * without an import cycle (caches.ts imports every module that has one).
 */
export interface CacheEntry {
  /** Where it lives and what it holds: `<file under server/src> <variable>: …`. */
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

/**
 * A WeakMap that is its own inventory entry: an entry goes with its key.
 * `get`/`set` go straight to the map (no allocation); `clear()` replaces it.
 */
export class WeakCache<K extends object, V> implements CacheEntry {
  private map = new WeakMap<K, V>();
  readonly bound: string;
  /** `holder`: what the key is, as the bound reads it ("an entry goes with its model"). */
  constructor(
    readonly name: string,
    readonly key: string,
    holder: string,
  ) {
    this.bound = `a WeakMap: an entry goes with its ${holder}`;
  }
  get(key: K): V | undefined {
    return this.map.get(key);
  }
  set(key: K, value: V): void {
    this.map.set(key, value);
  }
  size(): undefined {
    return undefined;
  }
  clear(): void {
    this.map = new WeakMap();
  }
}

/**
 * A Map of at most `limit` entries, emptied when a new entry would make it
 * more (memory stays flat however long a session runs), that is its own
 * inventory entry. `get`/`set` go straight to the map (no allocation).
 */
export class BoundedCache<K, V> implements CacheEntry {
  private readonly map = new Map<K, V>();
  readonly bound: string;
  /** `note`: anything else that keeps entries out, added to the bound. */
  constructor(
    readonly name: string,
    readonly key: string,
    private readonly limit: number,
    note?: string,
  ) {
    this.bound = `${limit} entries, emptied when full${note ? `; ${note}` : ""}`;
  }
  get(key: K): V | undefined {
    return this.map.get(key);
  }
  set(key: K, value: V): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
  }
  size(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
}
