import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../../server/src/analysis";
import { inlayHints, unbreakable } from "../../server/src/features/hints";

const examples = join(__dirname, "..", "..", "examples");
const files = readdirSync(examples, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".perf"));
const everything = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

describe("inlay hints: labels and order", () => {
  it("unbreakable puts a no-break space between a number and the Chinese word after it, and only there", () => {
    assert.equal(unbreakable("扣分 2 项 → 8/10"), "扣分 2\u00a0项 → 8/10");
    assert.equal(unbreakable("4.8 万亩（120%） → 5/5"), "4.8\u00a0万亩（120%） → 5/5");
    assert.equal(unbreakable("89.29% → 1/1"), "89.29% → 1/1");
    // The same as the one-regex rule on random labels.
    const alphabet = ["1", "0", " ", " ", "项", "万", "a", "%", "→", "/", "（", "\u00a0", "\u33ff", "\u3400", "\u9fff", "\ua000"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 5000; n++) {
      let s = "";
      for (let k = next() % 12; k > 0; k--) s += alphabet[next() % alphabet.length];
      assert.equal(unbreakable(s), s.replace(/(\d) (?=[\u3400-\u9fff])/g, "$1\u00a0"), JSON.stringify(s));
    }
  });

  it("every example's hints come in document order (line, then character), with placeholders padded on the right", () => {
    assert.ok(files.length >= 3);
    for (const f of files) {
      const hints = inlayHints(analyze(readFileSync(join(examples, f), "utf8")), everything, undefined, 3);
      const sorted = [...hints].sort((x, y) => x.position.line - y.position.line || x.position.character - y.position.character);
      assert.deepEqual(hints, sorted, f);
      for (const h of hints) {
        assert.equal(h.data, 3);
        assert.equal(h.paddingLeft, !h.paddingRight, f);
      }
    }
  });

  it("a derived data item or placeholder above the first indicator is still hinted in its place", () => {
    const text = ["单位：测试单位", "年度：2024", "编制数：56 人", "在职人员数：55 人", "人员控制率：= 在职人员数 ÷ 编制数", "", "# 一、情况", "编制 {{编制数}} 人。", "", "# 投入（1分）", "## 在职人员控制率（1分）", "公式：在职人员数 ÷ 编制数", "评分：≤100% 满分；≥115% 0分", ""].join("\n");
    const hints = inlayHints(analyze(text), everything);
    const lines = hints.map((h) => h.position.line);
    assert.deepEqual(lines, [...lines].sort((x, y) => x - y));
    assert.deepEqual(lines, [4, 7, 9, 10], JSON.stringify(hints));
  });

  it("a range's hints are the whole document's hints on its lines; an odd range gives none or some, never an error", () => {
    for (const f of files) {
      const a = analyze(readFileSync(join(examples, f), "utf8"));
      const all = inlayHints(a, everything);
      for (const [start, end] of [[0, 0], [3, 40], [10, 12], [25, 2000]]) {
        const some = inlayHints(a, { start: { line: start, character: 0 }, end: { line: end, character: 0 } });
        assert.deepEqual(some, all.filter((h) => h.position.line >= start && h.position.line <= end), `${f} ${start}-${end}`);
      }
      for (const [start, end] of [[40, 3], [1.5, 30.5], [Number.NaN, 10], [0, Number.POSITIVE_INFINITY]]) {
        assert.doesNotThrow(() => inlayHints(a, { start: { line: start, character: 0 }, end: { line: end, character: 0 } }), `${f} ${start}-${end}`);
      }
    }
  });
});
