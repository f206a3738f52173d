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

/** A `key：value` line that the model took as a field. */
export interface Field {
  key: string;
  /** The value as written (original characters, trimmed). */
  value: string;
  line: number;
  keySpan: Span;
  valueSpan: Span;
}

/** 数据项: a named quantity, stated and/or derived. */
export interface DataItem {
  name: string;
  field: Field;
  node: DataValueNode;
  /** The stated value, when the line states one. */
  stated?: Quantity;
  /** The owning indicator, or undefined for a shared (file-wide) item. */
  scope?: Indicator;
}

/** 要点: a checklist point. */
export interface CheckPoint {
  text: string;
  checked: boolean;
  line: number;
}

/** 扣分事项: a finding under a deduction rule. */
export interface Finding {
  text: string;
  line: number;
}

/** 评分: the scoring rule of an indicator. */
export interface RuleSpec {
  field: Field;
  clauses: ClauseNode[];
  /** How a printed sentence was read, part by part (absent for the compact syntax). */
  reading?: string[];
}

/** 指标: an indicator (a heading with a weight), or a measure (考核指标 without a weight). */
export interface Indicator {
  name: string;
  level: number;
  line: number;
  /** Last line of the indicator's own block (before the next heading). */
  endLine: number;
  /** Last line of the indicator with all its children. */
  subtreeEndLine: number;
  titleSpan: Span;
  /** 分值; null for a measure. */
  weight: Decimal | null;
  weightText: string | null;
  weightSpan: Span | null;
  parent?: Indicator;
  children: Indicator[];
  fields: Map<string, Field>;
  data: Map<string, DataItem>;
  checks: CheckPoint[];
  findings: Finding[];
  /** Lines of description text in the block (not fields). */
  textLines: number[];
  formula?: { field: Field; expr: ExprNode };
  target?: { field: Field; node: TargetNode };
  actual?: { field: Field; node: TargetNode };
  statedRate?: { field: Field; quantity: Quantity };
  rule?: RuleSpec;
  statedScore?: { field: Field; value: Decimal; text: string };
  /** Added by the tools (项目支出's 预算执行率 row), not written in the file. */
  virtual?: boolean;
}

/** 章节: a prose section of the report. */
export interface Section {
  title: string;
  level: number;
  line: number;
  endLine: number;
  titleSpan: Span;
}

/** 引用: a `{{…}}` placeholder in prose. */
export interface Placeholder {
  name: string;
  line: number;
  span: Span;
}

/** 口径: locality scoring policy, from the header. */
export interface Policy {
  /** 反向算法: 差额 (1 − (A−T)/T) or 比率 (T/A). */
  reverse: "差额" | "比率";
  /** 超额预警: over-achievement threshold as a fraction (1.2). */
  overAchievement: Decimal;
  /** 执行率封顶: caps on the total by execution rate. */
  executionCaps: { op: string; threshold: Decimal; cap: Decimal; text: string }[];
  /** 满分 */
  fullScore: Decimal;
  /** 等级划分, highest first. */
  grades: { name: string; min: Decimal }[];
  /** 得分精度: decimals of a leaf score (default 2); undefined when the header does not say. */
  scorePrecision?: number;
}

/** 评价类型 */
export type Scope = "部门整体支出" | "项目支出";

/** A block of the document in order: what the report walks. */
export type Block =
  | { kind: "section"; section: Section }
  | { kind: "indicator"; indicator: Indicator };

export interface PerfModel {
  syntax: SyntaxTree;
  header: Map<string, Field>;
  scope: Scope;
  policy: Policy;
  /** 自评总分 as the author states it. */
  statedTotal?: { field: Field; value: Decimal; text: string };
  /** Shared data items (header and prose sections). */
  data: Map<string, DataItem>;
  /** Every data item, shared and local, in file order. */
  allData: DataItem[];
  /** Top-level indicators (weighted). */
  roots: Indicator[];
  /** Every weighted indicator, in file order (pre-order). */
  indicators: Indicator[];
  /** Measures: unweighted target/actual indicators. */
  measures: Indicator[];
  sections: Section[];
  blocks: Block[];
  placeholders: Placeholder[];
  /** Lines of prose text (not fields, not headings) per block, in order. */
  diagnostics: Diagnostic[];
}
