/**
 * Colours a finance officer reads right: nothing in a valid file is scoped as
 * a keyword (VS Code's default 2026 Light theme paints `keyword` red, like an
 * error), field keys are properties, rule words (满分, 比例…) constants; and
 * full-width prose brackets （） are not paired like code.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../server/src/analysis";
import { semanticTokens, TOKEN_TYPES } from "../server/src/features/semantic-tokens";

const ROOT = join(__dirname, "..");

describe("colours and brackets", () => {
  it("the TextMate grammar scopes no keyword and no invalid text (but conflict markers)", () => {
    const names = [...readFileSync(join(ROOT, "syntaxes", "perf.tmLanguage.json"), "utf8").matchAll(/"name": "([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(names.filter((n) => /(^|\s)keyword\b/.test(n)), []);
    assert.deepEqual(names.filter((n) => n.startsWith("invalid") && !n.includes("conflict")), []);
    assert.ok(names.includes("constant.language.rule.perf"), "满分 / 比例 are constants");
  });

  it("semantic tokens: field keys are properties, never keywords", () => {
    const text = "单位：X镇\n年度：2021\n满分：1\n# A（1分）\n说明：x\n评分：符合 1；不符合 0\n结果：符合\n";
    const data = semanticTokens(analyze(text));
    const types: string[] = [];
    for (let i = 3; i < data.length; i += 5) types.push(TOKEN_TYPES[data[i]]);
    assert.ok(types.includes("property"), types.join(","));
    assert.ok(!types.includes("keyword"), types.join(","));
  });

  it("language configuration pairs code brackets only: full-width （） in prose are not bracket-paired", () => {
    const conf = JSON.parse(readFileSync(join(ROOT, "language-configuration.json"), "utf8")) as { brackets: string[][]; colorizedBracketPairs: string[][] };
    const all = [...conf.brackets, ...conf.colorizedBracketPairs].flat();
    for (const c of ["（", "）", "《", "》", "【", "】", "「", "」"]) assert.ok(!all.includes(c), c);
    assert.ok(all.includes("{"), "{{引用}} braces still pair");
  });
});
