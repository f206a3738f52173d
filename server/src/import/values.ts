/**
 * Cell texts as the format writes them: weights and scores as numbers, targets
 * and actuals with their unit (from the value itself, “38508人”, or from a
 * 计量单位 column), qualitative words as the format spells them, prose on one
 * line. Whatever does not read as a value is left to the writer's check, which
 * keeps it as a comment naming its cell.
 */
import { foldTitle } from "./roles";

/** A weight or a score: “5”, “5分”, “5.0 分”, a numeric cell; undefined otherwise. */
export function numberIn(text: string): string | undefined {
  const t = text.replace(/[\s，,]/g, "").replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const m = /^([+-]?\d+(?:\.\d+)?)(分|%)?$/.exec(t);
  return m ? trimZeros(m[1]) : undefined;
}

function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/** “产出指标（50分）”, “产出指标(50)”, “产出指标 50分” → name and weight. */
export function splitWeight(text: string): { name: string; weight?: string } {
  const t = nameLine(text);
  const m = /^(.*?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]$/.exec(t) ?? /^(.*?)\s+(\d+(?:\.\d+)?)\s*分$/.exec(t);
  if (m?.[1].trim()) return { name: cleanName(m[1]), weight: trimZeros(m[2]) };
  return { name: cleanName(t) };
}

/** An indicator name that cannot be mistaken for a weight or markup. */
export function cleanName(s: string): string {
  return nameLine(s)
    .replace(/^[#\s]+/, "")
    .trim();
}

/**
 * A name printed on several lines (“财政供养人员\n控制率”, “投  入\n（15分）”) is one
 * name: its lines are joined without punctuation (a space only between Latin
 * words), and a line spread letter by letter across its cell (“投  入”) is closed
 * up; other spaces are kept as printed (“两不愁 三保障”).
 */
export function nameLine(s: string): string {
  const lines = s
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => (/^(\p{Script=Han}\s+)+\p{Script=Han}$/u.test(l) ? l.replace(/\s+/g, "") : l));
  let out = "";
  for (const l of lines) out += out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(l) ? ` ${l}` : l;
  return out.replace(/\{\{/g, "{ {").replace(/\}\}/g, "} }");
}

/** Several printed lines on one line: joined with “；” unless the line already ends a clause. */
export function oneLine(s: string): string {
  const lines = s.split("\n").map((l) => l.trim()).filter(Boolean);
  let out = "";
  for (const l of lines) {
    if (!out) out = l;
    else out += /[；;。，,：:、]$/.test(out) ? l : `；${l}`;
  }
  return out.replace(/\{\{/g, "{ {").replace(/\}\}/g, "} }");
}

const QUALITATIVE: [RegExp, string][] = [
  [/^(未达成|未达到|未完成|未实现)/, "未达成"],
  [/^(部分达成|基本达成|部分达到|基本达到|部分完成|基本完成)/, "部分达成"],
  [/^(达成|达到|完成|实现)(年度|预期|预定)?(指标|目标)?(值)?$/, "达成"],
  [/^(已达成|已完成|全部达成|全部完成|已实现)$/, "达成"],
];

function qualitative(t: string): string | undefined {
  for (const [re, word] of QUALITATIVE) if (re.test(t)) return word;
  return undefined;
}

const COMPARATOR = /^(≥|≤|>=|<=|＞＝|＜＝|>|<|=|＞|＜|＝|≧|≦|不低于|不少于|不高于|不超过|不多于|大于等于|小于等于|大于|小于|高于|低于|多于|少于|超过|达到|至少|至多|等于)\s*/;

/** A 计量单位 as printed, trimmed (“百分比” stays: the language reads it as the unit it is). */
export function unitWord(unit: string): string {
  return unit.trim();
}

/** Attach a unit from a 计量单位 column to a bare number. */
function withUnit(t: string, unit: string): string {
  const u = unitWord(unit);
  if (!u || u === "/" || u === "—" || u === "-") return t;
  // Only a bare, well-formed number takes the unit (a malformed one is left for the check to keep as printed).
  if (!/^[+-]?\d[\d,，]*(?:\.\d+)?$/.test(t)) return t;
  return u === "%" || u === "％" ? `${t}%` : `${t} ${u}`;
}

/** 年度指标值 as a `目标：` value. */
export function targetText(raw: string, unit = ""): string {
  const t = oneLine(raw);
  if (!t) return "";
  const q = qualitative(foldTitle(t));
  if (q) return q;
  const cmp = COMPARATOR.exec(t);
  const rest = cmp ? t.slice(cmp[0].length) : t;
  const value = withUnit(rest.trim(), unit);
  return cmp ? `${cmp[1]} ${value}` : value;
}

/** 实际完成值 as an `实际：` value: a comparator copied from the target is dropped (“≥266米” → “266 米”). */
export function actualText(raw: string, unit = ""): string {
  const t = oneLine(raw);
  if (!t) return "";
  const q = qualitative(foldTitle(t));
  if (q) return q;
  const cmp = COMPARATOR.exec(t);
  return withUnit((cmp ? t.slice(cmp[0].length) : t).trim(), unit);
}

/** A cell that carries nothing: blank, a dash or a slash. */
export function isBlank(text: string): boolean {
  return /^[\s/／\\—–\-－、]*$/.test(text);
}
