/**
 * What is shown is computed once: hints, the outline, the status bar and the
 * summary read labels and facts stored on the evaluation, never a trace. A
 * trace is made when it is read (a hint resolved, a hover, the report), and
 * making it changes nothing.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../../server/src/analysis";
import { inlayHints, resolveInlayHint } from "../../server/src/features/hints";
import { documentSymbols } from "../../server/src/features/symbols";
import { summarizeEvaluation } from "../../server/src/summary/summary";
import { buildReviewDocument } from "../../server/src/report/model";
import { Traced } from "../../server/src/scoring/trace";

const root = join(__dirname, "..", "..");
const examples = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".perf"));

/** Count the traces read while `fn` runs. */
function tracesRead(fn: () => void): number {
  const descriptor = Object.getOwnPropertyDescriptor(Traced.prototype, "trace")!;
  let count = 0;
  Object.defineProperty(Traced.prototype, "trace", {
    ...descriptor,
    get(this: Traced) {
      count++;
      return descriptor.get!.call(this);
    },
  });
  try {
    fn();
  } finally {
    Object.defineProperty(Traced.prototype, "trace", descriptor);
  }
  return count;
}

const everything = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

describe("what is shown is computed once", () => {
  for (const file of examples) {
    it(`${file}: the whole document's hints, the outline and the summary read no trace`, () => {
      const a = analyze(readFileSync(join(root, "examples", file), "utf8"));
      let hints: ReturnType<typeof inlayHints> = [];
      const read = tracesRead(() => {
        hints = inlayHints(a, everything);
        documentSymbols(a);
        summarizeEvaluation(file, a);
      });
      assert.ok(hints.length > 0);
      assert.equal(read, 0, "no trace is made for hints, outline or summary");
      // Resolving a hint makes its trace: the same tooltip every time, and the labels do not change.
      const labels = hints.map((h) => h.label);
      const headings = new Set([...a.model.indicators, ...a.model.measures].map((i) => i.line));
      const scoreHints = hints.filter((h) => headings.has(h.position.line));
      assert.ok(scoreHints.every((h) => resolveInlayHint(a, h).tooltip !== undefined), "each score hint resolves to its trace");
      const withTrace = hints.filter((h) => resolveInlayHint(a, h).tooltip !== undefined);
      assert.ok(withTrace.length > 0);
      const first = withTrace.map((h) => resolveInlayHint(a, h).tooltip);
      assert.deepEqual(withTrace.map((h) => resolveInlayHint(a, h).tooltip), first);
      assert.deepEqual(inlayHints(a, everything).map((h) => h.label), labels);
    });
  }

  const leaf = (stated: string) =>
    ["单位：测试单位", "年度：2024", "类型：部门整体支出", "", "## 产出（100分）", "### 质量达标（100分）", "评分：符合 99.995；不符合 0", "结果：符合", `得分：${stated}`, "偏差原因：无"].join("\n");

  it("a stated score that agrees at its own decimals is not shown as differing (the review reads the evaluation's fact)", () => {
    const a = analyze(leaf("100"));
    const ind = a.model.indicators.find((i) => i.name === "质量达标")!;
    const r = a.evaluation.results.get(ind)!;
    // 得分精度 (issue 10): the score as printed is 99.995 rounded to two decimals; the exact value is kept beside it.
    assert.equal(r.score?.toString(), "100");
    assert.equal(r.exact?.toString(), "99.995");
    assert.equal(r.statedScoreDiffers, false, "100 agrees with 99.995 at two decimals");
    assert.equal(r.chosenOption, "符合");
    const differences = buildReviewDocument(a).differences.map((d) => d.item);
    assert.ok(!differences.some((d) => d.includes("质量达标")), differences.join(", "));
  });

  it("a stated score that differs is listed in the review with the computed one", () => {
    const a = analyze(leaf("90"));
    const ind = a.model.indicators.find((i) => i.name === "质量达标")!;
    assert.equal(a.evaluation.results.get(ind)!.statedScoreDiffers, true);
    assert.ok(a.evaluation.diagnostics.some((d) => d.code === "PE501"));
    const differences = buildReviewDocument(a).differences;
    assert.ok(differences.some((d) => d.item.includes("质量达标") && d.stated === "90"), JSON.stringify(differences));
  });

  it("a linear band's direction is the rule's: lower is better when full score is at the low end", () => {
    const text = ["单位：测试单位", "年度：2024", "", "## 预算调整率（100分）", "实际：8%", "评分：≤5% 满分；≥15% 0分", "偏差原因：追加预算"].join("\n");
    const a = analyze(text);
    const r = a.evaluation.results.get(a.model.indicators[0])!;
    assert.equal(r.direction, "lower");
    assert.equal(summarizeEvaluation("t.perf", a).linearBands[0]?.lowerIsBetter, true);
    assert.match(r.label, /^8% → 70\/100$/);
  });
});
