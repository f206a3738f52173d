/**
 * What a failed value parse says: Peggy's failure turned into a diagnostic
 * in the user's words (PE101, or PE201/PE202 for malformed numbers).
 */
import * as peg from "./generated/perf-parser";
import { makeDiagnostic, lineRange, type Diagnostic } from "../diagnostics/catalogue";
import { chineseNumeralValue } from "./chinese-numerals";
import type { ValueRule } from "./values";

const RULE_NAMES: Record<ValueRule, [string, string]> = {
  DataValue: ["数据", "the data value"],
  Score: ["得分", "the score"],
  Quantity: ["数量", "the quantity"],
  Expression: ["公式", "the formula"],
  Target: ["目标", "the target"],
  Rule: ["评分规则", "the rule"],
};

const EXPECT_ZH: Record<string, string> = {
  number: "数字",
  unit: "单位",
  quantity: "数量",
  comparator: "比较符号（≥ ≤ = > <）",
  expression: "公式",
  name: "数据名",
  operator: "运算符（+ − × ÷）",
  score: "分数（如 3 或 满分）",
  separator: "分隔符“；”",
  "end of input": "行尾",
};

export interface PeggyFailure {
  offset: number;
  end: number;
  expected: string[];
  found: string | null;
}

export function toFailure(e: unknown, text: string): PeggyFailure {
  if (e instanceof peg.SyntaxError) {
    const expected = (e.expected ?? [])
      .map((x) => (x.type === "literal" ? `“${x.text}”` : x.type === "end" ? "end of input" : x.type === "class" ? "" : (x.description ?? "")))
      .filter((x) => x !== "" && x !== "“ ”");
    return { offset: e.location.start.offset, end: e.location.end.offset, expected: [...new Set(expected)], found: e.found };
  }
  return { offset: 0, end: text.length, expected: [], found: null };
}

const MALFORMED_NUMBER_RE = /[+-]?\d[\d,]*\.\d+(\.\d+)+|\d+(,\d+)*,\d{1,2}(?!\d)(\.\d+)?|\d[\d,]*\.\.+\d*/;

export function describeFailure(rule: ValueRule, text: string, f: PeggyFailure, line: number, offset: number): Diagnostic {
  const malformed = MALFORMED_NUMBER_RE.exec(text);
  if (malformed && rule !== "Rule") {
    return makeDiagnostic("PE201", lineRange(line, offset + malformed.index, offset + malformed.index + malformed[0].length), { text: malformed[0] });
  }
  const cn = /[零〇一二两三四五六七八九十百千万亿]+(点[零〇一二三四五六七八九]+)?/.exec(text);
  if (cn && rule !== "Rule" && rule !== "Target" && /^\s*[约近]?\s*$/.test(text.slice(0, cn.index))) {
    const value = chineseNumeralValue(cn[0]);
    if (value !== undefined && cn[0] !== "万" && cn[0] !== "亿") {
      return makeDiagnostic("PE202", lineRange(line, offset + cn.index, offset + cn.index + cn[0].length), { text: cn[0], value }, { value, text: cn[0] });
    }
  }
  const [what, whatEn] = RULE_NAMES[rule];
  const expectedZh = f.expected.map((x) => EXPECT_ZH[x] ?? x);
  const expectedEn = f.expected.map((x) => (x === "end of input" ? "end of line" : x));
  const found = f.found === null ? "行尾" : `“${f.found}”`;
  const foundEn = f.found === null ? "end of line" : `“${f.found}”`;
  const start = Math.min(f.offset, text.length);
  const end = Math.max(start + 1, Math.min(text.length, f.end));
  // At the end of the value: point at its last character (where something is missing after it).
  // (An empty value gives an empty range at its start: the line may end right there.)
  const range = start >= text.length ? lineRange(line, offset + Math.max(text.length - 1, 0), offset + text.length) : lineRange(line, offset + start, offset + end);
  return makeDiagnostic("PE101", range, {
    what,
    whatEn,
    detail: expectedZh.length ? `应为${expectedZh.slice(0, 6).join("、")}，但遇到${found}` : `遇到${found}`,
    detailEn: f.expected.length ? `expected ${expectedEn.slice(0, 6).join(", ")} but found ${foundEn}` : `unexpected ${foundEn}`,
  });
}
