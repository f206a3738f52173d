/**
 * The Word report follows GB/T 9704-2012 through styles: page, grid, fonts
 * with fallbacks, page numbers, and the national 项目支出 form. Read from the
 * .docx XML (no Word or LibreOffice needed).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeText } from "../helpers";
import { renderReport } from "../../server/src/report/index";
import { titleLines } from "../../server/src/report/docx";
import { buildReport } from "../../server/src/report/model";
import { THREE_LEVEL } from "./fixtures";
import { unzip } from "./unzip";

const PROJECT = readFileSync(join(__dirname, "../../examples/project/2022-rural-road.perf"), "utf8");

function text(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

/** The style element with this id. */
function style(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  assert.ok(m, `style ${id}`);
  return m[0];
}

describe("report Word: 公文 format (GB/T 9704-2012)", () => {
  let parts: Map<string, Buffer>;
  let doc = "";
  let styles = "";
  before(async () => {
    parts = unzip(await renderReport(analyzeText(THREE_LEVEL), "docx"));
    doc = parts.get("word/document.xml")!.toString("utf8");
    styles = parts.get("word/styles.xml")!.toString("utf8");
  });

  it("sets A4 with margins 37 / 35 / 28 / 26 mm and a grid of 22 lines × 28 characters", () => {
    const first = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(doc)![0];
    assert.match(first, /<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    assert.match(first, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const grid = /<w:docGrid w:type="lines" w:linePitch="(\d+)"\/>/.exec(first)!;
    assert.ok(grid, first);
    // 22 lines in the 225 mm 版心; 28 characters of (16 pt + the body's character spacing) in 156 mm.
    assert.equal(Math.floor((16838 - 2098 - 1984) / Number(grid[1])), 22);
    const spacing = /<w:rPrDefault><w:rPr>[\s\S]*?<w:spacing w:val="(-?\d+)"\/>[\s\S]*?<w:sz w:val="32"\/>/.exec(styles)!;
    assert.ok(spacing, "the default run properties condense the 16 pt text");
    const pitch = 16 + Number(spacing[1]) / 20;
    assert.equal(Math.floor((11906 - 1587 - 1474) / 20 / pitch), 28);
  });

  it("styles the body 仿宋_GB2312 三号, the title 方正小标宋简体 二号 centred and not bold, headings 黑体 / 楷体 / 仿宋 (bold)", () => {
    const body = style(styles, "BodyText");
    assert.match(body, /w:eastAsia="仿宋_GB2312"/);
    assert.match(body, /<w:sz w:val="32"\/>/);
    const title = style(styles, "Title");
    assert.match(title, /w:eastAsia="方正小标宋简体"/);
    assert.match(title, /<w:sz w:val="44"\/>/);
    assert.match(title, /<w:jc w:val="center"\/>/);
    assert.match(title, /<w:b w:val="0"\/>/);
    assert.match(style(styles, "Heading1"), /w:eastAsia="黑体"[\s\S]*<w:b w:val="0"\/>[\s\S]*<w:sz w:val="32"\/>/);
    assert.match(style(styles, "Heading2"), /w:eastAsia="楷体_GB2312"/);
    assert.match(style(styles, "Heading3"), /w:eastAsia="仿宋_GB2312"[\s\S]*<w:b\/>/);
    assert.match(style(styles, "Heading4"), /w:eastAsia="仿宋_GB2312"[\s\S]*<w:b w:val="0"\/>/);
    assert.doesNotMatch(styles, /<w:color /);
  });

  it("sets 三级标题 in regular weight when the office does not bold it (one style, one setting)", async () => {
    const regular = unzip(await renderReport(analyzeText(THREE_LEVEL), "docx", { boldLevel3: false })).get("word/styles.xml")!.toString("utf8");
    assert.match(style(regular, "Heading3"), /<w:b w:val="0"\/>/);
  });

  it("formats through styles: body paragraphs name a style and runs carry no font or size", () => {
    const paragraphs = [...doc.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]).filter((p) => /<w:t[ >]/.test(p));
    assert.ok(paragraphs.length > 10);
    for (const p of paragraphs) assert.match(p, /<w:pStyle w:val="[A-Za-z0-9]+"\/>/, p.slice(0, 200));
    assert.doesNotMatch(doc, /<w:rFonts /);
    assert.doesNotMatch(doc, /<w:sz /);
  });

  it("declares each 公文 font with a fallback stock Windows has", () => {
    const fonts = parts.get("word/fontTable.xml")!.toString("utf8");
    for (const [name, alt] of [
      ["仿宋_GB2312", "仿宋"],
      ["楷体_GB2312", "楷体"],
      ["方正小标宋简体", "宋体"],
    ]) {
      assert.match(fonts, new RegExp(`<w:font w:name="${name}"><w:altName w:val="${alt}"/>`), name);
    }
  });

  it("numbers pages “— 1 —” in 宋体 四号, odd pages right and even pages left, one character in", () => {
    const settings = parts.get("word/settings.xml")!.toString("utf8");
    assert.match(settings, /<w:evenAndOddHeaders\/>/);
    const footers = [...parts.entries()].filter(([n]) => /^word\/footer\d+\.xml$/.test(n)).map(([, b]) => b.toString("utf8"));
    assert.ok(footers.some((f) => f.includes('w:val="FooterOdd"')) && footers.some((f) => f.includes('w:val="FooterEven"')));
    assert.ok(footers.every((f) => /— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —/.test(f)));
    assert.match(doc, /<w:footerReference w:type="default"[^>]*\/><w:footerReference w:type="even"/);
    const odd = style(styles, "FooterOdd");
    assert.match(odd, /w:eastAsia="宋体"[\s\S]*<w:sz w:val="28"\/>/);
    assert.match(odd, /<w:ind w:right="280"\/><w:jc w:val="right"\/>/);
    assert.match(style(styles, "FooterEven"), /<w:ind w:left="280"\/><w:jc w:val="left"\/>/);
  });

  it("ends the body with the 附件 list and a 落款 (unit and date)", async () => {
    const x = (await renderReport(analyzeText(PROJECT), "docx")).toString("binary");
    const d = unzip(Buffer.from(x, "binary")).get("word/document.xml")!.toString("utf8");
    const all = text(d);
    const list = all.indexOf("附件：项目支出绩效自评表");
    assert.ok(list > all.indexOf("四、绩效自评结论"), "the 附件 list follows the body");
    assert.ok(all.indexOf("某县交通运输局2023年3月20日") > list, "落款 after the 附件 list");
    assert.match(d, /<w:pStyle w:val="Signature"\/>/);
  });

  it("renders a 项目支出 file as the national 项目支出绩效自评表", async () => {
    const d = unzip(await renderReport(analyzeText(PROJECT), "docx")).get("word/document.xml")!.toString("utf8");
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(d)![0];
    const t = text(table);
    for (const part of ["项目名称农村公路提档升级工程", "主管部门某县交通运输局实施单位某县农村公路管理所", "项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分", "年度资金总额1200135012961096%9.6", "其中：本年财政拨款1100——", "上年结转资金250——", "其他资金——", "年度总体目标预期目标实际完成情况", "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施", "总分10099.2"]) {
      assert.ok(t.includes(part), `${part}\n${t}`);
    }
    // Targets as the form prints them, actual values, and 偏差原因 with 改进措施.
    assert.ok(t.includes("公路提档升级里程≥42 公里40.6 公里1211.6"));
    assert.ok(t.includes("交工验收合格率100%100%"), "no “=” before a target");
    assert.ok(t.includes("提前开展征地协调"), "改进措施 is printed");
    assert.match(d, /<w:orient w:val="landscape"\/>|w:orient="landscape"/);
  });
});

describe("report Word: title lines and the 落款", () => {
  it("splits a long title into balanced lines, never inside “2021 年” or “年度”", () => {
    assert.deepEqual(titleLines("农村公路提档升级工程 2022 年度绩效自评报告"), ["农村公路提档升级工程", "2022 年度绩效自评报告"]);
    assert.deepEqual(titleLines("嘉鱼县高铁岭镇人民政府 2021 年度部门整体支出绩效自评报告"), ["嘉鱼县高铁岭镇人民政府 2021 年度", "部门整体支出绩效自评报告"]);
    assert.deepEqual(titleLines("项目支出绩效自评表"), ["项目支出绩效自评表"]);
  });

  it("sets the unit two characters from the right and the date below it, two characters to the right of the unit's start", async () => {
    const d = unzip(await renderReport(analyzeText(PROJECT), "docx")).get("word/document.xml")!.toString("utf8");
    const sig = [...d.matchAll(/<w:p><w:pPr><w:pStyle w:val="Signature"\/><w:ind w:right="(\d+)"\/>[\s\S]*?<\/w:pPr><w:r><w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => [m[2], Number(m[1])]);
    // 某县交通运输局 is 7 characters; 2023年3月20日 is 6.5 (digits are half-width): the date ends half a character from the margin.
    assert.deepEqual(sig, [
      ["某县交通运输局", 640],
      ["2023年3月20日", 160],
    ]);
  });

  it("keeps the body's last paragraph with the 附件 list, so no page holds only the list and the 落款", async () => {
    const d = unzip(await renderReport(analyzeText(PROJECT), "docx")).get("word/document.xml")!.toString("utf8");
    const list = d.indexOf('<w:pStyle w:val="AttachmentList"/>');
    const before = d.slice(0, list).split("<w:p>").at(-2) ?? "";
    assert.match(before, /<w:keepNext\/>[\s\S]*等级为/);
  });
});

describe("report: the 项目支出 funding block from header data items", () => {
  it("fills cells from the form's names, row + column names (as the importer writes them) and short names; blank stays blank", () => {
    const text = [
      "单位：X局",
      "年度：2023",
      "类型：项目支出",
      "项目：示例项目",
      "年初预算数：100 万元",
      "全年预算数：120 万元",
      "全年执行数：1,100,000 元",
      "财政拨款：90 万元",
      "本年财政拨款全年执行数：85 万元",
      "上年结转年初预算数：10 万元",
      "# 附件：项目支出绩效自评表",
      "## 产出指标（90分）",
      "### 数量指标（90分）",
      "#### 完成数量（90分）",
      "目标：≥10 个",
      "实际：10 个",
    ].join("\n");
    const f = buildReport(analyzeText(text)).projectForm!;
    assert.deepEqual(
      f.funding.map((r) => [r.label, r.initial, r.annual, r.spent]),
      [
        ["年度资金总额", "100", "120", "110"],
        ["其中：本年财政拨款", "", "90", "85"],
        ["上年结转资金", "10", "", ""],
        ["其他资金", "", "", ""],
      ],
    );
    assert.deepEqual(f.execution, { weight: "10", rate: "91.67%", score: "9.17" });
  });
});

describe("report: the 项目支出 form's columns follow the file", () => {
  const base = ["单位：X局", "年度：2023", "类型：项目支出", "项目：示例", "年初预算数：100 万元", "全年预算数：100 万元", "全年执行数：95 万元", "# 附件：项目支出绩效自评表", "## 产出指标（90分）", "### 数量指标（90分）", "#### 完成数量（90分）", "目标：≥10 个", "实际：10 个"];

  it("has the national columns, and a province's 得分系数 column when an indicator writes one; every row as wide as the grid", async () => {
    const national = buildReport(analyzeText(base.join("\n"))).projectForm!;
    assert.deepEqual(national.columns.map((c) => c.label), ["年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
    const text = [...base, "得分系数：1"].join("\n");
    const f = buildReport(analyzeText(text)).projectForm!;
    assert.deepEqual(f.columns.map((c) => c.label), ["年度指标值", "实际完成值", "分值", "得分系数", "得分", "偏差原因分析及改进措施"]);
    assert.deepEqual(f.rows[0].values, ["≥10 个", "10 个", "90", "1", "90", ""]);
    const d = unzip(await renderReport(analyzeText(text), "docx")).get("word/document.xml")!.toString("utf8");
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(d)![0];
    const widths = [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => {
      const own = [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].reduce((n, c) => n + Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(c[1])?.[1] ?? 1), 0);
      return own;
    });
    // docx writes a merged-down cell's continuation as a cell of its own: every row covers all ten grid columns.
    assert.ok(widths.every((w) => w === 10), widths.join(","));
    assert.match(d, /得分系数/);
  });
});
