/**
 * The header's meaning: 自评总分, 年度, 类型 and the scoring policy (满分,
 * 反向算法, 超额预警, 执行率封顶, 等级划分), each checked as it is read.
 */
import type Decimal from "decimal.js";
import { D, parseDecimal } from "../quantity/decimal";
import { Quantity } from "../quantity/quantity";
import { parseValue, type SyntaxTree } from "../syntax/parse";
import type { ClauseNode, ScoreNode } from "../syntax/ast";
import { makeDiagnostic, lineRange, type Diagnostic } from "../diagnostics/catalogue";
import type { Field, PerfModel, Policy, Scope } from "./types";
import { readPrecision } from "../scoring/precision";
import { readBands } from "../scoring/rules/grade-words";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const DEFAULT_GRADES = "优 90；良 80；中 60；差 0";

/** Reads the header fields of one build, adding what is wrong with them to its diagnostics. */
export class HeaderReader {
  constructor(
    private readonly syntax: SyntaxTree,
    private readonly header: Map<string, Field>,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private foldedField(f: Field): string {
    return this.syntax.lines[f.line].folded.slice(f.valueSpan[0], f.valueSpan[1]);
  }

  statedTotal(): PerfModel["statedTotal"] {
    const f = this.header.get("自评总分");
    if (!f) return undefined;
    const r = parseValue<ScoreNode>("Score", this.foldedField(f), f.line, f.valueSpan[0], this.syntax.lines[f.line]);
    if (!r.ok) {
      this.diagnostics.push(r.diagnostic);
      return undefined;
    }
    return { field: f, value: parseDecimal(r.value.value), text: r.value.value };
  }

  checkYear(): void {
    const f = this.header.get("年度");
    if (!f) return;
    const v = this.foldedField(f).trim();
    if (!/^\d{4}\s*年?(度)?$/.test(v)) {
      this.diagnostics.push(makeDiagnostic("PE106", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { key: "年度", value: f.value, expected: "四位年份，如 2024", expectedEn: "a four-digit year such as 2024" }));
    }
  }

  scope(): Scope {
    const f = this.header.get("类型");
    if (!f) return "部门整体支出";
    const v = f.value.trim();
    if (v === "项目支出" || v === "部门整体支出") return v;
    if (v.includes("项目")) return "项目支出";
    this.diagnostics.push(
      makeDiagnostic("PE106", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), {
        key: "类型",
        value: v,
        expected: "“部门整体支出”或“项目支出”",
        expectedEn: "部门整体支出 or 项目支出",
      }),
    );
    return "部门整体支出";
  }

  policy(): Policy {
    // Filled here, then handed out as the model's (read-only) policy.
    const policy: Mutable<Policy> = { reverse: "差额", overAchievement: new D("1.2"), executionCaps: [], fullScore: new D(100), grades: [] };
    const executionCaps: Policy["executionCaps"][number][] = [];
    policy.executionCaps = executionCaps;
    const bad = (f: Field, expected: string, expectedEn: string) =>
      this.diagnostics.push(makeDiagnostic("PE106", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { key: f.key, value: f.value, expected, expectedEn }));
    const full = this.header.get("满分");
    if (full) {
      const r = parseValue<ScoreNode>("Score", this.foldedField(full), full.line, full.valueSpan[0], this.syntax.lines[full.line]);
      if (r.ok && parseDecimal(r.value.value).greaterThan(0)) policy.fullScore = parseDecimal(r.value.value);
      else bad(full, "正数，如 100", "a positive number such as 100");
    }
    const precision = this.header.get("得分精度");
    if (precision) {
      // 得分精度：1 (also 1位, 1位小数, 一位小数): decimals of a leaf score, 0–4.
      const n = readPrecision(precision.value);
      if (n === undefined) bad(precision, "0～4 的整数（小数位数），如“得分精度：1”", "a whole number of decimals 0–4, such as 得分精度：1");
      else policy.scorePrecision = n;
    }
    const qual = this.header.get("定性区间");
    if (qual) {
      const bands = readBands(qual.value);
      if (bands) policy.qualitativeBands = bands;
      else bad(qual, "三个等级的下限，如“达成 80%；部分达成 60%；未达成 0”", "the three grades' lower ends, such as 达成 80%；部分达成 60%；未达成 0");
    }
    const rev = this.header.get("反向算法");
    if (rev) {
      const v = rev.value.trim();
      if (v === "差额" || v === "比率") policy.reverse = v;
      else bad(rev, "“差额”或“比率”", "差额 or 比率");
    }
    const over = this.header.get("超额预警");
    if (over) {
      // `120%`, or a plain multiple `1.2`.
      const v = this.foldedField(over).trim();
      const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(v);
      const q = m ? Quantity.fromWritten(m[1], m[2] ? "%" : null) : undefined;
      if (q?.value.greaterThan(0)) policy.overAchievement = q.value;
      else bad(over, "百分比，如 120%", "a percentage such as 120%");
    }
    const caps = this.header.get("执行率封顶");
    if (caps && !/^(否|无|不封顶)$/.test(caps.value.trim())) {
      const folded = this.syntax.lines[caps.line].folded.slice(caps.valueSpan[0], caps.valueSpan[1]);
      const r = parseValue<ClauseNode[]>("Rule", folded, caps.line, caps.valueSpan[0], this.syntax.lines[caps.line]);
      const clauses = r.ok ? r.value : [];
      for (const c of clauses) {
        if (c.kind === "band" && !c.score.full && c.score.value !== undefined) {
          const q = Quantity.fromWritten(c.quantity.value, c.quantity.unit?.text ?? "%");
          if (q) executionCaps.push({ op: c.comparator.op, threshold: q.value, cap: parseDecimal(c.score.value), text: folded.slice(c.span[0] - caps.valueSpan[0], c.span[1] - caps.valueSpan[0]) });
        }
      }
      if (!r.ok || policy.executionCaps.length !== clauses.length || clauses.length === 0) bad(caps, "“否”，或如“<80% 89”（执行率低于 80% 时总分最高 89）", "否, or e.g. <80% 89 (below 80 % execution the total is capped at 89)");
    }
    const gradesField = this.header.get("等级划分");
    const parsed = gradesField ? parseGrades(this.foldedField(gradesField)) : undefined;
    if (gradesField && !parsed) bad(gradesField, "如“优 90；良 80；中 60；差 0”", "e.g. 优 90；良 80；中 60；差 0");
    // The default bands are percentages of 满分 (90 of 100): they scale with it.
    policy.grades = parsed ?? parseGrades(DEFAULT_GRADES)!.map((g) => ({ name: g.name, min: g.min.times(policy.fullScore).dividedBy(100) }));
    return policy;
  }

}

/** `优 90；良 80；中 60；差 0` → bands, highest first. */
export function parseGrades(text: string): { name: string; min: Decimal }[] | undefined {
  const parts = text.split(/[;；,，、]/).map((p) => p.trim()).filter(Boolean);
  const out: { name: string; min: Decimal }[] = [];
  for (const p of parts) {
    const m = /^(\S+?)\s*[:：]?\s*(?:≥|>=|大于等于)?\s*(\d+(?:\.\d+)?)\s*分?\s*(?:以上|及以上)?$/.exec(p.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
    if (!m) return undefined;
    out.push({ name: m[1], min: parseDecimal(m[2]) });
  }
  if (out.length === 0) return undefined;
  return out.sort((a, b) => b.min.comparedTo(a.min));
}
