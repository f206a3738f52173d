/** The syntax stage skips Peggy for lines whose kind is plain from their first characters (blank, text, field, heading, check): it must say what the grammar says. */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as peg from "../../server/src/syntax/generated/perf-parser";
import { obviousLine } from "../../server/src/syntax/parse";
import { foldWidth } from "../../server/src/text/normalize";

const root = join(__dirname, "..", "..");

describe("syntax: the line pre-filter agrees with the grammar", () => {
  const lines = readdirSync(join(root, "examples"))
    .filter((f) => f.endsWith(".perf"))
    .flatMap((f) => readFileSync(join(root, "examples", f), "utf8").split(/\r?\n/));
  const tricky = ["", "   ", "\t", "正文：带冒号", "正文:半角", "# 标题", "  - 项", "* 项", "// 注释", "<<<<<<< HEAD", "=======", ">>>>>>> x", "||||||| base", "-", "- [x] 点", "普通正文，无冒号。", "2021 年收入 1209.54 万元", "＃ 全角井号", "－ 全角减号", "http://x", "a=b", "<b>", "|表格|", "说明：部门的职责", "公式：甲 ÷ 乙", "键 ：值  ", "键:", "键：", "键\t:\t值\t", "a b: c", "关键、字：值", "得分：3分", "年度：２０２１", "键=1:2", "x#y: z", "key::v", "键：值\u2028", "键：\uFEFF值", "ＡＢ：ｃｄ",
    "# 标题（10分）", "## 标题 (1.5 分) ", "###### x(1分)", "####### x", "#x", "# ", "#", "#\t标题（１０分）", "# 标题（10分）尾", "# 标题（1,000分）", "# 标题（1,0000分）", "# （5分）", "# \u2003标题（2分）", "# a (1分) (2分)", "# 标题\u2028（1分）", "# 标题（ 3 分 ）\t", "# 标题(分)", "# 标题（.5分）",
    "- [x]", "- [ ] 未完成 ", "-\t[X]\t项", "- [y] 项", "-[x] 项", "- [x]项", "-  [x]  两个空格", "- [x] \u2003"];

  it(`every line of the examples (${lines.length}) and tricky lines: same node as the grammar, or left to it`, () => {
    let skipped = 0;
    for (const raw of [...lines, ...tricky]) {
      const folded = foldWidth(raw);
      const fast = obviousLine(folded);
      if (!fast) continue;
      skipped++;
      assert.deepEqual(fast, peg.parse(folded, { startRule: "Line" }), JSON.stringify(raw));
    }
    assert.ok(skipped > lines.length / 4, `only ${skipped} lines skipped the parser`);
  });

  it("random heading-, check- and field-like lines: same node as the grammar, or left to it", () => {
    const alphabet = ["#", "#", " ", "\t", "(", ")", "（", "）", "分", "1", "0", ",", ".", "a", "标", "-", "[", "]", "x", "X", "\u2003", "\u2028", "\u00a0", "\u3000", "\uFEFF", "\u000b", "\u200b", "\u205f", "：", ":"];
    let seed = 20261124;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let heads = 0;
    for (let k = 0; k < 20000; k++) {
      let raw = ["#", "##", "- [", "- [x] ", "# ", "### 指标", "说明：", "键 :\t", "完成数1："][rand(9)];
      const n = rand(14);
      for (let i = 0; i < n; i++) raw += alphabet[rand(alphabet.length)];
      const folded = foldWidth(raw);
      const fast = obviousLine(folded);
      if (!fast) continue;
      if (fast.kind === "heading" || fast.kind === "check" || fast.kind === "field") heads++;
      assert.deepEqual(fast, peg.parse(folded, { startRule: "Line" }), JSON.stringify(raw));
    }
    assert.ok(heads > 5000, `only ${heads} headings, checks and fields took the fast path`);
  });
});
