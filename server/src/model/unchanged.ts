/**
 * What a build takes from the previous build of the same document for the
 * lines the two share. After an edit the syntax tree's lines before and after
 * the edited part are the previous line objects (syntax/parse.ts), and
 * whether a line is a heading, and which placeholders it holds, depend on the
 * line alone: what the previous build found there still holds, moved by the
 * lines the edit added or removed. Only the lines in between are looked at
 * again, so a keystroke in a file of 60,000 lines does not walk them all.
 */
import type { SourceLine, SyntaxTree } from "../syntax/parse";
import type { Placeholder } from "./types";
import type { PreviousBuild } from "./reuse";

const NO_HEADINGS = new Int32Array(0);

export class UnchangedLines {
  /** Lines [0, head) are the previous build's objects at the same place. */
  readonly head: number;
  /** The last `tail` lines are the previous build's last `tail`, `delta` lines further on than they were. */
  readonly tail: number;
  readonly delta: number;
  private readonly before: readonly SourceLine[];
  private readonly previousHeadings: Int32Array;
  private readonly previousPlaceholders: readonly Placeholder[];

  constructor(
    private readonly syntax: SyntaxTree,
    previous: PreviousBuild | undefined,
  ) {
    const lines = syntax.lines;
    this.before = previous?.lines ?? [];
    this.delta = lines.length - this.before.length;
    // Inside a conflict region a line is left out of the model whatever it is: with a region, look at every line.
    const usable = previous !== undefined && syntax.conflictLines.size === 0;
    this.previousHeadings = usable ? previous.cache.headings : NO_HEADINGS;
    this.previousPlaceholders = usable ? previous.placeholders : [];
    const before = usable ? this.before : [];
    const max = Math.min(lines.length, before.length);
    let head = 0;
    while (head < max && lines[head] === before[head]) head++;
    let tail = 0;
    while (tail < max - head && lines[lines.length - 1 - tail] === before[before.length - 1 - tail]) tail++;
    this.head = head;
    this.tail = tail;
  }

  /** The first line not known to be the previous build's, and the line after the last. */
  get from(): number {
    return this.head;
  }
  get to(): number {
    return this.syntax.lines.length - this.tail;
  }

  /** Whether lines `start`…`end` are the previous build's objects at the same place. */
  sameAt(start: number, end: number): boolean {
    if (end < this.head || (this.delta === 0 && start >= this.to)) return true;
    const { lines } = this.syntax;
    const before = this.before;
    if (end >= before.length) return false;
    for (let k = start; k <= end; k++) if (before[k] !== lines[k]) return false;
    return true;
  }

  /** The heading lines outside conflict regions, in order: the previous build's where the lines are its own. */
  headings(): Int32Array {
    const { lines, conflictLines } = this.syntax;
    const old = this.previousHeadings;
    const keptBefore = firstAtOrAfter(old, this.head);
    const keptAfter = old.length - firstAtOrAfter(old, this.before.length - this.tail);
    const isHeading = (i: number) => lines[i].node.kind === "heading" && !conflictLines.has(i);
    let found = 0;
    for (let i = this.from; i < this.to; i++) if (isHeading(i)) found++;
    const out = new Int32Array(keptBefore + found + keptAfter);
    out.set(old.subarray(0, keptBefore));
    let k = keptBefore;
    for (let i = this.from; i < this.to; i++) if (isHeading(i)) out[k++] = i;
    for (let j = old.length - keptAfter; j < old.length; j++) out[k++] = old[j] + this.delta;
    return out;
  }

  /** The `{{name}}` placeholders of the lines (not in comments or conflict regions), in line order. */
  placeholders(): Placeholder[] {
    const { lines, conflictLines } = this.syntax;
    const old = this.previousPlaceholders;
    const out: Placeholder[] = [];
    let j = 0;
    for (; j < old.length && old[j].line < this.head; j++) out.push(old[j]);
    for (let i = this.from; i < this.to; i++) {
      const line = lines[i];
      if (conflictLines.has(i) || line.node.kind === "comment" || !line.text.includes("{{")) continue;
      const re = /\{\{([^{}]*)\}\}/g;
      for (let m = re.exec(line.text); m; m = re.exec(line.text)) out.push({ name: m[1].trim(), line: i, span: [m.index, m.index + m[0].length] });
    }
    const tailStart = this.before.length - this.tail;
    for (; j < old.length; j++) {
      const p = old[j];
      if (p.line < tailStart) continue;
      out.push(this.delta === 0 ? p : { name: p.name, line: p.line + this.delta, span: p.span });
    }
    return out;
  }
}

/** The first index of the sorted `list` whose value is at least `line`. */
function firstAtOrAfter(list: Int32Array, line: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
