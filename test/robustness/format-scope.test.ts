/**
 * fmt changes only what docs/format.md says it changes (issue #12, item 3):
 * a property over every example and 300 fuzzed files (seed 20241201).
 *
 * The non-blank lines before and after correspond one to one, in order (fmt
 * only adds or removes blank lines). For each pair, judged from the input's
 * syntax and its key alone (not from the formatter's own classification):
 *
 * - a text, list, table, comment or conflict line is the same, byte for byte
 *   (trailing spaces included);
 * - a heading keeps its level; the text after its marks is the same;
 * - a check point keeps its state; the text after its marks is the same;
 * - a field keeps its key; after the first colon, a prose key's value (理由,
 *   说明, 偏差原因, 改进措施, 备注, text header keys, 评分…) is the same, byte for
 *   byte; any other value differs only where a full-width digit or `．，％`
 *   became its ASCII form.
 */
import assert from "node:assert/strict";
import { analyze } from "../../server/src/analysis";
import { formatText } from "../../server/src/features/format";
import { HEADER_KEYS, TEXT_KEYS } from "../../server/src/model/keys";
import { CHEAP_MUTATORS, loadExamples, makeRng, mutate, pick, SEED_SCORED } from "../../fuzz/mutate";

const SEED = 20241201;
const CASES = 300;

/** Keys whose values are prose (never touched). */
const PROSE_KEYS = new Set([...TEXT_KEYS, ...[...HEADER_KEYS].filter((k) => !["年度", "满分", "自评总分"].includes(k)), "评分"]);

/** Full-width → ASCII pairs a numeric value may differ by. */
function allowedNumberChange(before: string, after: string): boolean {
  if (before === after) return true;
  const code = before.charCodeAt(0);
  return ((code >= 0xff10 && code <= 0xff19) || "．，％".includes(before)) && after === String.fromCharCode(code - 0xfee0);
}

function afterMarks(line: string, marks: RegExp): string {
  return line.replace(marks, "");
}

/** The reasons the formatting of `text` goes beyond its documented scope (empty when it does not). */
function outOfScope(text: string): string[] {
  const a = analyze(text);
  if (a.syntax.diagnostics.some((d) => d.code === "PE102")) return formatText(text) === text ? [] : ["a file with a conflict was changed"];
  const out = formatText(text).replace(/\r?\n$/, "").split(/\r?\n/);
  const before = a.syntax.lines.map((l, i) => ({ i, l })).filter(({ l }) => l.node.kind !== "blank");
  const after = out.filter((l) => l !== "");
  if (before.length !== after.length) return [`${before.length} non-blank lines became ${after.length}`];
  const problems: string[] = [];
  before.forEach(({ i, l }, k) => {
    const raw = l.text;
    const got = after[k];
    const fail = (why: string) => problems.push(`line ${i + 1} (${l.node.kind}): ${why}: ${JSON.stringify(raw)} → ${JSON.stringify(got)}`);
    switch (l.node.kind) {
      case "heading": {
        if (!got.startsWith(`${"#".repeat(l.node.level)} `)) fail("heading level");
        if (afterMarks(got, /^#+ /) !== afterMarks(raw, /^[ \t]*[#＃]+[ \t　]*/)) fail("heading title or weight changed");
        break;
      }
      case "check":
        if (!got.startsWith(l.node.checked ? "- [x] " : "- [ ] ")) fail("check state");
        if (got.slice(6) !== raw.slice(l.node.text.span[0])) fail("check text changed");
        break;
      case "field": {
        const key = raw.slice(l.node.key.span[0], l.node.key.span[1]);
        if (got === raw) break;
        if (!got.startsWith(`${key}：`)) {
          fail("key changed");
          break;
        }
        const was = raw.slice(l.node.value.span[0]);
        const now = got.slice(key.length + 1);
        if (PROSE_KEYS.has(key)) {
          if (now !== was) fail("prose value changed");
        } else if (now.length !== was.length || [...now].some((c, j) => !allowedNumberChange([...was][j], c))) fail("a numeric value changed beyond digits and number punctuation");
        break;
      }
      default:
        if (got !== raw) fail("text line changed");
    }
  });
  return problems;
}

describe(`robustness: fmt changes only what the docs say (property, seed ${SEED})`, function () {
  this.timeout(120_000);

  for (const ex of loadExamples()) {
    it(`${ex.name}: prose, text lines, tables and 评分 are kept byte for byte`, () => {
      assert.deepEqual(outOfScope(ex.text).slice(0, 5), []);
    });
  }

  it(`${CASES} fuzzed files: only key spacing, marks, blank lines and digits in numeric values change`, () => {
    const rng = makeRng(SEED);
    const bases = [...loadExamples().map((e) => e.text), SEED_SCORED];
    const failures: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const text = mutate(pick(rng, bases), rng, CHEAP_MUTATORS, 3).text;
      for (const p of outOfScope(text)) failures.push(`case ${i}: ${p}`);
    }
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} failures`);
  });

  it("the issue's example: full-width punctuation in prose is kept", () => {
    const text = "单位：甲镇\n年度：2023\n说明：好，很好。比例为９５％\n\n# 指标（10分）\n理由：好，很好。比例为９５％\n偏差原因：（一）资金；（二）进度。\n改进措施：加强管理  \n得分：１０\n";
    const out = formatText(text);
    assert.match(out, /^说明：好，很好。比例为９５％$/m);
    assert.match(out, /^理由：好，很好。比例为９５％$/m);
    assert.match(out, /^偏差原因：（一）资金；（二）进度。$/m);
    assert.match(out, /^改进措施：加强管理 {2}$/m);
    assert.match(out, /^得分：10$/m);
  });
});
