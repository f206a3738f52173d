/**
 * 照原文读评分规则: the scoring sentence as provinces print it in their
 * 评分表 and 指标体系 ("在职人员控制率≤100%，计8分；每超过一个百分点扣0.5分，扣完为止",
 * "0-10%（含），计6分", "真实（1分）；完整（1分）"), read into the clauses the
 * compact rule syntax makes, plus a note of how each part was read (for hover).
 *
 * The sentence is cut into segments at `;` `,` `。` and numbering ("1." "（2）"),
 * and each segment is read on its own; a condition whose consequence is in the
 * next segment ("X≤100%，计8分") is joined with it. The reader never throws: a
 * part it cannot read ends the reading with the span of that part and what was
 * expected there. Cost is linear in the sentence (see scan.ts).
 */
import type { ClauseNode, ScoreValueNode, Span } from "../../../syntax/ast";
import { Cursor, conditionStarts, readConsequence, readNumber, readQuantity } from "./scan";
import { assemble, both, type Piece, type Said } from "./assemble";
import { commaLabel, countedLead, isNote, statesScore } from "./extras";
import { acceptableSubject, readProduct } from "./product";
import { type Fail, failAt, readCondition, readEither } from "./condition";
import { outsideFile, outsideWhy } from "./outside";

export interface PrintedReading {
  clauses: ClauseNode[];
  /** How each part was read, [Chinese, English], for hover. */
  reading: Said[];
}

export interface PrintedFailure {
  /** The part not understood (line offsets). */
  span: Span;
  /** What was expected there: [Chinese, English]. */
  expected: [string, string];
}

export type PrintedResult = { ok: true; value: PrintedReading } | { ok: false; failure: PrintedFailure };

/** Longest sentence read; a longer 评分 is reported, not read (it is no rule sentence). */
const MAX_LENGTH = 4000;

const NUMBERING = /(?:[0-9]{1,2}[.、](?![0-9])|\([0-9]{1,2}\)|[①②③④⑤⑥⑦⑧⑨⑩])/y;

/** A point's own score at the end of a segment: "(1分)", "（0.5分）". */
const POINT_END = /\(\s*[0-9]+(?:\.[0-9]+)?\s*分\s*\)$/;

/** Split at ; , 。 and at numbering that starts a segment. Spans are offsets in `text`. */
export function segments(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push([s, e]);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === ";" || ch === "," || ch === "。" || ch === "\n") {
      push(start, i);
      start = i + 1;
      continue;
    }
    // Points printed without separators: "设有目标（1分）目标明确（1分）".
    if (i > start && text[i - 1] === ")" && !/[\s)]/.test(ch) && POINT_END.test(text.slice(Math.max(start, i - 12), i))) {
      push(start, i);
      start = i;
    }
    // Numbering in the middle of a run ("…计8分2.每超过…"): after a score or a closing bracket.
    if (i > start && /[分)]/.test(text[i - 1]) && /[0-9①-⑩(]/.test(ch)) {
      NUMBERING.lastIndex = i;
      const m = NUMBERING.exec(text);
      if (m && m.index === i && !/^[0-9]/.test(text.slice(i + m[0].length, i + m[0].length + 1))) {
        push(start, i);
        start = i;
      }
    }
  }
  push(start, text.length);
  return out;
}

const ABOVE = ["超过", "超出", "延迟", "延期", "逾期", "推迟", "滞后", "高于", "高出", "多于", "增加", "提高", "上升", "增长", "超", "高", "多", "增"];
const BELOW = ["低于", "少于", "减少", "下降", "降低", "低", "少", "减", "不足"];
const FINDING = /(?:发现|出现|存在|有|查出)?([0-9]+|[一二两三四五六七八九十]+)(?:例|项|次|处|个|起|笔|件|份|条|家|人次|人)/y;

/** 每超过一个百分点扣0.5分 / 每发现一例…扣1分 (the cursor is after 每). */
function readPer(c: Cursor, start: number): Piece | Fail {
  const finding = c.match(FINDING);
  if (finding) {
    const k = c.text.indexOf("扣", c.i);
    if (k < 0 || k >= c.end) return failAt(c, c.i, c.end, "“扣N分”", "“扣N分” (the deduction)");
    c.i = k + 1;
    const m = readNumber(c);
    if (!m || c.eat("分") === undefined) return failAt(c, k, c.end, "“扣N分”", "“扣N分” (the deduction)");
    const count = finding[1];
    return { kind: "clause", clause: { kind: "deduction", step: m.value, span: c.span(start) }, text: c.text.slice(start, c.i), note: [`每${/^[0-9]+$/.test(count) ? count : "一"}项（例）扣 ${m.value} 分：项数取“实际：N 例”或列出的扣分事项`, `minus ${m.value} per ${/^[0-9]+$/.test(count) ? `${count} items (cases)` : "item (case)"}: the count is 实际：N 例 or the listed findings`] };
  }
  const dirAt = c.i;
  const up = c.eat(...ABOVE);
  const down = up === undefined ? c.eat(...BELOW) : undefined;
  if (up === undefined && down === undefined) return failAt(c, dirAt, c.end, "“超过”“低于”“增加”“减少”或“发现一例”", "超过 / 低于 / 增加 / 减少 or 发现一例");
  c.eat("目标值", "标准值", "标准", "目标", "计划", "基数", "规定", "要求");
  const q = readQuantity(c, true);
  if (!q) return failAt(c, c.i, c.end, "幅度，如“一个百分点”“5%”“1天”", "a step such as 一个百分点, 5% or 1天");
  c.eat("的");
  c.eat(",");
  const k = c.i;
  if (c.eat("扣", "扣除", "减") === undefined) return failAt(c, k, c.end, "“扣N分”", "“扣N分” (the deduction)");
  const m = readNumber(c, true);
  if (!m || c.eat("分") === undefined) return failAt(c, k, c.end, "“扣N分”", "“扣N分” (the deduction)");
  const unit = q.unit?.text;
  const perUnit = unit === undefined || unit === "%" || unit === "个百分点" ? undefined : unit;
  const clause: ClauseNode = { kind: "perPoint", direction: up !== undefined ? "above" : "below", per: q.value, step: m.value, span: c.span(start), ...(perUnit ? { perUnit } : {}) };
  return { kind: "clause", clause, text: c.text.slice(start, c.i) };
}

/** Read one segment; `next` is the following segment, joined when it holds this one's consequence. */
function readSegment(c: Cursor, name: string, next: Cursor | undefined): (Piece & { joined?: boolean }) | Fail {
  c.match(NUMBERING);
  c.skipBlanks();
  const start = c.i;
  const whole = c.rest().replace(/\s/g, "");
  const phrase = readPhrase(whole, c.span(start, c.end)) ?? readProduct(whole, c.span(start, c.end), name);
  if (phrase) return phrase;
  if (next && /的$/.test(whole)) {
    // "不足1个百分点的，按1个百分点扣分": one modifier printed across a comma.
    const both = readPhrase(whole + next.rest().replace(/\s/g, ""), c.span(start, next.end));
    if (both && both.kind === "modifier") return { ...both, joined: true };
  }
  if (c.eat("其余情况", "其他情况", "其余", "其他", "否则")) {
    const score = readConsequence(c);
    if (!score || !c.done) return failAt(c, c.i, c.end, "分数，如“计0分”“不得分”", "a score such as 计0分 or 不得分");
    return { kind: "clause", clause: { kind: "else", score, span: c.span(start) }, text: whole };
  }
  // "设有目标（1分）": a point with its own score, when the label holds no condition.
  const tail = POINT_END.exec(whole);
  if (tail && !/[≥≤<>=%‰]/.test(whole.slice(0, tail.index))) return readOption(c, start, whole);
  // "发现一处问题扣0.5分": a counted deduction without 每.
  if (/^(发现|出现|查出|存在)/.test(whole) && /扣/.test(whole)) return readPer(c, start);
  const stated = statedOption(c, start, whole);
  if (stated) return stated;
  // The subject: text before the condition ("在职人员控制率≤100%").
  let p = c.i;
  while (p < c.end && !conditionStarts(c.text, p)) p++;
  const subject = c.text.slice(c.i, p);
  if (p === c.end) {
    if (next) {
      // "①明确招待标准,1分": the point's score is the next segment.
      next.match(NUMBERING);
      const at = next.i;
      const score = readConsequence(next);
      if (score && next.done && !score.full && score.deduct === undefined) {
        return { kind: "clause", clause: { kind: "option", label: whole, score, span: [c.span(start)[0], next.span(next.i)[1]] }, text: c.text.slice(start, next.end), joined: true };
      }
      next.i = at;
    }
    return readOption(c, start, whole);
  }
  // "以上情况每出现一例不符合要求的扣1分": what is counted, then the count.
  if (c.text.startsWith("每", p) && countedLead(subject)) {
    FINDING.lastIndex = p + 1;
    const f = FINDING.exec(c.text);
    if (f && f.index === p + 1) {
      c.i = p + 1;
      return readPer(c, start);
    }
  }
  // "出现重大问题或低于80%的不得分", "发生1起安全事故或低于90%的不得分": an event before the condition, joined by 或.
  let eventBefore: { part: string; span: Span } | undefined;
  let or = -1;
  if (!acceptableSubject(subject, name)) {
    for (let k = c.i; k < c.end && or < 0; k++) if (c.text[k] === "或") or = k;
  }
  if (or > c.i) {
    const part = c.text.slice(c.i, or).trim().replace(/[的时]$/, "");
    const from = or + (c.text.startsWith("或者", or) ? 2 : 1);
    let q = from;
    while (q < c.end && !conditionStarts(c.text, q)) q++;
    if (part !== "" && !acceptableSubject(part, name) && q < c.end && acceptableSubject(c.text.slice(from, q), name)) {
      eventBefore = { part, span: c.span(c.i, c.i + part.length) };
      p = q;
    }
  }
  if (!eventBefore && !acceptableSubject(subject, name)) return failAt(c, c.i, p, `比较符或数（“${subject}”不是本指标的名称，也不是“…率”“完成值”这样的指标值）`, `a comparator or a number (“${subject}” is neither this indicator's name nor a measure such as …率 or 完成值)`);
  c.i = p;
  if (c.eat("每")) return readPer(c, start);
  const cond = readCondition(c);
  if ("fail" in cond) return cond;
  // "低于80%或高于120%的不得分": conditions joined by 或 share the consequence; "…或出现重大问题的" is the evaluator's to judge.
  const either = readEither(c, name);
  const event = eventBefore ?? either.event;
  // "低于90%的，…": a 的 / 时 closing the condition.
  const closing = c.i;
  c.eat("的", "时", "者");
  if (!c.done) c.i = closing;
  let score: ScoreValueNode | undefined = readConsequence(c);
  let joined = false;
  if (!score && c.done && next) {
    // "X≤100%，计8分": the consequence is the next segment.
    next.match(NUMBERING);
    const at = next.i;
    score = readConsequence(next);
    if (score && next.done) joined = true;
    else {
      next.i = at;
      score = undefined;
      // "低于100%的，每低一个百分点扣0.5分": the condition says where deductions start.
      if (cond.node === "band" && next.peek("每")) return { kind: "start", cmp: cond.cmp!, quantity: cond.q!, span: c.span(start) };
    }
  }
  if (!score && c.done && next) return failAt(next, next.i, next.end, "分数，如“计8分”“得满分”“不得分”", "a score such as 计8分, 得满分 or 不得分");
  if (!score) return failAt(c, c.i, c.end, "分数，如“计8分”“得满分”“不得分”", "a score such as 计8分, 得满分 or 不得分");
  if (!c.done && !joined) return failAt(c, c.i, c.end, "分句结束（“；”或“，”）", "the end of the clause (； or ，)");
  const span = joined ? ([c.span(start)[0], next!.span(next!.i)[1]] as Span) : c.span(start);
  const text = joined ? c.text.slice(start, next!.end) : whole;
  const bands = [cond, ...either.conds].map((k): ClauseNode => (k.node === "band" ? { kind: "band", comparator: k.cmp!, quantity: k.q!, score, span } : { kind: "range", lo: k.lo ?? null, hi: k.hi ?? null, score, span }));
  // "低于80%或出现重大问题的不得分": the bands are scored; the event, with the same score, is the evaluator's to find.
  if (event) return { kind: "clause", clause: { kind: "judgement", why: "event", part: event.part, span: event.span, score }, text, joined, also: bands };
  const [clause, ...also] = bands;
  return { kind: "clause", clause, text, joined, ...(also.length > 0 ? { also } : {}) };
}

/** "及时完成得满分", "有制度未执行得1分", "无制度不得分": an option stated with its score (chosen by 结果); the label has no number or comparator. */
function statedOption(c: Cursor, start: number, whole: string): Piece | undefined {
  const said = /(?:的)?(?:(得|计)(满分)|(得|计)([0-9]+(?:\.[0-9]+)?)分|(不得分|不计分))$/.exec(whole.slice(Math.max(0, whole.length - 24)));
  const label = said ? whole.slice(0, whole.length - said[0].length).trim() : "";
  if (!said || label === "" || /[0-9%≥≤<>=]|以上|以下|大于|小于|高于|低于|超过|不足|每/.test(label)) return undefined;
  const score: ScoreValueNode = said[2] ? { full: true, span: c.span(start, c.end) } : { full: false, value: said[4] ?? "0", span: c.span(start, c.end) };
  return { kind: "clause", clause: { kind: "option", label, score, span: c.span(start) }, text: whole };
}

/** `真实（1分）`, `制度健全 1分`: a point with its own weight. */
function readOption(c: Cursor, start: number, whole: string): Piece | Fail {
  // The score is at the end: "label(1分)" or "label 1分" (found from the end, in linear time).
  const paren = whole.lastIndexOf("(");
  const tail = paren > 0 ? /^\(\s*([0-9]+(?:\.[0-9]+)?)\s*分?\s*\)$/.exec(whole.slice(paren)) : null;
  const bare = tail ? null : /([0-9]+(?:\.[0-9]+)?)\s*分$/.exec(whole.slice(Math.max(0, whole.length - 24)));
  const label = tail ? whole.slice(0, paren) : bare ? whole.slice(0, whole.length - bare[0].length) : "";
  const m = label.trim() !== "" && !/[0-9.]$/.test(label.trim()) ? [whole, label.trim(), (tail ?? bare)![1]] : null;

  if (!m || m[1].length === 0) return failAt(c, start, c.end, "条件（如“≥90%”“60%以下”）和分数，或“要点（N分）”", "a condition (≥90%, 60%以下) and a score, or “point（N分）”");
  const score: ScoreValueNode = { full: false, value: m[2], span: c.span(start, c.end) };
  return { kind: "clause", clause: { kind: "option", label: m[1].trim(), score, span: c.span(start) }, text: whole };
}

const COMPLETION = [
  /^(得分=)?(全年|年度|本年)?(实际)?(完成|实际)(值|数|数量|率)?[/÷](全年|年度|本年)?(目标|指标|计划|年度指标|预期)(值|数|数量)?[×*x](分值|权重|该?指标分值|本项分值|满分|该项分值)$/,
  /^(得分=)?(按)?(实际|预算)?(完成率|执行率|达成率|实现率)[×*x](分值|权重|该?指标分值|本项分值|满分|该项分值)(计算)?(得分|计分)?$/,
  /^(未达到(目标值?|指标值|预期目标?)?的?,?)?(按|依|根据)(实际)?(完成|执行)?(比例|比率|进度|情况|程度)?(计算|折算)?(计分|得分|赋分|计|扣分|扣减)?$/,
];
/** 年度指标值/全年实际值*该指标分值: the national form's formula for a reverse indicator (target ÷ actual). */
const INVERSE = /^(得分=)?(全年|年度|本年)?(目标|指标|计划|预期)(值|数)?[/÷](全年|年度|本年)?(实际|完成)(值|数)?[×*x](分值|权重|该?指标分值|本项分值|满分|该项分值)$/;
/** "100%计满分，每低于5%扣2分": the full-score point a deduction counts from, like 以100%为标准. */
const FULL_AT = /^([0-9]+(?:\.[0-9]+)?)(%)?(计|得|为|记)满分$/;
const TARGET_MET = /^(完成|达到|实现)(年度)?(目标值?|指标值|预期目标|计划|目标任务)的?(得|计)?满分$/;
const STANDARD = /^以([0-9]+(?:\.[0-9]+)?)(%|个百分点)?为(标准|基准|满分标准|上限|下限|目标)$/;
const MODIFIERS: [RegExp, Said, "linear" | "ceil" | undefined][] = [
  [/^(扣完为止|扣完即止|扣满为止|扣至0分为止|最低(为|得)?0分|最多扣完本项分值|最多扣至0分)$/, ["扣完为止：最低 0 分", "deductions stop at 0: the score is at least 0"], undefined],
  [/^(最高|最多)?(得分)?(不超过|不高于)(该项|本项|该指标|本指标)?(分值|满分|权重)$/, ["最高不超过分值：封顶于分值", "at most the points: capped at the points"], undefined],
  [/^(满分为止|以满分为限|得满分为止)$/, ["满分为止：封顶于分值", "up to the full score: capped at the points"], undefined],
  [/^在0分和满分之间.{0,8}$/, ["得分在 0 分和分值之间", "the score is between 0 and the points"], undefined],
  [/^(超过|高于)100%的?按100%(计|计算|计分)$/, ["超过 100% 的按 100% 计：封顶", "above 100% counts as 100%: capped"], undefined],
  [/^不足.{0,12}按比例.{0,6}$/, ["不足一步的部分按比例扣分（线性）", "a part of a step deducts its share (linear)"], "linear"],
  [/^按比例扣(分|减)$/, ["按比例扣分（线性）", "deducted proportionally (linear)"], "linear"],
  [/^不足.{0,12}按.{0,12}(计|算|扣)(分|算|计算|除)?$/, ["不足一步的部分按一步计", "a part of a step counts as a whole step"], "ceil"],
];

/** A segment that is one fixed phrase: a modifier, a lead-in, or proportional scoring. */
function readPhrase(whole: string, span: Span): Piece | undefined {
  // "得分=(实际完成值/目标值)×分值": brackets around the quotient say nothing more.
  const w = whole.replace(/[。.]$/, "").replace(/^(得分=)?\(([^()]{1,30})\)(?=[×*x])/, "$1$2");
  for (const [re, note, mode] of MODIFIERS) if (re.test(w)) return { kind: "modifier", note, mode, span };
  const std = STANDARD.exec(w);
  const at = std ?? FULL_AT.exec(w);
  if (at) return { kind: "standard", quantity: { value: at[1], unit: at[2] ? { text: at[2], span } : null, approx: false, span }, span };
  if (std) return { kind: "standard", quantity: { value: std[1], unit: std[2] ? { text: std[2], span } : null, approx: false, span }, span };
  if (TARGET_MET.test(w)) return { kind: "targetMet", span };
  if (w.length <= 40 && INVERSE.test(w)) return { kind: "clause", clause: { kind: "completion", span, inverse: true }, text: whole };
  if (w.length <= 40 && COMPLETION.some((re) => re.test(w))) return { kind: "clause", clause: { kind: "completion", span }, text: whole };
  return undefined;
}

/**
 * Read a printed 评分 sentence. `text` is the folded value, `offset` where it
 * starts in its line, `name` the indicator's name (a subject it may repeat).
 */
export function readPrintedRule(text: string, offset: number, name: string): PrintedResult {
  try {
    if (text.length > MAX_LENGTH) return { ok: false, failure: { span: [offset, offset + text.length], expected: [`不超过 ${MAX_LENGTH} 字的评分规则`, `a rule of at most ${MAX_LENGTH} characters`] } };
    const outside = outsideFile(text, offset);
    if (outside) {
      const [zh, en] = outsideWhy(outside);
      return { ok: true, value: { clauses: [outside], reading: [[`“${text.trim()}” → 评价人判断：${zh}；按填报的得分计`, `“${text.trim()}” → the evaluator's judgement: ${en}; the stated score counts`]] } };
    }
    const segs = segments(text);
    const pieces: Piece[] = [];
    // Segments that state no score and cannot be read: the requirements a counted deduction counts against.
    const described: PrintedFailure[] = [];
    for (let k = 0; k < segs.length; k++) {
      const whole = text.slice(segs[k][0], segs[k][1]).replace(/\s/g, "");
      if (isNote(whole.replace(/[。.]$/, ""))) {
        pieces.push({ kind: "modifier", note: both((l) => `“${whole}”${l === "en" ? ": a note, not scored" : "：说明，不参与计分"}`), span: [offset + segs[k][0], offset + segs[k][1]] });
        continue;
      }
      const labelled = commaLabel(text, segs, k, offset);
      if (labelled) {
        const span: Span = [offset + labelled.from, offset + segs[labelled.last][1]];
        pieces.push({ kind: "clause", clause: { kind: "option", label: labelled.label, score: labelled.score, span }, text: text.slice(labelled.from, segs[labelled.last][1]) });
        k = labelled.last;
        continue;
      }
      const c = new Cursor(text, segs[k][0], segs[k][1], offset);
      const next = k + 1 < segs.length ? new Cursor(text, segs[k + 1][0], segs[k + 1][1], offset) : undefined;
      const r = readSegment(c, name, next);
      if ("fail" in r) {
        if (statesScore(whole)) return { ok: false, failure: described[0] ?? r.fail };
        described.push(r.fail);
        continue;
      }
      pieces.push(r);
      if (r.joined) k++;
    }
    if (described.length > 0) {
      if (!pieces.some((p) => p.kind === "clause" && p.clause.kind === "deduction")) return { ok: false, failure: described[0] };
      pieces.unshift({ kind: "modifier", note: [`前 ${described.length} 句是扣分所依据的要求（说明），按“每…一例扣N分”计分`, `the first ${described.length} sentence(s) are the requirements the deduction counts against (a note): scored by 每…一例扣N分`], span: described[0].span });
    }
    return assemble(pieces, offset, text.length);
  } catch {
    // A reader that meets something unforeseen says so on the whole value; it never throws.
    return { ok: false, failure: { span: [offset, offset + text.length], expected: ["可识别的评分规则", "a rule it can read"] } };
  }
}
