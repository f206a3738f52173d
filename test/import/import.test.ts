/** `importBuffer`: real-shaped workbooks and documents → a .perf draft that checks with only the author's own findings. */
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { analyze } from "../../server/src/analysis";
import { importBuffer, ImportError, summaryText } from "../../server/src/import/index";
import { roleOf } from "../../server/src/import/roles";
import { pipeTablesRead } from "../../server/src/import/write-perf";
import { departmentScoreTable, nationalProjectForm, provincialVariantForm, weightPerLevelTable, wordReport, worksheetAsWord, xlsxBuffer } from "./fixtures";

const errors = (text: string) => analyze(text).evaluation.diagnostics.filter((d) => d.severity === "error");
const scoreOf = (text: string, name: string) => {
  const a = analyze(text);
  const ind = a.model.indicators.find((i) => i.name === name);
  assert.ok(ind, `indicator ${name} in:\n${text}`);
  return a.evaluation.results.get(ind)?.score?.toString();
};

describe("import: national 项目支出绩效自评表 (.xlsx)", function () {
  this.timeout(30_000);
  let text: string;
  before(async () => {
    const r = await importBuffer(await xlsxBuffer(nationalProjectForm()), "自评表.xlsx");
    text = r.text;
    assert.match(summaryText(r), /读取 14 个指标/);
  });
  it("reads the header cells, the funding block and the 年度总体目标", () => {
    const funding = pipeTablesRead()
      ? ["| 资金来源 | 年初预算数 | 全年预算数 | 全年执行数 |", "| 年度资金总额 | 120 | 120 | 114 |", "| 上年结转资金 | 20 | 20 | 18 |"]
      : ["全年预算数：120 万元", "全年执行数：114 万元", "上年结转资金全年执行数：18 万元"];
    for (const line of ["项目：村道维修改造", "主管部门：示范县交通运输局", "实施单位：示范县农村公路管理站", "单位：示范县农村公路管理站", "年度：2023", "类型：项目支出", ...funding, "预期目标：完成12公里村道维修，群众出行条件改善。", "实际完成情况：完成12.5公里村道维修。", "自评总分：91.5"]) {
      assert.ok(text.split("\n").includes(line), `${line} in\n${text}`);
    }
  });
  it("builds the tree from the merged 一级 / 二级 cells, weights summed from the leaves", () => {
    const a = analyze(text);
    const paths = a.model.indicators.map((i) => `${"  ".repeat(i.level - 2)}${i.name} ${i.weight}`);
    assert.ok(paths.includes("产出指标 50") && paths.includes("  数量指标 30") && paths.includes("    受益人口 10"), paths.join("\n"));
    assert.equal(a.model.indicators.find((i) => i.name === "质量指标")?.parent?.name, "产出指标");
  });
  it("keeps units inside values and maps the national qualitative words", () => {
    assert.match(text, /#### 维修村道长度（20分）\n目标：≥ 12公里\n实际：12.5公里/);
    assert.match(text, /目标：38508人\n实际：38508人/);
    assert.match(text, /目标：达成\n实际：部分达成\n得分：22\n偏差原因：部分路段排水沟未完工/);
  });
  it("computes the execution rate from the funding block and scores the draft like the table", () => {
    const a = analyze(text);
    assert.equal(a.evaluation.total?.toString(), "91.5");
    assert.deepEqual(errors(text), []);
  });
  it("keeps what it cannot map as comments naming the cell", () => {
    assert.match(text, /\/\/ 项目支出绩效自评表!G6 执行率：95%|\/\/ 项目支出绩效自评表!G6：95%/);
    assert.match(text, /\/\/ 项目支出绩效自评表!H6[^\n]*9\.5/);
  });
});

describe("import: a county 评分表 with a two-row header (.xlsx)", function () {
  this.timeout(30_000);
  let text: string;
  before(async () => {
    text = (await importBuffer(await xlsxBuffer(departmentScoreTable()), "评分表.xlsx")).text;
  });
  it("finds the header under title rows, across two rows, and skips spacer rows", () => {
    const a = analyze(text);
    assert.deepEqual(
      a.model.indicators.map((i) => `${i.name}:${i.weight}`),
      ["投入:4", "目标设定:4", "职责明确:2", "绩效目标合理性:2", "过程:8", "预算执行:8", "预算完成率:5", "结转结余率:3"],
    );
    assert.match(text, /单位：示范镇人民政府\n年度：2022\n类型：部门整体支出\n满分：12\n自评总分：11.5/);
  });
  it("puts a rule the language reads into 评分, and one it cannot yet read into 评分标准 as printed", () => {
    assert.match(text, /#### 预算完成率（5分）\n说明：预算完成数\/预算数。\n评分：≥95% 满分；≤85% 0分\n得分：5/);
    assert.match(text, /评分标准：结转结余率每超过1个百分点扣0.5分，扣完为止。/);
    assert.match(text, /评分标准：1.目标明确得1分；2.目标可衡量得1分。/);
  });
  it("reads numbers stored as text, weights written “3分” and formula cells by their cached value", () => {
    assert.equal(scoreOf(text, "绩效目标合理性"), "1.5");
    assert.equal(scoreOf(text, "预算完成率"), "5");
    assert.match(text, /#### 结转结余率（3分）/);
  });
  it("keeps title lines and signatures as comments; the draft has no error of its own", () => {
    assert.match(text, /\/\/ 评分表!A1：附件3/);
    assert.match(text, /\/\/ 评分表!A15：评价人：李四/);
    assert.deepEqual(errors(text), []);
  });
  it("chooses the sheet with the table among several, and names the others", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").getCell("A1").value = "填表说明：本表由单位填报。";
    departmentScoreTable(wb);
    nationalProjectForm(wb, "另一项目");
    const r = await importBuffer(await xlsxBuffer(wb), "多表.xlsx");
    assert.equal(r.sheet, "另一项目");
    assert.deepEqual(r.otherTables, ["评分表"]);
    const chosen = await importBuffer(await xlsxBuffer(wb), "多表.xlsx", { sheet: "评分表" });
    assert.equal(chosen.sheet, "评分表");
  });
  it("reads a hidden sheet only when no visible one holds a table", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("封面").getCell("A1").value = "2023年度绩效自评";
    departmentScoreTable(wb).getWorksheet("评分表")!.state = "hidden";
    assert.equal((await importBuffer(await xlsxBuffer(wb), "隐藏.xlsx")).sheet, "评分表");
    nationalProjectForm(wb, "可见的表");
    assert.equal((await importBuffer(await xlsxBuffer(wb), "隐藏.xlsx")).sheet, "可见的表");
  });
});

describe("import: a 分值 column after every level column", function () {
  this.timeout(30_000);
  it("takes each level's weight from the 分值 beside it and keeps the stated weights", async () => {
    const text = (await importBuffer(await xlsxBuffer(weightPerLevelTable()), "指标体系.xlsx")).text;
    const a = analyze(text);
    assert.deepEqual(
      a.model.indicators.map((i) => `${i.name}:${i.weight}`),
      ["投入:19", "预算配置:4", "在职人员控制率:1", "“三公经费”变动率:3", "公务用车:15", "公务用车购置运行费变动率:15"],
    );
    assert.match(text, /## 投入（19分）\n\n### 预算配置（4分）/);
    assert.match(text, /#### “三公经费”变动率（3分）\n说明：三公经费变动比率。\n评分(标准)?：“三公经费”变动率≤0，计3分；每超过一个百分点扣0.3分，扣完为止。\n得分：3\n备注：无变动/);
    // The table names no unit or year: the draft says so, and check asks for them (PE103) — the only errors.
    assert.match(text, /表中没有写明单位或年度/);
    assert.deepEqual([...new Set(errors(text).map((d) => d.code))], ["PE103"]);
  });
});

describe("import: a provincial variant (年初 / 调整指标值, 指标性质, 计量单位, 得分系数)", function () {
  this.timeout(30_000);
  let text: string;
  let sheet: string | undefined;
  before(async () => {
    const r = await importBuffer(await xlsxBuffer(provincialVariantForm()), "省表.xlsx");
    text = r.text;
    sheet = r.sheet;
  });
  it("skips the cover sheet and reads the labels above the table", () => {
    assert.equal(sheet, "绩效指标");
    assert.match(text, /^单位：示范县公路养护中心$/m);
    assert.match(text, /^项目：农村公路养护$/m);
    assert.match(text, /^类型：项目支出$/m);
  });
  it("takes the adjusted target, the unit column, and 指标性质 正向 as “≥”, 反向 as “≤”; a bare actual takes the target's unit", () => {
    assert.match(text, /#### 养护里程（20分）\n目标：≥ 12 公里\n实际：12.5 公里/);
    assert.match(text, /#### 完工时间（10分）\n目标：≤ 11 个月\n实际：10 个月/);
    assert.match(text, /#### 群众满意率（20分）\n目标：≥ 90%\n实际：93%/);
  });
  it("keeps 年初指标值, 指标性质, 得分系数 and 是否核心指标: as fields where the language reads them, else as comments naming their cells", () => {
    const kept = (cell: string, label: string, field: string, value: string) => {
      const asComment = text.includes(`// 绩效指标!${cell} ${label}：${value}\n`);
      const asField = text.includes(`\n${field}：${value}\n`);
      assert.ok(asComment || asField, `${cell} ${label} ${value} in\n${text}`);
    };
    kept("G5", "年初指标值", "年初指标值", text.includes("\n年初指标值：") ? "300 人次" : "300");
    kept("E6", "指标性质", "指标性质", "反向");
    kept("K5", "得分系数", "得分系数", "0.93");
    kept("M4", "是否核心指标", "核心指标", "是");
  });
  it("scores every row as the table did (no stated score disagrees)", () => {
    const ds = analyze(text).evaluation.diagnostics;
    assert.deepEqual(ds.filter((d) => d.code === "PE501"), []);
    assert.equal(Number(scoreOf(text, "培训人次")).toFixed(2), "9.33");
  });
});

describe("import: a Word report (.docx)", function () {
  this.timeout(30_000);
  let text: string;
  before(async () => {
    text = (await importBuffer(await wordReport(), "报告.docx")).text;
  });
  it("turns the title, styled and numbered headings and paragraphs into sections", () => {
    assert.match(text, /单位：示范镇人民政府\n年度：2022/);
    assert.match(text, /# 示范镇人民政府2022年度部门整体支出绩效自评报告\n\n## 一、基本情况\n\n本年收入1209.54万元，全部为财政拨款。\n\n### （一）人员情况/);
    assert.match(text, /## 二、自评结论/);
  });
  it("never lets a paragraph become markup", () => {
    assert.match(text, /\n＃ 这一行以井号开头，不是标题。\n/);
  });
  it("reads the table with its vertically merged 一级指标 cell as the score table", () => {
    const a = analyze(text);
    assert.deepEqual(a.model.indicators.map((i) => `${i.level}:${i.name}:${i.weight}`), ["2:投入:5", "3:预算配置:2", "4:在职人员控制率:2", "3:预算执行:3", "4:预算完成率:3"]);
    assert.equal(a.evaluation.total?.toString(), "4.85");
    assert.deepEqual(errors(text), []);
  });
});

describe("import: a Word report's title split over lines, and its labelled lines", function () {
  this.timeout(30_000);
  it("joins the title's lines, reads 单位 and 年度 from it and the labelled line, leaves 附件 as text", async () => {
    const { Document, Packer, Paragraph } = await import("docx");
    const doc = new Document({
      sections: [{ children: ["附件2", "巨鹿县小吕寨镇人民政府", "2021年部门整体支出绩效评价报告", "单位名称：小吕寨镇人民政府  自评总分：96", "一、基本概况", "本镇下辖 23 个行政村。"].map((t) => new Paragraph(t)) }],
    });
    const text = (await importBuffer(Buffer.from(await Packer.toBuffer(doc)), "报告.docx")).text;
    assert.match(text, /^单位：巨鹿县小吕寨镇人民政府$/m);
    assert.match(text, /^年度：2021$/m);
    assert.match(text, /^自评总分：96$/m);
    assert.match(text, /^附件2$/m);
    assert.match(text, /^# 巨鹿县小吕寨镇人民政府2021年部门整体支出绩效评价报告\n\n## 一、基本概况\n\n本镇下辖 23 个行政村。$/m);
  });
});

describe("import: the same tables kept in Word", function () {
  this.timeout(30_000);
  const body = (text: string) => text.split("\n").filter((l) => !l.startsWith("//")).join("\n");
  it("the national form as a Word table reads as it does from Excel (funding, goals, tree, scores)", async () => {
    const wb = nationalProjectForm();
    const fromExcel = await importBuffer(await xlsxBuffer(wb), "表.xlsx");
    const fromWord = await importBuffer(await worksheetAsWord(wb.worksheets[0]), "表.docx");
    assert.equal(body(fromWord.text), body(fromExcel.text));
    assert.equal(analyze(fromWord.text).evaluation.total?.toString(), "91.5");
  });
  it("a county 评分表 with a two-row header, as a Word table after the report's paragraphs", async () => {
    const wb = departmentScoreTable();
    const fromWord = await importBuffer(await worksheetAsWord(wb.worksheets[0], ["一、基本情况", "本镇年度预算 1049.6 万元。"]), "报告.docx");
    const a = analyze(fromWord.text);
    assert.deepEqual(a.model.indicators.map((i) => `${i.name}:${i.weight}`), ["投入:4", "目标设定:4", "职责明确:2", "绩效目标合理性:2", "过程:8", "预算执行:8", "预算完成率:5", "结转结余率:3"]);
    assert.match(fromWord.text, /# 一、基本情况\n\n本镇年度预算 1049.6 万元。/);
    assert.equal(a.evaluation.total?.toString(), "11.5");
  });
});

describe("import: bad input", function () {
  this.timeout(60_000);
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  const refused = async (bytes: Uint8Array, name: string, pattern: RegExp) => {
    await assert.rejects(importBuffer(bytes, name), (e: unknown) => e instanceof ImportError && pattern.test(e.message));
  };
  it("asks for .xlsx / .docx for the old and WPS formats", async () => {
    for (const name of ["旧表.xls", "旧报告.doc", "表.et", "报告.wps"]) await refused(ole, name, /另存为 \.xlsx（表格）或 \.docx（文档）/);
  });
  it("says an OLE file named .xlsx is encrypted (or old)", async () => {
    await refused(ole, "加密.xlsx", /加密.*取消密码/);
  });
  it("refuses text, a truncated workbook and a zip without a workbook", async () => {
    await refused(Buffer.from("一级指标,分值\n投入,10\n"), "表.csv", /不是 \.xlsx 或 \.docx/);
    const good = await xlsxBuffer(departmentScoreTable());
    await refused(good.subarray(0, good.length - 200), "坏.xlsx", /已损坏/);
    const JSZip = require("jszip");
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    await refused(await zip.generateAsync({ type: "nodebuffer" }), "包.xlsx", /没有 Excel 工作簿或 Word 文档/);
  });
  it("says a workbook or a document whose XML is broken is damaged, never a stack trace", async () => {
    const JSZip = require("jszip");
    const book = new JSZip();
    book.file("[Content_Types].xml", "<Types/>");
    book.file("xl/workbook.xml", "<workbook><sheets><sheet name=");
    await refused(await book.generateAsync({ type: "nodebuffer" }), "坏表.xlsx", /无法读取工作簿（文件可能已损坏）/);
    const doc = new JSZip();
    doc.file("[Content_Types].xml", "<Types/>");
    doc.file("word/document.xml", "<w:document><w:body><w:p>");
    await refused(await doc.generateAsync({ type: "nodebuffer" }), "坏报告.docx", /无法读取 Word 文档（文件可能已损坏）/);
  });
  it("says what header it looked for when no sheet has an indicator table", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("通讯录");
    ws.addRow(["姓名", "电话"]);
    ws.addRow(["张三", "123"]);
    await refused(await xlsxBuffer(wb), "通讯录.xlsx", /工作表“通讯录”中没有找到指标表：需要一行表头，含“一级指标/);
  });
  it("refuses a sheet far longer than a score table before reading its rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("大表");
    ws.getCell("A25000").value = "x";
    await refused(await xlsxBuffer(wb), "大表.xlsx", /超过 20000 行的上限/);
  });
  it("imports a 10,000-row table", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("大表");
    ws.addRow(["一级指标", "二级指标", "三级指标", "分值", "得分"]);
    for (let i = 0; i < 10000; i++) ws.addRow([`一级${Math.floor(i / 1000)}`, `二级${Math.floor(i / 100)}`, `指标${i}`, 0.01, 0.01]);
    const r = await importBuffer(await xlsxBuffer(wb), "大表.xlsx");
    assert.match(summaryText(r), /读取 10110 个指标/);
    assert.ok(!/^满分：/m.test(r.text), "the weights add up to 100");
  });
});

describe("import: bounded before unpacking", () => {
  it("refuses a zip whose sheets would unpack to more than the limit, from the central directory alone", async () => {
    // A stored (uncompressed) entry header claiming 100 MB: the central directory is read, nothing is inflated.
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(100 * 1024 * 1024, 24);
    central.writeUInt16LE(name.length, 28);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(central.length + name.length, 12);
    eocd.writeUInt32LE(local.length + name.length, 16);
    const bytes = Buffer.concat([local, name, central, name, eocd]);
    await assert.rejects(importBuffer(bytes, "炸弹.xlsx"), (e: unknown) => e instanceof ImportError && /内容过大/.test(e.message));
  });
});

describe("import: the diagnostics it reports are the draft's", () => {
  it("equal a fresh check of the written text", async () => {
    for (const bytes of [await xlsxBuffer(nationalProjectForm()), await xlsxBuffer(departmentScoreTable()), await wordReport()]) {
      // The kind is read from the zip's entries, not from the name.
      const r = await importBuffer(bytes, "表");
      const fresh = analyze(r.text).evaluation.diagnostics.map((d) => `${d.range.start.line}:${d.code}`);
      assert.deepEqual(r.diagnostics?.map((d) => `${d.range.start.line}:${d.code}`), fresh);
      assert.doesNotMatch(r.text, /\n\n\n/);
    }
  });
});

describe("import: column titles as provinces print them", () => {
  it("recognises the variants of the reason, actual and weight columns", () => {
    const cases: [string, string][] = [
      ["未完成原因分析", "reason"],
      ["偏差原因分析及改进措施", "reason"],
      ["全年实际值", "actual"],
      ["实际完成值", "actual"],
      ["分 值", "weight"],
      ["分值\n（分）", "weight"],
      ["权重(%)", "weight"],
      ["评价标准", "rule"],
      ["得分系数", "coefficient"],
      ["一级评价指标", "level1"],
      ["年度指标值", "target"],
      ["调整后指标值", "targetAdjusted"],
    ];
    for (const [title, role] of cases) assert.equal(roleOf(title), role, title);
    assert.equal(roleOf("单位名称：某镇"), undefined);
  });
});

describe("import: a target printed in the name cell", () => {
  it("splits “足额保障率=100%” into the name and 目标 when the table has no target column", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    ws.addRow(["一级指标", "二级指标", "三级指标", "分值", "得分"]);
    ws.addRow(["产出指标", "数量指标", "足额保障率=100%", 22.5, 22.5]);
    ws.addRow([null, null, "科目调整次数≤10次", 22.5, 22.5]);
    ws.mergeCells("A2:A3");
    ws.mergeCells("B2:B3");
    const text = (await importBuffer(await xlsxBuffer(wb), "表.xlsx")).text;
    assert.match(text, /#### 足额保障率（22.5分）\n目标：= 100%\n得分：22.5/);
    assert.match(text, /#### 科目调整次数（22.5分）\n目标：≤ 10次\n得分：22.5/);
  });
});
