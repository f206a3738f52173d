import assert from "node:assert/strict";
import { analyzeText } from "../helpers";
import { buildReport } from "../../server/src/report/model";
import { renderDocx } from "../../server/src/report/docx";
import { renderReport } from "../../server/src/report/index";
import { THREE_LEVEL } from "./fixtures";
import { documentXml, unzip } from "./unzip";

/** The <w:tbl> elements of a document.xml, in order. */
function tables(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
}

/** Visible text of a piece of WordprocessingML. */
function text(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

function rows(table: string): string[] {
  return [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
}

/** Grid columns a row covers (gridSpan counted). */
function rowWidth(row: string): number {
  return [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].reduce((n, m) => n + Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(m[1])?.[1] ?? 1), 0);
}

describe("report Word (.docx)", () => {
  let buf: Buffer;
  let xml = "";
  before(async () => {
    buf = await renderDocx(buildReport(analyzeText(THREE_LEVEL), { includeDiagnostics: true }));
    xml = documentXml(buf);
  });

  it("is a zip holding the WordprocessingML parts", () => {
    const files = unzip(buf);
    for (const name of ["[Content_Types].xml", "word/document.xml", "word/styles.xml"]) assert.ok(files.has(name), name);
  });

  it("has the title, metadata, headings and prose with placeholders filled", () => {
    const all = text(xml);
    assert.ok(all.startsWith("巨鹿县小吕寨镇人民政府 2021 年度部门整体支出绩效自评报告"));
    assert.match(xml, /<w:pStyle w:val="Title"\/>/);
    assert.match(xml, /<w:pStyle w:val="Heading1"\/>[\s\S]*?一、基本情况/);
    assert.match(xml, /<w:pStyle w:val="Heading2"\/>[\s\S]*?（一）绿化面积/);
    assert.ok(all.includes("自评得分 59 分，等级 差，预算调整率得分 0 分。"));
    assert.ok(all.includes("财政拨款"));
    assert.match(xml, /<w:b\/>[\s\S]{0,200}财政拨款/);
    assert.ok(!all.includes("这是注释"));
  });

  it("holds the 评分表 as an attachment: levels, 分值, 指标解释, 评分标准, 得分, merges, borders, repeated header row", () => {
    const score = tables(xml).find((t) => text(t).includes("指标解释"))!;
    assert.ok(score, "scoring table");
    const rs = rows(score);
    assert.equal(rs.length, 1 + 5 + 1);
    assert.equal(text(rs[0]), "一级指标二级指标三级指标分值指标解释评分标准得分");
    assert.match(rs[0], /<w:tblHeader\/>/);
    assert.ok(!rs.slice(1, 6).some((r) => /<w:cantSplit\/>/.test(r)), "indicator rows may break across pages");
    for (const name of ["投入（20分）", "目标设定（10分）", "职责明确（4分）", "活动合规性（6分）", "在职人员控制率（10分）", "过程（80分）", "预算调整率（30分）", "履职完成情况（50分）"]) {
      assert.ok(text(score).includes(name), name);
    }
    assert.equal((score.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length, 4);
    assert.equal((score.match(/<w:vMerge(?: w:val="continue")?\/>/g) ?? []).length, 5);
    assert.ok(rs.every((r) => rowWidth(r) === 7), rs.map(rowWidth).join(","));
    assert.match(score, /<w:tblBorders>[\s\S]*<w:insideV w:val="single"/);
    assert.equal(text(rs[6]), "合计100等级：差59");
    // The attachment starts a landscape section of its own, after the body and the 附件 list.
    const before = xml.slice(0, xml.indexOf(score));
    assert.ok(text(before).includes("附件：评分表"));
    assert.match(before, /<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>[\s\S]*<\/w:sectPr>[\s\S]*附件/);
    assert.match(xml.slice(xml.indexOf(score)), /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it("prints no review wording and no coloured run in the report; the review comes only when asked", async () => {
    const plain = documentXml(await renderDocx(buildReport(analyzeText(THREE_LEVEL))));
    const all = text(plain);
    for (const word of ["填报", "与计算不符", "未填写", "未能计分", "审核", "目标：=", "评价人判断"]) assert.ok(!all.includes(word), word);
    assert.doesNotMatch(plain, /<w:color /);
    assert.doesNotMatch(plain, /<w:shd /);
    assert.ok(text(xml).includes("审核意见"), "with includeDiagnostics the review is appended");
    assert.ok(text(xml).includes("填报与计算不一致"));
  });

  it("escapes XML special characters in names", async () => {
    const t = "单位：A&B<C>\n年度：2021\n# 表\n## 甲&乙<丙>\"丁\"（100分）\n得分：100\n";
    const x = documentXml(await renderReport(analyzeText(t), "docx"));
    assert.ok(x.includes("A&amp;B&lt;C&gt;"));
    assert.ok(x.includes("甲&amp;乙&lt;丙&gt;"));
    assert.match(x, /<w:tbl>/);
  });

  it("renders a file without indicators (no scoring table)", async () => {
    const x = documentXml(await renderReport(analyzeText("单位：X镇\n年度：2021\n# 一\n正文\n"), "docx"));
    assert.ok(!text(x).includes("评分标准"));
    assert.ok(text(x).includes("正文"));
  });
});
