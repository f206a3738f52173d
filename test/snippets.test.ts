/**
 * The editor snippets (snippets/perf.code-snippets): each "new indicator"
 * snippet, expanded with its default values under a minimal header, is a
 * valid indicator of the rule kind it names and scores without errors.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../server/src/analysis";
import type { RuleKind } from "../server/src/scoring/types";

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

const snippets = JSON.parse(readFileSync(join(__dirname, "..", "snippets", "perf.code-snippets"), "utf8")) as Record<string, Snippet>;

/** Expand a snippet body with its defaults: ${n:x} → x, ${n|a,b|} → a, $n / ${n} → the value of n, $0 → "". */
function expand(body: string[]): string {
  const values = new Map<string, string>();
  let text = body.join("\n");
  for (let guard = 0; guard < 20; guard++) {
    const before = text;
    text = text.replace(/\$\{(\d+):([^{}$]*)\}/g, (_m, n: string, d: string) => {
      values.set(n, d);
      return d;
    });
    text = text.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_m, n: string, opts: string) => {
      const first = opts.split(",")[0];
      values.set(n, first);
      return first;
    });
    text = text.replace(/\$\{(\d+)\}|\$(\d+)/g, (m, a: string | undefined, b: string | undefined) => {
      const n = a ?? b ?? "";
      return n === "0" ? "" : (values.get(n) ?? m);
    });
    if (text === before) break;
  }
  return text;
}

const KINDS: Record<string, RuleKind> = {
  "indicator-options": "options",
  "indicator-checklist": "checklist",
  "indicator-linear": "linearBand",
  "indicator-steps": "stepBands",
  "indicator-per-point": "perPoint",
  "indicator-proportional": "proportional",
  "indicator-target": "targetCompletion",
  "indicator-qualitative": "qualitative",
  "indicator-deduction": "deduction",
  "indicator-judgement": "judgement",
};

describe("snippets", () => {
  for (const key of Object.keys(KINDS)) {
    it(`${key} expands to a valid indicator`, () => {
      const s = snippets[key];
      assert.ok(s, `snippet ${key} missing`);
      const body = expand(s.body);
      assert.doesNotMatch(body, /\$/, body);
      const weight = /（([\d.]+)分）/.exec(body)?.[1] ?? "1";
      const text = `单位：某单位\n年度：2024\n满分：${weight}\n\n${body}\n`;
      const a = analyze(text);
      const errors = a.evaluation.diagnostics.filter((d) => d.severity === "error");
      assert.deepEqual(errors.map((d) => `${d.code} ${d.message}`), [], text);
      const ind = a.model.indicators[0];
      assert.ok(ind, text);
      assert.equal(a.evaluation.results.get(ind)?.kind, KINDS[key], text);
    });
  }
});
