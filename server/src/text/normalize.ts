/**
 * Full-width / half-width equivalence (全角/半角).
 *
 * Authors type with an IME: `：（）；，％` and full-width digits must mean the
 * same as their ASCII forms. Folding maps each UTF-16 unit to exactly one
 * unit, so offsets in the folded text are offsets in the original text.
 */

const EXTRA: Record<string, string> = {
  "\u3000": " ", // ideographic space
  "\u00a0": " ", // no-break space
  "≧": "≥",
  "≦": "≤",
  "﹪": "%",
  "\u2014": "-", // em dash used as minus in some Word output
  "\u2212": "-", // minus sign
  "\uFE63": "-",
  "\u2236": ":", // ratio sign looks like a colon
};

const FOLD_RE = /[\uFF01-\uFF5E\u3000\u00a0≧≦﹪\u2014\u2212\uFE63\u2236]/g;
const NEEDS_FOLD = /[\uFF01-\uFF5E\u3000\u00a0≧≦﹪\u2014\u2212\uFE63\u2236]/;

function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  return c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : EXTRA[ch];
}

/** Fold full-width ASCII (U+FF01…U+FF5E) and a few look-alikes to ASCII. */
export function foldWidth(text: string): string {
  return NEEDS_FOLD.test(text) ? text.replace(FOLD_RE, foldChar) : text;
}

/** Split into physical lines, keeping the end-of-line style out of the text. */
export function splitLines(text: string): string[] {
  return text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
}
