/**
 * The diagnostics catalogue (诊断目录): every code the language can report,
 * with its severity and its message in Chinese (default) and English.
 * Codes are stable: tools, docs (docs/diagnostics.md) and tests refer to them.
 */

export type Severity = "error" | "warning" | "info";

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

type Args = Record<string, string | number>;

interface Entry {
  severity: Severity;
  /** Short English slug, for people who read codes. */
  slug: string;
  zh: (a: Args) => string;
  en: (a: Args) => string;
}

const s = (v: string | number | undefined): string => (v === undefined ? "" : String(v));

/** What to write in a blank field (PE130), by the kind of field. */
const BLANK_ZH: Record<string, string> = {
  result: "写评分规则中的一个选项",
  target: "写目标值，如“≥ 95%”或“≥ 4 万亩”",
  actual: "写实际完成值，如“4.8 万亩”",
  score: "写得分",
  value: "写数值和单位，如“120 万元”",
  header: "写表头内容",
  text: "写文字说明",
};
const BLANK_EN: Record<string, string> = {
  result: "write one option of the rule",
  target: "write the target, e.g. ≥ 95% or ≥ 4 万亩",
  actual: "write the value achieved, e.g. 4.8 万亩",
  score: "write the score",
  value: "write a number and its unit, e.g. 120 万元",
  header: "write the header value",
  text: "write the text",
};

export const CATALOGUE = {
  // ── syntax ──
  PE101: {
    severity: "error",
    slug: "syntax-error",
    zh: (a) => `无法解析${s(a.what)}：${s(a.detail)}`,
    en: (a) => `Cannot parse ${s(a.whatEn)}: ${s(a.detailEn)}`,
  },
  PE107: {
    severity: "error",
    slug: "rule-sentence-not-understood",
    zh: (a) => `评分规则读到“${s(a.part)}”处读不懂：此处应为${s(a.expected)}。`,
    en: (a) => `The scoring rule is not understood at “${s(a.part)}”: expected ${s(a.expectedEn)}.`,
  },
  PE102: {
    severity: "error",
    slug: "conflict-marker",
    zh: () => "文件含有 Git 合并冲突标记（<<<<<<< / ======= / >>>>>>>）：请先解决冲突，冲突区内的内容暂不计分。",
    en: () => "Git conflict marker (<<<<<<< / ======= / >>>>>>>): resolve the conflict first; lines inside it are not scored.",
  },
  PE120: {
    severity: "warning",
    slug: "lone-conflict-marker",
    zh: (a) => `孤立的冲突标记“${s(a.marker)}”：它不属于完整的 Git 冲突（<<<<<<< … ======= … >>>>>>>），按正文处理，计分不受影响；如是合并遗留，请删除此行。`,
    en: (a) => `Lone conflict marker "${s(a.marker)}": not part of a complete Git conflict (<<<<<<< … ======= … >>>>>>>); read as text, scoring goes on. If a merge left it, delete the line.`,
  },
  PE103: {
    severity: "error",
    slug: "missing-header",
    zh: (a) => `缺少必填表头“${s(a.key)}”：应在第一个标题之前写“${s(a.key)}：…”。`,
    en: (a) => `Missing required header key “${s(a.key)}”: write “${s(a.key)}：…” before the first heading.`,
  },
  PE104: {
    severity: "warning",
    slug: "duplicate-field",
    zh: (a) => `“${s(a.key)}”重复填写：以第一处为准。`,
    en: (a) => `“${s(a.key)}” is given twice: the first one counts.`,
  },
  PE105: {
    severity: "warning",
    slug: "misplaced-field",
    zh: (a) => `“${s(a.key)}”只能写在${s(a.where)}：此处按正文处理。`,
    en: (a) => `“${s(a.key)}” belongs in ${s(a.whereEn)}: treated as text here.`,
  },
  PE106: {
    severity: "error",
    slug: "invalid-header-value",
    zh: (a) => `“${s(a.key)}”的值“${s(a.value)}”无效：应为${s(a.expected)}。`,
    en: (a) => `Invalid value “${s(a.value)}” for “${s(a.key)}”: expected ${s(a.expectedEn)}.`,
  },
  PE130: {
    severity: "info",
    slug: "blank",
    zh: (a) => (a.what === "checklist" ? `待填写：“${s(a.where)}”的要点，把已满足的改为“- [x]”，都不满足时写“偏差原因：…”。` : `待填写：${a.where ? `“${s(a.where)}”的` : ""}“${s(a.key)}”，${BLANK_ZH[s(a.what)] ?? BLANK_ZH.text}。`),
    en: (a) => (a.what === "checklist" ? `To fill in: tick the points of “${s(a.where)}” that are met (- [x]); if none is, write 偏差原因：….` : `To fill in: “${s(a.key)}”${a.where ? ` of “${s(a.where)}”` : ""}, ${BLANK_EN[s(a.what)] ?? BLANK_EN.text}.`),
  },
  // ── numbers and units ──
  PE201: {
    severity: "error",
    slug: "malformed-number",
    zh: (a) => `“${s(a.text)}”不是一个数：应为十进制数，如 1,531.23 或 96.4（最多一个小数点）。`,
    en: (a) => `“${s(a.text)}” is not a number: expected a decimal such as 1,531.23 or 96.4 (one decimal point at most).`,
  },
  PE202: {
    severity: "error",
    slug: "chinese-numeral",
    zh: (a) => `数据不能用中文数字“${s(a.text)}”：请写阿拉伯数字${a.value !== undefined ? `（${s(a.value)}）` : ""}。`,
    en: (a) => `Chinese numeral “${s(a.text)}” used as data: write digits${a.value !== undefined ? ` (${s(a.value)})` : ""}.`,
  },
  PE203: {
    severity: "error",
    slug: "unknown-unit",
    zh: (a) => `未知单位“${s(a.unit)}”：应为已知单位，如 元、万元、人、亩、%。`,
    en: (a) => `Unknown unit “${s(a.unit)}”: expected a known unit such as 元, 万元, 人, 亩, %.`,
  },
  PE204: {
    severity: "error",
    slug: "dimension-mismatch",
    zh: (a) => `量纲不一致：${s(a.left)}与${s(a.right)}不能${s(a.op)}。`,
    en: (a) => `Dimension mismatch: cannot ${s(a.opEn)} ${s(a.leftEn)} and ${s(a.rightEn)}.`,
  },
  PE205: {
    severity: "warning",
    slug: "person-vs-person-time",
    zh: () => "“人”与“人次”混用：人次是次数，不是人数，请核对口径。",
    en: () => "人 (persons) mixed with 人次 (person-times): check that the two counts mean the same thing.",
  },
  PE206: {
    severity: "warning",
    slug: "approximate-in-score",
    zh: (a) => `计分用到了约数“${s(a.text)}”（余/约/以上）：得分依据应为确数。`,
    en: (a) => `Score uses an approximate value “${s(a.text)}” (余/约/以上): a score should rest on an exact figure.`,
  },
  PE207: {
    severity: "error",
    slug: "division-by-zero",
    zh: (a) => `除数为零：${s(a.expr)} 的值为 0。`,
    en: (a) => `Division by zero: ${s(a.expr)} is 0.`,
  },
  PE208: {
    severity: "warning",
    slug: "malformed-number-in-text",
    zh: (a) => `正文中的“${s(a.text)}”不是一个数：应为十进制数（最多一个小数点）。`,
    en: (a) => `“${s(a.text)}” in the text is not a number: expected a decimal with one decimal point at most.`,
  },
  // ── structure and weights ──
  PE301: {
    severity: "error",
    slug: "children-weight-sum",
    zh: (a) => `下级指标分值合计 ${s(a.sum)} 分，与“${s(a.name)}”的分值 ${s(a.weight)} 分不符。`,
    en: (a) => `Children's weights add up to ${s(a.sum)}, but “${s(a.name)}” weighs ${s(a.weight)}.`,
  },
  PE302: {
    severity: "error",
    slug: "top-level-sum",
    zh: (a) => `一级指标分值合计 ${s(a.sum)} 分，与满分 ${s(a.full)} 分不符。`,
    en: (a) => `Top-level weights add up to ${s(a.sum)}, but the full score (满分) is ${s(a.full)}.`,
  },
  PE303: {
    severity: "error",
    slug: "duplicate-sibling",
    zh: (a) => `同级指标重名：“${s(a.name)}”已在第 ${s(a.line)} 行出现。`,
    en: (a) => `Duplicate sibling indicator “${s(a.name)}” (first on line ${s(a.line)}).`,
  },
  PE304: {
    severity: "warning",
    slug: "indicator-without-rule",
    zh: (a) => `指标“${s(a.name)}”既无评分规则、目标，也无得分：应写“评分：…”、“目标：…”或“得分：…”。`,
    en: (a) => `Indicator “${s(a.name)}” has no rule, no target and no score: write 评分：…, 目标：… or 得分：….`,
  },
  // ── scoring ──
  PE401: {
    severity: "error",
    slug: "rule-max-not-weight",
    zh: (a) => `评分规则最高 ${s(a.max)} 分，与指标分值 ${s(a.weight)} 分不符。`,
    en: (a) => `The rule awards up to ${s(a.max)}, but the indicator weighs ${s(a.weight)}.`,
  },
  PE402: {
    severity: "error",
    slug: "score-out-of-range",
    zh: (a) => `得分 ${s(a.score)} 超出 0～${s(a.weight)} 分的范围。`,
    en: (a) => `Score ${s(a.score)} is outside 0…${s(a.weight)}.`,
  },
  PE403: {
    severity: "error",
    slug: "missing-value",
    zh: (a) => `评分缺少数据：${s(a.what)}。`,
    en: (a) => `The rule needs a value that is missing: ${s(a.whatEn)}.`,
  },
  PE404: {
    severity: "error",
    slug: "unknown-option",
    zh: (a) => `结果“${s(a.option)}”不在评分选项中：应为 ${s(a.options)} 之一。`,
    en: (a) => `Result “${s(a.option)}” is not an option of the rule: expected one of ${s(a.options)}.`,
  },
  PE405: {
    severity: "warning",
    slug: "qualitative-band",
    zh: (a) => `“${s(a.grade)}”的得分应在 ${s(a.low)}～${s(a.high)} 分（分值的 ${s(a.band)}），填报 ${s(a.score)} 分。`,
    en: (a) => `A “${s(a.grade)}” score must lie in ${s(a.low)}…${s(a.high)} (${s(a.band)} of the weight); ${s(a.score)} stated.`,
  },
  PE406: {
    severity: "warning",
    slug: "deviation-reason-missing",
    zh: (a) => `缺少偏差原因：${s(a.why)}，应写“偏差原因：…”。`,
    en: (a) => `Missing 偏差原因 (reason for deviation): ${s(a.whyEn)}; write 偏差原因：….`,
  },
  PE407: {
    severity: "info",
    slug: "judgement-without-reason",
    zh: (a) => `“${s(a.name)}”的得分 ${s(a.score)} 为评价人判断：请写“理由：…”说明依据。`,
    en: (a) => `The score ${s(a.score)} of “${s(a.name)}” is the evaluator's judgement: give 理由：….`,
  },
  PE413: {
    severity: "info",
    slug: "score-precision-hint",
    zh: (a) => `本表的得分都只写到 ${s(a.digits)} 位小数，此得分按 ${s(a.digits)} 位小数与计算相符：若本表按 ${s(a.digits)} 位小数计分，请在表头写“${s(a.line)}”（默认两位小数）。`,
    en: (a) => `Every score of this table is written with ${s(a.digits)} decimals, and this one agrees at ${s(a.digits)} decimals: if the table scores to ${s(a.digits)} decimals, write “${s(a.line)}” in the header (the default is two).`,
  },
  PE414: {
    severity: "info",
    slug: "target-direction-assumed",
    zh: (a) => `目标“${s(a.value)}”没有写比较符（≥、≤），也没有写“指标性质”：按正向（≥）计分。反向指标请写“指标性质：反向”或“目标：≤…”。`,
    en: (a) => `The target “${s(a.value)}” has no comparator (≥, ≤) and no 指标性质: read as upward (≥). For a downward target write 指标性质：反向 or 目标：≤….`,
  },
  PE415: {
    severity: "warning",
    slug: "score-coefficient-differs",
    zh: (a) => `得分系数 ${s(a.stated)} 与计算不符：${s(a.detail)}${a.computed ? ` = ${s(a.computed)}` : ""}。`,
    en: (a) => `得分系数 ${s(a.stated)} does not match: ${s(a.detail)}${a.computed ? ` = ${s(a.computed)}` : ""}.`,
  },
  PE416: {
    severity: "warning",
    slug: "actual-with-comparator",
    zh: (a) => `实际值不应带比较符“${s(a.comparator)}”（多半是从目标值抄来的）：按 ${s(a.value)} 计。`,
    en: (a) => `An actual value has no comparator “${s(a.comparator)}” (probably copied from the target): read as ${s(a.value)}.`,
  },
  PE417: {
    severity: "info",
    slug: "actual-unit-assumed",
    zh: (a) => `实际值 ${s(a.value)} 没有写单位：按${s(a.source)}的单位读作 ${s(a.value)} ${s(a.unit)}。`,
    en: (a) => `The actual ${s(a.value)} has no unit: read in the unit of ${s(a.source)}, ${s(a.value)} ${s(a.unit)}.`,
  },
  PE411: {
    severity: "warning",
    slug: "table-total-differs",
    zh: (a) => `表中“${s(a.row)}”的“${s(a.column)}” ${s(a.stated)} 与${s(a.what)} ${s(a.computed)} 不符。`,
    en: (a) => `The table's “${s(a.row)}” “${s(a.column)}” ${s(a.stated)} does not equal the ${a.what === "其上各行之和" ? "sum of the rows above" : "sum of the funding sources below it (本年财政拨款, 上年结转资金, 其他资金…)"}, ${s(a.computed)}.`,
  },
  PE418: {
    severity: "warning",
    slug: "funding-total-blank",
    zh: (a) => `表中“${s(a.row)}”的“${s(a.column)}”填为 0，其下各资金来源之和为 ${s(a.computed)}：按资金来源之和计算（预算执行率等读取此数），请把合计填上。`,
    en: (a) => `The table's “${s(a.row)}” “${s(a.column)}” is 0 while its funding sources add up to ${s(a.computed)}: the sum of the sources is used (the 预算执行率 row reads it); fill in the total.`,
  },
  PE412: {
    severity: "warning",
    slug: "table-part-exceeds-whole",
    zh: (a) => `“其中：${s(a.row)}”的“${s(a.column)}” ${s(a.stated)} 大于它所属的“${s(a.whole)}” ${s(a.wholeValue)}：“其中”一行是上一行的一部分。`,
    en: (a) => `“其中：${s(a.row)}” “${s(a.column)}” ${s(a.stated)} exceeds the row it is part of, “${s(a.whole)}” ${s(a.wholeValue)}.`,
  },
  PE408: {
    severity: "error",
    slug: "rule-not-understood",
    zh: (a) => `无法识别的评分规则：${s(a.detail)}。`,
    en: (a) => `Rule not understood: ${s(a.detailEn)}.`,
  },
  PE409: {
    severity: "info",
    slug: "rule-unchecked",
    zh: (a) => `评分规则无法核对，按填报得分 ${s(a.score)} 分计：缺少${s(a.what)}。`,
    en: (a) => `The rule cannot be checked, the stated score ${s(a.score)} is used: missing ${s(a.whatEn)}.`,
  },
  PE410: {
    severity: "warning",
    slug: "no-band-holds",
    zh: (a) => `实际值 ${s(a.value)} 不在任何一档评分内：按 0 分计。`,
    en: (a) => `The value ${s(a.value)} falls in no band of the rule: scored 0.`,
  },
  PE442: {
    severity: "info",
    slug: "rule-needs-judgement",
    zh: (a) => `评分规则无法按本文件计算：${s(a.why)}。按填报得分 ${s(a.score)} 分计（评价人判断）${a.ask ? "，请在“理由：…”中写明依据" : ""}。`,
    en: (a) => `The rule cannot be computed from this file: ${s(a.whyEn)}. The stated score ${s(a.score)} is used (the evaluator's judgement)${a.ask ? "; give the basis in 理由：…" : ""}.`,
  },
  PE440: {
    severity: "info",
    slug: "measure-partly-achieved",
    zh: (a) => `实际为“${s(a.word)}”，未全部达成：建议写“偏差原因：…”说明原因。`,
    en: (a) => `The actual is “${s(a.word)}”, not fully achieved: consider writing 偏差原因：… to say why.`,
  },
  // ── stated values ──
  PE530: {
    severity: "warning",
    slug: "stated-score-capped",
    zh: (a) => `填报得分 ${s(a.stated)} 超出 0～${s(a.weight)} 分，计入总分时按 ${s(a.counted)} 分计。`,
    en: (a) => `The stated score ${s(a.stated)} is outside 0…${s(a.weight)}; ${s(a.counted)} is counted in the total.`,
  },
  PE501: {
    severity: "warning",
    slug: "stated-score-mismatch",
    zh: (a) => `填报得分 ${s(a.stated)} 分，${a.basis === "default" ? "没有评分规则，按目标值默认算法" : a.basis === "sum" ? "按下级得分之和" : "按规则"}应得 ${s(a.computed)} 分。`,
    en: (a) => `Stated score ${s(a.stated)}, but ${a.basis === "default" ? "with no 评分 rule the default method against the target" : a.basis === "sum" ? "the sum of the children's scores" : "the rule"} gives ${s(a.computed)}.`,
  },
  PE502: {
    severity: "warning",
    slug: "stated-total-mismatch",
    zh: (a) => `填报自评总分 ${s(a.stated)} 分，计算得 ${s(a.computed)} 分${a.unscored ? `（另有 ${s(a.unscored)} 项指标未计分，按 0 分计）` : ""}。`,
    en: (a) => `Stated total ${s(a.stated)}, computed ${s(a.computed)}${a.unscored ? ` (${s(a.unscored)} indicators unscored, counted as 0)` : ""}.`,
  },
  PE503: {
    severity: "warning",
    slug: "stated-grade-mismatch",
    zh: (a) => `填报等级“${s(a.stated)}”，按总分 ${s(a.total)} 分应为“${s(a.computed)}”。`,
    en: (a) => `Stated grade “${s(a.stated)}”, but a total of ${s(a.total)} is “${s(a.computed)}”.`,
  },
  PE504: {
    severity: "warning",
    slug: "stated-value-mismatch",
    zh: (a) => `“${s(a.name)}”填报 ${s(a.stated)}，按 ${s(a.formula)} 计算为 ${s(a.computed)}。`,
    en: (a) => `“${s(a.name)}” states ${s(a.stated)}, but ${s(a.formula)} gives ${s(a.computed)}.`,
  },
  PE505: {
    severity: "warning",
    slug: "stated-rate-mismatch",
    zh: (a) => `填报完成率 ${s(a.stated)}，按实际 ${s(a.actual)} ÷ 目标 ${s(a.target)} 计算为 ${s(a.computed)}。`,
    en: (a) => `Stated completion rate ${s(a.stated)}, but actual ${s(a.actual)} ÷ target ${s(a.target)} is ${s(a.computed)}.`,
  },
  // ── names ──
  PE601: {
    severity: "error",
    slug: "unknown-name",
    zh: (a) => `未定义的数据名“${s(a.name)}”${a.hint ? `：是否指“${s(a.hint)}”？` : `：应先写“${s(a.name)}：数值”。`}`,
    en: (a) => `Unknown name “${s(a.name)}”${a.hint ? `: did you mean “${s(a.hint)}”?` : `: define it as “${s(a.name)}：value”.`}`,
  },
  PE602: {
    severity: "warning",
    slug: "unused-data",
    zh: (a) => `数据“${s(a.name)}”未被公式使用。`,
    en: (a) => `Data item “${s(a.name)}” is not used by any formula.`,
  },
  PE603: {
    severity: "error",
    slug: "unknown-placeholder",
    zh: (a) => `未知的引用 {{${s(a.name)}}}：应为 总分、等级、数据名或“指标名.得分”。`,
    en: (a) => `Unknown reference {{${s(a.name)}}}: expected 总分, 等级, a data name or “indicator.得分”.`,
  },
  PE604: {
    severity: "warning",
    slug: "duplicate-data",
    zh: (a) => `数据名“${s(a.name)}”重复定义（第 ${s(a.line)} 行已有）：以第一处为准。`,
    en: (a) => `Data name “${s(a.name)}” is defined twice (first on line ${s(a.line)}): the first counts.`,
  },
  PE605: {
    severity: "error",
    slug: "circular-derivation",
    zh: (a) => `“${s(a.name)}”的计算引用了自身（循环引用）。`,
    en: (a) => `“${s(a.name)}” is derived from itself (circular reference).`,
  },
} satisfies Record<string, Entry>;

export type DiagnosticCode = keyof typeof CATALOGUE;

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  range: Range;
  message: string;
  messageEn: string;
  /** Machine-readable facts a quick fix can use (e.g. the computed value). */
  data?: Record<string, string>;
}

export function makeDiagnostic(code: DiagnosticCode, range: Range, args: Args = {}, data?: Record<string, string>): Diagnostic {
  const entry: Entry = CATALOGUE[code];
  return { code, severity: entry.severity, range, message: flat(entry.zh(args)), messageEn: flat(entry.en(args)), data };
}

/**
 * A message as one string. A template literal is a tree of joined pieces in
 * V8 (five or six objects for a message built from parts); a file with
 * thousands of diagnostics keeps thousands of such trees. `replace` builds a
 * new string in one piece.
 */
function flat(message: string): string {
  return message.replace(START, "");
}
const START = /^/;

export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
