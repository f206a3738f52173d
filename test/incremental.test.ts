/** Reusing the previous analysis after an edit gives exactly what a fresh analysis gives. */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { analyze, type Analysis } from "../server/src/analysis";
import { SUGGESTION_BUDGET } from "../server/src/scoring/suggestions";

const root = join(__dirname, "..");

function summary(a: Analysis): unknown {
  return {
    total: a.evaluation.total?.toString(),
    grade: a.evaluation.grade,
    scores: a.model.indicators.map((i) => `${i.line}:${i.name}=${a.evaluation.results.get(i)?.score?.toString()}`),
    measures: a.model.measures.map((i) => `${i.line}:${a.evaluation.results.get(i)?.rate?.toString()}`),
    diagnostics: a.evaluation.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character} ${d.message}`),
    placeholders: a.evaluation.placeholders.map((p) => p.value),
    // Traces are made when read (a leaf is evaluated again): a reused leaf's must be a fresh one's.
    fields: [...a.model.indicators, ...a.model.measures].map((i) => [...i.fields].map(([k, f]) => `${k}@${f.line}=${f.value}`).join("|")),
    traces: [...a.model.indicators, ...a.model.measures].map((i) => JSON.stringify(a.evaluation.results.get(i)?.trace)),
    dataTraces: a.model.allData.map((d) => JSON.stringify(a.evaluation.data.get(d)?.trace)),
  };
}

// A small deterministic PRNG, so failures reproduce.
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe("incremental analysis", () => {
  for (const file of readdirSync(join(root, "examples")).filter((f) => f.endsWith(".perf"))) {
    it(`${file}: 60 random edits, each analysed with the previous analysis, equal a fresh analysis`, () => {
      const rand = rng(file.length * 7919);
      let lines = readFileSync(join(root, "examples", file), "utf8").split("\n");
      let prev = analyze(lines.join("\n"));
      for (let step = 0; step < 60; step++) {
        const i = Math.floor(rand() * lines.length);
        const kind = rand();
        if (kind < 0.3) lines[i] = lines[i].replace(/\d/, (d) => String((Number(d) + 1) % 10));
        else if (kind < 0.5) lines.splice(i, 0, lines[Math.floor(rand() * lines.length)]);
        else if (kind < 0.7) lines.splice(i, 1);
        else if (kind < 0.85) lines[i] = `${lines[i]}x`;
        else lines[i] = lines[i].replace(/(\d+)分/, (_m, n: string) => `${Number(n) + 1}分`);
        const text = lines.join("\n");
        const inc = analyze(text, prev);
        assert.deepEqual(summary(inc), summary(analyze(text)), `after step ${step}`);
        prev = inc;
      }
      lines = [];
    });
  }
});

/**
 * A reused leaf gave its diagnostics the first time; what they say must depend only on what the reuse key compares.
 * PE601's "是否指…" reads the file's shared data names (fuzz seed 78 case 990) and a per-evaluation budget of
 * suggestions that earlier leaves use up.
 */
describe("incremental analysis: a reused leaf's 'did you mean' (PE601)", () => {
  const pe601 = (a: Analysis) => a.evaluation.diagnostics.filter((d) => d.code === "PE601").map((d) => `${d.range.start.line}:${d.message}`);

  it("follows the shared data names when a data line is renamed and the leaf's block is unchanged", () => {
    const leaf = "## 评分表\n### 在职人员控制率（10分）\n评分：比例\n公式：在职人员数 ÷ 编制数\n";
    const before = `单位：X镇\n年度：2021\n预算数：1000 万元\n${leaf}`;
    const after = `单位：X镇\n年度：2021\n编制总数：1000 万元\n${leaf}`;
    const fresh = analyze(after);
    assert.ok(pe601(fresh).some((m) => m.includes("是否指“编制总数”")), pe601(fresh).join("\n"));
    assert.deepEqual(pe601(analyze(after, analyze(before))), pe601(fresh));
    // And back: the suggestion goes when the name goes.
    assert.deepEqual(pe601(analyze(before, fresh)), pe601(analyze(before)));
  });

  it("follows the suggestions that earlier leaves use up (the budget per evaluation)", () => {
    const leaves = (first: string) =>
      Array.from({ length: SUGGESTION_BUDGET + 1 }, (_, i) => `### 指标${i}（1分）\n评分：比例\n公式：${i === 0 ? first : "预算总"} ÷ 预算数\n`).join("");
    const head = "单位：X镇\n年度：2021\n预算数：1000 万元\n预算总数：1000 万元\n## 评分表\n";
    // Before: every leaf reads an unknown name, the last one past the budget; after: the first reads a known one.
    const before = `${head}${leaves("预算总")}`;
    const after = `${head}${leaves("预算数")}`;
    const fresh = analyze(after);
    assert.equal(pe601(fresh).filter((m) => m.includes("是否指")).length, SUGGESTION_BUDGET);
    assert.deepEqual(pe601(analyze(after, analyze(before))), pe601(fresh));
    assert.deepEqual(pe601(analyze(before, fresh)), pe601(analyze(before)));
  });
});

describe("incremental analysis reuses what an edit did not touch", () => {
  it("after an edit of one leaf the other leaves' results are reused (their scores are the previous analysis's objects), and the previous analysis is where they come from", () => {
    const leaf = (i: number, v: number) => `### 指标${i}（10分）\n评分：比例\n公式：在职${i} ÷ 编制数\n在职${i}：${v} 人\n`;
    const text = (first: number) => `单位：X镇\n年度：2021\n编制数：56 人\n## 评分表（30分）\n${leaf(0, first)}${leaf(1, 50)}${leaf(2, 51)}`;
    const a1 = analyze(text(50));
    const a2 = analyze(text(52), a1);
    const scores = (a: Analysis) => a.model.indicators.filter((i) => i.children.length === 0).map((i) => a.evaluation.results.get(i)?.score);
    const [s1, s2] = [scores(a1), scores(a2)];
    assert.equal(s1.length, 3);
    assert.notEqual(s2[0], s1[0], "the edited leaf is evaluated again");
    assert.ok(s2[1] === s1[1] && s2[2] === s1[2], "the untouched leaves are reused, not evaluated again (an evaluation handed on as a copy loses its records)");
    assert.deepEqual(summary(a2), summary(analyze(text(52))));
  });
});
