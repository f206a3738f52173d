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
  if (!NEEDS_FOLD.test(text)) return text;
  return text.length < 4096 ? text.replace(FOLD_RE, foldChar) : foldLong(text);
}

/** EXTRA by UTF-16 unit. */
const EXTRA_UNITS = new Map(Object.entries(EXTRA).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]));

/**
 * A whole document folded at once: the text as UTF-16 units in a buffer,
 * folded in place, then read back (no callback per match: a document in
 * full-width punctuation has one on nearly every line). Units other than the
 * folded ones, lone surrogates included, are copied as they are.
 */
function foldLong(text: string): string {
  if (typeof Buffer === "undefined") return text.replace(FOLD_RE, foldChar);
  const bytes = Buffer.from(text, "utf16le");
  if (bytes.byteOffset % 2 !== 0) return text.replace(FOLD_RE, foldChar);
  const units = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);
  for (let i = 0; i < units.length; i++) {
    const c = units[i];
    if (c >= 0xff01 && c <= 0xff5e) units[i] = c - 0xfee0;
    else if ((c >= 0xa0 && c <= 0x3000) || c === 0xfe6a || c === 0xfe63) {
      const to = EXTRA_UNITS.get(c);
      if (to !== undefined) units[i] = to;
    }
  }
  return bytes.toString("utf16le");
}

/** Split into physical lines, keeping the end-of-line style out of the text. */
export function splitLines(text: string): string[] {
  return text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
}
