/**
 * How a result reads to a reviewer, shared by the hints, the CLI score sheet,
 * textconv and the report: one wording of 实际值 and of the grade.
 */
import type Decimal from "decimal.js";
import { formatPercent } from "../quantity/quantity";
import type { Indicator, Policy } from "../model/types";
import type { IndicatorResult } from "./types";

/** 实际值 of an indicator: the measured value (with its completion rate), the chosen option, the points met, or the achievement word. */
export function measuredText(ind: Indicator, r: IndicatorResult | undefined): string {
  if (r?.rate !== undefined) return `${r.measured?.format() ?? ""}（${formatPercent(r.rate)}）`;
  if (r?.measured) return r.measured.format();
  const result = ind.fields.get("结果");
  if (result) return result.value;
  if (ind.checks.length) return `${ind.checks.filter((c) => c.checked).length}/${ind.checks.length} 项`;
  if (ind.actual?.node.kind === "qualitative") return ind.actual.node.word;
  return "";
}

/** The grade a total earns under 等级划分 (bands highest first); below every band, the lowest. */
export function gradeFor(total: Decimal, grades: Policy["grades"]): string | undefined {
  return grades.find((g) => total.greaterThanOrEqualTo(g.min))?.name ?? grades[grades.length - 1]?.name;
}
