/** `score --format xlsx` workbooks: real numbers, merged levels, a 合计 that agrees, print setup; and the round trip through import. */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { analyze, type Analysis } from "../../server/src/analysis";
import { scoreWorkbook } from "../../server/src/export/xlsx-score";
import { summaryWorkbook } from "../../server/src/export/xlsx-summary";
import { importBuffer } from "../../server/src/import/index";
import { indicatorRows } from "../../server/src/summary/record";
import { summarizeEvaluation } from "../../server/src/summary/summary";
import { projectTemplate } from "../../server/src/templates/project";

/** The project example of docs/format.md §14. */
const PROJECT = `单位：示例镇人民政府
年度：2024
类型：项目支出
项目：村道维修
年初预算数：100 万元
全年预算数：100 万元
全年执行数：96 万元
预期目标：完成 10 公里村道维修。
实际完成情况：完成 10 公里。

# 绩效指标
## 产出指标（50分）
### 修路长度（50分）
目标：≥ 10 公里
实际：10 公里
## 效益指标（30分）
### 群众出行条件改善（30分）
目标：达成
实际：达成
得分：30
## 满意度指标（10分）
### 群众满意度（10分）
目标：≥ 90%
实际：95%
`;

const EXAMPLES = join(__dirname, "..", "..", "examples");
/** Every example, in subfolders too (examples/project/…), as paths under examples/. */
const examples = (readdirSync(EXAMPLES, { recursive: true }) as string[]).filter((f) => f.endsWith(".perf")).sort();

async function load(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

function findCell(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) => row.eachCell((c) => {
    if (!found && c.value === text) found = c;
  }));
  assert.ok(found, `cell “${text}”`);
  return found;
}

/** What must survive a round trip: each indicator's path, weight, measured quantity and score. */
function shape(a: Analysis) {
  return indicatorRows(a).map((r) => {
    const ind = a.model.indicators.find((i) => i.line === r.line);
    const q = ind ? a.evaluation.results.get(ind)?.measured?.format() : undefined;
    return { path: r.path.join(" / "), weight: r.weight, measured: r.leaf ? q : undefined, score: r.score };
  });
}

describe("export: score --format xlsx", function () {
  this.timeout(60_000);
  const text002 = readFileSync(join(EXAMPLES, "002-xiaolvzhai-2021.perf"), "utf8");
  let ws: ExcelJS.Worksheet;
  let a: Analysis;
  before(async () => {
    a = analyze(text002);
    ws = await load(await scoreWorkbook([{ path: "002.perf", analysis: a }]));
  });
  it("writes weights and scores as numeric cells and merges each level cell over its leaves", () => {
    const leaf = findCell(ws, "职责明确");
    const row = ws.getRow(Number(leaf.row));
    assert.equal(typeof row.getCell(4).value, "number");
    assert.equal(row.getCell(4).value, 1);
    const investment = findCell(ws, "投入");
    assert.ok(ws.model.merges.some((m) => m.startsWith(`${investment.address}:A`)), ws.model.merges.join(" "));
  });
  it("ends with a 合计 row whose SUM formula's result is the computed total", () => {
    const total = findCell(ws, "合计");
    const score = ws.getRow(Number(total.row)).getCell(9).value as ExcelJS.CellFormulaValue;
    assert.match(score.formula, /^SUM\(I4:I\d+\)$/);
    assert.equal((score.result as number).toFixed(2), a.evaluation.total?.toFixed(2));
    let sum = 0;
    for (let r = 4; r < Number(total.row); r++) sum += (ws.getRow(r).getCell(9).value as number | null) ?? 0;
    assert.equal(sum.toFixed(2), a.evaluation.total?.toFixed(2), "the formula over the cells gives the same total");
  });
  it("freezes the header, sets A4 landscape with repeated header rows, fits Chinese text", () => {
    assert.equal(ws.views[0].state, "frozen");
    assert.equal((ws.views[0] as { ySplit: number }).ySplit, 3);
    assert.equal(ws.pageSetup.paperSize, 9);
    assert.equal(ws.pageSetup.orientation, "landscape");
    assert.equal(ws.pageSetup.printTitlesRow, "3:3");
    // One page wide, as many tall as it takes (not squeezed onto one page).
    assert.equal(ws.pageSetup.fitToPage, true);
    assert.equal(ws.pageSetup.fitToWidth, 1);
    assert.ok((ws.pageSetup.fitToHeight ?? 1) > 100);
    // A row with a long 指标解释 is as tall as its wrapped lines.
    const long = ws.getRow(Number(findCell(ws, "在职人员控制率").row));
    assert.ok((long.height ?? 0) > 100, `row height ${long.height}`);
    assert.ok((ws.getColumn(5).width ?? 0) >= 30, "指标解释 is wide");
  });
  it("never writes a text from the file as a formula", async () => {
    const evil = "单位：=cmd|' /C calc'!A0\n年度：2024\n满分：5\n\n# 评分表\n## =HYPERLINK(\"http://x\",\"y\")（5分）\n说明：=1+1\n得分：5\n理由：@SUM(1)\n";
    const sheet = await load(await scoreWorkbook([{ path: "evil.perf", analysis: analyze(evil) }]));
    let formulas = 0;
    sheet.eachRow((row) => row.eachCell((c) => {
      if (c.type === ExcelJS.ValueType.Formula && !/^SUM\(/.test(c.formula)) formulas++;
    }));
    assert.equal(formulas, 0);
    assert.equal(findCell(sheet, '=HYPERLINK("http://x","y")').type, ExcelJS.ValueType.String);
  });
  it("writes the national form for a 项目支出 file, its 总分 formula agreeing with the total", async () => {
    const p = analyze(PROJECT);
    const sheet = await load(await scoreWorkbook([{ path: "p.perf", analysis: p }]));
    assert.equal(sheet.getCell("A1").value, "项目支出绩效自评表");
    assert.equal(findCell(sheet, "年度资金总额").row, 6);
    const total = findCell(sheet, "总分");
    const v = sheet.getRow(Number(total.row)).getCell(8).value as ExcelJS.CellFormulaValue;
    assert.equal(v.formula, "SUM(H6,H13:H15)");
    assert.equal((v.result as number).toFixed(2), p.evaluation.total?.toFixed(2));
    assert.equal(p.evaluation.total?.toFixed(2), "99.60");
    assert.equal(sheet.getCell("E6").value, 96);
  });
});

describe("export: score --format xlsx --review", function () {
  this.timeout(60_000);
  it("adds the 审核意见 sheet: stated against computed, unscored rows, diagnostics with their lines", async () => {
    const a = analyze(readFileSync(join(EXAMPLES, "002-xiaolvzhai-2021.perf"), "utf8"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await scoreWorkbook([{ path: "002.perf", analysis: a }], { review: true })) as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ["巨鹿县小吕寨镇人民政府评分表", "巨鹿县小吕寨镇人民政府审核意见"]);
    const ws = wb.worksheets[1];
    const rows: string[] = [];
    ws.eachRow((row, r) => {
      if (r > 3) rows.push([1, 2, 3, 4].map((c) => String(row.getCell(c).value ?? "")).join("|"));
    });
    assert.ok(rows.includes("填报与核查不符|自评总分|96|82"), rows.slice(0, 5).join("\n"));
    assert.ok(rows.some((r) => r.startsWith("未计分|") && r.includes("资金使用合规性")));
    assert.equal(rows.filter((r) => r.startsWith("诊断")).length, a.evaluation.diagnostics.length);
  });
});

describe("export: summary --format xlsx", function () {
  this.timeout(60_000);
  it("one row per file and a 合计 whose SUMs are the totals", async () => {
    const rows = examples.map((f) => summarizeEvaluation(f, analyze(readFileSync(join(EXAMPLES, f), "utf8"))));
    const ws = await load(await summaryWorkbook(rows));
    assert.equal(ws.getCell("A3").value, examples[0]);
    const total = findCell(ws, `合计（${examples.length} 个文件）`);
    const budget = ws.getRow(Number(total.row)).getCell(9).value as ExcelJS.CellFormulaValue;
    let sum = 0;
    for (let r = 3; r < Number(total.row); r++) sum += (ws.getRow(r).getCell(9).value as number | null) ?? 0;
    assert.equal((budget.result as number).toFixed(4), sum.toFixed(4));
  });
});

describe("round trip: import what score --format xlsx wrote", function () {
  this.timeout(120_000);
  const files = [...examples.map((f) => ({ name: f, text: readFileSync(join(EXAMPLES, f), "utf8") })), { name: "项目支出模板", text: projectTemplate("示范镇", "2024", "村道维修") }, { name: "项目支出示例", text: PROJECT }];
  for (const f of files) {
    it(`${f.name}: same indicators, weights, values and scores`, async () => {
      const a = analyze(f.text);
      const back = await importBuffer(await scoreWorkbook([{ path: f.name, analysis: a }]), `${f.name}.xlsx`);
      const b = analyze(back.text);
      assert.deepEqual(shape(b), shape(a), back.text);
      assert.equal(b.evaluation.total?.toFixed(2), a.evaluation.total?.toFixed(2));
      assert.equal(b.model.scope, a.model.scope);
      assert.equal(b.model.policy.fullScore.toString(), a.model.policy.fullScore.toString(), "满分");
      assert.equal(b.evaluation.grade, a.evaluation.grade);
      assert.deepEqual(b.model.measures.map((m) => m.name), a.model.measures.map((m) => m.name));
    });
  }
});
