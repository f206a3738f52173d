/**
 * The syntax tree: one node per physical line. Spans are `[start, end)`
 * UTF-16 offsets within the line (the unit LSP positions use).
 */

export type Span = [number, number];

export interface TextSpan {
  text: string;
  span: Span;
}

/** Where a part of the line is (its text is the line's: `line.text.slice(span[0], span[1])`). */
export interface SpanRef {
  span: Span;
}

/** 标题: a heading; with a weight it is an indicator (指标), else a prose section. */
export interface HeadingLine {
  kind: "heading";
  level: number;
  /** Where the title is (without the weight, trimmed): `line.text.slice(titleSpan[0], titleSpan[1])`. */
  titleSpan: Span;
  /** 分值: the weight written as `（10分）`. */
  weight: { value: string; span: Span } | null;
}

/** 要点: a checklist point, met (`- [x]`) or not (`- [ ]`). */
export interface CheckLine {
  kind: "check";
  checked: boolean;
  text: SpanRef;
}

/** A list item: a finding under a deduction rule, or prose. */
export interface ItemLine {
  kind: "item";
  text: SpanRef;
}

/** `key：value`. Whether it is a field or text depends on where it stands. */
export interface FieldLine {
  kind: "field";
  key: TextSpan;
  value: SpanRef;
}

export interface SimpleLine {
  kind: "blank" | "comment" | "text";
}

export interface ConflictLine {
  kind: "conflict";
  marker: string;
}

export type LineNode = HeadingLine | CheckLine | ItemLine | FieldLine | SimpleLine | ConflictLine;

// ── values ──

export interface UnitNode {
  text: string;
  span: Span;
}

/** 数量: a number with an optional unit, e.g. `1,531.23 万元`, `96.4%`, `40 余万元`. */
export interface QuantityNode {
  value: string;
  unit: UnitNode | null;
  approx: boolean;
  span: Span;
}

export type ExprNode =
  | { kind: "number"; value: string; unit: UnitNode | null; span: Span }
  | { kind: "name"; name: string; span: Span }
  | { kind: "neg"; operand: ExprNode; span: Span }
  | { kind: "binary"; op: "+" | "-" | "*" | "/"; left: ExprNode; right: ExprNode; span: Span };

export interface DataValueNode {
  quantity: QuantityNode | null;
  derivation: ExprNode | null;
}

export type ComparatorOp = ">=" | "<=" | ">" | "<" | "=";

export interface ComparatorNode {
  op: ComparatorOp;
  text: string;
  span: Span;
}

export type TargetNode =
  | { kind: "quantitative"; comparator: ComparatorNode | null; quantity: QuantityNode }
  | { kind: "qualitative"; word: string; span: Span };

export interface ScoreValueNode {
  full: boolean;
  value?: string;
  /** A printed "扣N分" as the consequence of a band: the weight less N. */
  deduct?: string;
  span: Span;
}

/** One end of a printed range ("80%（含）-90%"): inclusive when marked （含）, exclusive when （不含）, null when unmarked. */
export interface BoundNode {
  quantity: QuantityNode;
  inclusive: boolean | null;
}

export type ClauseNode =
  | { kind: "proportional"; span: Span }
  | { kind: "deduction"; step: string; span: Span }
  | {
      kind: "perPoint";
      direction: "above" | "below";
      per: string;
      step: string;
      span: Span;
      /** Per full step (default), linear (按比例扣分), or a part rounded up to a step (不足…按…计). */
      mode?: "step" | "linear" | "ceil";
      /** A step in a unit other than percentage points ("每超过1天扣1分"): the unit, written. */
      perUnit?: string;
    }
  | { kind: "range"; lo: BoundNode | null; hi: BoundNode | null; score: ScoreValueNode; span: Span }
  | { kind: "completion"; span: Span }
  | { kind: "else"; score: ScoreValueNode; span: Span }
  | { kind: "band"; comparator: ComparatorNode; quantity: QuantityNode; score: ScoreValueNode; span: Span }
  | { kind: "option"; label: string; score: ScoreValueNode; span: Span };

export interface ScoreNode {
  value: string;
  span: Span;
}
