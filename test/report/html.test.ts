import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { analyzeText } from "../helpers";
import { buildReport } from "../../server/src/report/model";
import { renderHtml, type HtmlOptions } from "../../server/src/report/html";
import { renderReport } from "../../server/src/report/index";
import { THREE_LEVEL } from "./fixtures";
import { assertBalanced, gridWidths, tableHtml, tags } from "./html-check";

const EXPORT: HtmlOptions = { csp: "export", theme: "light" };
const NONCE = "c2VjcmV0LW5vbmNlLTEyMzQ1Njc4";
const WEBVIEW: HtmlOptions = { csp: { webview: { cspSource: "vscode-webview://abc", nonce: NONCE } }, theme: "vscode" };

function html(text: string, options: HtmlOptions = EXPORT, includeDiagnostics = false): string {
  return renderHtml(buildReport(analyzeText(text), { includeDiagnostics }), options);
}

function head(doc: string): string {
  return doc.slice(doc.indexOf("<head>") + 6, doc.indexOf("</head>"));
}

function csp(doc: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(doc);
  assert.ok(m, "CSP meta present");
  return m[1].replace(/&#39;/g, "'");
}

describe("report HTML", () => {
  describe("document and CSP", () => {
    it("is a complete, balanced document", () => {
      const doc = html(THREE_LEVEL, EXPORT, true);
      assert.match(doc, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
      assert.ok(doc.trimEnd().endsWith("</html>"));
      assertBalanced(doc);
    });

    for (const [name, options] of [["export", EXPORT], ["webview", WEBVIEW]] as const) {
      it(`${name}: the CSP meta is the first element in <head>, from default-src 'none', without scripts`, () => {
        const doc = html(THREE_LEVEL, options);
        assert.match(head(doc), /^\s*<meta http-equiv="Content-Security-Policy"/);
        const policy = csp(doc);
        assert.match(policy, /^default-src 'none'; /);
        assert.doesNotMatch(policy, /script-src|unsafe-inline|unsafe-eval|img-src|\*/);
        assert.doesNotMatch(doc, /<script/i);
        assert.ok(!tags(doc).some((t) => t.attrs.some((a) => a.name === "style" || a.name.startsWith("on"))), "no style= or on*= attribute");
        assert.equal((doc.match(/<style/g) ?? []).length, 1);
      });
    }

    it("export: allows the one <style> by its SHA-256 hash", () => {
      const doc = html(THREE_LEVEL);
      const css = /<style>([\s\S]*?)<\/style>/.exec(doc)![1];
      const hash = createHash("sha256").update(css, "utf8").digest("base64");
      assert.match(csp(doc), new RegExp(`style-src 'sha256-${hash.replace(/[+/]/g, "\\$&")}'`));
    });

    it("webview: allows the <style> by nonce", () => {
      const doc = html(THREE_LEVEL, WEBVIEW);
      assert.match(csp(doc), new RegExp(`style-src 'nonce-${NONCE}'`));
      assert.match(doc, new RegExp(`<style nonce="${NONCE}">`));
    });

    it("webview without a nonce falls back to the hash", () => {
      const doc = html(THREE_LEVEL, { csp: { webview: { cspSource: "vscode-webview://abc" } }, theme: "vscode" });
      assert.match(csp(doc), /style-src 'sha256-/);
    });

    it("refuses a nonce that could break out of the policy", () => {
      assert.throws(() => html(THREE_LEVEL, { csp: { webview: { cspSource: "x", nonce: "abc'; script-src *" } }, theme: "vscode" }));
    });

    it("themes with VS Code variables and fallbacks, or fixed light colours; prints on A4", () => {
      const vs = html(THREE_LEVEL, WEBVIEW);
      assert.match(vs, /var\(--vscode-editor-foreground, #222\)/);
      assert.match(vs, /<body class="theme-vscode">/);
      const light = html(THREE_LEVEL, EXPORT);
      const lightRoot = /:root \{([^}]*)\}/.exec(light)![1];
      assert.doesNotMatch(lightRoot, /--vscode/);
      assert.match(light, /@page \{ size: A4;/);
      assert.match(light, /@media print/);
      assert.match(light, /"SimSun", "宋体"/);
    });

    it("has the title in <title> and <h1>", () => {
      const doc = html(THREE_LEVEL);
      assert.match(doc, /<title>巨鹿县小吕寨镇人民政府 2021 年度部门整体支出绩效自评报告<\/title>/);
      assert.match(doc, /<h1 class="title">巨鹿县小吕寨镇人民政府 2021 年度部门整体支出绩效自评报告<\/h1>/);
    });
  });

  describe("content", () => {
    it("renders sections in order with headings one level below the title", () => {
      const doc = html(THREE_LEVEL);
      const hs = [...doc.matchAll(/<h([2-6])>([^<]*)<\/h\1>/g)].map((m) => `${m[1]}:${m[2]}`);
      assert.deepEqual(hs, ["2:一、基本情况", "2:二、评分表", "2:三、目标完成情况", "3:（一）绿化面积", "2:四、结论"]);
      // The 评分表 is the attachment after the body and its 附件 list.
      assert.ok(doc.indexOf('<div class="attachment-list"><p>附件：评分表</p></div>') < doc.indexOf('<section class="attachment"><p class="label">附件</p>'));
    });

    it("renders prose Markdown inline and fills placeholders", () => {
      const doc = html(THREE_LEVEL);
      assert.match(doc, /<p>2021 年，小吕寨镇本年收入 1209\.54 万元，全部为<strong>财政拨款<\/strong>。<\/p>/);
      assert.match(doc, /<ul><li>第一项工作<\/li><li>第二项工作<\/li><\/ul>/);
      assert.match(doc, /<p>自评得分 59 分，等级 差，预算调整率得分 0 分。<\/p>/);
      assert.doesNotMatch(doc, /这是注释/);
      assert.doesNotMatch(doc, /本年支出/);
    });

    it("merges 一级/二级 cells with rowspan and keeps the grid rectangular", () => {
      const doc = html(THREE_LEVEL);
      const table = tableHtml(doc, "score-table");
      assert.match(table, /<td class="tier" rowspan="3">投入（20分）<\/td>/);
      assert.match(table, /<th scope="col">指标解释<\/th><th scope="col">评分标准<\/th><th scope="col">得分<\/th>/);
      assert.match(table, /<td class="tier" rowspan="2">目标设定/);
      assert.match(table, /<td class="tier" rowspan="2">过程/);
      assert.match(table, /<td class="tier">预算配置/);
      const widths = gridWidths(table);
      assert.equal(widths.length, 1 + 5 + 1);
      assert.ok(widths.every((w) => w === 7), `grid widths ${widths.join(",")}`);
    });

    it("keeps the grid rectangular for shallow leaves (colspan)", () => {
      const text = "单位：X镇\n年度：2021\n# 表\n## 投入（40分）\n### 甲（40分）\n#### 子（20分）\n得分：20\n#### 丑（20分）\n得分：20\n## 满意度（60分）\n得分：50\n偏差原因：略\n";
      const table = tableHtml(html(text), "score-table");
      assert.match(table, /<td class="tier leaf" colspan="3">满意度（60分）<\/td>/);
      assert.ok(gridWidths(table).every((w) => w === 6));
    });

    it("prints the computed total and grade, with no review wording and no warning colours", () => {
      const doc = html(THREE_LEVEL);
      assert.match(doc, /合计<\/th><td class="num">100<\/td><td colspan="2">等级：差<\/td><td class="num score">59<\/td>/);
      assert.match(doc, /<strong class="total">59<\/strong> 分/);
      const body = doc.slice(doc.indexOf("<body"));
      for (const word of ["填报", "与计算不符", "未填写", "未能计分", 'class="warn', "审核"]) assert.ok(!body.includes(word), word);
    });

    it("draws one SVG bar per top-level indicator, scaled to the largest weight", () => {
      const doc = html(THREE_LEVEL);
      const svg = doc.slice(doc.indexOf("<svg"), doc.indexOf("</svg>"));
      assert.equal((svg.match(/class="bar-score"/g) ?? []).length, 2);
      assert.equal((svg.match(/class="bar-weight"/g) ?? []).length, 2);
      assert.match(svg, /<text class="bar-label"[^>]*>投入<\/text>/);
      assert.match(svg, /<text class="bar-value"[^>]*>14 \/ 20<\/text>/);
      const widths = [...svg.matchAll(/class="bar-weight"[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
      assert.deepEqual(widths, [95, 380]);
      const scores = [...svg.matchAll(/class="bar-score"[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
      assert.deepEqual(scores, [66.5, 213.75]);
    });

    it("truncates long chart labels and keeps the full name in <title>", () => {
      const name = "这是一个非常非常非常非常长的一级指标名称";
      const doc = html(`单位：X镇\n年度：2021\n# 表\n## ${name}（100分）\n得分：100\n`);
      assert.match(doc, new RegExp(`<title>${name}：得分 100 / 分值 100</title>`));
      assert.match(doc, /<text class="bar-label"[^>]*>这是一个非常非常非…<\/text>/);
    });

    it("has no chart and no score table without weighted indicators", () => {
      const doc = html("单位：X镇\n年度：2021\n# 一\n正文\n");
      assert.doesNotMatch(doc, /<svg|score-table/);
    });

    it("adds the review (审核意见) after the report when asked, and renders it alone", () => {
      assert.doesNotMatch(html(THREE_LEVEL), /审核意见/);
      const doc = html(THREE_LEVEL, EXPORT, true);
      assert.ok(doc.indexOf("<h2>二、填报与计算不一致</h2>") > doc.indexOf('<section class="attachment">'));
      assert.match(doc, /<tr><td class="num">7<\/td><td>自评总分<\/td><td class="num">96<\/td><td class="num">59<\/td><\/tr>/);
      assert.match(doc, /<td class="num">7<\/td><td class="sev-警告">警告<\/td><td><code>PE502<\/code><\/td>/);
      const alone = renderReport(analyzeText(THREE_LEVEL), "html", { review: true });
      assert.match(alone, /<h1 class="title">巨鹿县小吕寨镇人民政府 2021 年度部门整体支出绩效自评报告审核意见<\/h1>/);
      assert.doesNotMatch(alone, /score-table/);
    });

    it("renders a 项目支出 file's form as one rectangular table, with the funding block and 改进措施", () => {
      const project = readFileSync(join(__dirname, "../../examples/project/2022-rural-road.perf"), "utf8");
      const doc = html(project);
      const table = tableHtml(doc, "form");
      const widths = gridWidths(table);
      assert.ok(widths.length > 10 && widths.every((w) => w === 9), widths.join(","));
      assert.match(table, /<th rowspan="5">项目资金（万元）<\/th>/);
      assert.match(table, /<td class="num">1200<\/td><td class="num">1350<\/td><td class="num">1296<\/td><td class="num">10<\/td><td class="num">96%<\/td><td class="num">9.6<\/td>/);
      assert.ok(table.includes("提前开展征地协调"));
      assert.doesNotMatch(doc, /score-table/);
    });

    it("renderReport('html') defaults to export and the light theme", () => {
      const doc = renderReport(analyzeText(THREE_LEVEL), "html");
      assert.match(csp(doc), /style-src 'sha256-/);
      assert.match(doc, /<body class="theme-light">/);
    });
  });
});
