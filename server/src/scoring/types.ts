/** What the evaluation computes: scores with their traces. */
import type Decimal from "decimal.js";
import type { Quantity } from "../quantity/quantity";
import type { DataItem, Indicator, PerfModel, Placeholder } from "../model/types";
import type { Diagnostic } from "../diagnostics/catalogue";
import type { Locale } from "../text/locale";

/** One input of a computation, as a reviewer would read it. */
export interface TraceInput {
  readonly name: string;
  readonly value: string;
  /** Where the value is written (0-based line), if in the file. */
  readonly line?: number;
}

/**
 * 计算过程: how a number was obtained — inputs, formula (with names and with
 * values substituted), the rule applied, the steps, and the result.
 */
export interface Trace {
  readonly inputs: readonly TraceInput[];
  readonly formula?: string;
  readonly substituted?: string;
  readonly rule?: string;
  readonly steps: readonly string[];
  readonly result: string;
}

/** The kinds of scoring rule (评分规则类型). */
export type RuleKind =
  | "options"
  | "checklist"
  | "linearBand"
  | "stepBands"
  | "perPoint"
  | "proportional"
  | "targetCompletion"
  | "qualitative"
  | "deduction"
  | "judgement"
  | "sum";

export const RULE_KIND_NAMES: Record<RuleKind, string> = {
  options: "选项计分",
  checklist: "要点计分",
  linearBand: "区间线性计分",
  stepBands: "分档计分",
  perPoint: "超出扣分",
  proportional: "比例计分",
  targetCompletion: "目标完成计分",
  qualitative: "定性目标",
  deduction: "扣分制",
  judgement: "评价人判断",
  sum: "下级指标合计",
};

/** The result of one indicator (or measure). */
export interface IndicatorResult {
  readonly indicator: Indicator;
  /** 实际值 A: the measured value (实际, or the value of 公式). */
  readonly measured?: Quantity;
  /** 目标值 T */
  readonly target?: Quantity;
  /** 完成率 A/T */
  readonly rate?: Decimal;
  /** The score used in totals (a leaf's rounded to 得分精度); undefined when it cannot be computed. */
  readonly score?: Decimal;
  /** A computed leaf score before rounding to 得分精度. */
  readonly exact?: Decimal;
  /** Where the score comes from. */
  readonly kind?: RuleKind;
  /** The rule's highest possible score. */
  readonly ruleMax?: Decimal;
  /** 偏差原因 is required here and not written (PE406). */
  readonly reasonMissing?: boolean;
  /** The stated 完成率 disagrees with 实际 ÷ 目标 (PE505). */
  readonly statedRateDiffers?: boolean;
  /**
   * 得分 is stated and differs from the score (compared at the stated
   * decimals, at least two, as PE501 compares), or the indicator got no score.
   */
  readonly statedScoreDiffers?: boolean;
  /** Which way the rule rewards the measured value (区间线性计分), when the rule ran. */
  readonly direction?: "higher" | "lower";
  /** 选项计分: the option that 结果 chose, as the rule writes it. */
  readonly chosenOption?: string;
  /** 实际值 as shown: the measured value (with its 完成率), the chosen option, the points met, or the achievement word; "" when none. */
  readonly measuredText: string;
  /** The short label hints and the outline show: `98.21%（98.21%） → 4.5/5`, `4.5/5` for a parent, `完成率 96%` for a measure. */
  readonly label: string;
  /** 计算过程, made when read (the same every time), in Chinese. */
  readonly trace: Trace;
  /** 计算过程 worded in `locale` (made when first read in that language, then kept). */
  traceIn(locale: Locale): Trace;
}

export interface DataResult {
  readonly item: DataItem;
  readonly value?: Quantity;
  /** The derivation's value, when the item has one. */
  readonly derived?: Quantity;
  readonly trace: Trace;
  traceIn(locale: Locale): Trace;
}

export interface PlaceholderResult {
  readonly placeholder: Placeholder;
  /** The text that replaces it in the report; undefined when unknown. */
  readonly value?: string;
  readonly trace?: Trace;
  /** The trace worded in `locale`, when there is one. */
  readonly traceIn?: (locale: Locale) => Trace;
}

/** 评价结果: everything computed for one file. */
export interface Evaluation {
  readonly model: PerfModel;
  /** Each indicator's and measure's result (keyed by this model's indicators). */
  readonly results: ReadonlyMap<Indicator, IndicatorResult>;
  /** Each data item's value. */
  readonly data: ReadonlyMap<DataItem, DataResult>;
  /** 总分, undefined when the file has no weighted indicator. */
  readonly total?: Decimal;
  /** 总分 as shown (two decimals at most), undefined with `total`. */
  readonly totalText?: string;
  /** 等级 */
  readonly grade?: string;
  /** 自评总分 is stated and disagrees with the computed total (PE502). */
  readonly statedTotalDiffers: boolean;
  /** True when every leaf indicator got a score. */
  readonly complete: boolean;
  readonly totalTrace: Trace;
  /** The total's trace worded in `locale` (made when first read in that language, then kept). */
  totalTraceIn(locale: Locale): Trace;
  readonly placeholders: readonly PlaceholderResult[];
  /** All diagnostics: syntax, model and evaluation, sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
}
