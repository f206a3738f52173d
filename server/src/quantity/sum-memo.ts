/**
 * Sums of Decimals shared between two analyses of the same document. A sum
 * is a function of its terms' values; Decimals are immutable, and what an
 * edit does not touch is shared by the next analysis (a block's weight, a
 * reused leaf's score, a reused sum), so when every term is the very object
 * the previous analysis added up at the same place, the previous sum is
 * taken as it is. After a keystroke only the sums above the edit are made
 * again. Sums are kept in the order they are asked for; a record that does
 * not match (a sum added or removed before it) is simply not used. Nothing
 * recorded is ever changed.
 */
import type Decimal from "decimal.js";
import { ZERO } from "./decimal";

/** A sum: its terms (undefined or null: no value), the sum of those with a value, and whether all had one. */
export interface MemoSum {
  readonly terms: readonly (Decimal | null | undefined)[];
  readonly sum: Decimal;
  readonly known: boolean;
}

export class SumMemo {
  /** This analysis's sums, in order, for the next one. */
  readonly kept: MemoSum[] = [];

  constructor(private previous: readonly MemoSum[] | undefined) {}

  /** The sum of `value` over `items`: the previous analysis's at this place when its terms are the same objects. */
  sumOf<T>(items: readonly T[], value: (item: T) => Decimal | null | undefined): MemoSum {
    const prev = this.previous?.[this.kept.length];
    const record = prev !== undefined && sameTerms(prev.terms, items, value) ? prev : add(items, value);
    this.kept.push(record);
    return record;
  }

  /** Let the previous analysis's sums go (this memo is kept beside the new analysis; the old one must not be). */
  forgetPrevious(): void {
    this.previous = undefined;
  }
}

function sameTerms<T>(terms: readonly (Decimal | null | undefined)[], items: readonly T[], value: (item: T) => Decimal | null | undefined): boolean {
  if (terms.length !== items.length) return false;
  for (let i = 0; i < items.length; i++) if (terms[i] !== value(items[i])) return false;
  return true;
}

function add<T>(items: readonly T[], value: (item: T) => Decimal | null | undefined): MemoSum {
  let sum: Decimal = ZERO;
  let known = true;
  const terms = new Array<Decimal | null | undefined>(items.length);
  for (let i = 0; i < items.length; i++) {
    const v = value(items[i]);
    terms[i] = v;
    if (v === undefined || v === null) known = false;
    else sum = sum.plus(v);
  }
  return { terms, sum, known };
}
