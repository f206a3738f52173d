/**
 * After an edit the model takes headings and placeholders from the previous build for the lines the two syntax
 * trees share (model/unchanged.ts): what it finds must be what a fresh build finds, wherever lines are added or removed.
 */
import assert from "node:assert/strict";
import { analyze, type Analysis } from "../../server/src/analysis";
import type { Indicator } from "../../server/src/model/types";

function shape(a: Analysis): unknown {
  const m = a.model;
  return {
    placeholders: m.placeholders.map((p) => `${p.line}:${p.span[0]}-${p.span[1]} ${p.name}`),
    indicators: m.indicators.map((i) => `${i.line}-${i.endLine}/${i.subtreeEndLine} ${i.name} ${i.parent?.name ?? ""}`),
    measures: m.measures.map((i) => `${i.line}-${i.endLine} ${i.name}`),
    sections: m.sections.map((s) => `${s.line}-${s.endLine} ${s.title}`),
    data: m.allData.map((d) => `${d.field.line} ${d.name}`),
    diagnostics: m.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`),
  };
}

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe("model: what a build takes from the previous one for unchanged lines", () => {
  const base = [
    "单位：{{单位名称}}",
    "年度：2021",
    "## 说明",
    "本单位{{年度}}年完成{{项目数}}个项目。",
    "# 产出（60分）",
    "## 数量（30分）",
    "公式：完成数 ÷ 计划数",
    "完成数：{{完成数}} 个",
    "计划数：10 个",
    "评分：比例",
    "## 质量（30分）",
    "评分：符合 30；不符合 0",
    "- [x] 符合",
    "# 效益（40分）",
    "<!-- {{不是占位}} -->",
    "## 满意度（40分）",
    "得分：40",
    "{{结语}}",
  ];
  const extra = ["", "## 新增（5分）", "{{新}}与{{旧}}", "# 一级（10分）", "说明：{{x}}", "评分：比例", "### 三级（1分）"];

  it("headings, placeholders and blocks equal a fresh build's after random line inserts, deletes and changes", () => {
    const rand = rng(7);
    let lines = [...base];
    let prev = analyze(lines.join("\n"));
    for (let step = 0; step < 300; step++) {
      const i = Math.floor(rand() * (lines.length + 1));
      const kind = rand();
      if (kind < 0.35) lines.splice(i, 0, extra[Math.floor(rand() * extra.length)]);
      else if (kind < 0.6 && lines.length > 3) lines.splice(Math.min(i, lines.length - 1), 1);
      else if (kind < 0.8 && i < lines.length) lines[i] = `${lines[i]}{{p${step}}}`;
      else if (i < lines.length) lines[i] = lines[i].replace(/\d/, (d) => String((Number(d) + 3) % 10));
      const text = lines.join("\n");
      const inc = analyze(text, prev);
      assert.deepEqual(shape(inc), shape(analyze(text)), `after step ${step}`);
      // A subtree ends at the last line of its last descendant.
      const end = (i: Indicator): number => i.children.reduce((e, c) => Math.max(e, end(c)), i.endLine);
      for (const i of inc.model.indicators) assert.equal(i.subtreeEndLine, end(i), `${i.name} after step ${step}`);
      prev = inc;
      if (lines.length > 60) lines = [...base];
    }
  });

  it("an edit inside one block keeps the other blocks and finds the same placeholders", () => {
    const before = analyze(base.join("\n"));
    const edited = [...base];
    edited[8] = "计划数：12 个";
    const after = analyze(edited.join("\n"), before);
    assert.deepEqual(shape(after), shape(analyze(edited.join("\n"))));
    assert.equal(after.model.placeholders.length, 6);
    const quality = (a: Analysis) => a.model.indicators.find((i) => i.name === "质量")!;
    assert.equal(quality(after).block, quality(before).block, "an unchanged block is shared");
  });

  it("a repeated sibling name (PE303) is found after each edit that makes or removes it, among few and many siblings", () => {
    for (const count of [3, 20]) {
      const leaves = Array.from({ length: count }, (_, i) => `## 指标${i}（1分）\n评分：比例\n`);
      const text = (names: string[]) => `单位：X镇\n年度：2021\n满分：${count}\n${names.join("")}`;
      const steps = [leaves, leaves.map((l, i) => (i === count - 1 ? "## 指标0（1分）\n评分：比例\n" : l)), leaves, leaves.map((l, i) => (i === 1 ? `${l}说明：改\n` : l))];
      const pe303 = (a: Analysis) => a.model.diagnostics.filter((d) => d.code === "PE303").map((d) => `${d.range.start.line}:${d.message}`);
      let prev = analyze(text(steps[0]));
      for (let k = 1; k < steps.length; k++) {
        const next = analyze(text(steps[k]), prev);
        assert.deepEqual(pe303(next), pe303(analyze(text(steps[k]))), `${count} siblings, step ${k}`);
        assert.equal(pe303(next).length, k === 1 ? 1 : 0, `${count} siblings, step ${k}`);
        prev = next;
      }
    }
  });

  it("weights that stop or start adding up to their parent's (PE301) are found after each edit, of the parent or a child", () => {
    const text = (parent: number, a: number) => `单位：X镇\n年度：2021\n满分：${parent}\n# 一级（${parent}分）\n## 甲（${a}分）\n评分：比例\n## 乙（1分）\n评分：比例\n`;
    const steps: [number, number][] = [
      [2, 1],
      [3, 1],
      [2, 1],
      [2, 2],
      [3, 2],
    ];
    const pe301 = (a: Analysis) => a.model.diagnostics.filter((d) => d.code === "PE301").map((d) => `${d.range.start.line}:${d.message}`);
    let prev = analyze(text(...steps[0]));
    for (let k = 1; k < steps.length; k++) {
      const next = analyze(text(...steps[k]), prev);
      assert.deepEqual(pe301(next), pe301(analyze(text(...steps[k]))), `step ${k}`);
      assert.equal(pe301(next).length, steps[k][0] === steps[k][1] + 1 ? 0 : 1, `step ${k}`);
      prev = next;
    }
  });
});
