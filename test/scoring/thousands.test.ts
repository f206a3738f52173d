/** Numbers with thousands separators are accepted wherever a rule takes a number (a fuzz finding: they crashed). */
import assert from "node:assert/strict";
import { analyze } from "../../server/src/analysis";

const H = "单位：甲镇\n年度：2021\n满分：10\n";

describe("thousands separators in rules", () => {
  it("per-point deduction with 1,000 in the step does not throw and scores", () => {
    const a = analyze(`${H}# A（10分）\n实际：101%\n评分：≤100% 满分；每超1,000个百分点扣1,000分\n偏差原因：x\n`);
    // 1 point over is less than one full step of 1,000 points: nothing is deducted (per full step, docs/format.md §11.5).
    assert.equal(a.evaluation.total?.toString(), "10");
  });

  it("a deduction step with a separator does not throw", () => {
    const a = analyze(`${H}# A（10分）\n评分：扣分 每项 1,000分\n- 一项\n偏差原因：x\n`);
    assert.equal(a.evaluation.total?.toString(), "0");
  });

  it("grade bands with separators", () => {
    const a = analyze(`单位：甲镇\n年度：2021\n满分：2,000\n等级划分：优 1,800；差 0\n# A（2,000分）\n得分：1,900\n理由：x\n偏差原因：x\n`);
    assert.equal(a.evaluation.grade, "优");
  });
});
