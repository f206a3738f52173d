/**
 * Error recovery (容错): one bad line never hides the rest of the file.
 * Five independent mistakes in five indicators give five errors, one per bad
 * line, and every indicator the mistakes do not touch is still scored.
 * Git conflict markers give one clear PE102 per conflict, and the lines
 * inside a conflict are not scored.
 */
import assert from "node:assert/strict";
import { HEADER, analyzeText, codes, diags, score, total } from "../helpers";
import { analyze } from "../../server/src/analysis";

const FIVE = `${HEADER}满分：8
# 附件：评分表
## 职责明确（1分）
评分：符合 1；不符合 0
结果：符合
## 资金到位（1分）
实际：18.8841.4 万元
目标：≥ 10 万元
## 培训人数（1分）
实际：110 人
目标：≥ 100 人
## 种植面积（1分）
实际：5 坨
目标：≥ 4 亩
## 执行率（1分）
实际：95%
评分：比例；≥90% 1
## 覆盖率（1分）
公式：已覆盖 ÷ 总户数
已覆盖：90 户
评分：比例
## 受益人数（1分）
实际：一百二十 人
目标：≥ 100 人
## 活动合规性（1分）
- [x] 部门活动的设定在职责范围之内
- [x] 部门活动符合年度工作安排
评分：全部符合 1；其中一项不符合 0
`;

/** The bad lines (0-based) and the error each should give. */
const BAD: [line: number, code: string, what: string][] = [
  [8, "PE201", "18.8841.4"],
  [14, "PE203", "坨"],
  [18, "PE408", "比例；≥90% 1"],
  [20, "PE601", "总户数"],
  [24, "PE202", "一百二十"],
];

/** Indicators no mistake touches, with their scores computed by hand. */
const UNTOUCHED: [name: string, score: string][] = [
  ["职责明确", "1.0000"], // 结果：符合 → 1
  ["培训人数", "1.0000"], // min(110/100, 1) × 1
  ["活动合规性", "1.0000"], // 全部符合 → 1
];

describe("error recovery", () => {
  it("the test file has its bad lines where the table says", () => {
    const lines = FIVE.split("\n");
    for (const [line, , what] of BAD) assert.ok(lines[line].includes(what), `line ${line}: ${lines[line]}`);
  });

  it("each bad line gets exactly one error, with the right code, pointing at the bad text", () => {
    const errors = analyzeText(FIVE).evaluation.diagnostics.filter((d) => d.severity === "error");
    const lines = FIVE.split("\n");
    for (const [line, code, what] of BAD) {
      const here = errors.filter((d) => d.range.start.line === line);
      assert.equal(here.length, 1, `line ${line}: ${JSON.stringify(here.map((d) => d.code))}`);
      assert.equal(here[0].code, code);
      assert.equal(here[0].range.start.character, lines[line].indexOf(what));
    }
  });

  it("every indicator not touched by a mistake still gets its score", () => {
    for (const [name, s] of UNTOUCHED) assert.equal(score(FIVE, name), s, name);
    assert.equal(total(FIVE), "3.0000");
  });

  it("no diagnostic at all on the lines of an untouched indicator", () => {
    const a = analyzeText(FIVE);
    const ranges = a.model.indicators.filter((i) => UNTOUCHED.some(([n]) => n === i.name)).map((i) => [i.line, i.endLine]);
    for (const d of a.evaluation.diagnostics) {
      for (const [from, to] of ranges) assert.ok(d.range.start.line < from || d.range.start.line > to, `${d.code} on line ${d.range.start.line}`);
    }
  });

  // BUG (core): a value that has its own error is then "missing" for the rule, and the rule
  // adds a second error PE403 (评分缺少数据：实际值…) on the 目标/评分 line: here on lines 9
  // (资金到位), 15 (种植面积), 22 (覆盖率) and 25 (受益人数) — 9 errors instead of 5.
  // Expected: the rule stays silent when its input already carries an error.
  it("five independent mistakes yield exactly five errors, one per bad line", () => {
    const errors = analyzeText(FIVE).evaluation.diagnostics.filter((d) => d.severity === "error");
    assert.deepEqual(
      errors.map((d) => `${d.code}@${d.range.start.line}`),
      BAD.map(([line, code]) => `${code}@${line}`),
    );
  });

  it("the five errors are the five expected codes (ignoring the PE403 cascade)", () => {
    const errors = analyzeText(FIVE).evaluation.diagnostics.filter((d) => d.severity === "error" && d.code !== "PE403");
    assert.deepEqual(
      errors.map((d) => `${d.code}@${d.range.start.line}`),
      BAD.map(([line, code]) => `${code}@${line}`),
    );
  });

  it("a bad line does not change the scores of the rest: same scores as the file without the broken indicators", () => {
    const clean = `${HEADER}满分：3
## 职责明确（1分）
评分：符合 1；不符合 0
结果：符合
## 培训人数（1分）
实际：110 人
目标：≥ 100 人
## 活动合规性（1分）
- [x] 部门活动的设定在职责范围之内
- [x] 部门活动符合年度工作安排
评分：全部符合 1；其中一项不符合 0
`;
    for (const [name] of UNTOUCHED) assert.equal(score(FIVE, name), score(clean, name));
    assert.deepEqual(codes(clean), []);
  });
});

describe("Git conflict markers", () => {
  const conflicted = `${HEADER}满分：3
# A（1分）
<<<<<<< HEAD
得分：1
理由：我方
=======
得分：0
理由：对方
>>>>>>> feature
# B（1分）
评分：符合 1；不符合 0
结果：符合
<<<<<<< HEAD
# C（1分）
得分：1
理由：x
=======
# C（1分）
得分：0.5
理由：y
>>>>>>> feature
# D（1分）
得分：1
理由：x
`;

  it("does not crash", () => {
    assert.doesNotThrow(() => analyze(conflicted));
  });

  it("one PE102 per conflict, on its <<<<<<< line, as an error", () => {
    const found = diags(conflicted, "PE102");
    assert.deepEqual(
      found.map((d) => d.range.start.line),
      [4, 14],
    );
    for (const d of found) {
      assert.equal(d.severity, "error");
      assert.equal(d.range.start.character, 0);
      assert.match(d.message, /冲突/);
    }
  });

  it("the lines inside a conflict are not scored", () => {
    // A's 得分 lines are inside the conflict: A has no score.
    assert.equal(score(conflicted, "A"), undefined);
    // C's headings are inside the conflict: C is no indicator.
    assert.equal(analyzeText(conflicted).model.indicators.some((i) => i.name === "C"), false);
    // B and D, outside, are scored.
    assert.equal(score(conflicted, "B"), "1.0000");
    assert.equal(score(conflicted, "D"), "1.0000");
    assert.equal(total(conflicted), "2.0000");
  });

  it("a stray >>>>>>> without <<<<<<< is a PE120 warning on its line, not a conflict (issue #12)", () => {
    const t = `${HEADER}满分：1\n# A（1分）\n得分：1\n理由：x\n>>>>>>> feature\n`;
    assert.deepEqual(diags(t, "PE102"), []);
    assert.deepEqual(diags(t, "PE120").map((d) => d.range.start.line), [6]);
    assert.equal(score(t, "A"), "1.0000");
  });

  it("an unterminated <<<<<<< is a PE120 warning, and the rest of the file is still scored (issue #12)", () => {
    const t = `${HEADER}满分：2\n# A（1分）\n得分：1\n理由：x\n<<<<<<< HEAD\n# B（1分）\n得分：1\n理由：x\n`;
    assert.deepEqual(diags(t, "PE102"), []);
    assert.deepEqual(diags(t, "PE120").map((d) => d.range.start.line), [6]);
    assert.equal(score(t, "A"), "1.0000");
    assert.equal(score(t, "B"), "1.0000");
  });

  it("a line of ======= outside a conflict is no conflict", () => {
    const t = `${HEADER}满分：1\n# 说明\n=======\n# A（1分）\n得分：1\n理由：x\n`;
    assert.equal(diags(t, "PE102").length, 0);
    assert.equal(score(t, "A"), "1.0000");
  });
});
