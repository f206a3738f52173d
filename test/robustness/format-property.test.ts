/**
 * Property tests over fuzzed inputs (issue #6, fixed seed): the formatter and
 * every quick fix preserve content.
 *
 * - formatText keeps every number and every prose character: the sequence of
 *   non-whitespace characters is the same before and after, once full-width
 *   is folded to half-width (so `：`/`:` after a key and full-width digits
 *   compare equal) and `[X]` is read as `[x]`; blank lines do not count.
 * - formatText is idempotent.
 * - Applying any quick fix offered for any diagnostic leaves every line
 *   outside the edited range unchanged.
 */
import assert from "node:assert/strict";
import type { TextEdit } from "vscode-languageserver-types";
import { analyze } from "../../server/src/analysis";
import { formatText } from "../../server/src/features/format";
import { codeActions } from "../../server/src/features/actions";
import { foldWidth } from "../../server/src/text/normalize";
import { CHEAP_MUTATORS, loadExamples, makeRng, mutate, pick, SEED_SCORED } from "../../fuzz/mutate";
import { toLsp } from "../../fuzz/check";

const SEED = 20240601;
const CASES = 300;
const URI = "file:///prop.perf";

/** The content that must survive formatting: non-whitespace characters, width-folded. */
function content(text: string): string {
  return foldWidth(text)
    .replace(/\[X\]/g, "[x]")
    .replace(/\s+/g, "");
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: before …${JSON.stringify(a.slice(Math.max(0, i - 30), i + 30))}… after …${JSON.stringify(b.slice(Math.max(0, i - 30), i + 30))}…`;
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split("\n");
  const offset = (p: { line: number; character: number }) => {
    let o = 0;
    for (let l = 0; l < p.line; l++) o += lines[l].length + 1;
    return o + p.character;
  };
  const sorted = [...edits].sort((x, y) => offset(y.range.start) - offset(x.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

const BASES = [...loadExamples().map((e) => e.text), SEED_SCORED];
const rng = makeRng(SEED);
const cases = Array.from({ length: CASES }, (_, i) => ({ i, text: mutate(pick(rng, BASES), rng, CHEAP_MUTATORS, 3).text.replace(/\r\n?|\u2028/g, "\n") }));

describe(`robustness: the formatter and quick fixes preserve content (property, seed ${SEED})`, function () {
  this.timeout(120_000);

  it(`formatText keeps every number and prose character, and is idempotent (${CASES} fuzzed inputs)`, () => {
    const failures: string[] = [];
    for (const { i, text } of cases) {
      const once = formatText(text);
      if (content(once) !== content(text)) failures.push(`case ${i}: content changed ${firstDifference(content(text), content(once))}`);
      const twice = formatText(once);
      if (twice !== once) failures.push(`case ${i}: not idempotent ${firstDifference(once, twice)}`);
    }
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} failures`);
  });

  it(`every quick fix for every diagnostic leaves all other lines unchanged (${CASES} fuzzed inputs)`, () => {
    const failures: string[] = [];
    let applied = 0;
    for (const { i, text } of cases) {
      const a = analyze(text);
      const lines = text.split("\n");
      const all = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
      const actions = [...a.evaluation.diagnostics.flatMap((d) => codeActions(a, URI, d.range, [toLsp(d)])), ...codeActions(a, URI, all, [])];
      for (const action of actions) {
        const edits = action.edit?.changes?.[URI] ?? [];
        if (!edits.length) continue;
        applied++;
        const out = applyEdits(text, edits).split("\n");
        const first = Math.min(...edits.map((e) => e.range.start.line));
        const last = Math.max(...edits.map((e) => e.range.end.line));
        const tail = lines.length - 1 - last;
        const ok = lines.slice(0, first).every((l, k) => out[k] === l) && lines.slice(last + 1).every((l, k) => out[out.length - tail + k] === l) && out.length - tail >= first;
        if (!ok) failures.push(`case ${i}: “${action.title}” changed lines outside ${first}..${last}`);
        // Edits touching several lines (e.g. the parent's and a child's weight): lines between them are kept too.
        const touched = new Set(edits.flatMap((e) => [e.range.start.line, e.range.end.line]));
        if (!edits.some((e) => e.newText.includes("\n")) && out.length === lines.length) {
          for (let l = first; l <= last; l++) if (!touched.has(l) && out[l] !== lines[l]) failures.push(`case ${i}: “${action.title}” changed line ${l}`);
        }
      }
    }
    assert.ok(applied > 50, `only ${applied} quick fixes were exercised`);
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} failures`);
  });
});
