/** Inline Markdown in prose → styled runs, for the Word writer. */
import assert from "node:assert/strict";
import { inlineRuns } from "../../server/src/report/prose";

describe("report: inline runs (Word)", () => {
  it("bold, italic and struck text, nested, then plain again", () => {
    assert.deepEqual(inlineRuns("a **b *c* ~~d~~** e"), [
      { text: "a ", bold: undefined, italic: undefined, strike: undefined, href: undefined },
      { text: "b ", bold: true, italic: undefined, strike: undefined, href: undefined },
      { text: "c", bold: true, italic: true, strike: undefined, href: undefined },
      { text: " ", bold: true, italic: undefined, strike: undefined, href: undefined },
      { text: "d", bold: true, italic: undefined, strike: true, href: undefined },
      { text: " e", bold: undefined, italic: undefined, strike: undefined, href: undefined },
    ]);
  });

  it("links keep their target while inside; code is marked; a line break is a newline", () => {
    assert.deepEqual(inlineRuns("[网站](https://example.org) `x = 1`\n下一行"), [
      { text: "网站", bold: undefined, italic: undefined, strike: undefined, href: "https://example.org" },
      { text: " ", bold: undefined, italic: undefined, strike: undefined, href: undefined },
      { text: "x = 1", code: true },
      { text: "\n" },
      { text: "下一行", bold: undefined, italic: undefined, strike: undefined, href: undefined },
    ]);
  });

  it("a javascript: link is no link, raw HTML is text", () => {
    const runs = inlineRuns("[x](javascript:alert(1)) <b>y</b>");
    assert.ok(runs.every((r) => r.href === undefined));
    assert.equal(runs.map((r) => r.text).join(""), "[x](javascript:alert(1)) <b>y</b>");
  });
});
