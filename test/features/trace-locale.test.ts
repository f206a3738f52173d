/**
 * One language at a time, down to the computation (issue 13, item 6): with
 * perf.locale `en` the hover of an indicator, a parent and the total reads in
 * English throughout — the trace's steps, the rule's description and the
 * result — while the author's own words (indicator, data, grade and option
 * names, units, the printed sentence quoted) stay as written.
 */
import assert from "node:assert/strict";
import { hover } from "../../server/src/features/hover";
import { resolveInlayHint } from "../../server/src/features/hints";
import type { Locale } from "../../server/src/text/locale";
import { analyzeText } from "../helpers";
import { analyze } from "../../server/src/analysis";

const SAMPLE = [
  "单位：测试镇人民政府", // 0
  "年度：2021", // 1
  "自评总分：20", // 2
  "年初预算数：100 万元", // 3
  "年中追加数：5 万元", // 4
  "", // 5
  "## 投入（20分）", // 6
  "### 预算调整率（3分）", // 7
  "公式：年中追加数 ÷ 年初预算数", // 8
  "评分：=0% 满分；≥10% 0分", // 9
  "", // 10
  "### 执行率（5分）", // 11
  "实际：88%", // 12
  "评分：≥95% 5；≥85% 3；其余 0", // 13
  "", // 14
  "### 完成比例（2分）", // 15
  "实际：90%", // 16
  "评分：比例", // 17
  "", // 18
  "### 管理制度（3分）", // 19
  "评分：全部符合 3；符合其中两项 2；符合其中一项及以下 0", // 20
  "- [x] 制度健全", // 21
  "- [x] 执行有效", // 22
  "- [ ] 及时修订", // 23
  "", // 24
  "### 问题整改（2分）", // 25
  "评分：扣分 每项 1分", // 26
  "- 整改不及时", // 27
  "", // 28
  "### 在职人员控制率（5分）", // 29
  "实际：103.5%", // 30
  "评分：以100%为标准。在职人员控制率≤100%，计5分；每超过一个百分点扣0.5分，扣完为止。", // 31
  "偏差原因：人员调入", // 32
  "", // 33
  "## 产出（10分）", // 34
  "### 造林面积（5分）", // 35
  "目标：≥ 100 亩", // 36
  "实际：90 亩", // 37
  "偏差原因：苗木不足", // 38
  "", // 39
  "### 群众满意度（5分）", // 40
  "目标：群众满意", // 41
  "实际：部分达成", // 42
  "得分：3.5", // 43
  "",
].join("\n");

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** The hover's Markdown at a line, in a locale. */
function hoverAt(text: string, line: number, locale: Locale): string {
  const h = hover(analyzeText(text), line, 5, locale);
  return h && typeof h.contents === "object" && "value" in h.contents ? h.contents.value : "";
}

/**
 * What is left of `md` once the file's own words are taken out: what the tool
 * said. The file's own words: headings' names, list items, field keys, the
 * option labels of a 评分 line, the prose of 偏差原因, units, the grade, and
 * anything quoted “…” (the printed sentence's parts). The format's own
 * keywords that an author types (达成/部分达成/未达成, 口径) may appear in the
 * English text beside their gloss, so that the reader knows what to write.
 */
const KEYWORDS = ["部分达成", "未达成", "达成", "口径"];
function toolWords(md: string, text: string, grade = ""): string {
  const own = new Set<string>(["万元", "亩", grade, ...KEYWORDS]);
  for (const line of text.split("\n")) {
    const heading = /^#+\s*(.+?)（/.exec(line);
    if (heading) own.add(heading[1]);
    const item = /^- (?:\[[x ]\] )?(.+)$/.exec(line);
    if (item) own.add(item[1]);
    const field = /^([^：]+)：(.*)$/.exec(line);
    if (!field) continue;
    own.add(field[1]);
    if (field[1] === "偏差原因") own.add(field[2]);
    if (field[1] === "评分") for (const clause of field[2].split("；")) own.add(clause.replace(/\s*[\d.]+$/, ""));
  }
  let rest = md.replace(/“[^”]*”/g, "");
  for (const w of [...own].filter((x) => x.length > 0).sort((a, b) => b.length - a.length)) rest = rest.split(w).join("");
  return rest;
}

describe("hover in English: the computation reads in English around the author's words", () => {
  const cases: [string, number, RegExp][] = [
    ["linear band with a formula", 7, /linear in between/],
    ["step bands", 11, /meets ≥85% → 3 pts/],
    ["proportional", 15, /score = ratio × 2, at most 2 pts/],
    ["checklist points", 19, /2 of 3 points met/],
    ["deduction per finding", 25, /1 finding × 1 = 1 pts/],
    ["printed sentence with a per-point deduction", 29, /a step every 1 percentage point\(s\), whole steps: 3 step\(s\) × 0\.5 = minus 1\.5 pts/],
    ["target completion", 35, /completion 90 亩 ÷ 100 亩 = 90%/],
    ["qualitative target", 40, /the reviewer gives 3\.5 pts/],
    ["parent sum", 6, /Result: \*\*[\d.]+\/20 pts\*\*/],
  ];
  for (const [what, line, expected] of cases) {
    it(`${what}: English steps, rule and result; no Chinese but the file's own words`, () => {
      const md = hoverAt(SAMPLE, line, "en");
      assert.match(md, expected, md);
      const left = toolWords(md, SAMPLE);
      assert.ok(!CJK.test(left), `Chinese left in the English hover:\n${left}`);
    });
  }

  it("the total (自评总分 line): English rule, steps and result", () => {
    const md = hoverAt(SAMPLE, 2, "en");
    assert.match(md, /total = the sum of the top-level indicators' scores/, md);
    assert.match(md, /Result: \*\*[\d.]+ pts/, md);
    const grade = analyzeText(SAMPLE).evaluation.grade;
    assert.ok(grade && md.includes(grade), "the grade's name as the policy has it");
    assert.ok(!CJK.test(toolWords(md, SAMPLE, grade)), md);
  });

  it("the same hover in Chinese is unchanged, and each language's trace is the same every time it is read", () => {
    const a = analyzeText(SAMPLE);
    const zh = (l: number) => (hover(a, l, 5, "zh-cn")?.contents as { value: string } | undefined)?.value ?? "";
    const en = (l: number) => (hover(a, l, 5, "en")?.contents as { value: string } | undefined)?.value ?? "";
    assert.match(zh(11), /88% 符合 ≥85% → 3 分/);
    assert.match(zh(25), /扣分事项 1 项 × 1 分 = 1 分/);
    assert.match(zh(2), /自评总分 = 一级指标得分之和/);
    const first = en(11);
    assert.match(zh(11), /结果：/);
    assert.equal(en(11), first);
    assert.ok(!zh(11).includes("meets"));
    // The result objects keep one trace per language: the Chinese one is not replaced by the English one.
    const ind = a.model.indicators.find((i) => i.name === "执行率")!;
    const r = a.evaluation.results.get(ind)!;
    assert.equal(r.traceIn("en"), r.traceIn("en"));
    assert.equal(r.trace, r.traceIn("zh-cn"));
    assert.notDeepEqual(r.trace.steps, r.traceIn("en").steps);
  });

  it("a leaf reused by the next analysis (an edit elsewhere) has the same English trace as a fresh one, the old one untouched", () => {
    const before = analyze(SAMPLE);
    const oldEn = (hover(before, 11, 5, "en")?.contents as { value: string } | undefined)?.value ?? "";
    const edited = SAMPLE.replace("- 整改不及时", "- 整改不及时\n- 台账缺失");
    const after = analyze(edited, before);
    const en = (a: ReturnType<typeof analyze>, l: number) => (hover(a, l, 5, "en")?.contents as { value: string } | undefined)?.value ?? "";
    assert.equal(en(after, 11), en(analyze(edited), 11));
    assert.match(en(after, 11), /meets ≥85% → 3 pts/);
    assert.match(en(after, 25), /2 findings × 1 = 2 pts/);
    assert.equal(en(before, 11), oldEn);
    assert.match(en(before, 25), /1 finding × 1 = 1 pts/);
  });

  it("the hint tooltip of a leaf is the English trace too", () => {
    const a = analyzeText(SAMPLE);
    const h = resolveInlayHint(a, { position: { line: 25, character: 0 }, label: "" }, "en");
    const md = (h.tooltip as { value: string } | undefined)?.value ?? "";
    assert.match(md, /from 2 pts, minus 1 per finding, down to 0/, md);
  });
});
