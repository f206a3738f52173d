/** Rename refuses names that would silently change or break the file (issue #12, item 8). */
import assert from "node:assert/strict";
import { analyze } from "../../server/src/analysis";
import { rename, renameProblem } from "../../server/src/features/navigation";

const URI = "file:///r.perf";
const TEXT = "单位：甲镇\n年度：2021\n满分：1\n执行数：9 万元\n预算数：10 万元\n# 说明\n本年得分 {{执行率.得分}}。\n# 执行率（1分）\n公式：执行数 ÷ 预算数\n评分：比例\n";

describe("rename: refused names", () => {
  const a = analyze(TEXT);
  const cases: [string, string, number, number, RegExp][] = [
    ["another data item's name (the formula would become x ÷ x)", "预算数", 3, 1, /已被本文件中的其他数据或指标使用/],
    ["an indicator's name", "执行率", 3, 1, /已被本文件中的其他数据或指标使用/],
    ["a reserved key", "得分", 3, 1, /保留字段名/],
    ["a reserved header key", "单位", 7, 3, /保留字段名/],
    ["a name with a space", "执行 数", 3, 1, /空格/],
    ["a name with a colon", "执行：数", 3, 1, /冒号/],
    ["a name with a half-width colon", "a:b", 3, 1, /冒号/],
    ["a name with a line break", "执行\n数", 3, 1, /换行/],
    ["a placeholder brace", "执行{{数", 3, 1, /\{\{ \}\}/],
    ["a heading mark", "#执行", 7, 3, /不能以 #/],
    ["a weight in an indicator's name", "执行率（5分）", 7, 3, /分值写法/],
    ["an empty name", "  ", 3, 1, /不能为空/],
  ];
  for (const [what, name, line, ch, message] of cases) {
    it(`refuses ${what}`, () => {
      const p = renameProblem(a, line, ch, name);
      assert.ok(p, `accepted ${JSON.stringify(name)}`);
      assert.match(p.zh, message);
      assert.ok(p.en.length > 0);
      assert.equal(rename(a, URI, line, ch, name), null, "no edit is produced");
    });
  }
  it("accepts a fresh name, and the same name", () => {
    assert.equal(renameProblem(a, 3, 1, "实际执行数"), undefined);
    assert.equal(renameProblem(a, 3, 1, "执行数"), undefined);
    assert.ok(rename(a, URI, 3, 1, "实际执行数"));
  });
  it("the issue's case: renaming 执行数 to 预算数 would have changed the score", () => {
    const edit = rename(a, URI, 3, 1, "预算数");
    assert.equal(edit, null);
    assert.equal(a.evaluation.total?.toString(), "0.9");
  });
});
