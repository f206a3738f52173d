/** Reusing the previous analysis after an edit gives exactly what a fresh analysis gives. */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { analyze, type Analysis } from "../server/src/analysis";

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
