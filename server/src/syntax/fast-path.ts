/**
 * The JS fast path of the line parser: what the grammar (grammar/perf.peggy)
 * says of a line whose kind is plain from its first characters, without
 * running Peggy. Each function names the grammar rule it mirrors; the key
 * characters come from the table the grammar's `KeyChar` is generated from
 * (grammar/key-stops.json). `test/syntax/prefilter.test.ts` compares this with
 * the grammar on random lines.
 */
import type { LineNode } from "./ast";
import { keyStops } from "../../../grammar/key-stops.json";
import { sharedFieldKey, sharedRef, sharedSpan, sharedText } from "./intern";

const BLANK: LineNode = { kind: "blank" };
const TEXT: LineNode = { kind: "text" };

/**
 * The characters that end a key: the grammar's `KeyChar` is any other
 * character, and its class is written from the same list
 * (grammar/key-stops.json, by scripts/build.mjs). A table by char code.
 */
const KEY_STOP = new Uint8Array(0x10000);
for (const c of keyStops) KEY_STOP[c.charCodeAt(0)] = 1;

/** Whether a char code ends a key (grammar: not a `KeyChar`). */
function isKeyStop(c: number): boolean {
  return KEY_STOP[c] === 1;
}

/** A blank inside a line (grammar: `[ \t]`). */
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
// `## title (10分)`: the title is everything before a weight that ends the
// line (`Heading`, `HeadingTitle`, `Weight` and `Number` in the grammar).
const HEADING_RE = /^(#{1,6})([ \t]+)(.*?)(\([ \t]*([0-9]+(?:,[0-9][0-9][0-9](?![0-9]))*(?:\.[0-9]+)?)[ \t]*分[ \t]*\))?[ \t]*$/;
// `- [x] text` (`Check`).
const CHECK_RE = /^-[ \t]+\[([xX ])\][ \t]*/;

/**
 * What the grammar says of a line whose kind is plain from its first
 * characters — blank, text (no mark, no colon), or a field (a key at the start
 * of the line, then a colon) — without running Peggy, which matches a line a
 * character at a time (and allocates a string per CJK character).
 * Mirrors the grammar's `Line` (its `Blank`, `Field` and `Text` alternatives;
 * `Heading` and `Check` below); `test/syntax/prefilter.test.ts` checks this
 * against the grammar.
 */
export function obviousLine(folded: string): LineNode | undefined {
  if (/^[ \t]*$/.test(folded)) return BLANK;
  const first = folded.charCodeAt(0);
  if (first === 35 /* # */) return obviousHeading(folded);
  if (first === 45 /* - */) return obviousCheck(folded);
  // A line starting with a space or a mark may be a heading, list item, comment or conflict marker.
  if (first === 32 || first === 9 || "#-*/<=>|".includes(folded[0])) return undefined;
  // The grammar's `Field`: a key (`KeyChar+`), blanks, a colon, blanks; scanned by hand (no match array per line).
  const n = folded.length;
  let keyEnd = 0;
  while (keyEnd < n && !isKeyStop(folded.charCodeAt(keyEnd))) keyEnd++;
  if (keyEnd > 0) {
    let j = keyEnd;
    while (j < n && isBlank(folded.charCodeAt(j))) j++;
    if (j < n && folded.charCodeAt(j) === 58 /* : */) {
      j++;
      while (j < n && isBlank(folded.charCodeAt(j))) j++;
      return { kind: "field", key: sharedFieldKey(folded.slice(0, keyEnd)), value: sharedRef(j, j + trimmedEndLength(folded, j)) };
    }
  }
  // No field: text, unless a colon could still make it something else.
  return folded.includes(":") ? undefined : TEXT;
}

/** Mirrors the grammar's `Heading` (`HeadingTitle`, `Weight`, `Number`), or says nothing. */
function obviousHeading(folded: string): LineNode | undefined {
  const m = HEADING_RE.exec(folded);
  if (!m) return undefined;
  const [, hashes, blanks, text, weight, value] = m;
  const at = hashes.length + blanks.length;
  // Without a weight, the grammar's title text runs to the end of the line.
  const full = weight === undefined ? folded.slice(at) : text;
  const lead = full.length - full.trimStart().length;
  const titleLength = full.trim().length;
  const weightAt = at + text.length;
  return {
    kind: "heading",
    level: hashes.length,
    titleSpan: sharedSpan(at + lead, at + lead + titleLength),
    weight: weight === undefined ? null : { value: sharedText(value), span: sharedSpan(weightAt, weightAt + weight.length) },
  };
}

/** Mirrors the grammar's `Check` (`- [x] ` then a `RestSpan`), or says nothing. */
function obviousCheck(folded: string): LineNode | undefined {
  const m = CHECK_RE.exec(folded);
  if (!m) return undefined;
  const start = m[0].length;
  return { kind: "check", checked: m[1] !== " ", text: sharedRef(start, start + trimmedEndLength(folded, start)) };
}

/** Mirrors the grammar's `RestSpan`: the length of `text.slice(start).trimEnd()`, without making the string. */
function trimmedEndLength(text: string, start: number): number {
  let end = text.length;
  while (end > start && isTrimmedSpace(text.charCodeAt(end - 1))) end--;
  return end - start;
}

/** What String.prototype.trimEnd removes: WhiteSpace and LineTerminator. */
function isTrimmedSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
