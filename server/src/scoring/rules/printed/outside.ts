/**
 * Printed rules that score by figures this file does not hold: a comparison
 * with other units' average ("平均年龄不大于市级部门人员平均年龄的，得2分") or a
 * rank among units ("排名倒数第1名…计2分"). They are recognised as such, so
 * the indicator is the evaluator's judgement (its stated 得分) with one message
 * saying why, rather than "rule not understood". Each test is one regular
 * expression without nested repetition (linear in the sentence).
 */
import type { ClauseNode } from "../../../syntax/ast";
import type { Said } from "./assemble";

/** A rank among units: 排名, 名次, 倒数第1名, 前三名. */
const RANK = /排名|名次|排位|倒数第|(?:第|前|后)[0-9一二两三四五六七八九十]{1,3}名/;

/** A comparison with an average of other units: a comparator, then (before the next separator) an average; or units named with an average. */
const AVERAGE = /(?:高于|低于|不低于|不高于|不大于|不小于|大于|小于|优于|劣于|超过|达到|等于|≥|≤|>|<)[^0-9;,。]{0,24}?(?:平均(?:值|水平|数|年龄)?|均值)/;
const OTHER_UNITS = /(?:全国|全省|全市|全州|全县|全区|省级|市级|州级|县级|区级|同级|同类|同行业|兄弟|其他|各)(?:部门|单位|地区|县市区|县区|市州|乡镇)?[^0-9;,。]{0,12}?(?:平均|均值)/;

export type Outside = Extract<ClauseNode, { kind: "judgement" }>;

/** The judgement clause of a rule that needs other units' figures (`text` folded, at `offset` in its line); undefined for any other rule. */
export function outsideFile(text: string, offset: number): Outside | undefined {
  const rank = RANK.exec(text);
  const avg = rank ? null : (AVERAGE.exec(text) ?? OTHER_UNITS.exec(text));
  const m = rank ?? avg;
  if (!m) return undefined;
  return { kind: "judgement", why: rank ? "rank" : "average", part: m[0], span: [offset + m.index, offset + m.index + m[0].length] };
}

/** Why the file cannot compute the rule, [Chinese, English], quoting the words that say so. */
export function outsideWhy(c: Outside): Said {
  switch (c.why) {
    case "average":
      return [`要与其他单位的平均值比较（“${c.part}”），本文件没有这些数据`, `it compares with other units' average (“${c.part}”), which this file does not hold`];
    case "rank":
      return [`按各单位的名次计分（“${c.part}”），本文件没有其他单位的数据`, `it scores by rank among units (“${c.part}”), and this file holds no other unit's figures`];
    case "event":
      return [`条件“${c.part}”要由评价人判断，本文件中没有可计算的数据`, `the condition “${c.part}” is the evaluator's to judge: nothing in the file computes it`];
  }
}
