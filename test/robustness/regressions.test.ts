/** Regressions for the bugs the fuzz harness and the robustness suite found (issue #6). */
import assert from "node:assert/strict";
import { analyze, type Analysis } from "../../server/src/analysis";
import { codeActions } from "../../server/src/features/actions";
import { formatText } from "../../server/src/features/format";
import { formatDecimal } from "../../server/src/quantity/decimal";
import { SEED_SCORED } from "../../fuzz/mutate";

const HEADER = "单位：X镇\n年度：2021\n";

function scores(a: Analysis): string {
  return [a.evaluation.total ? formatDecimal(a.evaluation.total, 4) : "-", ...a.model.indicators.map((i) => `${i.name}=${a.evaluation.results.get(i)?.score?.toString() ?? "-"}`)].join(" ");
}

describe("robustness: regressions", () => {
  it("codeActions with a range starting on a negative line does not throw (features/actions.ts)", () => {
    const a = analyze(`${HEADER}数据：１２ 万元\n`);
    assert.doesNotThrow(() => codeActions(a, "file:///x.perf", { start: { line: -5, character: 2 }, end: { line: 10, character: 0 } }, []));
    assert.equal(codeActions(a, "file:///x.perf", { start: { line: -5, character: 2 }, end: { line: 10, character: 0 } }, []).length, 1);
  });

  it("an empty value at the very end of the file gets a diagnostic range inside the line (syntax/parse.ts)", () => {
    const text = `${HEADER}# 指标（100分）\n目标：`;
    const a = analyze(text);
    const last = text.split("\n").length - 1;
    for (const d of a.evaluation.diagnostics) {
      for (const p of [d.range.start, d.range.end]) {
        const len = text.split("\n")[p.line].length;
        assert.ok(p.character <= len, `${d.code} ${JSON.stringify(d.range)} past the end of line ${p.line} (${len})`);
      }
    }
    assert.ok(a.evaluation.diagnostics.some((d) => d.range.start.line === last));
  });

  it("formatting keeps a trailing U+2028 / U+FEFF and does not turn the line into a weighted heading (features/format.ts)", () => {
    const text = SEED_SCORED.replace(/\n/g, "\u2028\r");
    const before = analyze(text);
    const formatted = formatText(text);
    assert.equal(scores(analyze(formatted)), scores(before));
    assert.equal(formatText(formatted), formatted);
    assert.equal((formatted.match(/\u2028/g) ?? []).length, (text.match(/\u2028/g) ?? []).length);
    const bom = `${HEADER}# 指标\uFEFF（10分）\uFEFF\n- [x] 要点\uFEFF\n`;
    assert.equal(formatText(bom).replace(/\s/g, ""), bom.replace(/\s/g, ""));
  });
});
