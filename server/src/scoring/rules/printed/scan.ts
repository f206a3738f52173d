/**
 * A cursor over one segment of a printed scoring sentence, with the small
 * readers the sentence reader is built from. Every reader tries a fixed set
 * of literal words or one sticky regular expression without nested
 * repetition at the cursor, so reading a segment costs time linear in its
 * length (no backtracking across the sentence).
 *
 * The text is the folded value (full-width punctuation and digits already
 * half-width: `（`→`(`, `，`→`,`, `；`→`;`, `％`→`%`); offsets are kept so that
 * spans point into the original line.
 */
import type { ComparatorNode, ComparatorOp, QuantityNode, ScoreValueNode, Span } from "../../../syntax/ast";
import { chineseNumeralValue } from "../../../syntax/chinese-numerals";
import { lookupUnit } from "../../../quantity/units";

export class Cursor {
  constructor(
    readonly text: string,
    public i: number,
    readonly end: number,
    /** Offset of `text[0]` in the line. */
    readonly base: number,
  ) {}

  get done(): boolean {
    return this.i >= this.end;
  }

  span(from: number, to = this.i): Span {
    return [this.base + from, this.base + to];
  }

  skipBlanks(): void {
    while (this.i < this.end && (this.text[this.i] === " " || this.text[this.i] === "\t")) this.i++;
  }

  /** Consume one of the words (first match, longest first as listed); the word or undefined. */
  eat(...words: string[]): string | undefined {
    this.skipBlanks();
    for (const w of words) {
      if (this.i + w.length <= this.end && this.text.startsWith(w, this.i)) {
        this.i += w.length;
        return w;
      }
    }
    return undefined;
  }

  peek(...words: string[]): boolean {
    const at = this.i;
    const hit = this.eat(...words) !== undefined;
    this.i = at;
    return hit;
  }

  /** A sticky regex at the cursor. */
  match(re: RegExp): RegExpExecArray | undefined {
    this.skipBlanks();
    re.lastIndex = this.i;
    const m = re.exec(this.text);
    if (!m || m.index !== this.i || this.i + m[0].length > this.end) return undefined;
    this.i += m[0].length;
    return m;
  }

  rest(): string {
    return this.text.slice(this.i, this.end);
  }
}

const NUMBER_RE = /[+-]?[0-9]+(?:,[0-9]{3}(?![0-9]))*(?:\.[0-9]+)?/y;
const CN_NUMBER_RE = /[零〇一二两三四五六七八九十百]+/y;

/** An arabic number, or a Chinese count (一, 两, 十) where the sentence uses one ("一个百分点"). */
export function readNumber(c: Cursor, chinese = false): { value: string; span: Span } | undefined {
  const at = c.i;
  const m = c.match(NUMBER_RE);
  if (m) return { value: m[0].replace(/,/g, "").replace(/^\+/, ""), span: c.span(c.i - m[0].length) };
  if (!chinese) return undefined;
  const n = c.match(CN_NUMBER_RE);
  if (!n) return undefined;
  const v = chineseNumeralValue(n[0]);
  if (v === undefined) {
    c.i = at;
    return undefined;
  }
  return { value: v, span: c.span(c.i - n[0].length) };
}

/** Words that end a unit: what follows a threshold in a printed sentence. */
const UNIT_STOP = /[以及的时计得不扣至到之含内(),;。、~\-—每或和与者分满]/;

/** `%`, `个百分点`, or the longest known unit (万元, 天, 个) after a number. */
export function readUnit(c: Cursor): { text: string; span: Span } | undefined {
  const at = c.i;
  for (const u of ["%", "‰", "个百分点", "百分点"]) {
    if (c.text.startsWith(u, at) && at + u.length <= c.end) {
      c.i = at + u.length;
      return { text: u === "个百分点" || u === "百分点" ? "个百分点" : u, span: c.span(at) };
    }
  }
  let n = 0;
  while (n < 6 && at + n < c.end && !UNIT_STOP.test(c.text[at + n]) && !/[\s0-9.]/.test(c.text[at + n])) n++;
  for (let len = n; len > 0; len--) {
    const t = c.text.slice(at, at + len);
    if (lookupUnit(t)) {
      c.i = at + len;
      return { text: t, span: c.span(at) };
    }
  }
  return undefined;
}

export function readQuantity(c: Cursor, chinese = false): QuantityNode | undefined {
  c.skipBlanks();
  const at = c.i;
  const n = readNumber(c, chinese);
  if (!n) return undefined;
  const save = c.i;
  c.skipBlanks();
  const unit = readUnit(c) ?? null;
  if (!unit) c.i = save;
  return { value: n.value, unit, approx: false, span: c.span(at) };
}

/** Comparator words as printed, longest first; each with what it means. */
const COMPARATORS: [string, ComparatorOp][] = [
  ["大于或等于", ">="], ["大于等于", ">="], ["不低于", ">="], ["不少于", ">="], ["不小于", ">="], ["至少", ">="], ["达到", ">="], [">=", ">="], ["≥", ">="],
  ["小于或等于", "<="], ["小于等于", "<="], ["不高于", "<="], ["不超过", "<="], ["不多于", "<="], ["不大于", "<="], ["至多", "<="], ["<=", "<="], ["≤", "<="],
  ["高于", ">"], ["大于", ">"], ["多于", ">"], ["超过", ">"], ["超出", ">"], [">", ">"],
  ["未达到", "<"], ["低于", "<"], ["小于", "<"], ["少于", "<"], ["不足", "<"], ["<", "<"],
  ["等于", "="], ["=", "="], ["为", "="],
];

export function readComparator(c: Cursor): ComparatorNode | undefined {
  c.skipBlanks();
  const at = c.i;
  for (const [w, op] of COMPARATORS) {
    if (c.text.startsWith(w, at) && at + w.length <= c.end) {
      // 为 is a comparator only before a number: "为0" (not 为标准).
      if (w === "为" && !/[0-9+-]/.test(c.text[at + 1] ?? "")) continue;
      c.i = at + w.length;
      return { op, text: w, span: c.span(at) };
    }
  }
  return undefined;
}

/** Does a condition start here (a comparator, a number, 每, 在)? */
export function conditionStarts(text: string, at: number): boolean {
  const ch = text[at];
  if (/[0-9≥≤<>=]/.test(ch)) return true;
  if (text.startsWith("每", at)) return true;
  // 在 opens a condition only before a number ("在90%-100%之间"), not in a name ("在职人员控制率").
  if (text.startsWith("在", at)) return /[0-9≥≤<>=]/.test(text[at + 1] ?? "");
  for (const [w] of COMPARATORS) if (w.length > 1 && text.startsWith(w, at)) return true;
  return false;
}

/**
 * The consequence of a condition: 计N分, 得N分, 得满分, 计满分, 满分, 不得分, 不计分,
 * 计0分, N分, 扣N分 (a fixed deduction from the weight). Leading 的/时/者/, are skipped.
 */
export function readConsequence(c: Cursor): ScoreValueNode | undefined {
  const at = c.i;
  c.eat("的", "时", "者");
  c.eat(",");
  c.eat("的", "时");
  const start = c.i;
  if (c.eat("不得分", "不计分", "不给分", "得0分", "计0分", "记0分", "为0分")) return { full: false, value: "0", span: c.span(start) };
  if (c.eat("按比例得分", "按比例计分", "按完成比例计分", "按完成比例得分", "按比例计算得分", "按比例计算")) return { full: false, value: "0", proportional: true, span: c.span(start) };
  if (c.eat("扣")) {
    const n = readNumber(c);
    if (n && c.eat("分") !== undefined) return { full: false, value: "0", deduct: n.value, span: c.span(start) };
    c.i = at;
    return undefined;
  }
  c.eat("计", "得", "记", "给", "赋", "为");
  if (c.eat("满分", "全分")) return { full: true, span: c.span(start) };
  const n = readNumber(c);
  if (n && (c.eat("分") !== undefined || c.done)) return { full: false, value: n.value, span: c.span(start) };
  c.i = at;
  return undefined;
}
