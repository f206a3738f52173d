/**
 * A fresh template in the report preview: while blanks (PE130 待填写) remain
 * the report, like the status bar, shows no grade ("0 分 · 差" was a verdict
 * on an empty form) and says how many blanks are left.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../../server/src/analysis";
import { summaryOf } from "../../server/src/lsp/custom-requests";
import { renderReport } from "../../server/src/report/index";
import { departmentTemplate, projectTemplate } from "../../server/src/templates";

describe("report: no grade while blanks remain (待填 N 项)", () => {
  const fresh = departmentTemplate("某镇人民政府", 2024);

  it("a fresh 部门整体支出 template: 待填 N 项 where the grade was, N as the status bar counts", () => {
    const a = analyze(fresh);
    const { blanks, grade } = summaryOf(a, 1);
    assert.ok(blanks > 10 && grade, "the template has blanks, and the evaluation alone would give a grade");
    const html = renderReport(a, "html");
    assert.match(html, new RegExp(`<dt>等级</dt><dd><strong class="grade pending">待填 ${blanks} 项</strong>`));
    assert.ok(html.includes(`等级：待填 ${blanks} 项`), "the score table's 合计 row says it too");
    assert.ok(!html.includes(`>${grade}<`) && !html.includes(`等级为“${grade}”`), `no grade “${grade}” anywhere`);
    assert.ok(html.includes("等级为“{{等级}}”"), "the prose's {{等级}} stays unfilled");
    const md = renderReport(a, "md");
    assert.ok(md.includes(`**等级**：待填 ${blanks} 项`), md.slice(0, 600));
  });

  it("a fresh 项目支出 template too", () => {
    const a = analyze(projectTemplate("某镇人民政府", 2024, "道路维修"));
    const { blanks } = summaryOf(a, 1);
    assert.ok(blanks > 0);
    assert.ok(renderReport(a, "html").includes(`待填 ${blanks} 项`));
  });

  it("filling a blank lowers the count", () => {
    const before = summaryOf(analyze(fresh), 1).blanks;
    const filled = fresh.replace("在职人员数：\n", "在职人员数：55 人\n");
    assert.notEqual(filled, fresh);
    const a = analyze(filled);
    assert.equal(summaryOf(a, 1).blanks, before - 1);
    assert.ok(renderReport(a, "html").includes(`待填 ${before - 1} 项`));
  });

  it("a finished report keeps its grade and says nothing of blanks", () => {
    const a = analyze(readFileSync(join(__dirname, "..", "..", "examples", "002-xiaolvzhai-2021.perf"), "utf8"));
    const { blanks, grade } = summaryOf(a, 1);
    assert.equal(blanks, 0);
    const html = renderReport(a, "html");
    assert.ok(html.includes(`<strong class="grade">${grade}</strong>`));
    assert.ok(!html.includes("待填"));
  });
});
