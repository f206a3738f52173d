/** Numbers as the model reads them outside value rules: in prose, and values meant as numbers that did not parse. */
import { makeDiagnostic, lineRange, type Diagnostic } from "../diagnostics/catalogue";
import { lookupUnit } from "../quantity/units";

/** `18.8841.4 万元` in prose (line `i`, folded): a number with two decimal points before a unit, PE208. */
export function proseNumbers(folded: string, i: number, out: Diagnostic[]): void {
  if (folded.length > 20000 || !/\d\.\d+\./.test(folded)) return;
  const re = /(?<![\d.])\d+\.\d+(?:\.\d+)+(?![\d.])/g;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const after = folded.slice(m.index + m[0].length).trimStart();
    const unit = /^[^\s\d.,;:()，。；：]{1,4}/.exec(after)?.[0] ?? "";
    let known = false;
    for (let k = unit.length; k > 0 && !known; k--) known = lookupUnit(unit.slice(0, k)) !== undefined;
    if (known) out.push(makeDiagnostic("PE208", lineRange(i, m.index, m.index + m[0].length), { text: m[0] }));
  }
}

/** Whether a value is meant as a number: digits, or a Chinese numeral with at most a unit after it. */
export function looksNumeric(text: string): boolean {
  if (/^\s*(约|近)?\s*[+-]?\d/.test(text)) return true;
  const m = /^\s*(约|近)?\s*([零〇一二两三四五六七八九十百千万亿点]+)\s*(余|多)?\s*/.exec(text);
  if (!m) return false;
  const rest = text.slice(m[0].length).trim();
  return rest === "" || lookupUnit(rest) !== undefined;
}
