/**
 * docs/format.md §11.11 照原文写: every example there cites its public source
 * and states the score a reviewer computes by hand; each is run here.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { codes, score } from "../helpers";

const doc = readFileSync(join(__dirname, "../../docs/format.md"), "utf8");
const section = doc.slice(doc.indexOf("### 11.11 照原文写"), doc.indexOf("## 12. 得分的核对"));
const examples = [...section.matchAll(/<!-- 来源：(.+?)；期望：(.+?) -->\n```perf\n([\s\S]*?)```/g)];

describe("docs/format.md §11.11 照原文写: each cited example", () => {
  it("has at least six examples, each with a source", () => {
    assert.ok(examples.length >= 6, `found ${examples.length}`);
    for (const m of examples) assert.ok(m[1].length > 4);
  });
  for (const [, source, expect, text] of examples) {
    const [name, value] = expect.split("=");
    it(`${name} scores ${value} with no diagnostic (${source.slice(0, 30)}…)`, () => {
      assert.deepEqual(codes(text), []);
      assert.equal(Number(score(text, name)), Number(value));
    });
  }
});
