/** Searching lists kept in line order (blocks, headings). */

/** The last item of `list` (sorted by `keyOf`, ascending) whose key is at most `value`; undefined when none is. */
export function lastAtOrBefore<T>(list: readonly T[], value: number, keyOf: (item: T) => number): T | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keyOf(list[mid]) <= value) {
      found = list[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
