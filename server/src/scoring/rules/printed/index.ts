/**
 * The 评分 field's value, read in the compact syntax (grammar rule `Rule`) or,
 * when that fails or misreads a printed sentence, by the printed-sentence
 * reader (reader.ts). The model calls `readRuleValue` and keeps what it gives.
 */
import type { ClauseNode } from "../../../syntax/ast";
import { makeDiagnostic, lineRange, type Diagnostic } from "../../../diagnostics/catalogue";
import { parseValue, type SourceLine } from "../../../syntax/parse";
import { parseCountLabel } from "../checklist";
import { readPrintedRule, type PrintedResult } from "./reader";
import type { Said } from "./assemble";
import { BoundedCache } from "../../../cache-entry";

export type RuleValue = { ok: true; clauses: ClauseNode[]; reading?: Said[] } | { ok: false; diagnostic: Diagnostic };

/**
 * An option label that is really a printed condition: the compact grammar
 * reads "90%以上得满分" as the option "90%以上得" worth 满分. A label with a
 * number (not a count label such as 符合7项), a comparator, or ending in 得/计 is one.
 */
function misread(clauses: readonly ClauseNode[]): boolean {
  return clauses.some((c) => c.kind === "option" && parseCountLabel(c.label) === undefined && MISREAD.test(c.label));
}

/** What a condition leaves in an option label: a number, a comparator before a number, 以上/以下, ×, or a trailing 得/计. */
const MISREAD = /[0-9]|[≥≤<>=]\s*[+-]?[0-9]|[×÷]|(得|计|记|给|乘以|乘)$|以上|以下|大于|小于|高于|低于|超过|不足|^(达到|完成|实现).*(目标|指标|计划)/;

/** Words that only printed sentences use: 计5分, 不得分, 以上, （含）, 每…扣, 扣完为止, 以…为标准, 按…比例, numbering. */
const PRINTED_LOOK = /[\u4e00-\u9fa5]{2,}\s*[≥≤<>=]|[计得]\s*$|每(发现|出现|超过|低于|增加|减少)|\d\s*[-~]\s*\d|[计得记]\s*[0-9.]+\s*分|不得分|得满分|计满分|以上|以下|\((不)?含\)|每.{0,20}扣|扣完|为标准|按.{0,6}比例|^\s*(?:[0-9]{1,2}[.、](?![0-9])|\([0-9]{1,2}\)|[①②③④⑤⑥⑦⑧⑨⑩])/;

/** A value that stops on an operator, an opening bracket, a dash or 计/得: typed half-way, not a compact rule gone wrong. */
const HALF_TYPED = /(?:[≥≤<>=×÷*/(（\-~]|[计得扣])\s*$|[\u4e00-\u9fa5]\s*[/÷]/;

// 2,001: emptied when a sentence comes past 2,000, as it always was.
export const printedRuleCache = new BoundedCache<string, PrintedResult>(
  "scoring/rules/printed/index.ts printedRuleCache: printed 评分 sentences as read",
  "the sentence (folded), its offset in the line and the indicator's name",
  2_001,
);

function printed(text: string, offset: number, name: string): PrintedResult {
  const key = `${offset}\u0000${name}\u0000${text}`;
  let r = printedRuleCache.get(key);
  if (r === undefined) {
    r = readPrintedRule(text, offset, name);
    printedRuleCache.set(key, r);
  }
  return r;
}

/** Read a 评分 value (`text` folded, starting at `offset` in line `line`) of the indicator `name`. */
export function readRuleValue(text: string, line: number, offset: number, source: SourceLine, name: string): RuleValue {
  const compact = parseValue<ClauseNode[]>("Rule", text, line, offset, source);
  if (compact.ok && !misread(compact.value)) return { ok: true, clauses: compact.value };
  const p = printed(text, offset, name);
  if (p.ok) return { ok: true, clauses: p.value.clauses, reading: p.value.reading };
  // The compact reading is a misreading (an option "90%以上得" worth 满分) or failed: a sentence in printed
  // words gets the printed reader's message, a compact rule the grammar's.
  const f = p.failure;
  // A half-typed value ("≤", "0-", "完成值/指标值×") is flagged by the printed reader, where reading stops.
  if (!compact.ok && !PRINTED_LOOK.test(text) && !HALF_TYPED.test(text) && compact.diagnostic.range.start.character >= f.span[0] - 1) return compact;
  const part = source.text.slice(f.span[0], f.span[1]) || "句末";
  // Within the line: a sentence that stops short is flagged on its last character.
  const end = Math.min(f.span[1], offset + text.length);
  const start = Math.max(offset, Math.min(f.span[0], end - 1));
  return { ok: false, diagnostic: makeDiagnostic("PE107", lineRange(line, start, Math.max(end, start + 1)), { part, expected: f.expected[0], expectedEn: f.expected[1] }) };
}
