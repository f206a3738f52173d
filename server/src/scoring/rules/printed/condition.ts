/**
 * The condition of a printed clause ("≤100%", "60%以下", "0-10%（含）", "90%≤执行率<95%",
 * "≥90%且<95%") and further conditions joined to it by 或 ("低于90%或高于120%的",
 * "低于80%或出现重大问题的"). Each reader moves a cursor over one segment (scan.ts),
 * so the cost stays linear in the sentence.
 */
import type { BoundNode, ClauseNode, ComparatorNode, QuantityNode, Span } from "../../../syntax/ast";
import { type Cursor, conditionStarts, readComparator, readConsequence, readQuantity } from "./scan";
import { acceptableSubject } from "./product";
import type { PrintedFailure } from "./reader";

const MARK_RE = /\((不含|含)(本数)?\)/y;

function readMark(c: Cursor): boolean | null {
  const m = c.match(MARK_RE);
  return m ? m[1] === "含" : null;
}

export type Fail = { fail: PrintedFailure };
export const failAt = (c: Cursor, from: number, to: number, zh: string, en: string): Fail => ({ fail: { span: c.span(from, Math.max(to, from + 1)), expected: [zh, en] } });

/** A condition: `≤100%`, `大于30%`, `60%以下`, `0-10%(含)`, `80%(含)-90%`, `在90%-100%之间`. */
export function readCondition(c: Cursor): { node: Extract<ClauseNode, { kind: "band" | "range" }>["kind"]; cmp?: ComparatorNode; q?: QuantityNode; lo?: BoundNode | null; hi?: BoundNode | null } | Fail {
  const start = c.i;
  c.eat("在");
  const cmp = readComparator(c);
  if (cmp) {
    const q = readQuantity(c);
    if (!q) return failAt(c, c.i, c.end, "数，如 100% 或 30", "a number such as 100% or 30");
    const mark = readMark(c);
    c.eat("以上", "以下", "以内");
    const op = mark === false && cmp.op === ">=" ? ">" : mark === false && cmp.op === "<=" ? "<" : cmp.op;
    // "≥90%且≤100%": two conditions on one value make a range.
    const joinAt = c.i;
    if (c.eat("且", "并且", "而且", "和", "、") !== undefined) {
      c.eat("实际值", "完成值", "执行率", "完成率");
      const cmp2 = readComparator(c);
      const q2 = cmp2 ? readQuantity(c) : undefined;
      const up = (o: string) => o === ">=" || o === ">";
      const down = (o: string) => o === "<=" || o === "<";
      if (cmp2 && q2 && ((up(op) && down(cmp2.op)) || (down(op) && up(cmp2.op)))) {
        const first: BoundNode = { quantity: q, inclusive: op === ">=" || op === "<=" };
        const second: BoundNode = { quantity: q2, inclusive: cmp2.op === ">=" || cmp2.op === "<=" };
        return up(op) ? { node: "range", lo: first, hi: second } : { node: "range", lo: second, hi: first };
      }
      c.i = joinAt;
    }
    return { node: "band", cmp: op === cmp.op ? cmp : { ...cmp, op }, q };
  }
  let q = readQuantity(c);
  if (!q) return failAt(c, start, c.end, "条件（比较符或数）", "a condition (a comparator or a number)");
  const mark = readMark(c);
  const dash = c.eat("-", "~", "至", "到", "—");
  if (dash) {
    const q2 = readQuantity(c);
    if (!q2) return failAt(c, c.i, c.end, "区间的另一端，如 90%", "the other end of the range, such as 90%");
    const mark2 = readMark(c);
    c.eat("之间", "以内");
    // "0-10%": the unit written once, at the end, is both ends' unit.
    if (q.unit === null && q2.unit !== null) q = { ...q, unit: q2.unit };
    return { node: "range", lo: { quantity: q, inclusive: mark }, hi: { quantity: q2, inclusive: mark2 } };
  }
  // "90%≤执行率<95%": a range written around the subject.
  const around = readAround(c, q, mark);
  if (around) return around;
  const after = c.i;
  const word = c.eat("(含)以上", "(含)以下", "及以上", "及以下", "及以内", "以上", "以下", "以内", "内");
  if (word === undefined) return failAt(c, after, c.end, "“以上”“以下”、区间“-”或比较符", "以上 / 以下, a range “-” or a comparator");
  const upward = word.endsWith("以上");
  // "100%以下（含）": the mark may follow the word.
  const late = mark === null ? readMark(c) : null;
  // 以上 / 以下 / 以内 include the number itself (as in legal usage) unless marked （不含）.
  const inclusive = mark ?? late ?? true;
  const op = upward ? (inclusive ? ">=" : ">") : inclusive ? "<=" : "<";
  return { node: "band", cmp: { op, text: word, span: c.span(after) }, q };
}

/** `90%≤执行率<95%` / `95%>X≥90%` (the cursor after the first number); undefined when the text is not that. */
function readAround(c: Cursor, q: QuantityNode, mark: boolean | null): { node: "range"; lo: BoundNode; hi: BoundNode } | undefined {
  const at = c.i;
  const first = c.eat("≤", "<=", "<", "≥", ">=", ">");
  if (first === undefined) return undefined;
  while (c.i < c.end && !/[≤<≥>=0-9]/.test(c.text[c.i])) c.i++;
  const second = c.eat("≤", "<=", "<", "≥", ">=", ">");
  let q2 = second === undefined ? undefined : readQuantity(c);
  if (!second || !q2 || (first.startsWith("<") || first === "≤") !== (second.startsWith("<") || second === "≤")) {
    c.i = at;
    return undefined;
  }
  if (q.unit === null && q2.unit !== null) q = { ...q, unit: q2.unit };
  if (q2.unit === null && q.unit !== null) q2 = { ...q2, unit: q.unit };
  const inclusive = (op: string) => op === "≤" || op === "≥" || op.endsWith("=");
  const ascending = first.startsWith("<") || first === "≤";
  const a: BoundNode = { quantity: q, inclusive: mark ?? inclusive(first) };
  const b: BoundNode = { quantity: q2, inclusive: inclusive(second) };
  return ascending ? { node: "range", lo: a, hi: b } : { node: "range", lo: b, hi: a };
}

/** The longest event read before its consequence ("出现重大问题" and the like are short). */
const EVENT_LENGTH = 40;

export type Condition = Exclude<ReturnType<typeof readCondition>, Fail>;

/**
 * After a condition, more joined by 或 ("或高于120%"), each with an optional subject; the first alternative that
 * is no condition of the measured value ("或出现重大问题的") is an event the evaluator judges, read up to the consequence.
 */
export function readEither(c: Cursor, name: string): { conds: Condition[]; event?: { part: string; span: Span } } {
  const conds: Condition[] = [];
  for (;;) {
    const joinAt = c.i;
    if (c.eat("或者", "或") === undefined) return { conds };
    c.skipBlanks();
    const at = c.i;
    let p = at;
    while (p < c.end && !conditionStarts(c.text, p)) p++;
    if (p < c.end && acceptableSubject(c.text.slice(at, p), name)) {
      c.i = p;
      const k = readCondition(c);
      if (!("fail" in k)) {
        conds.push(k);
        continue;
      }
    }
    if (at === c.end) {
      c.i = joinAt;
      return { conds };
    }
    // An event: its words run up to the consequence, or to the end when the consequence is the next segment.
    // An event is a few words: looking for the consequence within EVENT_LENGTH characters keeps the scan linear.
    let q = at;
    const last = Math.min(c.end, at + EVENT_LENGTH);
    for (; q < last; q++) {
      c.i = q;
      if (readConsequence(c) && c.done) break;
    }
    if (q === last) q = c.end;
    c.i = q;
    const part = c.text.slice(at, q).trim().replace(/[的时者,]+$/, "");
    if (part === "") {
      // "或" followed directly by a score is no alternative: reading stops at 或.
      c.i = joinAt;
      return { conds };
    }
    return { conds, event: { part, span: c.span(at, at + Math.max(part.length, 1)) } };
  }
}

