/**
 * The two examples transcribed from other provinces' public tables (issue 10, item 7):
 * what the tools say about the author's numbers as printed.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../../server/src/analysis";

const read = (f: string) => readFileSync(join(__dirname, "..", "..", "examples", f), "utf8");

describe("005: 棠溪镇 (Anhui) national 项目支出绩效自评表, 2022", () => {
  const text = read("005-tangxi-2022-project.perf");
  const a = analyze(text);
  const lines = text.split("\n");
  const at = (d: { range: { start: { line: number; character: number }; end: { character: number } } }) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);

  it("flags the printed 年度资金总额 of 0 once on each of its three amount cells (PE418), against 90 / 89.974 / 89.974", () => {
    const d = a.evaluation.diagnostics.filter((x) => x.code === "PE418");
    assert.equal(d.length, 3);
    assert.deepEqual(d.map(at), ["0", "0", "0"]);
    assert.match(d[1].message, /89\.974/);
    assert.equal(a.evaluation.diagnostics.filter((x) => x.code === "PE411" || x.code === "PE207").length, 0);
  });
  it("scores 预算执行率 from the sources, as a reviewer does: 89.974 / 89.974 → 10, total 90 of the 90 transcribed", () => {
    const row = a.model.indicators.find((i) => i.name === "预算执行率")!;
    assert.equal(a.evaluation.results.get(row)?.score?.toString(), "10");
    assert.equal(a.evaluation.total?.toString(), "90");
  });
  it("agrees with every stated score: no PE501; the national grade words need nothing more", () => {
    assert.equal(a.evaluation.diagnostics.filter((x) => x.code === "PE501" || x.code === "PE405" || x.code === "PE406").length, 0);
  });
  it("reads actuals printed without a unit in the target's unit, saying so (PE417), 百分比 as %", () => {
    const d = a.evaluation.diagnostics.filter((x) => x.code === "PE417");
    assert.deepEqual(d.map(at), ["50", "100", "90"]);
    const rate = a.model.indicators.find((i) => i.name === "委托业务报告合格率")!;
    assert.equal(a.evaluation.results.get(rate)?.rate?.toString(), "1");
  });
});

describe("006: 政协南县委员会 (Hunan) 部门整体支出, 2021", () => {
  const text = read("006-nanxian-zhengxie-2021.perf");
  it("the printed growth rates and the expenditure total agree with their figures", () => {
    const a = analyze(text);
    assert.deepEqual(a.evaluation.diagnostics, []);
    assert.equal(a.model.data.get("人员经费支出.决算数")?.stated?.format(), "434.89 万元");
  });
  it("a mistyped 合计 would be flagged on its cell (the check is live)", () => {
    const a = analyze(text.replace("| 合计 | 799.12 |", "| 合计 | 799.21 |"));
    const d = a.evaluation.diagnostics.filter((x) => x.code === "PE411");
    assert.equal(d.length, 1);
    assert.match(d[0].message, /799\.12/);
  });
  it("fills the placeholders from the table: five projects, 57.8 万元, 20.15 % of 项目支出", () => {
    const a = analyze(text);
    const values = a.evaluation.placeholders.map((p) => p.value);
    assert.deepEqual(values, ["57.8 万元", "20.15%"]);
  });
});

describe("007: 部门整体支出绩效评价指标表 (wenku365), printed rules with the table's own 得分", () => {
  const text = read("007-dept-indicator-table-wenku.perf");
  const a = analyze(text);
  const scoreOf = (name: string) => a.evaluation.results.get(a.model.indicators.find((i) => i.name === name)!)?.score?.toString();
  it("reads every printed 评分 and agrees with every printed 得分: no diagnostic, total 20 as stated", () => {
    assert.deepEqual(a.evaluation.diagnostics.map((d) => d.code), []);
    assert.equal(a.evaluation.total?.toString(), "20");
  });
  it("scores by the printed rules, not by copying 得分: a changed actual changes the score and is flagged", () => {
    const b = analyze(text.replace("实际：99%", "实际：88%"));
    const row = b.model.indicators.find((i) => i.name === "预算完成率")!;
    assert.equal(b.evaluation.results.get(row)?.score?.toString(), "1");
    assert.ok(b.evaluation.diagnostics.some((d) => d.code === "PE501"));
    assert.equal(scoreOf("预算控制率"), "0");
  });
});
