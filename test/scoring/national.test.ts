/** The national 项目支出绩效自评表's columns as fields (issue 10, item 3). */
import assert from "node:assert/strict";
import { codes, diag, printed } from "../helpers";

const H = "单位：X镇\n年度：2021\n满分：10\n# 修路长度（10分）\n";

describe("national form columns", () => {
  it("调整指标值 is the target when present, whatever the order; else 目标 / 年度指标值; else 年初指标值", () => {
    const adjusted = `${H}调整指标值：≥ 200 米\n年初指标值：≥ 300 米\n实际：200 米\n`;
    assert.equal(printed(adjusted, "修路长度"), "10");
    const first = `${H}年初指标值：≥ 300 米\n实际：270 米\n偏差原因：x\n`;
    assert.equal(printed(first, "修路长度"), "9");
    const both = `${H}年初指标值：≥ 200 米\n年度指标值：≥ 300 米\n实际：270 米\n偏差原因：x\n`;
    assert.equal(printed(both, "修路长度"), "9");
    assert.deepEqual(codes(both), []);
  });
  it("指标性质：反向 gives a target without ≤ its direction; without a direction, ≥ is assumed and said (PE414)", () => {
    const reverse = `${H}目标：5 万元\n指标性质：反向\n实际：4 万元\n`;
    assert.equal(printed(reverse, "修路长度"), "10");
    assert.deepEqual(codes(reverse), []);
    const assumed = `${H}目标：5 万元\n实际：4 万元\n偏差原因：x\n`;
    assert.equal(printed(assumed, "修路长度"), "8");
    assert.deepEqual(codes(assumed), ["PE414"]);
  });
  it("an actual with a comparator is read as its number with a warning (PE416), never silently", () => {
    const t = `${H}目标：≥ 300 米\n实际：≥266米\n偏差原因：x\n`;
    assert.deepEqual(codes(t), ["PE416"]);
    assert.equal(printed(t, "修路长度"), "8.87");
  });
  it("百分比 is %, and an actual without a unit takes the target's (PE417 information, not an error)", () => {
    const t = `${H}目标：≥ 95 百分比\n实际：96\n`;
    assert.deepEqual(codes(t), ["PE417"]);
    assert.equal(diag(t, "PE417")!.severity, "info");
    assert.equal(printed(t, "修路长度"), "10");
  });
  it("度量单位 gives the unit of a target and an actual printed as bare numbers", () => {
    const t = `${H}目标：≥ 300\n度量单位：米\n实际：270\n偏差原因：x\n`;
    assert.equal(printed(t, "修路长度"), "9");
    assert.deepEqual(codes(t), ["PE417"]);
  });
  it("得分系数 is checked against the score: 0.9 agrees with 9 of 10, 1 does not (PE415)", () => {
    const ok = `${H}目标：≥ 300 米\n实际：270 米\n得分系数：0.9\n偏差原因：x\n`;
    assert.deepEqual(codes(ok), []);
    const pct = `${H}目标：≥ 300 米\n实际：270 米\n得分系数：90%\n偏差原因：x\n`;
    assert.deepEqual(codes(pct), []);
    const bad = `${H}目标：≥ 300 米\n实际：270 米\n得分系数：1\n偏差原因：x\n`;
    assert.match(diag(bad, "PE415")!.message, /0\.9/);
  });
  it("核心指标 and 指标性质 are fields, not unused data", () => {
    const t = `${H}目标：≥ 300 米\n实际：300 米\n核心指标：是\n指标性质：正向\n`;
    assert.deepEqual(codes(t), []);
  });
});

describe("an actual without a unit against a percentage", () => {
  it("0.93 against ≥ 90% is the ratio 93 % (no diagnostic); 96 is 96 %", () => {
    const ratio = `${H}目标：≥ 90%\n实际：0.93\n`;
    assert.deepEqual(codes(ratio), []);
    assert.equal(printed(ratio, "修路长度"), "10");
  });
});
