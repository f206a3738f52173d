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

/** Each UTF-16 unit's folded unit (built on first use of a long text). */
let foldTable: Uint16Array | undefined;

/**
 * A whole document folded at once: a table lookup per unit, in chunks,
 * rather than a callback per match (a document in full-width punctuation has
 * one on nearly every line). Lone surrogates pass through unchanged.
 */
function foldLong(text: string): string {
  if (!foldTable) {
    foldTable = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) foldTable[c] = c;
    for (let c = 0xff01; c <= 0xff5e; c++) foldTable[c] = c - 0xfee0;
    for (const [from, to] of Object.entries(EXTRA)) foldTable[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  const table = foldTable;
  const CHUNK = 8192;
  const buf = new Uint16Array(CHUNK);
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += CHUNK) {
    const n = Math.min(CHUNK, text.length - start);
    for (let i = 0; i < n; i++) buf[i] = table[text.charCodeAt(start + i)];
    parts.push(String.fromCharCode.apply(null, n === CHUNK ? (buf as unknown as number[]) : (buf.subarray(0, n) as unknown as number[])));
  }
  return parts.join("");
}

/** Split into physical lines, keeping the end-of-line style out of the text. */
export function splitLines(text: string): string[] {
  return text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
}
