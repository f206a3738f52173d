/**
 * The new-evaluation templates (新建绩效自评): a fresh template has no errors
 * and no warnings. What the author still has to fill in is a blank (PE130,
 * information, 待填写) on the blank field itself: a data value, 目标 / 实际,
 * 结果, 得分, a text, or a checklist with nothing ticked yet. Everything else
 * (weights that do not add up, rules the scorer does not understand, syntax
 * errors, an unknown name, …) fails the test.
 */
import { strict as assert } from "node:assert";
import { analyze } from "../server/src/analysis";
import { departmentTemplate, projectTemplate } from "../server/src/templates";
import { summaryOf } from "../server/src/lsp/custom-requests";

function checkOnlyBlanks(text: string): number {
  const a = analyze(text);
  const lines = text.split("\n");
  const unexpected = a.evaluation.diagnostics.filter((d) => d.code !== "PE130");
  assert.deepEqual(
    unexpected.map((d) => `${d.code} line ${d.range.start.line + 1}: ${d.message}`),
    [],
  );
  for (const d of a.evaluation.diagnostics) {
    assert.equal(d.severity, "info");
    const line = lines[d.range.start.line];
    // On the blank itself: a field with nothing after its colon, or an unticked checklist point.
    assert.ok(/^[^：:]+[：:]\s*$/.test(line) || line.startsWith("- [ ]"), `${d.message} is not on a blank: ${line}`);
    assert.match(d.message, /^待填写：/);
  }
  const blanks = a.evaluation.diagnostics.length;
  assert.ok(blanks > 10, "a template has values to fill");
  return blanks;
}

describe("templates (新建绩效自评)", () => {
  it("部门整体支出: the only diagnostics are values still to fill", () => {
    const blanks = checkOnlyBlanks(departmentTemplate("巨鹿县小吕寨镇人民政府", 2021));
    const summary = summaryOf(analyze(departmentTemplate("巨鹿县小吕寨镇人民政府", 2021)), 1);
    assert.equal(summary.blanks, blanks);
    assert.equal(summary.errors + summary.warnings, 0);
  });

  it("部门整体支出: the three-level system of a real county's table, weights adding up to 100", () => {
    const a = analyze(departmentTemplate("某单位", "2024"));
    const roots = a.model.roots;
    assert.deepEqual(
      roots.map((r) => `${r.name} ${r.weight?.toString()}`),
      ["投入 10", "过程 45", "产出 25", "效果 20"],
    );
    let leaves = 0;
    const walk = (i: (typeof roots)[number]): void => {
      if (i.children.length === 0) leaves++;
      i.children.forEach(walk);
    };
    roots.forEach(walk);
    assert.equal(leaves, 23);
  });

  it("部门整体支出: filling values removes their diagnostics and scores", () => {
    const text = departmentTemplate("某单位", 2021).replace("在职人员数：\n编制数：", "在职人员数：55 人\n编制数：56 人");
    const a = analyze(text);
    const line = text.split("\n").indexOf("#### 在职人员控制率（1分）");
    const near = a.evaluation.diagnostics.filter((d) => d.range.start.line > line && d.range.start.line < line + 7);
    assert.deepEqual(near.map((d) => d.code), []);
  });

  it("项目支出: the only diagnostics are values still to fill", () => {
    checkOnlyBlanks(projectTemplate("某单位", 2024, "绿道绿廊土地租金项目"));
  });

  it("项目支出: 预算执行率 10 + 产出 50 + 效益 30 + 满意度 10", () => {
    const a = analyze(projectTemplate("某单位", 2024, "某项目"));
    assert.deepEqual(
      a.model.roots.map((r) => `${r.name} ${r.weight?.toString()}`),
      ["预算执行率 10", "产出指标 50", "效益指标 30", "满意度指标 10"],
    );
  });

  it("keeps header values on one line", () => {
    const text = projectTemplate("某\n单位", "2024", "项目\r\n名");
    assert.match(text, /^单位：某 单位\n年度：2024\n类型：项目支出\n项目：项目 名\n/);
  });
});
