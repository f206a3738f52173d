/**
 * Injection through the editor features (issue #6): hostile names and prose
 * must reach hover Markdown and inlay hint tooltips as text. The report's own
 * injection tests are in test/report/injection.test.ts; this file covers the
 * editor side and the report through `renderReport` (the entry point the CLI
 * and the webview use).
 */
import assert from "node:assert/strict";
import { analyze } from "../../server/src/analysis";
import { hover } from "../../server/src/features/hover";
import { inlayHints, resolveInlayHint } from "../../server/src/features/hints";
import { renderReport } from "../../server/src/report/index";

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert(1)</script>";
const RLO = "\u202E";

const TEXT = [
  "单位：测试镇",
  "年度：2024",
  "自评总分：10",
  `${IMG}：100 万元`,
  `执行数：90 万元`,
  `执行率：90% = 执行数 ÷ 「${IMG}」`,
  "",
  `# 一、${SCRIPT} 情况 [点我](javascript:alert(1)) {{${IMG}}} {{<script>}} ${RLO}abc`,
  "",
  `## ${SCRIPT}指标${RLO}（10分）`,
  `公式：执行数 ÷ 「${IMG}」`,
  "评分：≥95% 满分；≤85% 0分",
  `偏差原因：${SCRIPT} [x](javascript:alert(1)) ${IMG}`,
  "",
].join("\n");

/** Markdown that a Markdown renderer (VS Code's, with HTML disabled or not) would turn into an element or link. */
function assertInertMarkdown(md: string, where: string): void {
  // Inside a code span (`…`) nothing is markup: drop code spans before looking.
  md = md.replace(/`[^`\n]*`/g, "`code`");
  assert.doesNotMatch(md, /(?<!\\)<\/?(img|script)/i, `${where}: raw tag in ${md}`);
  assert.doesNotMatch(md, /(?<!\\)\]\(javascript:/i, `${where}: live javascript: link in ${md}`);
}

describe("robustness: injection through hover and inlay hints", () => {
  const a = analyze(TEXT);
  const lines = TEXT.split("\n");

  it("hover on a data name `<img src=x onerror=alert(1)>` (a quoted reference: keys cannot hold `<`) escapes it in the Markdown", () => {
    const at = lines[10].indexOf("<img") + 2;
    const h = hover(a, 10, at);
    assert.ok(h, "no hover on the data name");
    const md = (h.contents as { value: string }).value;
    assert.ok(md.includes("\\<img src=x onerror=alert(1)\\>") || md.includes("&lt;img"), md);
    assertInertMarkdown(md, "data hover");
  });

  it("hover on every position of every line yields inert Markdown", () => {
    for (let line = 0; line < lines.length; line++) {
      for (let ch = 0; ch <= lines[line].length; ch++) {
        const h = hover(a, line, ch);
        if (h) assertInertMarkdown((h.contents as { value: string }).value, `hover ${line}:${ch}`);
      }
    }
  });

  it("inlay hint labels and tooltips are inert", () => {
    const hints = inlayHints(a, { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }).map((h) => resolveInlayHint(a, h));
    assert.ok(hints.length > 0);
    for (const h of hints) {
      const label = typeof h.label === "string" ? h.label : h.label.map((p) => p.value).join("");
      assert.doesNotMatch(label, /<img|<script/i, label);
      const tip = typeof h.tooltip === "string" ? h.tooltip : h.tooltip?.value;
      if (tip) assertInertMarkdown(tip, `hint tooltip at ${h.position.line}`);
    }
    const tips = hints.map((h) => (typeof h.tooltip === "string" ? h.tooltip : (h.tooltip?.value ?? ""))).join("\n");
    assert.ok(tips.includes("\\<img"), `the hostile name should appear escaped in a tooltip:\n${tips}`);
  });

  for (const [name, options] of [
    ["exported HTML", { csp: "export" as const }],
    ["preview HTML (webview CSP)", { csp: { webview: { cspSource: "vscode-webview://x", nonce: "bm9uY2Utbm9uY2Utbm9uY2U=" } }, theme: "vscode" as const }],
  ] as const) {
    it(`${name}: renders the hostile text as text, behind a strict CSP first in <head>`, () => {
      const html = renderReport(a, "html", { ...options, includeDiagnostics: true, showDataLines: true });
      assert.doesNotMatch(html, /<script|<img|<[a-z][^>]*\son\w+=|href="\s*javascript:/i);
      assert.ok(html.includes("&lt;script&gt;"), "the script tag should be shown as text");
      assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(html), "a bidi control reached the HTML");
      const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? "";
      const firstTag = /<[a-z][^>]*>/i.exec(head)?.[0] ?? "";
      // The charset declaration may precede it; the CSP must come before anything that loads or runs.
      const beforeCsp = head.slice(0, head.indexOf("Content-Security-Policy"));
      assert.ok(firstTag.includes("Content-Security-Policy") || /^\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy"/i.test(head), `CSP is not first in <head>: ${beforeCsp}`);
      const csp = (/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? "").replace(/&#39;/g, "'").replace(/&quot;/g, '"');
      assert.match(csp, /default-src 'none'/);
      assert.doesNotMatch(csp, /script-src/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    });
  }

  it("Markdown export: no raw tag, no live javascript: link, no bidi control", () => {
    const md = renderReport(a, "md", { includeDiagnostics: true, showDataLines: true });
    assertInertMarkdown(md, "markdown export");
    assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(md), "a bidi control reached the Markdown");
  });
});
