/**
 * Tables by line for an evaluation, which fills them at every edit with tens
 * of thousands of entries. A JS `Map` of that size costs about 0.4 µs an
 * insert here plus its garbage, and an array with a slot per line is a large
 * array of pointers the garbage collector scans: here a line holds a number
 * (in a typed array, which the collector does not scan) that points into a
 * dense list of what was added. The lists are made at their expected size
 * (growing a list by pushes leaves a trail of copies behind it).
 */

/** A list made at `capacity` entries (holes), filled from the start; `count` of them are set. */
class DenseList<T> {
  readonly items: T[];
  count = 0;
  constructor(capacity: number) {
    this.items = new Array(capacity);
  }
  /** Append; returns the new count. */
  add(item: T): number {
    if (this.count < this.items.length) this.items[this.count] = item;
    else this.items.push(item);
    return ++this.count;
  }
}

/** Values by line, at most one per line (a later `set` on the same line replaces it). */
export class ByLine<V> {
  /** 1 + the index in `values` of each line's value; 0 for none. */
  private readonly slots: Int32Array;
  private readonly list: DenseList<V>;

  /** `expected`: about how many values there will be. */
  constructor(lineCount: number, expected: number) {
    this.slots = new Int32Array(lineCount);
    this.list = new DenseList(expected);
  }

  set(line: number, value: V): void {
    if (line < 0 || line >= this.slots.length) return;
    const at = this.slots[line];
    if (at === 0) this.slots[line] = this.list.add(value);
    else this.list.items[at - 1] = value;
  }

  at(line: number): V | undefined {
    const at = line >= 0 && line < this.slots.length ? this.slots[line] : 0;
    return at === 0 ? undefined : this.list.items[at - 1];
  }
}

/**
 * A map whose keys each sit on a line of their own (an indicator on its
 * heading line, a data item on its field line). Reads as a `ReadonlyMap`, in
 * insertion order. Two keys on one line (never in a built model) still work:
 * the second goes to a small map beside.
 */
export class LineKeyedMap<K, V> implements ReadonlyMap<K, V> {
  private readonly slots: Int32Array;
  private readonly keys_: DenseList<K>;
  private readonly values_: DenseList<V>;
  private overflow: Map<K, V> | undefined = undefined;

  /** `expected`: about how many entries there will be. */
  constructor(
    lineCount: number,
    expected: number,
    private readonly lineOf: (key: K) => number,
  ) {
    this.slots = new Int32Array(lineCount);
    this.keys_ = new DenseList(expected);
    this.values_ = new DenseList(expected);
  }

  /** Add an entry (while the evaluation is made; a key is set once). */
  set(key: K, value: V): this {
    const line = this.lineOf(key);
    const at = line >= 0 && line < this.slots.length ? this.slots[line] : -1;
    if (at === 0) {
      this.slots[line] = this.keys_.add(key);
      this.values_.add(value);
    } else if (at > 0 && this.keys_.items[at - 1] === key) {
      this.values_.items[at - 1] = value;
    } else {
      this.overflow ??= new Map();
      if (!this.overflow.has(key)) {
        this.keys_.add(key);
        this.values_.add(value);
      }
      this.overflow.set(key, value);
    }
    return this;
  }

  get(key: K): V | undefined {
    const line = this.lineOf(key);
    const at = line >= 0 && line < this.slots.length ? this.slots[line] : 0;
    if (at > 0 && this.keys_.items[at - 1] === key) return this.values_.items[at - 1];
    return this.overflow?.get(key);
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    return this.keys_.count;
  }

  *entries(): MapIterator<[K, V]> {
    for (let i = 0; i < this.keys_.count; i++) yield [this.keys_.items[i], this.get(this.keys_.items[i])!];
  }

  *keys(): MapIterator<K> {
    for (let i = 0; i < this.keys_.count; i++) yield this.keys_.items[i];
  }

  *values(): MapIterator<V> {
    for (let i = 0; i < this.keys_.count; i++) yield this.get(this.keys_.items[i])!;
  }

  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (let i = 0; i < this.keys_.count; i++) fn(this.get(this.keys_.items[i])!, this.keys_.items[i], this);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}
