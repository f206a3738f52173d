/**
 * The subject of a printed condition (whose value a sentence compares), and
 * scores printed as a product: "按预算执行率×10计分", "得分=资金到位率×该指标分值",
 * "实际完成率×分值". A rate times the weight is 按完成比例 (a `completion`
 * clause: with a quantity target, actual ÷ target); a rate times a number is
 * 比例 with that number as the factor, kept within 0…weight.
 */
import type { Span } from "../../../syntax/ast";
import type { Piece } from "./assemble";

const MEASURE_SUFFIX = /(率|值|数|额|量|比|度|比例|金额|偏差|变动|次数|天数|时间|时限|面积|长度|成本|费用|经费|支出|规模|人数|户数|个数|得分)$/;

function normalizeName(s: string): string {
  return s.replace(/[\s“”"「」'’‘]/g, "").replace(/\(.*?\)$/, "");
}

/** Is `subject` the indicator's measured value: its own name, or a measure noun (…率, 完成值, 实际值)? */
export function acceptableSubject(subject: string, name: string): boolean {
  const s = normalizeName(subject).replace(/(的|为|是|达|在)$/, "");
  if (s === "") return true;
  return s === normalizeName(name) || MEASURE_SUFFIX.test(s) || /^(实际|完成|A|X)$/.test(s);
}

/**
 * `subject × weight-word` or `subject × number`, with an optional 得分= / 按 before and 计分 / 计算得分 after.
 * The subject holds no digit, operator or separator, so the match is linear in the (short) segment.
 */
const PRODUCT = /^(?:得分[=为:]|得分按)?(?:按|以|依|根据)?([^0-9×*x/÷=;,()]{1,20}?)(?:[×*x]|乘以|乘)(?:(分值|权重|该?指标分值|该?指标权重|本项分值|本指标分值|满分|该项分值)|([0-9]+(?:\.[0-9]+)?)分?)(?:计算|折算)?(?:得分|计分|赋分)?$/;

/** A segment that is a product score ("按预算执行率×10计分"); undefined when it is not one. */
export function readProduct(whole: string, span: Span, name: string): Piece | undefined {
  // "(实际完成率)×分值": brackets around the rate say nothing more.
  const w = whole.replace(/[。.]$/, "").replace(/^(得分[=为:])?\(([^()]{1,24})\)/, "$1$2");
  if (w.length > 48) return undefined;
  const m = PRODUCT.exec(w);
  if (!m || !acceptableSubject(m[1], name)) return undefined;
  if (m[2] !== undefined) return { kind: "clause", clause: { kind: "completion", span }, text: whole };
  const factor = m[3].replace(/^0+(?=[0-9])/, "");
  return { kind: "clause", clause: { kind: "proportional", span, factor }, text: whole };
}
