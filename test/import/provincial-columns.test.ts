/**
 * Import of what provincial workbooks print around the national columns (an
 * acceptance tester's findings): 年初 / 调整指标值, 指标性质 and 得分系数 columns,
 * a 单位：万元 caption, names broken over lines, 扣分原因-like reason columns,
 * error-valued formula cells and a funding block whose labels end in a colon.
 * Every workbook is generated here (made-up figures).
 */
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { analyze } from "../../server/src/analysis";
import { importBuffer } from "../../server/src/import/index";
import { roleOf } from "../../server/src/import/roles";
import { xlsxBuffer } from "./fixtures";

type Row = (string | number | null | ExcelJS.CellFormulaValue | ExcelJS.CellErrorValue)[];

async function imported(build: (ws: ExcelJS.Worksheet) => void, sheet = "自评表"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet(sheet));
  return (await importBuffer(await xlsxBuffer(wb), "表.xlsx")).text;
}

const block = (text: string, name: string): string => {
  const start = text.search(new RegExp(`^#+ ${name}（`, "m"));
  assert.ok(start >= 0, `${name} in\n${text}`);
  const next = text.indexOf("\n#", start + 1);
  return text.slice(start, next < 0 ? undefined : next);
};

/** A comment naming the cell, or the field the language reads (when it does). */
const keptAs = (text: string, cell: string, label: string, field: string, values: string[]) => {
  const ok = values.some((v) => text.includes(`// 自评表!${cell} ${label}：${v}\n`) || text.includes(`\n${field}：${v}\n`));
  assert.ok(ok, `${cell} ${label} (${values.join(" / ")}) in\n${text}`);
};

/** A Sichuan-style two-row header: 指标值 over 年初 / 调整, 指标性质, 度量单位, 得分系数. */
function twoRowTargets(ws: ExcelJS.Worksheet): void {
  ws.getRow(1).values = ["2023年度项目支出绩效自评表"];
  ws.getRow(2).values = ["项目名称：乡村道路养护", null, null, null, null, null, "单位：万元"];
  ws.getRow(3).values = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", null, "度量单位", "实际完成值", "分值", "得分系数", "得分", "偏差原因分析及改进措施"];
  ws.getRow(4).values = [null, null, null, null, "年初指标值", "调整指标值"];
  for (const c of ["A", "B", "C", "D", "G", "H", "I", "J", "K", "L"]) ws.mergeCells(`${c}3:${c}4`);
  ws.mergeCells("E3:F3");
  const rows: Row[] = [
    ["产出指标", "数量指标", "养护里程", "≥", "100", "120", "公里", "118", 30, 0.98, 29.5, "雨季停工"],
    ["产出指标", "数量指标", "桥梁检测座数", "≥", "12", "", "座", "12", 20, 1, 20, ""],
    ["产出指标", "质量指标", "路况优良率", "≥", "85", null, "%", "88", 20, 1, 20, ""],
    ["效益指标", "社会效益指标", "群众出行条件", "定性", "明显改善", "", "", "部分达成预期指标并具有一定效果", 20, 0.7, 14, "部分路段未完工"],
    ["满意度指标", "服务对象满意度", "沿线群众满意度", "≥", "90", "", "%", "92", 10, 1, 10, ""],
  ];
  for (const [i, r] of rows.entries()) ws.getRow(5 + i).values = r;
}

describe("import: provincial columns around the target (年初 / 调整指标值, 指标性质, 得分系数)", function () {
  this.timeout(30_000);
  let text: string;
  before(async () => {
    text = await imported(twoRowTargets);
  });
  it("takes 调整指标值 as the target where it is printed, and 年初指标值 where 调整指标值 is blank", () => {
    assert.match(block(text, "养护里程"), /\n目标：≥ 120 公里\n/);
    assert.match(block(text, "桥梁检测座数"), /\n目标：≥ 12 座\n/);
    assert.match(block(text, "路况优良率"), /\n目标：≥ 85%\n实际：88%\n/);
    assert.match(block(text, "群众出行条件"), /\n目标：明显改善\n实际：部分达成\n/);
    // The wording written as 部分达成 is kept as printed, naming its cell.
    assert.match(block(text, "群众出行条件"), /\n\/\/ 自评表!H8 实际完成值：部分达成预期指标并具有一定效果\n/);
    assert.match(block(text, "沿线群众满意度"), /\n目标：≥ 90%\n/);
    // The 年初指标值 the 调整指标值 replaced is not lost.
    keptAs(text, "E5", "年初指标值", "年初指标值", ["100", "100 公里"]);
  });
  it("scores the rows from the target it found (no row falls back to the stated score for want of a target)", () => {
    const a = analyze(text);
    const score = (name: string) => a.evaluation.results.get(a.model.indicators.find((i) => i.name === name) as never)?.score?.toString();
    assert.equal(score("桥梁检测座数"), "20");
    assert.equal(score("路况优良率"), "20");
    assert.equal(score("沿线群众满意度"), "10");
    assert.ok(!a.evaluation.diagnostics.some((d) => d.code === "PE407" && /桥梁检测座数|路况优良率|沿线群众满意度/.test(d.message)), text);
  });
  it("gives a target printed without a comparator the one its 指标性质 prints, and keeps 指标性质 / 得分系数 as fields or comments naming their cells", () => {
    assert.ok(!/\n目标：\d/.test(text), text);
    keptAs(text, "D5", "指标性质", "指标性质", ["≥"]);
    keptAs(text, "D8", "指标性质", "指标性质", ["定性"]);
    keptAs(text, "J5", "得分系数", "得分系数", ["0.98"]);
    keptAs(text, "J8", "得分系数", "得分系数", ["0.7"]);
  });
  it("reads 单位：万元 as a caption of the figures, never as the unit evaluated", () => {
    assert.ok(!/^单位：万元$/m.test(text), text);
    assert.match(text, /^\/\/ 自评表!G2：单位：万元$/m);
  });
});

describe("import: captions, names on two lines, reason columns", function () {
  this.timeout(30_000);
  it("does not take “单位：万元” / “（单位：万元）” for the unit's name, and still reads 单位名称", async () => {
    const text = await imported((ws) => {
      ws.getRow(1).values = ["部门整体支出绩效评价评分表"];
      ws.getRow(2).values = ["单位：万元", null, null, "（单位：万元）"];
      ws.getRow(3).values = ["单位名称：示范县统计局", null, null, "年度：2023"];
      ws.getRow(4).values = ["一级指标", "二级指标", "分值", "得分"];
      ws.getRow(5).values = ["产出", "统计报表及时率", 100, 100];
    });
    assert.match(text, /^单位：示范县统计局$/m);
    assert.ok(!/^单位：.*万元/m.test(text), text);
    assert.match(text, /^\/\/ 自评表!A2：单位：万元$/m);
    assert.match(text, /^\/\/ 自评表!D2：（单位：万元）$/m);
  });
  it("joins a name printed on two lines without punctuation (and closes up a spread 投  入), keeping line breaks in prose", async () => {
    const text = await imported((ws) => {
      ws.getRow(1).values = ["单位名称：示范县审计局", null, "年度：2023"];
      ws.getRow(2).values = ["一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分"];
      ws.getRow(3).values = ["投  入\n（10分）", "预算配置\n（10分）", "财政供养人员\n控制率", "在职人员控制率≤100%，计10分。\n超过的每超过一个百分点扣1分，扣完为止。", 10, 10];
      ws.getRow(4).values = ["投  入\n（10分）", "预算配置\n（10分）", "Budget\nrate", "以预算为准", 0, 0];
    });
    assert.match(text, /^## 投入（10分）$/m);
    assert.match(text, /^### 预算配置（10分）$/m);
    assert.match(text, /^#### 财政供养人员控制率（10分）$/m);
    assert.match(text, /^#### Budget rate（0分）$/m);
    assert.ok(!/^#+ .*；/m.test(text), text);
    assert.match(text, /计10分。超过的每超过/);
  });
  it("reads 扣分原因 / 扣分理由 / 偏差原因分析及改进措施 columns as 偏差原因 (no false “缺少偏差原因”)", async () => {
    for (const title of ["扣分原因", "扣分理由", "扣分原因和其他说明", "偏差原因", "偏差原因分析及改进措施", "扣分原因及说明", "未完成原因分析"]) {
      assert.equal(roleOf(title), "reason", title);
      const text = await imported((ws) => {
        ws.getRow(1).values = ["单位名称：示范县审计局", null, "年度：2023"];
        ws.getRow(2).values = ["一级指标", "二级指标", "分值", "自评得分", title];
        ws.getRow(3).values = ["投入", "预算执行率", 5, 3.5, "年中追加军转安置经费"];
        ws.getRow(4).values = ["产出", "审计项目完成率", 95, 95, ""];
      });
      assert.match(block(text, "预算执行率"), /\n偏差原因：年中追加军转安置经费\n/, title);
      assert.ok(!analyze(text).evaluation.diagnostics.some((d) => d.code === "PE406"), `${title}:\n${text}`);
    }
    assert.equal(roleOf("说明"), "explain");
  });
});

describe("import: error-valued cells and the funding block", function () {
  this.timeout(30_000);
  it("keeps an error-valued cell (#DIV/0!, #REF!, #VALUE!, #N/A) as a comment naming its cell and the error", async () => {
    const text = await imported((ws) => {
      ws.getRow(1).values = ["单位名称：示范县审计局", null, "年度：2023"];
      ws.getRow(2).values = ["一级指标", "二级指标", "分值", "自评得分", "年度指标值"];
      ws.getRow(3).values = ["投入", "预算执行率", { formula: "E9/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue, 5, "≥90%"];
      ws.getRow(4).values = ["产出", "审计项目完成率", 95, { error: "#REF!" } as ExcelJS.CellErrorValue, { formula: "X1", result: { error: "#N/A" } } as ExcelJS.CellFormulaValue];
      ws.getRow(5).values = ["合计", null, 100, { formula: "D3+D4", result: { error: "#VALUE!" } } as ExcelJS.CellFormulaValue];
    });
    for (const [cell, label, error] of [["C3", "分值", "#DIV/0!"], ["D4", "自评得分", "#REF!"], ["E4", "年度指标值", "#N/A"], ["D5", "", "#VALUE!"]]) {
      const re = new RegExp(`^// 自评表!${cell}${label ? ` ${label}` : "[^：]*"}：${error.replace(/[/!#]/g, "\\$&")}`, "m");
      assert.match(text, re, `${cell} ${error} in\n${text}`);
    }
  });
  it("reads a funding block whose row labels end in a colon (年度资金总额：), so 预算执行率 is computed and the form totals 100", async () => {
    const text = await imported((ws) => {
      ws.getRow(1).values = ["项目支出绩效自评表"];
      ws.getRow(2).values = ["（2022年度）"];
      ws.getRow(3).values = ["项目名称", "委托业务项目"];
      ws.getRow(4).values = ["主管部门", "示范镇人民政府", null, null, "实施单位", "示范镇人民政府"];
      ws.getRow(5).values = ["项目资金\n（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
      ws.getRow(6).values = [null, "年度资金总额：", 90, 89.974, 89.974, 10, "100%", 10];
      ws.getRow(7).values = [null, "其中：本年财政拨款", 90, 89.974, 89.974];
      ws.getRow(8).values = [null, "上年结转资金：", null, null, null];
      ws.getRow(9).values = [null, "其他资金：", null, null, null];
      ws.mergeCells("A5:A9");
      ws.getRow(10).values = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];
      ws.getRow(11).values = [null, "产出指标", "数量指标", "委托业务项目数量", "≥50个", "50个", 90, 90];
      ws.getRow(12).values = ["总分", null, null, null, null, null, 100, 100];
    });
    const a = analyze(text);
    assert.deepEqual(a.evaluation.diagnostics.filter((d) => d.severity === "error").map((d) => d.message), [], text);
    assert.equal(a.evaluation.total?.toString(), "100", text);
    // The form's own 分值 / 执行率 / 得分 cells stay, as printed, with their cells named.
    for (const cell of ["F6", "G6", "H6"]) assert.match(text, new RegExp(`^// 自评表!${cell}：`, "m"), text);
  });
});
