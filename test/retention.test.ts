/**
 * Typing in a document keeps one analysis alive, not one per keystroke: what
 * an analysis hands on to the next one (shared lines, blocks, leaf and parent
 * records, data results, sums) must not hold the evaluation, model or text
 * that made it. Checked with weak references and forced collections.
 */
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { analyze, type Analysis } from "../server/src/analysis";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Ten groups of leaves; every leaf has local data, one derived by a formula, and reads a shared figure. */
function document(values: number[]): string {
  const out = ["单位：测试镇人民政府", "年度：2024", "满分：100", "编制数：56 人", ""];
  for (let g = 0; g < 10; g++) {
    out.push(`# 一级指标${g}（10分）`, "");
    for (let i = 0; i < 10; i++) {
      const k = g * 10 + i;
      out.push(
        `## 指标${k}（1分）`,
        `在职人员数${k}：${values[k]} 人`,
        `调整数${k}：2 人`,
        `核定人数${k}：= 在职人员数${k} + 调整数${k}`,
        `公式：核定人数${k} ÷ 编制数`,
        "评分：≤100% 满分；≥115% 0分",
        "",
      );
    }
  }
  return out.join("\n");
}

/** Twelve edits in different places, each analysed from the one before; only the last analysis is returned. */
function typeAway(edit: (text: string, step: number) => string = (t) => t): { first: WeakRef<object>; firstModel: WeakRef<object>; last: Analysis } {
  const values = Array.from({ length: 100 }, (_, k) => 50 + (k % 7));
  let a: Analysis = analyze(edit(document(values), -1));
  // Traces read (hover), as an editor would.
  for (const r of a.evaluation.results.values()) void r.trace;
  for (const r of a.evaluation.data.values()) void r.trace;
  const first = new WeakRef(a.evaluation);
  const firstModel = new WeakRef(a.model);
  for (let step = 0; step < 12; step++) {
    values[(step * 37) % 100] += 1;
    a = analyze(edit(document(values), step), a);
  }
  return { first, firstModel, last: a };
}

describe("memory while typing", () => {
  it("an analysis is collected once later edits replaced it, whatever the later ones reused from it", async () => {
    const { first, firstModel, last } = typeAway();
    // A WeakRef keeps its target until the job that made it ends.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    gc();
    assert.equal(first.deref(), undefined, "the first evaluation is still reachable from the last analysis");
    assert.equal(firstModel.deref(), undefined, "the first model is still reachable from the last analysis");
    assert.ok(last.evaluation.total !== undefined);
  });

  it("the same when the edits add and remove lines, headings and placeholders", async () => {
    // Each step adds prose with a placeholder, a new indicator or blank lines somewhere, or takes them away again.
    const edits = ["说明：得分 {{自评总分}} 分", "## 新增指标（1分）\n得分：1\n理由：评价人判断", "", "\n\n"];
    const { first, firstModel, last } = typeAway((text, step) => {
      if (step < 0 || step % 3 === 2) return text;
      const lines = text.split("\n");
      lines.splice(10 + ((step * 53) % (lines.length - 20)), 0, edits[step % edits.length]);
      return lines.join("\n");
    });
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    gc();
    assert.equal(first.deref(), undefined, "the first evaluation is still reachable from the last analysis");
    assert.equal(firstModel.deref(), undefined, "the first model is still reachable from the last analysis");
    assert.ok(last.model.indicators.length > 100);
  });
});
