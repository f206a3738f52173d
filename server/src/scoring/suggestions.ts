/**
 * "Did you mean" for an unknown name (PE601): the names a suggestion looks
 * through, under a budget per evaluation so that a file full of unknown names
 * stays linear; and what a leaf's suggestions read besides its block, so that
 * leaf reuse (leaf-reuse.ts) gives a reused leaf's PE601 only when a fresh
 * evaluation would word it the same way.
 */
import type { IndicatorBlock } from "../model/types";

/** How many unknown names per evaluation get a "did you mean" hint. */
export const SUGGESTION_BUDGET = 200;

/**
 * What a leaf's suggestions read: how many it asked for, how many of those
 * the budget granted (the evaluation's earlier leaves decide that), and, when
 * any was granted, the file's shared data names they looked through, in
 * order (the first closest name wins). The leaf's own names are its block's.
 */
export interface SuggestionReads {
  readonly asked: number;
  readonly granted: number;
  readonly sharedNames: string;
}

export const NO_SUGGESTIONS: SuggestionReads = { asked: 0, granted: 0, sharedNames: "" };

export class Suggestions {
  private asked = 0;
  private sharedKey: string | undefined;

  constructor(
    private readonly shared: ReadonlyMap<string, unknown>,
    private readonly budget = SUGGESTION_BUDGET,
  ) {}

  /** A budget already spent: no suggestion (a leaf evaluated again for its trace gives no diagnostics). */
  static spent(): Suggestions {
    return new Suggestions(new Map(), 0);
  }

  /** The names one suggestion looks through: the leaf's, then the file's; none once the budget is spent. */
  names(scope: IndicatorBlock | undefined): string[] {
    return this.asked++ < this.budget ? [...(scope ? scope.data.keys() : []), ...this.shared.keys()] : [];
  }

  /** Where the count stands, before a leaf is evaluated. */
  mark(): number {
    return this.asked;
  }

  /** What the leaf evaluated since `mark` read. */
  readsSince(mark: number): SuggestionReads {
    const asked = this.asked - mark;
    if (asked === 0) return NO_SUGGESTIONS;
    const granted = this.grantedFrom(mark, asked);
    return { asked, granted, sharedNames: granted > 0 ? this.sharedNames() : "" };
  }

  /**
   * Whether a leaf that read `reads` in an earlier evaluation would be given
   * the same suggestions here, now; when it would, its asks are counted as if
   * it had been evaluated again.
   */
  replay(reads: SuggestionReads): boolean {
    if (reads.asked === 0) return true;
    if (this.grantedFrom(this.asked, reads.asked) !== reads.granted) return false;
    if (reads.granted > 0 && reads.sharedNames !== this.sharedNames()) return false;
    this.asked += reads.asked;
    return true;
  }

  private grantedFrom(start: number, asked: number): number {
    return Math.min(asked, Math.max(0, this.budget - start));
  }

  /** The file's shared data names in order, as one string (made once per evaluation, when first needed). */
  private sharedNames(): string {
    this.sharedKey ??= [...this.shared.keys()].join("\n");
    return this.sharedKey;
  }
}
