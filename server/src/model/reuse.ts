/**
 * Block reuse between builds of the same document: what a model keeps so
 * that the next build (after an edit) can share the blocks whose lines did
 * not change, instead of building them again. Sharing never changes the
 * earlier model: a block is immutable once built, and each model wraps it in
 * an indicator of its own for the tree links.
 */
import type { CacheEntry } from "../cache-entry";
import type { Diagnostic } from "../diagnostics/catalogue";
import type { SourceLine } from "../syntax/parse";
import { SumMemo } from "../quantity/sum-memo";
import type { BuiltBlock } from "./block-indicator";
import type { DataItem, PerfModel } from "./types";

/**
 * A model's built blocks, by first line (an array indexed by line: blocks
 * come in line order, so it stays dense enough to be fast), with the
 * diagnostics and data items each block gave, where it gave any. A block's
 * lines are those of the model's syntax tree (immutable objects shared by
 * parses: compared by identity), from `block.line` to `block.endLine`.
 */
export interface BlockCache {
  readonly blocks: BuiltBlock[];
  readonly diagnostics: (readonly Diagnostic[])[];
  readonly data: (readonly DataItem[])[];
  /** The sums of sibling weights the structure checks made (PE301–302), shared where the weights are the same objects. */
  readonly weightSums: SumMemo;
}

let blockCaches = new WeakMap<PerfModel, BlockCache>();

export const blockReuseCache: CacheEntry = {
  name: "model/reuse.ts blockCaches: each model's indicator blocks, for the next build to reuse",
  key: "a model",
  bound: "a WeakMap: an entry goes with its model",
  size: () => undefined,
  clear: () => {
    blockCaches = new WeakMap();
  },
};

/** An empty cache for a build of a document of `lineCount` lines (sized at once: no growing as blocks come). */
export function newBlockCache(lineCount: number, previous: PreviousBuild | undefined): BlockCache {
  return { blocks: new Array(lineCount), diagnostics: [], data: [], weightSums: new SumMemo(previous?.cache.weightSums.kept) };
}

/** Keep a model's blocks for the next build. */
export function keepBlocks(model: PerfModel, cache: BlockCache): void {
  blockCaches.set(model, cache);
}

/** What the next build can reuse of a model: its blocks and its lines. */
export interface PreviousBuild {
  readonly cache: BlockCache;
  readonly lines: readonly SourceLine[];
}

export function previousBuild(model: PerfModel | undefined): PreviousBuild | undefined {
  const cache = model ? blockCaches.get(model) : undefined;
  return cache && model ? { cache, lines: model.syntax.lines } : undefined;
}

/** The previous build's block from `start` to `end`, when its lines are the same objects as `lines` there. */
export function reusableBlock(previous: PreviousBuild | undefined, lines: readonly SourceLine[], start: number, end: number): BuiltBlock | undefined {
  const hit = previous?.cache.blocks[start];
  if (hit === undefined || hit.endLine !== end) return undefined;
  const before = previous!.lines;
  for (let k = start; k <= end; k++) if (before[k] !== lines[k]) return undefined;
  return hit;
}
