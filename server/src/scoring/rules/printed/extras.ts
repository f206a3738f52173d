/**
 * Printed wordings around the rule proper, read before or after the
 * segment reader (reader.ts): notes that carry no score ("以上需提供佐证资料",
 * "二者择其一进行考核"), point labels that contain their own commas
 * ("有结余，但不超过上年结转，2分"), and the lead-in of a counted deduction
 * ("以上情况每出现一例…扣1分"). Each test is one regular expression or a
 * scan over the segments, so the cost stays linear.
 */
import type { ScoreValueNode } from "../../../syntax/ast";
import { Cursor, readConsequence } from "./scan";

/** A segment that only tells the reviewer what to attach or how to choose: no score in it. */
const NOTE = /^(?:(?:以上|上述|此项|本项|该项|各项|每项)[^0-9]{0,12}?(?:需|须|应|要)(?:提供|附|上传|报送|出具|提交)|(?:需|须|应)(?:提供|附|上传|提交)[^0-9]{0,20}(?:资料|材料|依据|证明|方案|文件)|(?:二者|两者|以上|上述)(?:择其?一|任选其?一|选其一)|(?:注|备注|说明)[:：])/;

/** "没有楼堂馆所项目的部门按满分计算": what a unit without the thing scores; the rule itself needs no data then. */
const ABSENT_FULL = /^(没有|无|未发生|不涉及)[^0-9;,]{1,30}?的?(部门|单位),?按满分(计算|计)?$/;

/** Is this segment a note that gives no score (and so is no part of the rule)? */
export function isNote(whole: string): boolean {
  return (NOTE.test(whole) && !/[0-9]\s*分|满分|不得分|扣/.test(whole)) || ABSENT_FULL.test(whole);
}

/** Does a segment state a score ("1分", "计5分", "不得分", "扣1分")? Description lines do not. */
export function statesScore(whole: string): boolean {
  return /[0-9一二三四五六七八九十]\s*分|满分|不得分|不计分|扣/.test(whole);
}

const NUMBERING = /(?:[0-9]{1,2}[.、](?![0-9])|\([0-9]{1,2}\)|[①②③④⑤⑥⑦⑧⑨⑩])/y;

/** A label part: no number, no comparator sign, not 其余/否则, no 每 (a deduction). */
function labelLike(text: string): boolean {
  return text.length > 0 && !/[0-9%‰≥≤<>=每]/.test(text) && !/^(其余|其他|否则)/.test(text);
}

/**
 * "有结余，但不超过上年结转，2分": segments k..j−1 joined by commas only make one
 * label, and segment j is its score. Returns the option and the last segment
 * used, or undefined when the segments are not that.
 */
export function commaLabel(text: string, segs: readonly [number, number][], k: number, offset: number): { label: string; score: ScoreValueNode; from: number; last: number } | undefined {
  NUMBERING.lastIndex = segs[k][0];
  const numbered = NUMBERING.exec(text);
  const from = numbered && numbered.index === segs[k][0] ? segs[k][0] + numbered[0].length : segs[k][0];
  for (let j = k + 1; j < segs.length && j - k <= 8; j++) {
    const gap = text.slice(segs[j - 1][1], segs[j][0]);
    if (gap.replace(/\s/g, "") !== ",") return undefined;
    const prev = text.slice(j - 1 === k ? from : segs[j - 1][0], segs[j - 1][1]);
    if (!labelLike(prev)) return undefined;
    const c = new Cursor(text, segs[j][0], segs[j][1], offset);
    const at = c.i;
    const score = readConsequence(c);
    if (score && c.done && score.deduct === undefined && !score.proportional) {
      // The folded comma shown as printed in Chinese text.
      const label = text.slice(from, segs[j - 1][1]).trim().replace(/,/g, "，");
      return { label, score, from, last: j };
    }
    c.i = at;
  }
  return undefined;
}

/** Before 每 in "以上情况每出现一例不符合要求的扣1分": words that only say what is counted. */
export function countedLead(subject: string): boolean {
  return !/[0-9%≥≤<>=]/.test(subject) && subject.length <= 20;
}
