/** 得分精度: one policy for checking, totals and display (issue 10, item 5). */
import assert from "node:assert/strict";
import { analyzeText, codes, diag, printed, total } from "../helpers";
import { scoreJson } from "../../server/src/cli/score-sheet";
import { codeActions } from "../../server/src/features/actions";

const H = "单位：X镇\n年度：2021\n";
const rows = (header: string, stated: [string, string]) =>
  `${H}${header}满分：4\n# A（2分）\n实际：97.3%\n评分：比例\n得分：${stated[0]}\n偏差原因：x\n# B（2分）\n实际：97.3%\n评分：比例\n得分：${stated[1]}\n偏差原因：x\n`;

describe("score precision (得分精度)", () => {
  it("with 得分精度：1, 1.9 agrees with 1.946 and the total is the sum of the rounded rows", () => {
    const t = rows("得分精度：1\n", ["1.9", "1.9"]);
    assert.deepEqual(codes(t), []);
    assert.equal(printed(t, "A"), "1.9");
    assert.equal(total(t), "3.8000");
  });
  it("without it, two decimals: 1.9 does not agree with 1.946 (1.95), and the hint offers the 口径 line", () => {
    const t = rows("", ["1.9", "1.9"]);
    assert.equal(printed(t, "A"), "1.95");
    assert.equal(total(t), "3.9000");
    assert.match(diag(t, "PE501")!.message, /1\.95/);
    const hint = diag(t, "PE413")!;
    assert.equal(hint.data?.line, "得分精度：1");
    const a = analyzeText(t);
    const fixes = codeActions(a, "file:///x.perf", hint.range, [{ ...hint, data: hint.data } as never]);
    const edit = fixes[0].edit!.changes!["file:///x.perf"][0];
    assert.equal(edit.newText, "得分精度：1\n");
    assert.equal(edit.range.start.line, 3, "after the last header line (满分)");
  });
  it("3 never agrees with 2.92 at the default precision", () => {
    const t = `${H}满分：3\n# A（3分）\n实际：97.3%\n评分：比例\n得分：3\n偏差原因：x\n`;
    assert.ok(diag(t, "PE501"));
    // Every stated score is an integer and this one agrees at 0 decimals: the 口径 line is offered, not assumed.
    assert.equal(diag(t, "PE413")?.data?.line, "得分精度：0");
  });
  it("a score of 9.997 is 10 as printed: no “得分 10 低于分值 10”", () => {
    const t = `${H}满分：10\n# A（10分）\n实际：99.97%\n评分：比例\n`;
    assert.equal(printed(t, "A"), "10");
    assert.equal(diag(t, "PE406"), undefined);
    const t4 = `${H}得分精度：4\n满分：10\n# A（10分）\n实际：99.97%\n评分：比例\n`;
    assert.match(diag(t4, "PE406")!.message, /得分 9\.997 低于分值 10/);
  });
  it("score --format json carries the exact value beside the rounded one", () => {
    const j = scoreJson("x.perf", analyzeText(rows("得分精度：1\n", ["1.9", "1.9"]))) as { indicators: { score: number; exactScore: string }[] };
    assert.equal(j.indicators[0].score, 1.9);
    assert.equal(j.indicators[0].exactScore, "1.946");
  });
  it("a bad 得分精度 is PE106; 一位小数 is read", () => {
    assert.ok(diag(rows("得分精度：很多\n", ["1.9", "1.9"]), "PE106"));
    assert.deepEqual(codes(rows("得分精度：一位小数\n", ["1.9", "1.9"])), []);
  });
});
