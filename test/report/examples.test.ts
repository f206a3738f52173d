/**
 * The report over every example file: every writer runs, the structure
 * follows the analysis (one row per leaf, one bar per top-level indicator,
 * placeholders filled), and the HTML holds only what the report emits.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeText } from "../helpers";
import { stripNumber } from "../../server/src/report/numbering";
import { buildReport } from "../../server/src/report/model";
import { renderHtml } from "../../server/src/report/html";
import { renderMarkdown } from "../../server/src/report/markdown";
import { renderDocx } from "../../server/src/report/docx";
import type { Indicator } from "../../server/src/model/types";
import { ALLOWED_ATTRS, ALLOWED_TAGS, assertBalanced, gridWidths, tableHtml, tags } from "./html-check";
import { documentXml } from "./unzip";

const DIR = join(__dirname, "../../examples");
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".perf")).sort();

function leaves(roots: readonly Indicator[]): Indicator[] {
  return roots.flatMap((r) => (r.children.length ? leaves(r.children) : [r]));
}

describe("report on the examples", () => {
  it("finds the examples", () => {
    assert.ok(FILES.length >= 3);
  });

  for (const file of FILES) {
    describe(file, () => {
      const text = readFileSync(join(DIR, file), "utf8");
      const analysis = analyzeText(text);
      const report = buildReport(analysis, { includeDiagnostics: true });
      const html = renderHtml(report, { csp: "export", theme: "light" });

      it("has a title (from the header or the file's own title heading), printed once, and the unit in the metadata", () => {
        const unit = analysis.model.header.get("单位")!.value;
        const heading = analysis.model.sections.find((s) => s.title === report.title);
        assert.ok(report.title.startsWith(unit) || analysis.model.header.has("标题") || heading, report.title);
        const titles = [...report.body, ...report.attachments.flatMap((a) => a.blocks)].flatMap((b) => (b.kind === "scoring" ? [] : [b.title]));
        assert.ok(!titles.includes(report.title), "the title is not a heading too");
        assert.equal(report.metadata[0].value, unit);
      });

      it("follows the analysis: every section, rows, bars, goals", () => {
        const shown = new Set([report.title, ...report.attachments.map((a) => `附件：${a.name}`), ...[...report.body, ...report.attachments.flatMap((a) => a.blocks)].flatMap((b) => (b.kind === "section" ? [b.title] : []))]);
        for (const s of analysis.model.sections) assert.ok(shown.has(stripNumber(s.title).replace(/[。．.]$/, "")) || shown.has(s.title) || report.attachments.some((a) => s.title.includes(a.name)), s.title);
        assert.equal(report.scoring?.rows.length ?? 0, leaves(analysis.model.roots).length);
        assert.equal(report.chart.length, analysis.model.roots.length);
        assert.equal(report.goals.length, analysis.model.measures.length);
      });

      it("fills every known placeholder", () => {
        for (const p of analysis.evaluation.placeholders) {
          if (p.value === undefined) continue;
          assert.ok(!html.includes(`{{${p.placeholder.name}}}`), p.placeholder.name);
        }
      });

      it("HTML: balanced, only the report's own tags and attributes, a rectangular scoring grid", () => {
        assertBalanced(html);
        for (const t of tags(html)) {
          assert.ok(ALLOWED_TAGS.has(t.name), t.raw);
          for (const a of t.attrs) assert.ok(ALLOWED_ATTRS.has(a.name), `${a.name} in ${t.raw}`);
        }
        if (report.scoring) {
          // A 项目支出 file is laid out as the national form (class "form"), others as the score table.
          const widths = gridWidths(tableHtml(html, report.projectForm ? "form" : "score-table"));
          assert.ok(widths.every((w) => w === widths[0]), widths.join(","));
          assert.equal((html.match(/class="bar-score/g) ?? []).length, analysis.model.roots.length);
        }
      });

      it("Markdown: every table row has its header's column count", () => {
        const md = renderMarkdown(report);
        const lines = md.split("\n");
        let expected = 0;
        for (let i = 0; i < lines.length; i++) {
          const l = lines[i];
          if (!l.startsWith("|")) {
            expected = 0;
            continue;
          }
          const n = l.split(/(?<!\\)\|/).length - 2;
          if (expected === 0) expected = n;
          assert.equal(n, expected, `line ${i + 1}: ${l}`);
        }
      });

      it("Word: the scoring table and every indicator name", async () => {
        const xml = documentXml(await renderDocx(report));
        if (!report.scoring) return;
        assert.match(xml, /<w:tbl>/);
        const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
        const plain = xml.replace(/<[^>]+>/g, "");
        for (const row of report.scoring.rows) assert.ok(plain.includes(escapeXml(row.name.split(" › ").at(-1)!)), row.name);
      });
    });
  }

  describe("002-xiaolvzhai-2021 (the seed's three-level 评分表)", () => {
    const file = FILES.find((f) => f.startsWith("002-"));
    if (!file) return;
    const report = buildReport(analyzeText(readFileSync(join(DIR, file), "utf8")));

    it("has 投入/过程/产出/效果 as one bar each, in three tier columns", () => {
      assert.deepEqual(report.chart.map((b) => b.name), ["投入", "过程", "产出", "效果"]);
      assert.equal(report.scoring?.tierCount, 3);
      const first = report.scoring!.rows[0].tiers[0];
      assert.ok(first.kind === "cell" && first.cell.name === "投入" && first.cell.rowSpan > 1);
    });
  });
});
