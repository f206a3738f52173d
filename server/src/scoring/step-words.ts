/**
 * The wording of the evaluation's own trace lines (a data item's check, a
 * parent's sum, a leaf's fallbacks), in each language the server speaks: kept
 * apart from the computation, which records these as values. The author's
 * own text inside a line (names, stated figures, units) stays as written.
 */
import type Decimal from "decimal.js";
import { formatDecimal } from "../quantity/decimal";
import { type Locale, say } from "../text/locale";
import type { Lazy } from "./trace";
import type { RuleKind } from "./types";
import { RULE_KIND_NAMES } from "./types";

export const RULE_KIND_NAMES_EN: Record<RuleKind, string> = {
  options: "options",
  checklist: "checklist points",
  linearBand: "linear between bounds",
  stepBands: "step bands",
  perPoint: "deduction per point over",
  proportional: "proportional",
  targetCompletion: "target completion",
  qualitative: "qualitative target",
  deduction: "deductions",
  judgement: "reviewer's judgement",
  sum: "sum of sub-indicators",
};

/** A rule kind's name in the reader's language. */
export const ruleKindName =
  (kind: RuleKind): Lazy =>
  (l) =>
    say(l, RULE_KIND_NAMES[kind], RULE_KIND_NAMES_EN[kind]);

/** ` 分` / ` pts` after a score. */
export const pts = (l: Locale): string => say(l, " 分", " pts");

/** Input names the tool itself gives (the field keys 目标, 实际), with the key as written in English. */
export const inputName =
  (key: "目标" | "实际"): Lazy =>
  (l) =>
    say(l, key, key === "目标" ? "target (目标)" : "actual (实际)");

export const STEPS = {
  cycle: ((l) => say(l, "循环引用", "circular reference")) as Lazy,
  statedDiffers:
    (stated: string, computed: string): Lazy =>
    (l) =>
      say(l, `填报 ${stated}，与计算值 ${computed} 不符`, `stated ${stated} differs from the computed ${computed}`),
  statedAgrees:
    (stated: string): Lazy =>
    (l) =>
      say(l, `填报 ${stated}，与计算值相符（按填报精度）`, `stated ${stated} agrees with the computed value (at the stated precision)`),
  partsUnscored: (l: Locale): string => say(l, "（部分下级未计分）", " (some sub-indicators not scored)"),
  brokenData:
    (stated: string | undefined): Lazy =>
    (l) =>
      stated ? say(l, `数据有误，按填报得分 ${stated} 分`, `the data has errors: the stated score ${stated} is counted`) : say(l, "数据有误，无法计分", "the data has errors: cannot score"),
  missingUseStated:
    (what: [string, string], stated: string): Lazy =>
    (l) =>
      say(l, `缺少${what[0]}，按填报得分 ${stated} 分`, `missing ${what[1]}: the stated score ${stated} is counted`),
  statedScoreDiffers:
    (stated: string): Lazy =>
    (l) =>
      say(l, `填报得分 ${stated} 分与计算不符`, `the stated score ${stated} differs from the computed one`),
  /** A score outside 0…weight, counted as the nearest bound. */
  capped:
    (score: Decimal, weight: Decimal, capped: Decimal): Lazy =>
    (l) =>
      say(
        l,
        `得分 ${formatDecimal(score, 4)} 超出 0～${formatDecimal(weight, 4)} 分，按 ${formatDecimal(capped, 4)} 分计`,
        `score ${formatDecimal(score, 4)} is outside 0–${formatDecimal(weight, 4)}: counted as ${formatDecimal(capped, 4)}`,
      ),
};
