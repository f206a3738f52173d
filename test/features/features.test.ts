/** Language features as pure functions of an analysis: formatter, quick fixes, navigation, completion. */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { CodeAction, Diagnostic as LspDiagnostic, TextEdit } from "vscode-languageserver-types";
import { analyze, type Analysis } from "../../server/src/analysis";
import { formatText } from "../../server/src/features/format";
import { codeActions } from "../../server/src/features/actions";
import { rename, references, definition } from "../../server/src/features/navigation";
import { completions } from "../../server/src/features/completion";
import { foldWidth } from "../../server/src/text/normalize";

const root = join(__dirname, "..", "..");
const examples = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".perf"));
const URI = "file:///t.perf";

function scores(a: Analysis): string[] {
  return [...a.model.indicators, ...a.model.measures].map((i) => `${i.name}=${a.evaluation.results.get(i)?.score?.toString()}|${a.evaluation.results.get(i)?.rate?.toString()}`);
}

/** The text's characters without whitespace, after full-width folding (what a reader would call its content). */
function content(text: string): string {
  return foldWidth(text).replace(/\s+/g, "");
}

function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split("\n");
  const offset = (l: number, c: number) => lines.slice(0, l).reduce((n, x) => n + x.length + 1, 0) + c;
  const sorted = [...edits].sort((x, y) => offset(y.range.start.line, y.range.start.character) - offset(x.range.start.line, x.range.start.character));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start.line, e.range.start.character)) + e.newText + out.slice(offset(e.range.end.line, e.range.end.character));
  return out;
}

function lsp(a: Analysis): LspDiagnostic[] {
  return a.evaluation.diagnostics.map((d) => ({ range: d.range, message: d.message, code: d.code, data: d.data }));
}

function fixes(text: string, code: string): CodeAction[] {
  const a = analyze(text);
  const ds = lsp(a).filter((d) => d.code === code);
  assert.ok(ds.length, `${code} expected`);
  return codeActions(a, URI, ds[0].range, ds);
}

describe("formatter on every example", () => {
  for (const file of examples) {
    it(`${file}: same model and scores, no content lost, idempotent`, () => {
      const text = readFileSync(join(root, "examples", file), "utf8");
      const formatted = formatText(text);
      const a = analyze(text);
      const b = analyze(formatted);
      assert.deepEqual(scores(b), scores(a));
      assert.equal(b.evaluation.total?.toString(), a.evaluation.total?.toString());
      assert.deepEqual(b.evaluation.diagnostics.map((d) => d.code), a.evaluation.diagnostics.map((d) => d.code));
      assert.equal(content(formatted), content(text));
      assert.equal(formatText(formatted), formatted);
    });
  }

  it("normalises keys, heading marks, blank lines and full-width digits in numeric values; prose and the weight as written", () => {
    const text = "单位: 甲镇\n年度：２０２１\n满分:1\n\n\n\n##   A (1 分)\n得分 : １\n实际：９５．５％，较上年提高\n理由：好，很好。比例为９５％   \n正文，行尾两个空格  \n";
    assert.equal(formatText(text), "单位：甲镇\n年度：2021\n满分：1\n\n## A (1 分)\n得分：1\n实际：95.5%，较上年提高\n理由：好，很好。比例为９５％   \n正文，行尾两个空格  \n");
  });

  it("leaves a file with conflict markers as it is", () => {
    const text = "单位：甲镇\n<<<<<<< HEAD\n年度：2021\n=======\n年度：2022\n>>>>>>> x\n";
    assert.equal(formatText(text), text);
  });
});

describe("quick fixes", () => {
  const H = "单位：甲镇\n年度：2021\n";

  it("sets a stated score to the computed one", () => {
    const text = `${H}满分：2\n# A（2分）\n实际：50%\n评分：比例\n得分：2\n偏差原因：x\n`;
    const fix = fixes(text, "PE501")[0];
    const out = apply(text, fix.edit!.changes![URI]);
    assert.match(out, /得分：1\n/);
    assert.ok(!analyze(out).evaluation.diagnostics.some((d) => d.code === "PE501"));
  });

  it("adds a 偏差原因 line where a missed target lacks one", () => {
    const text = `${H}满分：2\n# A（2分）\n实际：50%\n评分：比例\n\n# B\n正文\n`;
    const out = apply(text, fixes(text, "PE406")[0].edit!.changes![URI]);
    assert.match(out, /评分：比例\n偏差原因：\n/);
    assert.ok(!analyze(out).evaluation.diagnostics.some((d) => d.code === "PE406"));
  });

  it("converts a Chinese numeral in data to digits", () => {
    const text = `${H}满分：1\n# A（1分）\n公式：甲 ÷ 乙\n甲：一百二十 人\n乙：120 人\n评分：比例\n`;
    const out = apply(text, fixes(text, "PE202")[0].edit!.changes![URI]);
    assert.match(out, /甲：120 人/);
    assert.equal(analyze(out).evaluation.total?.toString(), "1");
  });

  it("makes a parent's weight equal the sum of its children, or offers to change a child", () => {
    const text = `${H}满分：5\n# P（5分）\n## A（2分）\n得分：2\n理由：x\n## B（2分）\n得分：2\n理由：x\n`;
    const actions = fixes(text, "PE301");
    assert.equal(actions[0].title, "将“P”的分值改为下级合计 4 分");
    assert.match(apply(text, actions[0].edit!.changes![URI]), /# P（4分）/);
    const child = actions.find((a) => a.title.includes("“A”"))!;
    assert.match(apply(text, child.edit!.changes![URI]), /## A（3分）/);
  });

  it("converts full-width digits in a field value", () => {
    const text = `${H}满分：1\n# A（1分）\n实际：９６％\n评分：≥95% 满分；≤85% 0分\n`;
    const a = analyze(text);
    const actions = codeActions(a, URI, { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, []);
    const fw = actions.find((x) => x.title === "将全角数字转换为半角")!;
    assert.match(apply(text, fw.edit!.changes![URI]), /实际：96％/);
  });
});

describe("navigation", () => {
  const text = "单位：甲镇\n年度：2021\n满分：1\n执行数：9 万元\n预算数：10 万元\n# 说明\n本年得分 {{执行率.得分}}。\n# 执行率（1分）\n公式：执行数 ÷ 预算数\n评分：比例\n";

  it("renames an indicator and the placeholders that cite it", () => {
    const a = analyze(text);
    const edit = rename(a, URI, 7, 3, "预算执行率")!;
    const out = apply(text, edit.changes![URI]);
    assert.match(out, /# 预算执行率（1分）/);
    assert.match(out, /\{\{预算执行率\.得分\}\}/);
    assert.ok(!analyze(out).evaluation.diagnostics.some((d) => d.code === "PE603"));
  });

  it("renames a data name in formulas, quoting it where the new name needs quotes", () => {
    const edit = rename(analyze(text), URI, 3, 1, "执行数(万元)")!;
    const out = apply(text, edit.changes![URI]);
    assert.match(out, /执行数\(万元\)：9 万元/);
    assert.match(out, /公式：「执行数\(万元\)」 ÷ 预算数/);
    assert.equal(analyze(out).evaluation.total?.toString(), "0.9");
  });

  it("goes to the definition from a placeholder and lists references", () => {
    const a = analyze(text);
    assert.equal(definition(a, URI, 6, 8)!.range.start.line, 7);
    assert.deepEqual(references(a, URI, 8, 4).map((l) => l.range.start.line), [3, 8]);
  });
});

describe("completion", () => {
  it("offers units after a number and references inside {{", () => {
    const text = "单位：甲镇\n年度：2021\n执行数：9\n# 说明\n得分 {{\n";
    const a = analyze(text);
    assert.ok(completions(a, 2, 5).some((c) => c.label === "万元"));
    const refs = completions(a, 4, 5).map((c) => c.label);
    assert.ok(refs.includes("总分") && refs.includes("执行数"));
  });

  it("offers the rule's options after 结果：", () => {
    const text = "单位：甲镇\n年度：2021\n满分：1\n# A（1分）\n评分：优秀 1；良好 0.5；合格 0\n结果：\n";
    assert.deepEqual(completions(analyze(text), 5, 3).map((c) => c.label), ["优秀", "良好", "合格"]);
  });
});
