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
    assert.deepEqual(hs, ["## 一、基本情况", "## 二、评分表", "## 三、目标完成情况", "### （一）绿化面积", "## 四、结论", "## 评分表", "## 巨鹿县小吕寨镇人民政府 2021 年度部门整体支出绩效自评报告审核意见", "### 一、总分", "### 二、填报与计算不一致", "### 三、缺少偏差原因", "### 四、未能计分的指标", "### 五、诊断", "### 六、计分依据"]);
    assert.ok(out.includes("全部为**财政拨款**。"));
    assert.ok(out.includes("- 第一项工作\n- 第二项工作"));
    assert.ok(out.includes("自评得分 59 分，等级 差，预算调整率得分 0 分。"));
    assert.ok(!out.includes("这是注释"));
  });

  it("writes the scoring table with merged cells left blank and the same column count in every row", () => {
    const start = lines.indexOf("| 一级指标 | 二级指标 | 三级指标 | 分值 | 指标解释 | 评分标准 | 得分 |");
    assert.ok(start > 0);
    const table = lines.slice(start, lines.indexOf("", start));
    assert.equal(table.length, 2 + 5 + 1);
    assert.ok(table.every((l) => rowCells(l).length === 7), table.join("\n"));
    assert.deepEqual(rowCells(table[0]), ["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准", "得分"]);
    assert.deepEqual(rowCells(table[2]).slice(0, 4), ["投入（20分）", "目标设定（10分）", "职责明确（4分）", "4"]);
    assert.deepEqual(rowCells(table[3]).slice(0, 3), ["", "", "活动合规性（6分）"]);
    assert.deepEqual(rowCells(table[5]), ["过程（80分）", "预算执行（80分）", "预算调整率（30分）", "30", "", "0% 满分；≥10% 0分", "0"]);
    assert.deepEqual(rowCells(table[7]), ["**合计**", "", "", "100", "", "等级：差", "59"]);
  });

  it("escapes | in cells and turns newlines into <br>", () => {
    const text = "单位：X镇\n年度：2021\n# 表\n## 甲|乙（100分）\n说明：a|b\n得分：90\n理由：一|二\n偏差原因：c|d\n";
    const out2 = md(text);
    const row = out2.split("\n").find((l) => l.startsWith("| 甲"))!;
    assert.ok(row.includes("甲\\|乙"));
    assert.equal(rowCells(row).length, 5);
    assert.ok(row.includes("a\\|b"));
    const review = renderReport(analyzeText(`${text}说明：第二行\n`), "md", { review: true });
    assert.ok(review.includes("<br>理由：一\\|二"), review);
  });

  it("keeps the review out of the report, and appends it when asked", () => {
    const report = md(THREE_LEVEL);
    for (const word of ["填报", "未填写", "与计算不符", "审核意见"]) assert.ok(!report.includes(word), word);
    assert.ok(out.includes("| 7 | 自评总分 | 96 | 59 |"));
    assert.ok(out.includes("| 7 | 警告 | `PE502` | 填报自评总分 96 分，计算得 59 分。 |"));
  });

  it("renderReport('md') is the same writer", () => {
    assert.equal(renderReport(analyzeText(THREE_LEVEL), "md", { includeDiagnostics: true }), out);
  });
});
