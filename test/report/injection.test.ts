/**
 * Robustness: a .perf file is untrusted input. Whatever it holds — HTML, script
 * links, placeholders full of markup, bidi controls — the report shows it as
 * text and never lets it act.
 */
import assert from "node:assert/strict";
import { analyzeText } from "../helpers";
import { buildReport } from "../../server/src/report/model";
import { renderHtml } from "../../server/src/report/html";
import { renderMarkdown } from "../../server/src/report/markdown";
import { renderDocx } from "../../server/src/report/docx";
import { cleanText, BIDI_CONTROLS } from "../../server/src/report/text";
import { DATA_NAME, HOSTILE, PROSE_DATA_NAME } from "./fixtures";
import { ALLOWED_ATTRS, ALLOWED_TAGS, assertBalanced, tags } from "./html-check";
import { documentXml } from "./unzip";

const BIDI_ALL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

function hostileReport(): ReturnType<typeof buildReport> {
  return buildReport(analyzeText(HOSTILE), { includeDiagnostics: true, showDataLines: true });
}

const variants = [
  ["export/light", { csp: "export" as const, theme: "light" as const }],
  ["webview/vscode", { csp: { webview: { cspSource: "vscode-webview://x", nonce: "bm9uY2Utbm9uY2Utbm9uY2U=" } }, theme: "vscode" as const }],
] as const;

describe("report injection", () => {
  it("the fixture really carries the hostile text into the model", () => {
    const a = analyzeText(HOSTILE);
    assert.ok(a.model.roots[0].name.includes("<script>"));
    assert.ok(a.model.data.has(DATA_NAME));
    assert.ok(a.evaluation.placeholders.some((p) => p.placeholder.name === "<script>"));
  });

  for (const [name, options] of variants) {
    describe(`HTML (${name})`, () => {
      const doc = renderHtml(hostileReport(), options);

      it("contains no <script, no event-handler attribute, no script or data href", () => {
        assert.doesNotMatch(doc, /<script/i);
        assert.doesNotMatch(doc, /<img/i);
        assert.doesNotMatch(doc, /<b onmouseover/i);
        for (const t of tags(doc)) {
          for (const a of t.attrs) {
            assert.ok(!a.name.startsWith("on"), `event handler ${t.raw}`);
            if (a.name === "href") assert.match(a.value, /^(https?:|mailto:|#)/i, `href ${a.value}`);
          }
        }
        assert.doesNotMatch(doc, /href="\s*(javascript|vbscript|data):/i);
      });

      it("contains only the tags and attributes the report emits, balanced", () => {
        for (const t of tags(doc)) {
          assert.ok(ALLOWED_TAGS.has(t.name), `tag ${t.raw}`);
          for (const a of t.attrs) assert.ok(ALLOWED_ATTRS.has(a.name), `attribute ${a.name} in ${t.raw}`);
        }
        assertBalanced(doc);
      });

      it("shows the hostile texts escaped, as text", () => {
        const title = doc.slice(doc.indexOf("<title>"), doc.indexOf("</title>"));
        assert.match(title, /&lt;script&gt;alert\(1\)&lt;\/script&gt;镇\[U\+202E\]府/);
        // unit name in metadata, section heading, prose, indicator names, options, notes, reasons
        assert.match(doc, /<td>&lt;script&gt;alert\(1\)&lt;\/script&gt;镇\[U\+202E\]府<\/td>/);
        assert.match(doc, /<h2>一、&lt;script&gt;alert\(1\)&lt;\/script&gt; 一、基本情况<\/h2>/);
        assert.match(doc, /正文 &lt;script&gt;alert\(1\)&lt;\/script&gt; 与 &lt;img src=x onerror=alert\(1\)&gt;/);
        assert.match(doc, /<td class="tier">&lt;script&gt;alert\(1\)&lt;\/script&gt;投入/);
        assert.match(doc, /二级&lt;img src=x onerror=alert\(1\)&gt;/);
        assert.match(doc, /选项计分：&lt;script&gt;符合 60分/);
        assert.match(doc, /&lt;b onmouseover=alert\(1\)&gt;粗&lt;\/b&gt; &amp; &quot;引号&quot; ('|&#39;)single('|&#39;)/); // markdown-it leaves ' as is in text, which is safe
        assert.match(doc, /<td>&lt;img src=x onerror=alert\(1\)&gt;<\/td>/); // project
      });

      it("keeps script links as text: [x](javascript:…) is not a link", () => {
        assert.match(doc, /\[点我\]\(javascript:alert\(1\)\)/);
        assert.match(doc, /\[也点我\]\(JAVASCRIPT:alert\(1\)\)/);
        assert.match(doc, /&lt;javascript:alert\(1\)&gt;/);
        assert.match(doc, /\[x\]\(vbscript:msgbox\(1\)\)/);
        assert.match(doc, /<td>\[x\]\(javascript:alert\(1\)\)<\/td>/); // 负责人
      });

      it("keeps unknown placeholders full of markup as escaped text", () => {
        assert.match(doc, /\{\{&lt;script&gt;\}\}/);
        assert.match(doc, /\{\{&lt;script&gt;alert\(1\)&lt;\/script&gt;\}\}/);
        assert.match(doc, /\{\{&lt;img src=x onerror=alert\(1\)&gt;\}\}/);
      });

      it("escapes data names (in the basis, in prose data lines) and fills a placeholder that names one", () => {
        assert.match(doc, /执行数 ÷ 100 万元|90 万元 ÷ 100 万元/);
        assert.match(doc, /公式：执行数 ÷ 「&quot;预算&#39;数&amp;\[x\]\(y\)\|\*_\[U\+202E\]」/); // the formula in 评分依据
        assert.match(doc, /&quot;说明('|&#39;)数&amp;\[x\]\(y\)\|\[U\+202E\]：5 个/); // the prose data line, shown
        assert.match(doc, /预算 100 万元/); // {{DATA_NAME}} filled
      });

      it("neutralises bidi controls: none is left, each is shown as a visible [U+XXXX] marker", () => {
        assert.doesNotMatch(doc, BIDI_ALL);
        for (const code of ["202E", "2066", "2067", "2068", "2069"]) assert.ok(doc.includes(`[U+${code}]`), `marker U+${code}`);
        assert.match(doc, /\[U\+2066\]甲\[U\+2069\]\[U\+2067\]乙\[U\+2069\]\[U\+2068\]丙\[U\+2069\]/);
      });

      it("keeps the CSP first in head, from default-src 'none', without script-src", () => {
        const head = doc.slice(doc.indexOf("<head>") + 6);
        assert.match(head, /^\s*<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; /);
        const policy = /Content-Security-Policy" content="([^"]*)"/.exec(doc)![1];
        assert.doesNotMatch(policy, /script-src/);
      });
    });
  }

  describe("Markdown", () => {
    const md = renderMarkdown(hostileReport());

    it("contains no raw HTML tag and no live script link", () => {
      assert.doesNotMatch(md, /<(script|img|b)\b/i);
      assert.doesNotMatch(md, /(?<!\\)\]\(\s*(javascript|vbscript|data):/i); // an escaped \] is no link
      const withoutBr = md.replace(/<br>/g, "");
      assert.doesNotMatch(withoutBr, /(?<!\\)<[a-z/]/i);
    });

    it("escapes | in table cells so rows keep their columns", () => {
      const row = md.split("\n").find((l) => l.includes("执行率") && l.startsWith("|"))!;
      const cells = row.split(/(?<!\\)\|/).length - 2;
      assert.equal(cells, 7);
    });

    it("neutralises bidi controls", () => {
      assert.doesNotMatch(md, BIDI_ALL);
      assert.match(md, /\\\[U\+202E\\\]/);
    });
  });

  describe("Word", () => {
    let xml = "";
    before(async () => {
      xml = documentXml(await renderDocx(hostileReport()));
    });

    it("holds the table and the hostile names as escaped XML text", () => {
      assert.match(xml, /<w:tbl>/);
      assert.ok(xml.includes("&lt;script&gt;alert(1)&lt;/script&gt;投入"));
      assert.ok(xml.includes("二级&lt;img src=x onerror=alert(1)&gt;"));
      assert.ok(xml.includes("&amp;"));
      assert.doesNotMatch(xml, /<script|<img/);
    });

    it("has no bidi or control characters (XML 1.0 could not even hold some)", () => {
      assert.doesNotMatch(xml, BIDI_ALL);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      assert.ok(xml.includes("[U+202E]"));
    });
  });

  describe("cleanText", () => {
    it("marks bidi and control characters, fixes lone surrogates, keeps the rest", () => {
      assert.equal(cleanText("a\u202Eb\u2066c\u2069"), "a[U+202E]b[U+2066]c[U+2069]");
      assert.equal(cleanText("x\u0000y\u0007z\u007F"), "x[U+0000]y[U+0007]z[U+007F]");
      assert.equal(cleanText("tab\tnl\n"), "tab\tnl\n");
      assert.equal(cleanText("a\uD800b"), "a\uFFFDb");
      assert.equal(cleanText("𠀀中文"), "𠀀中文");
      assert.ok(!BIDI_CONTROLS.test(cleanText("\u200E\u200F\u061C\u202A\u202B\u202C\u202D")));
    });

    it("markers in Markdown prose cannot become link text", () => {
      const r = buildReport(analyzeText(`单位：X镇\n年度：2021\n# 一\n\u202E(https://evil.example)\n`));
      const p = r.body[0].kind === "section" ? r.body[0].paragraphs[0] : undefined;
      assert.equal(p?.kind === "text" && p.markdown, "\\[U+202E\\](https://evil.example)");
      const doc = renderHtml(r, { csp: "export", theme: "light" });
      assert.doesNotMatch(doc, /<a /);
    });
  });

  it("the prose data name fixture is present", () => {
    assert.ok(HOSTILE.includes(PROSE_DATA_NAME));
  });
});
