import assert from "node:assert/strict";
import { analyzeText } from "../helpers";
import { buildReport } from "../../server/src/report/model";
import { renderMarkdown } from "../../server/src/report/markdown";
import { renderReport } from "../../server/src/report/index";
import { THREE_LEVEL } from "./fixtures";

function md(text: string, includeDiagnostics = false): string {
  return renderMarkdown(buildReport(analyzeText(text), { includeDiagnostics }));
}

/** Cells of a GFM table row (split on unescaped pipes). */
function rowCells(line: string): string[] {
  return line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
}

describe("report Markdown", () => {
  const out = md(THREE_LEVEL, true);
  const lines = out.split("\n");

  it("starts with the title and lists metadata as a table", () => {
    assert.equal(lines[0], "# 巨鹿县小吕寨镇人民政府 2021 年度部门整体支出绩效自评报告");
    assert.ok(out.includes("| 单位 | 巨鹿县小吕寨镇人民政府 |"));
    assert.ok(out.includes("| 评价日期 | 2022年3月1日 |"));
  });

  it("keeps sections in order, with prose and filled placeholders", () => {
    const hs = lines.filter((l) => /^#{2,6} /.test(l));
    assert.deepEqual(hs, ["## 一、基本情况", "## 二、评分表", "## 三、目标完成情况", "### 绿化面积", "## 四、结论", "## 扣分指标及偏差原因", "## 绩效目标完成情况", "## 审核提示"]);
    assert.ok(out.includes("全部为**财政拨款**。"));
    assert.ok(out.includes("- 第一项工作\n- 第二项工作"));
    assert.ok(out.includes("自评得分 59 分，等级 差，预算调整率得分 0 分。"));
    assert.ok(!out.includes("这是注释"));
  });

  it("writes the scoring table with merged cells left blank and the same column count in every row", () => {
    const start = lines.indexOf("| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 | 评分依据 | 说明 |");
    assert.ok(start > 0);
    const table = lines.slice(start, lines.indexOf("", start));
    assert.equal(table.length, 2 + 5 + 1);
    assert.ok(table.every((l) => rowCells(l).length === 7), table.join("\n"));
    assert.deepEqual(rowCells(table[2]).slice(0, 5), ["投入（20分）", "目标设定（10分）", "职责明确", "4", "4"]);
    assert.deepEqual(rowCells(table[3]).slice(0, 3), ["", "", "活动合规性"]);
    assert.deepEqual(rowCells(table[5]).slice(0, 5), ["过程（80分）", "预算执行（80分）", "预算调整率", "30", "0（填报 30）"]);
    assert.deepEqual(rowCells(table[7]).slice(0, 6), ["**合计（自评总分）**", "", "", "100", "59（填报 96）", "等级：差（填报 优）"]);
  });

  it("escapes | in cells and turns newlines into <br>", () => {
    const text = "单位：X镇\n年度：2021\n# 表\n## 甲|乙（100分）\n说明：a|b\n得分：90\n理由：一|二\n偏差原因：c|d\n";
    const out2 = md(text);
    const row = out2.split("\n").find((l) => l.startsWith("| 甲") && l.includes("评价人"))!;
    assert.ok(row.includes("甲\\|乙"));
    assert.equal(rowCells(row).length, 5);
    assert.ok(row.includes("<br>理由：一\\|二"));
    assert.ok(out2.includes("|   | 甲\\|乙 | 100 | 90 | 10 | c\\|d |"));
  });

  it("lists deviations, goals and review notes", () => {
    assert.ok(out.includes("| 过程 / 预算执行 | 预算调整率 | 30 | 0 | 30 | 未填写 |"));
    assert.ok(out.includes("| 绿化面积 | ≥100 亩 | 80 亩 | 80% | 天气原因。 |"));
    assert.ok(out.includes("- **警告** 第 7 行 `PE502` 填报自评总分 96 分，计算得 59 分。"));
  });

  it("renderReport('md') is the same writer", () => {
    assert.equal(renderReport(analyzeText(THREE_LEVEL), "md", { includeDiagnostics: true }), out);
  });
});
