/**
 * Issue #12, items 4 and 6: scores stay in [0, weight] whatever is stated (a
 * capped stated score is flagged, PE530), and only a well-formed Git conflict
 * suspends scoring (a lone marker line is a PE120 warning on that line).
 */
import assert from "node:assert/strict";
import { summarizeEvaluation } from "../../server/src/summary/summary";
import { analyze } from "../../server/src/analysis";
import { clampScore } from "../../server/src/scoring/clamp";
import { D } from "../../server/src/quantity/decimal";
import { HEADER, codes, diag, diags, grade, score, total } from "../helpers";

const H = HEADER;

describe("scores stay in range", () => {
  it("the issue's case: a failed rule and a stated 250 on a 10-point indicator count 10, flagged, total 10/10", () => {
    const t = `${H}满分：10\n# 完成质量（10分）\n评分：比例\n得分：250\n理由：x\n`;
    assert.equal(score(t, "完成质量"), "10.0000");
    assert.equal(total(t), "10.0000");
    const d = diag(t, "PE530");
    assert.ok(d, JSON.stringify(codes(t)));
    assert.match(d.message, /填报得分 250 超出 0～10 分，计入总分时按 10 分计/);
    assert.equal(d.range.start.line, 5);
  });
  it("a judgement stated above the weight is capped and flagged; the summary's band is on the capped total", () => {
    const t = `${H}满分：100\n# 满意度（10分）\n得分：250\n理由：评价人判断\n\n# 其他（90分）\n得分：10\n理由：评价人判断\n偏差原因：x\n`;
    assert.equal(score(t, "满意度"), "10.0000");
    assert.equal(total(t), "20.0000");
    assert.ok(diag(t, "PE530"));
    assert.equal(grade(t), "差");
    const s = summarizeEvaluation("a.perf", analyze(t));
    assert.equal(s.total?.toString(), "20");
  });
  it("clampScore: below 0 counts 0, above the weight counts the weight (a stated −5 is a PE101, so negatives come from rules)", () => {
    assert.equal(clampScore(new D("-5"), new D("10")).toString(), "0");
    assert.equal(clampScore(new D("250"), new D("10")).toString(), "10");
    assert.equal(clampScore(new D("9.99"), new D("10")).toString(), "9.99");
  });
  it("a parent whose children's weights exceed its own counts at most its weight", () => {
    const t = `${H}满分：10\n# 父（10分）\n## 甲（8分）\n得分：8\n理由：x\n## 乙（8分）\n得分：8\n理由：x\n`;
    assert.ok(codes(t).includes("PE301"));
    assert.equal(score(t, "父"), "10.0000");
    assert.equal(total(t), "10.0000");
  });
  it("a score within range is not flagged", () => {
    const t = `${H}满分：10\n# A（10分）\n得分：7\n理由：评价人判断\n偏差原因：x\n`;
    assert.equal(score(t, "A"), "7.0000");
    assert.equal(diag(t, "PE530"), undefined);
  });
});

describe("conflict markers", () => {
  const BODY = `${H}满分：2\n# A（1分）\n得分：1\n理由：x\n\n# B（1分）\n得分：1\n理由：x\n`;
  it("a lone closing marker in prose: a warning on that line, the file still scored", () => {
    const t = `${BODY}\n>>>>>>> 详见附件\n`;
    assert.equal(total(t), "2.0000");
    const ds = diags(t, "PE120");
    assert.equal(ds.length, 1);
    assert.equal(ds[0].range.start.line, 11);
    assert.equal(diag(t, "PE102"), undefined);
  });
  it("a lone marker at the top does not wipe the file's scoring either", () => {
    const t = `>>>>>>> 详见附件\n${BODY}`;
    assert.equal(total(t), "2.0000");
    assert.equal(diags(t, "PE120")[0].range.start.line, 0);
  });
  it("an unterminated <<<<<<< and a stray ======= are warnings; scoring goes on", () => {
    const t = `${BODY.replace("# B（1分）", "=======\n# B（1分）")}<<<<<<< HEAD\n`;
    assert.equal(total(t), "2.0000");
    assert.deepEqual(diags(t, "PE120").map((d) => d.range.start.line), [7, 11]);
  });
  it("a well-formed conflict (with a base section) suspends scoring only inside it", () => {
    const t = `${H}满分：2\n# A（1分）\n<<<<<<< HEAD\n得分：1\n||||||| base\n得分：0.5\n=======\n得分：0\n>>>>>>> theirs\n理由：x\n\n# B（1分）\n得分：1\n理由：x\n`;
    assert.equal(diags(t, "PE102").length, 1);
    assert.equal(diag(t, "PE120"), undefined);
    assert.equal(score(t, "A"), undefined);
    assert.equal(score(t, "B"), "1.0000");
  });
  it("<<<<<<< … >>>>>>> without ======= is not a conflict: two warnings, scored", () => {
    const t = `${H}满分：1\n# A（1分）\n<<<<<<< HEAD\n得分：1\n>>>>>>> x\n理由：x\n`;
    assert.equal(diag(t, "PE102"), undefined);
    assert.equal(diags(t, "PE120").length, 2);
    assert.equal(score(t, "A"), "1.0000");
  });
});
