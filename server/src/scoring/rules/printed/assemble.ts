/**
 * From the pieces of a printed sentence to clauses: join what belongs
 * together (a lead-in "以100%为标准" and a deduction that has no band of its
 * own; "扣完为止" and "不足…按比例" with the deduction they qualify), settle
 * the unmarked ends of ranges, and say how each part was read.
 */
import type { BoundNode, ClauseNode, ComparatorNode, ComparatorOp, QuantityNode, ScoreValueNode, Span } from "../../../syntax/ast";
import { parseDecimal } from "../../../quantity/decimal";
import type { PrintedResult } from "./reader";
import { type Locale, say } from "../../../text/locale";
import { outsideWhy } from "./outside";

/** A line of the reading in both languages: [Chinese, English]. */
export type Said = readonly [zh: string, en: string];

/** A line worded by `f` in each language. */
export const both = (f: (l: Locale) => string): Said => [f("zh-cn"), f("en")];

export type Piece =
  /** `also`: more clauses with the same consequence ("低于80%或高于120%的不得分" is two bands). */
  | { kind: "clause"; clause: ClauseNode; text: string; note?: Said; also?: ClauseNode[] }
  | { kind: "modifier"; note: Said; mode?: "linear" | "ceil"; span: Span }
  | { kind: "standard"; quantity: QuantityNode; span: Span }
  | { kind: "targetMet"; span: Span }
  | { kind: "start"; cmp: ComparatorNode; quantity: QuantityNode; span: Span };

const OP: Record<ComparatorOp, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };
const REVERSE: Record<ComparatorOp, ComparatorOp> = { ">=": "<", "<=": ">", ">": "<=", "<": ">=", "=": "=" };

export function quantityText(q: QuantityNode): string {
  return `${q.value}${q.unit?.text ?? ""}`;
}

export function scoreWords(s: ScoreValueNode, l: Locale): string {
  if (s.full) return say(l, "满分", "full score");
  if (s.deduct !== undefined) return say(l, `扣 ${s.deduct} 分（分值 − ${s.deduct}）`, `minus ${s.deduct} (points − ${s.deduct})`);
  if (s.proportional) return say(l, "按比例计分（有目标时 实际值 ÷ 目标值 × 分值，否则 比率 × 分值）", "proportional (with a target, actual ÷ target × points; else ratio × points)");
  return `${s.value}${say(l, " 分", " pts")}`;
}

export function perPointWords(c: Extract<ClauseNode, { kind: "perPoint" }>, l: Locale): string {
  if (l === "en") {
    const unit = c.perUnit ?? "percentage point(s)";
    const how = c.mode === "linear" ? "a part of a step deducts its share" : c.mode === "ceil" ? "a part of a step counts as a whole step" : `whole steps of ${c.per} ${unit} only, a part of a step deducts nothing`;
    return `${c.direction === "above" ? "beyond" : "below"} the full-score limit, minus ${c.step} for each ${c.per} ${unit}, ${how}; at least 0`;
  }
  const unit = c.perUnit ?? "个百分点";
  const dir = c.direction === "above" ? "超出" : "低于";
  const how =
    c.mode === "linear" ? "按比例扣（不足一步的部分也按比例扣）" : c.mode === "ceil" ? "不足一步的部分按一步扣" : `按满${c.per}${unit}的整步数扣，不足一步不扣`;
  return `${dir}满分界限后，每${c.per}${unit}扣 ${c.step} 分，${how}；最低 0 分`;
}

function describe(c: ClauseNode, l: Locale): string {
  const actual = say(l, "实际值", "actual");
  switch (c.kind) {
    case "band":
      return `${actual} ${OP[c.comparator.op]} ${quantityText(c.quantity)} → ${scoreWords(c.score, l)}`;
    case "range": {
      const lo = c.lo ? `${quantityText(c.lo.quantity)} ${c.lo.inclusive ? "≤" : "<"} ` : "";
      const hi = c.hi ? ` ${c.hi.inclusive ? "≤" : "<"} ${quantityText(c.hi.quantity)}` : "";
      return `${lo}${actual}${hi} → ${scoreWords(c.score, l)}`;
    }
    case "perPoint":
      return perPointWords(c, l);
    case "completion":
      return say(l, "按完成比例计分：有数量目标时 实际值 ÷ 目标值 × 分值（达到目标得满分），没有目标时 比率 × 分值", "by completion: with a quantity target, actual ÷ target × points (full score once the target is met); without one, ratio × points");
    case "option":
      return `“${c.label}” ${scoreWords(c.score, l)}${c.label.includes("或") ? say(l, "（结果写其中任一种情况即可）", " (结果 may name either case)") : ""}`;
    case "else":
      return `${say(l, "其余情况", "otherwise")} → ${scoreWords(c.score, l)}`;
    case "deduction":
      return say(l, `每项扣 ${c.step} 分，扣完为止`, `minus ${c.step} per item, down to 0`);
    case "judgement":
      if (c.why === "event" && c.score) return say(l, `“${c.part}”时 ${scoreWords(c.score, l)}：由评价人判断，填报此得分时按填报计`, `on “${c.part}”, ${scoreWords(c.score, l)}: the evaluator's judgement, a stated score of that counts`);
      return say(l, `评价人判断：${outsideWhy(c)[0]}；按填报的得分计`, `the evaluator's judgement: ${outsideWhy(c)[1]}; the stated score counts`);
    case "proportional":
      if (c.factor !== undefined) return say(l, `比率 × ${c.factor}（有数量目标时比率为 实际值 ÷ 目标值），限制在 0～分值`, `ratio × ${c.factor} (with a quantity target the ratio is actual ÷ target), kept within 0…points`);
      return say(l, "按比例计分", "proportional");
  }
}

function sameValue(a: QuantityNode, b: QuantityNode): boolean {
  return (a.unit?.text ?? "") === (b.unit?.text ?? "") && parseDecimal(a.value).equals(parseDecimal(b.value));
}

/** Does another clause claim the value v as its own (an end marked 含, or ≥ ≤ = at v)? */
function claimed(clauses: ClauseNode[], self: ClauseNode, v: QuantityNode): boolean {
  return clauses.some((o) => {
    if (o === self) return false;
    if (o.kind === "band") return (o.comparator.op === ">=" || o.comparator.op === "<=" || o.comparator.op === "=") && sameValue(o.quantity, v);
    if (o.kind === "range") return [o.lo, o.hi].some((b) => b !== null && b.inclusive === true && sameValue(b.quantity, v));
    return false;
  });
}

/** Finishing on time, as printed: "按时完成计5分", "按期完成得5分". */
const ON_TIME = /^(按时|按期|及时|如期|准时|按计划|在规定的?(时间|期限|时限)内)(完成|办结|完工|报送|提交)?$/;

/** "按时完成计5分，每超过1天扣1分": the on-time point is the full band ≤ 0 days over, the deduction counts the days over. */
function onTime(clauses: ClauseNode[], reading: Said[]): [ClauseNode, ClauseNode] | undefined {
  const options = clauses.filter((c) => c.kind === "option");
  const per = clauses.find((c) => c.kind === "perPoint");
  if (options.length !== 1 || clauses.length !== 2 || !per || per.kind !== "perPoint" || per.direction !== "above" || per.perUnit === undefined) return undefined;
  const o = options[0];
  if (o.kind !== "option" || !ON_TIME.test(o.label) || o.score.deduct !== undefined || o.score.proportional) return undefined;
  const zero: QuantityNode = { value: "0", unit: { text: per.perUnit, span: o.span }, approx: false, span: o.span };
  reading.push(both((l) => say(l, `“${o.label}”即超出 0${per.perUnit}：实际值写超出的${per.perUnit}数`, `“${o.label}” means 0 ${per.perUnit} over: the actual is the number of ${per.perUnit} over`)));
  return [o, { kind: "band", comparator: { op: "<=", text: "≤", span: o.span }, quantity: zero, score: o.score, span: o.span }];
}

export function assemble(pieces: Piece[], offset: number, length: number): PrintedResult {
  const clauses: ClauseNode[] = [];
  const reading: Said[] = [];
  let mode: "linear" | "ceil" | undefined;
  let standard: Extract<Piece, { kind: "standard" }> | undefined;
  let start: Extract<Piece, { kind: "start" }> | undefined;
  let targetMet: Span | undefined;
  for (const p of pieces) {
    if (p.kind === "clause") clauses.push(p.clause, ...(p.also ?? []));
    else if (p.kind === "modifier") mode = p.mode ?? mode;
    else if (p.kind === "standard") standard = p;
    else if (p.kind === "start") start = p;
    else targetMet = p.span;
  }
  if (targetMet && !clauses.some((c) => c.kind === "completion")) {
    return { ok: false, failure: { span: targetMet, expected: ["未达到目标时如何计分，如“未达到的按完成比例计分”", "how a missed target is scored, such as 未达到的按完成比例计分"] } };
  }
  // Ranges: an unmarked end belongs to this range unless a neighbour claims it.
  // Nodes are immutable: a settled clause is a new node, and `replaced` says which (for the reading below).
  const replaced = new Map<ClauseNode, ClauseNode>();
  const replace = (k: number, next: ClauseNode) => {
    replaced.set(clauses[k], next);
    for (const [from, to] of replaced) if (to === clauses[k]) replaced.set(from, next);
    clauses[k] = next;
  };
  const settle = (c: ClauseNode, b: BoundNode | null): BoundNode | null => (b && b.inclusive === null ? { ...b, inclusive: !claimed(clauses, c, b.quantity) } : b);
  for (let k = 0; k < clauses.length; k++) {
    const c = clauses[k];
    if (c.kind === "range") replace(k, { ...c, lo: settle(c, c.lo), hi: settle(c, c.hi) });
  }
  // "①…1分；②…1分；每少一项扣1分": the deduction restates the points' own scores.
  if (clauses.some((c) => c.kind === "option")) {
    for (let k = clauses.length - 1; k >= 0; k--) {
      const c = clauses[k];
      if (c.kind === "perPoint" && c.perUnit !== undefined && /^(项|条|个|次|处)$/.test(c.perUnit)) clauses.splice(k, 1);
    }
  }
  if (mode) for (let k = 0; k < clauses.length; k++) {
    const c = clauses[k];
    if (c.kind === "perPoint") replace(k, { ...c, mode });
  }
  const late = onTime(clauses, reading);
  if (late) replace(clauses.indexOf(late[0]), late[1]);
  const perPoints = clauses.filter((c): c is Extract<ClauseNode, { kind: "perPoint" }> => c.kind === "perPoint");
  if (perPoints.length > 0 && !clauses.some((c) => c.kind === "band" || c.kind === "range")) {
    // The full-score band a deduction counts from: "低于100%的，每低…" or "以100%为标准".
    const per = perPoints[0];
    let band: Extract<ClauseNode, { kind: "band" }> | undefined;
    if (start) {
      const op = REVERSE[start.cmp.op];
      band = { kind: "band", comparator: { op, text: start.cmp.text, span: start.cmp.span }, quantity: start.quantity, score: { full: true, span: start.span }, span: start.span };
    } else if (standard) {
      const op: ComparatorOp = per.direction === "above" ? "<=" : ">=";
      band = { kind: "band", comparator: { op, text: OP[op], span: standard.span }, quantity: standard.quantity, score: { full: true, span: standard.span }, span: standard.span };
    }
    if (band) {
      clauses.unshift(band);
      const limit = `${OP[band.comparator.op]} ${quantityText(band.quantity)}`;
      reading.push(both((l) => say(l, `满分界限取自“${start ? "未达到（超过）的条件" : "以…为标准"}”：实际值 ${limit} 得满分`, `the full-score limit comes from ${start ? "the condition not met (exceeded)" : "以…为标准 (the standard)"}: actual ${limit} earns the full score`)));
    }
  } else if (standard) reading.push(both((l) => say(l, `以 ${quantityText(standard.quantity)} 为标准（说明，计分按以下各条）`, `${quantityText(standard.quantity)} as the standard (a note; the parts below score)`)));
  if (clauses.length === 0) {
    return { ok: false, failure: { span: [offset, offset + length], expected: ["至少一条给出分数的条款", "at least one clause that gives a score"] } };
  }
  for (const p of pieces) {
    if (p.kind !== "clause") {
      if (p.kind === "modifier") reading.push(p.note);
      continue;
    }
    const now = replaced.get(p.clause) ?? p.clause;
    const note = p.note;
    const also = (p.also ?? []).map((c) => replaced.get(c) ?? c);
    const more = (l: Locale) => also.map((c) => `${say(l, "；或 ", "; or ")}${describe(c, l)}`).join("");
    reading.push(both((l) => `“${p.text}” → ${clauses.includes(now) ? (note ? say(l, ...note) : describe(now, l) + more(l)) : say(l, "与各要点的分数重复（少一项即少得该项分数），不另扣", "repeats the points' own scores (a point missing already loses its score): no further deduction")}`));
  }
  return { ok: true, value: { clauses, reading } };
}
