/** Full-width folding of a whole document (a table per unit) is the folding of its lines (a regex per match). */
import assert from "node:assert/strict";
import { foldWidth } from "../../server/src/text/normalize";

describe("syntax: folding a long text", () => {
  it("folds full-width forms and look-alikes as the line-by-line folding does, keeping lone surrogates and length", () => {
    const pieces = ["：", "（", "）", "；", "％", "１２３", "ＡＢｃ", "\u3000", "\u00a0", "≧", "≦", "﹪", "\u2014", "\u2212", "\uFE63", "\u2236", "\uD800", "\uDC00", "😀", "文字", "abc", "\n", "\r\n", "～", "｟"];
    let seed = 11;
    let text = "";
    while (text.length < 50_000) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      text += pieces[seed % pieces.length];
    }
    const folded = foldWidth(text);
    assert.equal(folded.length, text.length);
    // Reference: the same text folded in short pieces (each below the long-text threshold).
    let reference = "";
    for (let i = 0; i < text.length; i += 1000) reference += foldWidth(text.slice(i, i + 1000));
    assert.equal(folded, reference);
    assert.ok(folded.includes("(1") || folded.includes("123"), "full-width digits were not folded");
    assert.ok(folded.includes("\uD800"), "a lone surrogate was lost");
    assert.ok(!/[：（）；％\u3000]/.test(folded), "a full-width form was left");
  });
});
