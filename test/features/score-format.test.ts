/**
 * One formatting of scores (perf.report.decimals): a score on a sliding scale
 * reads the same in the status bar, the hints, the preview and the CLI — never
 * the unrounded 40-digit decimal.
 */
import assert from "node:assert/strict";
import { analyze } from "../../server/src/analysis";
import { summaryOf } from "../../server/src/lsp/custom-requests";
import { inlayHints } from "../../server/src/features/hints";
import { renderReport } from "../../server/src/report";
import { formatScore } from "../../server/src/quantity/decimal";
import { D } from "../../server/src/quantity/decimal";
import { readFileSync } from "node:fs";
import { join } from "node:path";

// 1 ÷ 3 on a proportional 10-point rule: 3.3333 points (得分精度 4: the table keeps four decimals, more than are shown).
const TEXT = "单位：X镇\n年度：2021\n满分：10\n得分精度：4\n自评总分：3.3333\n# A（10分）\n公式：甲 ÷ 乙\n甲：1\n乙：3\n评分：比例\n偏差原因：x\n";
const everything = { line: 0, character: 0 };

describe("one formatting of scores", () => {
  const a = analyze(TEXT);

  it("the status bar's total is rounded like the hints and the preview (2 decimals by default)", async () => {
    assert.ok(a.evaluation.total && a.evaluation.total.decimalPlaces() > 2, "the total has more decimals than are shown");
    const summary = summaryOf(a, 1);
    assert.equal(summary.total, "3.33");
    const hints = inlayHints(a, { start: everything, end: { line: 99, character: 0 } }).map((h) => String(h.label).replace(/\u00a0/g, " "));
    assert.ok(hints.includes("计算 3.33 · 差"), hints.join(" | "));
    assert.ok(hints.some((h) => h.endsWith("3.33/10")), hints.join(" | "));
    const md = (await renderReport(a, "md", { decimals: 2 })) as string;
    assert.match(md, /自评总分\*\*：3\.33 分/);
    assert.match(md, /\| 3\.33 \|\n/);
    assert.doesNotMatch(md, /3\.333/);
  });

  it("perf.report.decimals applies to every surface alike", async () => {
    assert.equal(summaryOf(a, 1, 3).total, "3.333");
    const hints = inlayHints(a, { start: everything, end: { line: 99, character: 0 } }, { scores: true, subtotals: true, total: true, data: true, placeholders: true, decimals: 3 }).map((h) => String(h.label).replace(/\u00a0/g, " "));
    assert.ok(hints.includes("计算 3.333 · 差"), hints.join(" | "));
    const md = (await renderReport(a, "md", { decimals: 3 })) as string;
    assert.match(md, /自评总分\*\*：3\.333 分/);
    assert.match(md, /\| 3\.333 \|\n/);
    assert.equal(summaryOf(a, 1, 0).total, "3");
  });

  it("formatScore rounds half up and drops trailing zeros", () => {
    assert.equal(formatScore(new D("94.28677591463414634146341463414634146342")), "94.29");
    assert.equal(formatScore(new D("2.005")), "2.01");
    assert.equal(formatScore(new D("90.10"), 2), "90.1");
    assert.equal(formatScore(undefined), "—");
  });
});

describe("hints never split inside a number", () => {
  it("a hint keeps a number with its unit (no-break space) and .perf word wrap never breaks at . , / %", () => {
    const text = "单位：X镇\n年度：2021\n满分：10\n# A（10分）\n目标：≥ 4 万亩\n实际：4.8 万亩\n偏差原因：x\n";
    const labels = inlayHints(analyze(text), { start: everything, end: { line: 99, character: 0 } }).map((h) => String(h.label));
    const a = labels.find((l) => l.includes("4.8"));
    assert.ok(a, labels.join(" | "));
    assert.ok(a.includes("4.8\u00a0万亩"), JSON.stringify(a));
    assert.ok(!/\d [^\s·→]/.test(a), JSON.stringify(a));
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8"));
    const breakAfter: string = pkg.contributes.configurationDefaults["[perf]"]["editor.wordWrapBreakAfterCharacters"];
    for (const c of [".", ",", "/", "%"]) assert.ok(!breakAfter.includes(c), c);
    for (const c of ["，", "。", "；", " "]) assert.ok(breakAfter.includes(c), `prose still wraps after ${c}`);
  });
});
