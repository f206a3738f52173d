/** The syntax stage skips Peggy for lines that can only be blank or text: it must say what the grammar says. */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as peg from "../../server/src/syntax/generated/perf-parser";
import { obviousLine } from "../../server/src/syntax/parse";
import { foldWidth } from "../../server/src/text/normalize";

const root = join(__dirname, "..", "..");

describe("syntax: the blank/text/field pre-filter agrees with the grammar", () => {
  const lines = readdirSync(join(root, "examples"))
    .filter((f) => f.endsWith(".perf"))
    .flatMap((f) => readFileSync(join(root, "examples", f), "utf8").split(/\r?\n/));
  const tricky = ["", "   ", "\t", "正文：带冒号", "正文:半角", "# 标题", "  - 项", "* 项", "// 注释", "<<<<<<< HEAD", "=======", ">>>>>>> x", "||||||| base", "-", "- [x] 点", "普通正文，无冒号。", "2021 年收入 1209.54 万元", "＃ 全角井号", "－ 全角减号", "http://x", "a=b", "<b>", "|表格|", "说明：部门的职责", "公式：甲 ÷ 乙", "键 ：值  ", "键:", "键：", "键\t:\t值\t", "a b: c", "关键、字：值", "得分：3分", "年度：２０２１", "键=1:2", "x#y: z", "key::v", "键：值\u2028", "键：\uFEFF值", "ＡＢ：ｃｄ"];

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
});
