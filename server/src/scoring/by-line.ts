/**
 * A map whose keys each sit on a line of their own (an indicator on its
 * heading line, a data item on its field line): an array by line instead of
 * a hash map. An evaluation fills one per edit with tens of thousands of
 * entries, and a JS `Map` of that size costs about 0.4 µs an insert here
 * plus its garbage. Reads as a `ReadonlyMap`, in insertion order. Two keys
 * on one line (never in a built model) still work: the second goes to a
 * small map beside the array.
 */
export class LineKeyedMap<K, V> implements ReadonlyMap<K, V> {
  private readonly slots: (V | undefined)[];
  private readonly keys_: K[] = [];
  private overflow: Map<K, V> | undefined = undefined;

  constructor(
    lineCount: number,
    private readonly lineOf: (key: K) => number,
    private readonly keyOf: (value: V) => K,
  ) {
    this.slots = new Array(lineCount);
  }

  /** Add an entry (while the evaluation is made; a key is set once). */
  set(key: K, value: V): this {
    const line = this.lineOf(key);
    const here = line >= 0 && line < this.slots.length ? this.slots[line] : undefined;
    if (line >= 0 && line < this.slots.length && (here === undefined || this.keyOf(here) === key)) {
      if (here === undefined) this.keys_.push(key);
      this.slots[line] = value;
    } else {
      this.overflow ??= new Map();
      if (!this.overflow.has(key)) this.keys_.push(key);
      this.overflow.set(key, value);
    }
    return this;
  }

  get(key: K): V | undefined {
    const v = this.slots[this.lineOf(key)];
    if (v !== undefined && this.keyOf(v) === key) return v;
    return this.overflow?.get(key);
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    return this.keys_.length;
  }

  *entries(): MapIterator<[K, V]> {
    for (const k of this.keys_) yield [k, this.get(k)!];
  }

  *keys(): MapIterator<K> {
    yield* this.keys_;
  }

  *values(): MapIterator<V> {
    for (const k of this.keys_) yield this.get(k)!;
  }

  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const k of this.keys_) fn(this.get(k)!, k, this);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}
