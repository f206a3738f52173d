/**
 * A file opened cold has its field values parsed in one Peggy call (start rule
 * `Values`) instead of one call each. What a value parses to must not depend
 * on that: same node, same spans, and a value that fails alone is left for
 * the single parse (which reports the error).
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as peg from "../../server/src/syntax/generated/perf-parser";
import { obviousLine, prefetchValues, type SourceLine, type ValueRequest, type ValueRule } from "../../server/src/syntax/parse";
import { foldWidth } from "../../server/src/text/normalize";
import type { LineNode } from "../../server/src/syntax/ast";
import { generateLarge } from "../../bench/generate";

const root = join(__dirname, "..", "..");
const RULES: ValueRule[] = ["DataValue", "Score", "Quantity", "Expression", "Target", "Rule"];

function single(rule: ValueRule, text: string, offset: number): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: peg.parse(text, { startRule: rule, offset }) };
  } catch {
    return { ok: false };
  }
}

/** Batch-parse every value under every rule, then compare each with its single parse. */
function compareAll(values: { text: string; offset: number }[]): { same: number; left: number } {
  const requests: (ValueRequest & { text: string })[] = [];
  for (const v of values) {
    for (const rule of RULES) {
      // The value at its place in a line (after a key of `offset` characters).
      const lineText = "键".repeat(v.offset) + v.text;
      const line: SourceLine = { text: lineText, folded: lineText, node: { kind: "text" } };
      requests.push({ line, rule, start: v.offset, end: v.offset + v.text.length, text: v.text });
    }
  }
  prefetchValues(requests);
  let same = 0;
  let left = 0;
  for (const r of requests) {
    const alone = single(r.rule, r.text, r.start);
    const batched = r.line.value;
    const what = `${r.rule} @${r.start} ${JSON.stringify(r.text)}`;
    if (batched === undefined) {
      // Left to the single parse: only a value that fails alone.
      assert.equal(alone.ok, false, `batch dropped a value that parses alone: ${what}`);
      left++;
      continue;
    }
    assert.ok(alone.ok, `batch parsed a value that fails alone: ${what}`);
    assert.deepEqual(batched, alone, what);
    same++;
  }
  return { same, left };
}

describe("syntax: values parsed in one batch are the values parsed one by one", () => {
  it("every field value of the examples and of a generated file, under every start rule", () => {
    const texts = readdirSync(join(root, "examples"))
      .filter((f) => f.endsWith(".perf"))
      .map((f) => readFileSync(join(root, "examples", f), "utf8"));
    texts.push(generateLarge(300));
    const values: { text: string; offset: number }[] = [];
    for (const text of texts) {
      for (const raw of text.split(/\r?\n/)) {
        const node = obviousLine(foldWidth(raw)) ?? (peg.parse(foldWidth(raw), { startRule: "Line" }) as LineNode);
        if (node.kind === "field") {
          values.push({ text: foldWidth(raw).slice(node.value.span[0], node.value.span[1]), offset: node.value.span[0] });
        }
      }
    }
    const { same, left } = compareAll(values);
    assert.ok(values.length > 1000, `only ${values.length} values`);
    assert.ok(same > values.length, `only ${same} values came from the batch`);
    assert.ok(left > 0, "no value failed: the comparison did not cover failures");
  });

  it("tricky and random values", () => {
    const tricky = [
      "", " ", "1", "1 分", "3分", "满分", "得满分", "0.5", "1,531.23 万元", "1,5312 万元", "18.8841.4 万元", "96.4% = 执行数 ÷ 预算数", "= 甲 ÷ 乙",
      "约 40 余万元", "40 余万元", "90% 以上", "-5%", "100 万元/人", "100x", "2 x 3", "「甲 乙」 + 1", "“甲” × 2", "\"a\" / (b - 1)", "a ÷ (b", "(a + b",
      "≥95% 满分；≤85% 0分", "≥ 95% 满分; ≤ 85% 0分;", "符合 1；不符合 0", "全部符合 1；其中一项不符合 0", "比例", "按比例计分", "扣分 每项 1分", "每项扣 0.5 分",
      "每超1个百分点扣0.5分", "每低 1 个百分点, 扣 1 分", "其余 0", "好 (3分)；差 (0分)", "达成", "不低于 95%", "≥ 4 万亩", "= 0%", "4 万亩", "≥", "≥ 4 分", "五十", "一百 人",
      "1 分 ；", "分", "1 满分", "a;b", "。", "；；", "x1", "1.", ".5", "1,000,000", "1,00", "%", "‰ 1", "1‰",
    ];
    const alphabet = ["1", "0", ".", ",", " ", "%", "分", "满分", "万元", "人", "≥", "≤", "=", "÷", "×", "+", "-", "(", ")", "；", ";", "甲", "「", "」", "约", "余", "以上", "每", "扣", "比例", "x"];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const values = tricky.map((t) => ({ text: foldWidth(t), offset: rand(12) }));
    for (let k = 0; k < 3000; k++) {
      let text = "";
      const n = 1 + rand(8);
      for (let i = 0; i < n; i++) text += alphabet[rand(alphabet.length)];
      values.push({ text: text.trim(), offset: rand(12) });
    }
    const { same, left } = compareAll(values);
    assert.ok(same > 500 && left > 500, `${same} parsed, ${left} failed: the random values do not cover both`);
  });
});
