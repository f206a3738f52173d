/** After an edit, the document is split only where it changed: the lines are those of a whole split, the rest the previous objects. */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "../../server/src/syntax/parse";
import { splitLines } from "../../server/src/text/normalize";

const root = join(__dirname, "..", "..");

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe("syntax: parsing after an edit splits only the edited part", () => {
  const texts = readdirSync(join(root, "examples"))
    .filter((f) => f.endsWith(".perf"))
    .map((f) => readFileSync(join(root, "examples", f), "utf8"));
  texts.push("a\nb\nc", "", "\n\n", "x");

  it("gives the lines a whole split gives, for random character edits (insert, delete, replace, across lines)", () => {
    const rand = rng(42);
    let checked = 0;
    for (const original of texts) {
      let text = original;
      let prev = parseDocument(text);
      for (let step = 0; step < 80; step++) {
        const at = Math.floor(rand() * (text.length + 1));
        const len = Math.floor(rand() * Math.min(40, text.length - at + 1));
        const insert = ["", "\n", "x", "指标", "\n\n", "：", text.slice(0, Math.floor(rand() * 30))][Math.floor(rand() * 7)];
        const next = text.slice(0, at) + insert + text.slice(at + len);
        const inc = parseDocument(next, prev, text);
        const expected = splitLines(next);
        assert.deepEqual(
          inc.lines.map((l) => l.text),
          expected,
          `step ${step}`,
        );
        assert.deepEqual(
          inc.lines.map((l) => JSON.stringify(l.node)),
          parseDocument(next).lines.map((l) => JSON.stringify(l.node)),
        );
        // Unchanged lines before the edit are the previous objects.
        const firstChanged = next.slice(0, at).split("\n").length - 1;
        for (let i = 0; i < Math.min(firstChanged, prev.lines.length); i++) assert.equal(inc.lines[i], prev.lines[i], `line ${i} is shared`);
        text = next;
        prev = inc;
        checked++;
      }
    }
    assert.ok(checked > 300);
  });

  it("gives the lines a whole split gives in a text of hundreds of kilobytes (compared in large chunks), edited near either end", () => {
    const rand = rng(7);
    let text = Array.from({ length: 3000 }, (_, i) => `## 指标${i}（1分）\n公式：在职人员数${i} ÷ 编制数\n在职人员数${i}：${50 + (i % 9)} 人\n`).join("\n");
    assert.ok(text.length > 100_000);
    let prev = parseDocument(text);
    for (let step = 0; step < 40; step++) {
      const near = Math.floor(rand() * 3000);
      const at = step % 2 ? near : text.length - near;
      const insert = ["", "\n", "7", "\n## 新（1分）\n"][step % 4];
      const next = text.slice(0, at) + insert + text.slice(at + (step % 3));
      const inc = parseDocument(next, prev, text);
      assert.deepEqual(
        inc.lines.map((l) => l.text),
        splitLines(next),
        `step ${step}`,
      );
      text = next;
      prev = inc;
    }
  });

  it("deleting whole lines keeps the lines after them", () => {
    const before = parseDocument("a\nb\nc\nd");
    const after = parseDocument("a\nd", before, "a\nb\nc\nd");
    assert.deepEqual(
      after.lines.map((l) => l.text),
      ["a", "d"],
    );
    assert.equal(after.lines[0], before.lines[0]);
    assert.equal(after.lines[1], before.lines[3]);
  });

  it("finds the conflict regions and stray markers a whole parse finds, as markers are typed and removed", () => {
    const steps = [
      "a：1\nb：2\nc：3\nd：4",
      "a：1\n<<<<<<< HEAD\nb：2\nc：3\nd：4",
      "a：1\n<<<<<<< HEAD\nb：2\n=======\nc：3\nd：4",
      "a：1\n<<<<<<< HEAD\nb：2\n=======\nc：3\n>>>>>>> other\nd：4",
      "a：1\n<<<<<<< HEAD\nb：2\n=======\nc：3\n>>>>>>> other\nd：5",
      "a：1\nb：2\n=======\nc：3\n>>>>>>> other\nd：5",
      "a：1\nb：2\nc：3\nd：5",
      "a：1\nb：2\nc：3\nd：6",
    ];
    let prev = parseDocument(steps[0]);
    for (let k = 1; k < steps.length; k++) {
      const inc = parseDocument(steps[k], prev, steps[k - 1]);
      const fresh = parseDocument(steps[k]);
      assert.deepEqual([...inc.conflictLines], [...fresh.conflictLines], `step ${k}`);
      assert.deepEqual(inc.diagnostics, fresh.diagnostics, `step ${k}`);
      prev = inc;
    }
    assert.ok(parseDocument(steps[5]).diagnostics.length > 0, "stray markers are diagnosed");
  });
});
