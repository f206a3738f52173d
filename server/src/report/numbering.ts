/**
 * 公文 heading numbers (GB/T 9704-2012, 7.3.3): 一级 "一、", 二级 "（一）",
 * 三级 "1.", 四级 "（1）". Authors number headings by hand and mix styles
 * ("1、", "(1)", "1." at the top levels in the 004 seed); the report strips
 * the author's number and prints the sequence by level, unless the user asks
 * to keep headings as written.
 */

const CN_DIGITS = "零一二三四五六七八九";

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 100 → 一百. */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ""}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ""}`;
  return String(n);
}

/** The number printed before a heading of `level` (1..4) that is the `n`-th at its level; "" below level 4. */
export function gongwenNumber(level: number, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumber(n)}、`;
    case 2:
      return `（${chineseNumber(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
    default:
      return "";
  }
}

const CN = "[一二三四五六七八九十百零〇两]+";
/**
 * A hand-written heading number at the start of a title: 一、 / 一. / （一） /
 * (一) / 1、 / 1. / 1．/ （1） / (1) / 1) / 第一章 / 第一部分 / 第一节, with the spaces
 * after it. A bare number followed by text ("2021 年…") is not a heading number.
 */
const NUMBER_PREFIX = new RegExp(
  `^\\s*(?:(?:${CN}|\\d{1,3})\\s*[、.．](?!\\d)|[（(]\\s*(?:${CN}|\\d{1,3})\\s*[）)]|\\d{1,3}[)）]|第${CN}(?:章|节|部分|篇)[、：:]?)\\s*`,
);

/** The title without the author's heading number ("（二）人员情况。" → "人员情况。"). */
export function stripNumber(title: string): string {
  const stripped = title.replace(NUMBER_PREFIX, "");
  return stripped.trim() ? stripped : title;
}

/** Counts headings per level; a heading restarts the count of every deeper level. */
export class HeadingCounter {
  private readonly counts: number[] = [];

  next(level: number): number {
    this.counts.length = Math.max(this.counts.length, level);
    this.counts[level - 1] = (this.counts[level - 1] ?? 0) + 1;
    this.counts.length = level;
    return this.counts[level - 1];
  }
}
