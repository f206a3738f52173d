/**
 * Chinese numerals (中文数字) in data are an error with a suggested value;
 * in rule labels (符合其中七项, 两项) they are counts.
 */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 10000, 亿: 100000000 };

export const CHINESE_NUMERAL_RE = /^[零〇一二两三四五六七八九十百千万亿]+(点[零〇一二三四五六七八九]+)?/;

/** The value of a Chinese numeral, as a decimal string, or undefined. */
export function chineseNumeralValue(text: string): string | undefined {
  const m = CHINESE_NUMERAL_RE.exec(text);
  if (!m || m[0] !== text) return undefined;
  const [intPart, fracPart] = text.split("点");
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of intPart) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      section += (digit < 0 ? 1 : digit) * UNITS[ch];
      digit = -1;
    } else if (ch in BIG) {
      section += Math.max(digit , 0);
      total = (total + section) * BIG[ch];
      section = 0;
      digit = -1;
    }
  }
  if (digit >= 0) section += digit;
  let result = String(total + section);
  if (fracPart) result += `.${[...fracPart].map((c) => DIGITS[c]).join("")}`;
  if (!Number.isSafeInteger(total + section)) return undefined;
  return result;
}

/** A count in a label: `7`, `七`, `两`. */
export function countValue(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const v = chineseNumeralValue(text);
  return v === undefined ? undefined : Number(v);
}
