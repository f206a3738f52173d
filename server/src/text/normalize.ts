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

/** Fold full-width ASCII (U+FF01…U+FF5E) and a few look-alikes to ASCII. */
const NEEDS_FOLD = /[\uFF01-\uFF5E\u3000\u00a0≧≦﹪\u2014\u2212\uFE63\u2236]/;

export function foldWidth(text: string): string {
  if (!NEEDS_FOLD.test(text)) return text;
  let out: string[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let r: string | undefined;
    if (c >= 0xff01 && c <= 0xff5e) r = String.fromCharCode(c - 0xfee0);
    else if (c > 0x7f) r = EXTRA[text[i]];
    if (r !== undefined) {
      if (!out) out = text.slice(0, i).split("");
      out.push(r);
    } else if (out) {
      out.push(text[i]);
    }
  }
  return out ? out.join("") : text;
}

/** True when the text holds full-width digits (the formatter and a quick fix convert them). */
export function hasFullWidthDigits(text: string): boolean {
  return /[\uFF10-\uFF19]/.test(text);
}

/** Split into physical lines, keeping the end-of-line style out of the text. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  return lines;
}
