/** 预算执行率 written by hand (issue 10, item 6). */
import assert from "node:assert/strict";
import { codes, diag, printed } from "../helpers";

const H = "单位：X镇\n年度：2023\n";

describe("a hand-written 预算执行率 row", () => {
  it("in a 部门整体支出 file: scored from 全年执行数 ÷ 全年预算数, proportionally", () => {
    const t = `${H}满分：10\n全年预算数：1000 万元\n全年执行数：964 万元\n# 评分表\n## 预算执行率（10分）\n`;
    assert.equal(printed(t, "预算执行率"), "9.64");
    assert.deepEqual(codes(t), [], "no 偏差原因 asked, as for the automatic row");
  });
  it("its stated 得分 is checked like the automatic row's", () => {
    const t = `${H}满分：10\n全年预算数：1000 万元\n全年执行数：964 万元\n# 评分表\n## 预算执行率（10分）\n得分：10\n`;
    assert.match(diag(t, "PE501")!.message, /9\.64/);
    assert.equal(diag(t, "PE407"), undefined);
  });
  it("in a 项目支出 file, from the funding table; no 偏差原因 asked", () => {
    const t = `${H}类型：项目支出\n| 资金来源 | 全年预算数 | 全年执行数 |\n|---|---|---|\n| 年度资金总额 | 200 万元 | 150 万元 |\n# 预算执行率（10分）\n得分：7.5\n# 产出（90分）\n得分：90\n理由：x\n`;
    assert.equal(printed(t, "预算执行率"), "7.5");
    assert.deepEqual(codes(t), []);
  });
  it("a 预算执行率 row with its own rule keeps it, and is still not asked for a 偏差原因", () => {
    const t = `${H}满分：10\n# 预算执行率（10分）\n实际：85%\n评分：≥95% 满分；≤60% 0分\n`;
    assert.equal(printed(t, "预算执行率"), "7.14");
    assert.equal(diag(t, "PE406"), undefined);
  });
  it("a 项目支出 table whose top-level weights already make 满分 gets no automatic row (满分 stays 100)", () => {
    const t = `${H}类型：项目支出\n# 产出（90分）\n得分：90\n理由：x\n# 满意度（10分）\n得分：10\n理由：x\n`;
    assert.throws(() => printed(t, "预算执行率"), /no indicator named/);
    assert.deepEqual(codes(t), [], "no PE302 (110 ≠ 100) and no PE601 asking for budget figures");
  });
  it("a 项目支出 table with 90 points written still gets the automatic 10-point row", () => {
    const t = `${H}类型：项目支出\n全年预算数：100 万元\n全年执行数：90 万元\n# 产出（90分）\n得分：90\n理由：x\n`;
    assert.equal(printed(t, "预算执行率"), "9");
  });
});
