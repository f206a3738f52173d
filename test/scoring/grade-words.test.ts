/** National grade words for qualitative indicators (财预〔2020〕10号) and the 定性区间 口径 (issue 10, item 4). */
import assert from "node:assert/strict";
import { codes, diag, printed } from "../helpers";
import { achievementOf } from "../../server/src/scoring/rules/grade-words";

const H = "单位：X镇\n年度：2021\n";
const q = (target: string, actual: string, score: string, header = "") =>
  `${H}${header}满分：10\n# 群众生活条件（10分）\n目标：${target}\n实际：${actual}\n得分：${score}\n理由：现场核查\n偏差原因：x\n`;

describe("national grade words (达成预期指标…)", () => {
  it("reads the national words, with or without the effect clause and brackets", () => {
    assert.equal(achievementOf("达成预期指标"), "达成");
    assert.equal(achievementOf("部分达成预期指标并具有一定效果"), "部分达成");
    assert.equal(achievementOf("部分达成预期指标（并具有一定效果）"), "部分达成");
    assert.equal(achievementOf("未达成预期指标且效果较差"), "未达成");
    assert.equal(achievementOf("未达成预期指标（且效果较差）"), "未达成");
  });
  it("a qualitative target (明显改善) with 达成预期指标 and full marks gets no diagnostic at all", () => {
    const t = `${H}满分：10\n# 群众生活条件（10分）\n目标：明显改善\n实际：达成预期指标\n得分：10\n理由：现场核查\n`;
    assert.deepEqual(codes(t), []);
    assert.equal(printed(t, "群众生活条件"), "10");
  });
  it("full marks for 部分达成 is flagged; 80 % of the weight belongs to 达成, 60 % to 部分达成", () => {
    assert.ok(diag(q("有效提升", "部分达成预期指标并具有一定效果", "10"), "PE405"));
    assert.ok(diag(q("有效提升", "部分达成预期指标并具有一定效果", "8"), "PE405"), "80 % is 达成's lower end");
    assert.equal(diag(q("有效提升", "部分达成预期指标并具有一定效果", "6"), "PE405"), undefined);
    assert.equal(diag(q("有效提升", "达成预期指标", "8"), "PE405"), undefined);
    assert.ok(diag(q("有效提升", "未达成预期指标且效果较差", "6"), "PE405"));
    assert.equal(diag(q("有效提升", "未达成预期指标且效果较差", "5.9"), "PE405"), undefined);
  });
  it("定性区间 draws the bands as a province does", () => {
    const h = "定性区间：达成 90%；部分达成 70%；未达成 0\n";
    assert.ok(diag(q("有效提升", "达成预期指标", "8.5", h), "PE405"));
    assert.equal(diag(q("有效提升", "部分达成预期指标", "8.5", h), "PE405"), undefined);
    assert.ok(diag(q("有效提升", "达成", "9", "定性区间：很多\n"), "PE106"));
  });
});
