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
    assert.ok(all.includes("自评得分 59 分，等级 差，预算调整率得分 0 分。"));
    assert.ok(all.includes("财政拨款"));
    assert.match(xml, /<w:b\/>[\s\S]{0,200}财政拨款/);
    assert.ok(!all.includes("这是注释"));
  });

  it("holds the scoring table like the seed's 评分表: headers, merges, borders, repeated header row", () => {
    const score = tables(xml).find((t) => text(t).includes("评分标准/依据"))!;
    assert.ok(score, "scoring table");
    const rs = rows(score);
    assert.equal(rs.length, 1 + 5 + 1);
    assert.equal(text(rs[0]), "一级指标二级指标三级指标分值评分标准/依据得分");
    assert.match(rs[0], /<w:tblHeader\/>/);
    for (const name of ["投入（20分）", "目标设定（10分）", "职责明确（4分）", "活动合规性（6分）", "在职人员控制率（10分）", "过程（80分）", "预算调整率（30分）", "履职完成情况（50分）"]) {
      assert.ok(text(score).includes(name), name);
    }
    // 投入 spans 3 rows, 目标设定 2, 过程 and 预算执行 2: 3 + 2 + 2 + 2 = 9 cells in a merge, 4 of them restart it.
    assert.equal((score.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length, 4);
    assert.equal((score.match(/<w:vMerge(?: w:val="continue")?\/>/g) ?? []).length, 5);
    assert.ok(rs.every((r) => rowWidth(r) === 6), rs.map(rowWidth).join(","));
    assert.match(score, /<w:tblBorders>[\s\S]*<w:insideV w:val="single"/);
    assert.ok(text(rs[6]).includes("合计（自评总分）") && text(rs[6]).includes("等级：差（填报 优）"));
    assert.ok(text(rs[4]).includes("填报 30"));
  });

  it("uses 宋体 for the body and 黑体 for headings", () => {
    const styles = unzip(buf).get("word/styles.xml")!.toString("utf8");
    assert.match(styles, /w:eastAsia="宋体"/);
    assert.match(styles, /w:eastAsia="黑体"/);
  });

  it("has the deviations and goals tables", () => {
    const ts = tables(xml).map(text);
    assert.ok(ts.some((t) => t.includes("扣分") && t.includes("预算调整率") && t.includes("未填写") && t.includes("要点二未落实。")));
    assert.ok(ts.some((t) => t.includes("完成率") && t.includes("绿化面积") && t.includes("≥100 亩") && t.includes("天气原因。")));
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
    assert.ok(!text(x).includes("评分标准/依据"));
    assert.ok(text(x).includes("正文"));
  });
});
