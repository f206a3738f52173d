/**
 * The new-evaluation templates (新建绩效自评): a fresh template must analyze
 * cleanly except for the values the author still has to fill in.
 *
 * Accepted codes, and why each one means "a value is still to fill":
 * - PE403 missing-value: a rule needs 结果 / 实际 / a data value that the
 *   template leaves blank (options rules: 结果; formulas: their data).
 * - PE601 unknown-name: a formula's name whose data line the template writes
 *   with a blank value (`编制数：`); accepted only for such names.
 * - PE304 indicator-without-rule: an indicator scored by the evaluator's
 *   judgement (履职完成情况, 经济效益 …) or a project indicator whose target
 *   the author sets: the message asks for 得分 / 目标; accepted only when the
 *   block has no 评分, 目标 or 得分 yet and carries a `//` hint.
 * - PE406 deviation-reason-missing: a checklist has no "unanswered" state; with
 *   none of its points ticked it scores 0 and asks for 偏差原因 — accepted only
 *   on checklist indicators none of whose points is ticked.
 * Everything else (weights that do not add up, rules the scorer does not
 * understand, syntax errors, rule maximum ≠ weight, …) fails the test.
 */
import { strict as assert } from "node:assert";
import { analyze } from "../server/src/analysis";
import { departmentTemplate, projectTemplate } from "../server/src/templates";

const ACCEPTED = new Set(["PE403", "PE601", "PE304", "PE406"]);

/** The lines of the indicator block that starts at or contains `line`. */
function blockAt(lines: string[], line: number): string[] {
  let start = line;
  while (start > 0 && !/^#{1,6}\s/.test(lines[start])) start--;
  let end = start + 1;
  while (end < lines.length && !/^#{1,6}\s/.test(lines[end])) end++;
  return lines.slice(start, end);
}

function checkOnlyValuesMissing(text: string): void {
  const a = analyze(text);
  const lines = text.split("\n");
  const unexpected = a.evaluation.diagnostics.filter((d) => !ACCEPTED.has(d.code));
  assert.deepEqual(
    unexpected.map((d) => `${d.code} line ${d.range.start.line + 1}: ${d.message}`),
    [],
  );
  for (const d of a.evaluation.diagnostics) {
    const where = `${d.code} line ${d.range.start.line + 1}: ${d.message}`;
    if (d.code === "PE601") {
      const name = /“([^”]+)”/.exec(d.message)?.[1];
      assert.ok(name, where);
      assert.ok(lines.some((l) => l === `${name}：`), `${where}: no blank data line “${name}：” in the template`);
    }
    if (d.code === "PE406") {
      const block = blockAt(lines, d.range.start.line);
      assert.ok(block.some((l) => l.startsWith("- [ ]")), `${where}: not a checklist`);
      assert.ok(!block.some((l) => /^- \[[xX]\]/.test(l)), `${where}: a point is ticked`);
    }
    if (d.code === "PE304") {
      const block = blockAt(lines, d.range.start.line);
      assert.ok(!block.some((l) => /^(评分|目标|得分)[：:]/.test(l)), `${where}: has a rule already`);
      assert.ok(block.some((l) => l.startsWith("//")), `${where}: no hint for the author`);
    }
  }
  assert.equal(a.evaluation.diagnostics.some((d) => d.code === "PE403" || d.code === "PE304"), true, "a template has values to fill");
}

describe("templates (新建绩效自评)", () => {
  it("部门整体支出: the only diagnostics are values still to fill", () => {
    checkOnlyValuesMissing(departmentTemplate("巨鹿县小吕寨镇人民政府", 2021));
  });

  it("部门整体支出: the seed's three-level system, weights adding up to 100", () => {
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
    checkOnlyValuesMissing(projectTemplate("某单位", 2024, "绿道绿廊土地租金项目"));
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
