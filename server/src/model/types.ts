/**
 * The model: what a .perf file says, resolved from its lines — header, data,
 * the indicator tree, rules, prose sections and placeholders. No scores here:
 * those are the evaluation's (server/src/scoring).
 */
import type Decimal from "decimal.js";
import type { ClauseNode, DataValueNode, ExprNode, Span, TargetNode } from "../syntax/ast";
import type { SyntaxTree } from "../syntax/parse";
import type { Diagnostic } from "../diagnostics/catalogue";
import type { Quantity } from "../quantity/quantity";
import type { Bands } from "../scoring/rules/grade-words";

/** A `key：value` line that the model took as a field. */
export interface Field {
  readonly key: string;
  /** The value as written (original characters, trimmed). */
  readonly value: string;
  readonly line: number;
  readonly keySpan: Span;
  readonly valueSpan: Span;
}

/** 数据项: a named quantity, stated and/or derived. */
export interface DataItem {
  readonly name: string;
  readonly field: Field;
  readonly node: DataValueNode;
  /** The stated value, when the line states one. */
  readonly stated?: Quantity;
  /** The block of the owning indicator, or undefined for a shared (file-wide) item. */
  readonly scope?: IndicatorBlock;
}

/** 要点: a checklist point. */
export interface CheckPoint {
  readonly text: string;
  readonly checked: boolean;
  readonly line: number;
}

/** 扣分事项: a finding under a deduction rule. */
export interface Finding {
  readonly text: string;
  readonly line: number;
}

/** 评分: the scoring rule of an indicator. */
export interface RuleSpec {
  readonly field: Field;
  readonly clauses: readonly ClauseNode[];
  /** How a printed sentence was read, part by part, [Chinese, English] (absent for the compact syntax). */
  readonly reading?: readonly (readonly [zh: string, en: string])[];
}

/**
 * What an indicator's block of lines says (a heading with a weight, or a
 * measure: 考核指标 without a weight), without its place in a tree. Shared,
 * unchanged, by every model whose lines at that place are the same.
 */
export interface IndicatorBlock {
  readonly name: string;
  readonly level: number;
  readonly line: number;
  /** Last line of the indicator's own block (before the next heading). */
  readonly endLine: number;
  readonly titleSpan: Span;
  /** 分值; null for a measure. */
  readonly weight: Decimal | null;
  readonly weightText: string | null;
  readonly weightSpan: Span | null;
  readonly data: ReadonlyMap<string, DataItem>;
  readonly checks: readonly CheckPoint[];
  readonly findings: readonly Finding[];
  /** Lines of description text in the block (not fields). */
  readonly textLines: readonly number[];
  readonly formula?: { readonly field: Field; readonly expr: ExprNode };
  readonly target?: { readonly field: Field; readonly node: TargetNode };
  readonly actual?: { readonly field: Field; readonly node: TargetNode };
  readonly statedRate?: { readonly field: Field; readonly quantity: Quantity };
  readonly rule?: RuleSpec;
  readonly statedScore?: { readonly field: Field; readonly value: Decimal; readonly text: string };
  /** Added by the tools (项目支出's 预算执行率 row), not written in the file. */
  readonly virtual?: boolean;
}

/** 指标: an indicator in one model's tree — its block, and this model's tree links. */
export interface Indicator extends IndicatorBlock {
  /** The block (shared by later models while its lines are unchanged). */
  readonly block: IndicatorBlock;
  readonly parent?: Indicator;
  readonly children: readonly Indicator[];
  /** Last line of the indicator with all its children. */
  readonly subtreeEndLine: number;
  /** The block's reserved-key fields, first of each key. */
  readonly fields: ReadonlyMap<string, Field>;
  /** `fields.has(key)`, without making the map. */
  hasField(key: string): boolean;
  /** `fields.get(key)` (its line, spans and value; not necessarily the same object), without making the map. */
  findField(key: string): Field | undefined;
}

/** 章节: a prose section of the report. */
export interface Section {
  readonly title: string;
  readonly level: number;
  readonly line: number;
  readonly endLine: number;
  readonly titleSpan: Span;
}

/** 引用: a `{{…}}` placeholder in prose. */
export interface Placeholder {
  readonly name: string;
  readonly line: number;
  readonly span: Span;
}

/** 口径: locality scoring policy, from the header. */
export interface Policy {
  /** 反向算法: 差额 (1 − (A−T)/T) or 比率 (T/A). */
  readonly reverse: "差额" | "比率";
  /** 超额预警: over-achievement threshold as a fraction (1.2). */
  readonly overAchievement: Decimal;
  /** 执行率封顶: caps on the total by execution rate. */
  readonly executionCaps: readonly { readonly op: string; readonly threshold: Decimal; readonly cap: Decimal; readonly text: string }[];
  /** 满分 */
  readonly fullScore: Decimal;
  /** 等级划分, highest first. */
  readonly grades: readonly { readonly name: string; readonly min: Decimal }[];
  /** 得分精度: decimals of a leaf score (default 2); undefined when the header does not say. */
  readonly scorePrecision?: number;
  /** 定性区间: each qualitative grade's share of the weight, when the header draws them (else the national bands). */
  readonly qualitativeBands?: Bands;
}

/** 评价类型 */
export type Scope = "部门整体支出" | "项目支出";

/** A block of the document in order: what the report walks. */
export type Block =
  | { readonly kind: "section"; readonly section: Section }
  | { readonly kind: "indicator"; readonly indicator: Indicator };

/** A model: immutable once built (a later build shares its blocks, never changes them). */
export interface PerfModel {
  readonly syntax: SyntaxTree;
  readonly header: ReadonlyMap<string, Field>;
  readonly scope: Scope;
  readonly policy: Policy;
  /** 自评总分 as the author states it. */
  readonly statedTotal?: { readonly field: Field; readonly value: Decimal; readonly text: string };
  /** Shared data items (header and prose sections). */
  readonly data: ReadonlyMap<string, DataItem>;
  /** Every data item, shared and local, in file order. */
  readonly allData: readonly DataItem[];
  /** Top-level indicators (weighted). */
  readonly roots: readonly Indicator[];
  /** Every weighted indicator, in file order (pre-order). */
  readonly indicators: readonly Indicator[];
  /** Measures: unweighted target/actual indicators. */
  readonly measures: readonly Indicator[];
  readonly sections: readonly Section[];
  readonly blocks: readonly Block[];
  readonly placeholders: readonly Placeholder[];
  readonly diagnostics: readonly Diagnostic[];
}
