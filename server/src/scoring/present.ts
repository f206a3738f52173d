/**
 * How a result reads to a reviewer, shared by the hints, the CLI score sheet,
 * textconv and the report: one wording of 实际值 and of the grade.
 */
import type Decimal from "decimal.js";
import { SCORE_DECIMALS, formatScore } from "../quantity/decimal";
import { formatPercent } from "../quantity/quantity";
import type { Indicator, Policy } from "../model/types";
import type { IndicatorResult } from "./types";
import { DEFAULT_LOCALE, type Locale, say } from "../text/locale";

/** The values a result's wording is made from (a result, or one being made). */
type Shown = Pick<IndicatorResult, "rate" | "measured" | "score" | "kind">;

/**
 * 实际值 of an indicator: the measured value (with its completion rate), the
 * chosen option, the points met, or the achievement word. Read it as
 * `result.measuredText` (made once per result).
 */
export function measuredText(ind: Indicator, r: Shown | undefined, locale: Locale = DEFAULT_LOCALE): string {
  if (r?.rate !== undefined) return say(locale, `${r.measured?.format() ?? ""}（${formatPercent(r.rate)}）`, `${r.measured?.format() ?? ""} (${formatPercent(r.rate)})`);
  if (r?.measured) return r.measured.format();
  const result = ind.findField("结果");
  if (result) return result.value;
  if (ind.checks.length) return `${ind.checks.filter((c) => c.checked).length}/${ind.checks.length}${say(locale, " 项", " points")}`;
  if (ind.actual?.node.kind === "qualitative") return ind.actual.node.word;
  return "";
}

/** The short measured part of a leaf's label: 实际值, or how it was scored (扣分 n 项, 评价人判断). */
function measuredLabel(ind: Indicator, measured: string, r: Shown, locale: Locale): string {
  if (measured) return measured;
  if (ind.findings.length && r.kind === "deduction") return say(locale, `扣分 ${ind.findings.length} 项`, `${ind.findings.length} deduction${ind.findings.length === 1 ? "" : "s"}`);
  if (r.kind === "judgement") return say(locale, "评价人判断", "reviewer's judgement");
  return "";
}

/**
 * The label hints and the outline show for an indicator: `实际 → 得分/分值`
 * for a leaf, `得分/分值` for a parent, `完成率 …` (or the measured value)
 * for a measure. Read it as `result.label` (made once per result, in Chinese);
 * another locale or precision makes it again.
 */
export function resultLabel(ind: Indicator, measured: string, r: Shown, dp: number = SCORE_DECIMALS, locale: Locale = DEFAULT_LOCALE): string {
  if (ind.weight === null) {
    if (r.rate !== undefined) return `${say(locale, "完成率", "completion")} ${formatPercent(r.rate)}`;
    return r.measured ? r.measured.format() : "";
  }
  const w = formatScore(ind.weight, dp);
  const score = r.score === undefined ? "?" : formatScore(r.score, dp);
  if (ind.children.length) return `${score}/${w}`;
  const m = measuredLabel(ind, measured, r, locale);
  return m ? `${m} → ${score}/${w}` : `${score}/${w}`;
}

/** The grade a total earns under 等级划分 (bands highest first); below every band, the lowest. */
export function gradeFor(total: Decimal, grades: Policy["grades"]): string | undefined {
  return grades.find((g) => total.greaterThanOrEqualTo(g.min))?.name ?? grades[grades.length - 1]?.name;
}
