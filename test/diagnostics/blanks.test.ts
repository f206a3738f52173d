import { strict as assert } from "node:assert";
import { analyze } from "../../server/src/analysis";

const doc = (value: string) => `单位：测试单位\n年度：2024\n\n# 产出指标（10分）\n\n## 完成数量（10分）\n目标：≥100 个\n实际：${value}\n评分：完成率×分值\n`;

const blanks = (text: string) =>
  analyze(text)
    .evaluation.diagnostics.filter((d) => d.code === "PE130")
    .map((d) => d.range.start.line);

describe("blanks (PE130) read in place", () => {
  it("a value of nothing but white space of any kind is a blank (as trim() sees it)", () => {
    for (const space of ["", " ", "\t", "\u3000", "\u00a0", " \u3000\t ", "\u2003", "\ufeff"]) {
      assert.deepEqual(blanks(doc(space)), [7], JSON.stringify(space));
    }
  });

  it("a value with one character that is not white space is no blank", () => {
    for (const value of ["96 个", "\u3000x", "·", "\u200b"]) {
      assert.deepEqual(blanks(doc(value)), [], JSON.stringify(value));
    }
  });

  it("messages name the indicator after an edit as after a fresh analysis, also when the heading is renamed", () => {
    const t1 = doc("96 个");
    const a1 = analyze(t1);
    const t2 = t1.replace("## 完成数量", "## 完成件数");
    const messages = (t: string, prev?: ReturnType<typeof analyze>) => analyze(t, prev).evaluation.diagnostics.map((d) => d.message);
    assert.ok(messages(t1).some((m) => m.startsWith("“完成数量”：")), messages(t1).join("\n"));
    assert.deepEqual(messages(t2, a1), messages(t2));
    assert.ok(messages(t2, a1).some((m) => m.startsWith("“完成件数”：")));
    assert.ok(!messages(t2, a1).some((m) => m.includes("完成数量")));
  });

  it("while typing, each block's blanks are those a fresh analysis finds (blocks kept by the next analysis keep theirs)", () => {
    const two = (first: string, second: string, ticked: string) =>
      `单位：测试单位\n年度：2024\n\n# 产出指标（20分）\n\n## 完成数量（10分）\n目标：≥100 个\n实际：${first}\n评分：完成率×分值\n\n## 验收情况（10分）\n实际：${second}\n- [${ticked}] 已验收\n- [ ] 已归档\n`;
    const steps = [two("", "", " "), two("", "合格", " "), two("96 个", "合格", " "), two("96 个", "合格", "x"), two("96 个", "", "x"), two("", "", " ")];
    let previous: ReturnType<typeof analyze> | undefined;
    const seen: string[] = [];
    for (const text of steps) {
      const next = analyze(text, previous);
      const shown = (a: ReturnType<typeof analyze>) => a.evaluation.diagnostics.map((d) => `${d.code}@${d.range.start.line} ${d.message}`);
      assert.deepEqual(shown(next), shown(analyze(text)));
      seen.push(blanks(text).join(","));
      previous = next;
    }
    assert.deepEqual(seen, ["7,11,12", "7,12", "12", "", "11", "7,11,12"]);
  });
});
