/**
 * Block reuse between builds of the same document: what a model keeps so
 * that the next build (after an edit) can share the blocks whose lines did
 * not change, instead of building them again. Sharing never changes the
 * earlier model: a block is immutable once built, and each model wraps it in
 * an indicator of its own for the tree links.
 */
import { WeakCache } from "../cache-entry";
import type { Diagnostic } from "../diagnostics/catalogue";
import type { SourceLine } from "../syntax/parse";
import { SumMemo } from "../quantity/sum-memo";
import type { BuiltBlock } from "./block-indicator";
import { CleanSiblings } from "./structure";
import type { DataItem, PerfModel, Placeholder } from "./types";

/**
 * A model's built blocks, in line order, with what each gave (by the block's place in `blocks`): its diagnostics,
 * where it gave any, and where its data items stand in the model's `allData`; and the document's heading lines.
 * A block's lines are those of the model's syntax tree (immutable objects shared by parses: compared by identity),
 * from `block.line` to `block.endLine`. Sized by blocks, not by lines: a keystroke in a file of 60,000 lines makes
 * arrays of its 10,000 blocks.
 */
export interface BlockCache {
  readonly blocks: BuiltBlock[];
  readonly diagnostics: (readonly Diagnostic[] | undefined)[];
  /** Block k's data items are `allData[dataRanges[2k]]` up to (not including) `allData[dataRanges[2k + 1]]`. */
  readonly dataRanges: Int32Array;
  /** The heading lines outside conflict regions (model/unchanged.ts takes the next build's from them). */
  readonly headings: Int32Array;
  /** The sums of sibling weights the structure checks made (PE301–302), shared where the weights are the same objects. */
  readonly weightSums: SumMemo;
  /** The sibling lists the structure checks found clean (PE301, PE303), by their blocks. */
  readonly cleanSiblings: CleanSiblings;
}

export const blockCaches = new WeakCache<PerfModel, BlockCache>(
  "model/reuse.ts blockCaches: each model's indicator blocks, for the next build to reuse",
  "a model",
  "model",
);

/** An empty cache for a build with these heading lines (a block starts at each at most). */
export function newBlockCache(previous: PreviousBuild | undefined, headings: Int32Array): BlockCache {
  // Filled by index and cut to the count at the end (model/build.ts): no growing as blocks come.
  const blocks: BuiltBlock[] = previous ? new Array(previous.cache.blocks.length) : [];
  return {
    blocks,
    diagnostics: [],
    dataRanges: new Int32Array(2 * headings.length),
    headings,
    weightSums: new SumMemo(previous?.cache.weightSums.kept),
    cleanSiblings: new CleanSiblings(previous?.cache.cleanSiblings.kept),
  };
}

/** Keep a model's blocks for the next build. */
export function keepBlocks(model: PerfModel, cache: BlockCache): void {
  blockCaches.set(model, cache);
}

/** What the next build can reuse of a model: its blocks, its lines and what it found on them. */
export interface PreviousBuild {
  readonly cache: BlockCache;
  readonly lines: readonly SourceLine[];
  readonly placeholders: readonly Placeholder[];
  /** Its data items (a reused block's are read from here) and how many indicators and roots it had. */
  readonly allData: readonly DataItem[];
  readonly indicatorCount: number;
  readonly rootCount: number;
}

export function previousBuild(model: PerfModel | undefined): PreviousBuild | undefined {
  const cache = model ? blockCaches.get(model) : undefined;
  if (!cache || !model) return undefined;
  return { cache, lines: model.syntax.lines, placeholders: model.placeholders, allData: model.allData, indicatorCount: model.indicators.length, rootCount: model.roots.length };
}

/**
 * The previous build's blocks, looked up in line order (each build asks for its blocks in line order, so one
 * cursor walks the previous list once).
 */
export class PreviousBlocks {
  private next = 0;

  constructor(private readonly previous: PreviousBuild | undefined) {}

  /** The place in the previous build's list of its block from `start` to `end`, or -1. */
  find(start: number, end: number): number {
    const blocks = this.previous?.cache.blocks;
    if (!blocks) return -1;
    while (this.next < blocks.length && blocks[this.next].line < start) this.next++;
    const hit = blocks[this.next];
    return hit !== undefined && hit.line === start && hit.endLine === end ? this.next : -1;
  }
}
