/** The shape every scoring rule kind implements. */
import type Decimal from "decimal.js";
import type { Quantity } from "../../quantity/quantity";
import type { Indicator, Policy } from "../../model/types";
import type { ComparatorOp } from "../../syntax/ast";
import type { DiagnosticSink } from "../sink";
import type { RuleKind } from "../types";
import type { Locale } from "../../text/locale";

export interface RuleContext {
  indicator: Indicator;
  /** w: the indicator's weight (满分 of the rule). */
  weight: Decimal;
  policy: Policy;
  /** A: the measured value, when the indicator has one. */
  measured?: Quantity;
  /** T with its comparator, when the indicator has a quantitative target. */
  target?: { op: ComparatorOp; value: Quantity };
  sink: DiagnosticSink;
}

/** A trace step, formatted lazily (most traces are never shown) in the reader's language. */
export type Step = (locale: Locale) => string;

export interface RuleOutcome {
  score?: Decimal;
  /** Human-readable steps for the trace, worded per language; computed only when the trace is read. */
  steps: Step[];
  /** What is missing when the rule cannot be applied: [Chinese, English]. */
  missing?: [string, string];
  /** Which way the rule rewards the measured value (区间线性计分: full score at the low end is "lower"). */
  direction?: "higher" | "lower";
  /** 选项计分: the option that 结果 chose, as the rule writes it (其余 for the else clause). */
  chosen?: string;
}

export interface Rule {
  kind: RuleKind;
  /** The highest score the rule can give (compared with the weight). */
  max(weight: Decimal): Decimal;
  /** One line describing the rule, for the trace, in the reader's language. */
  describe(weight: Decimal, locale: Locale): string;
  apply(ctx: RuleContext): RuleOutcome;
}

export const MISSING_MEASURED: [string, string] = ["实际值（写“实际：…”或“公式：…”）", "the measured value (实际：… or 公式：…)"];
