/**
 * The syntax tree: one node per physical line. Spans are `[start, end)`
 * UTF-16 offsets within the line (the unit LSP positions use).
 */

export type Span = readonly [number, number];

export interface TextSpan {
  readonly text: string;
  readonly span: Span;
}

/** Where a part of the line is (its text is the line's: `line.text.slice(span[0], span[1])`). */
export interface SpanRef {
  readonly span: Span;
}

/** 标题: a heading; with a weight it is an indicator (指标), else a prose section. */
export interface HeadingLine {
  readonly kind: "heading";
  readonly level: number;
  /** Where the title is (without the weight, trimmed): `line.text.slice(titleSpan[0], titleSpan[1])`. */
  readonly titleSpan: Span;
  /** 分值: the weight written as `（10分）`. */
  readonly weight: { value: string; span: Span } | null;
}

/** 要点: a checklist point, met (`- [x]`) or not (`- [ ]`). */
export interface CheckLine {
  readonly kind: "check";
  readonly checked: boolean;
  readonly text: SpanRef;
}

/** A list item: a finding under a deduction rule, or prose. */
export interface ItemLine {
  readonly kind: "item";
  readonly text: SpanRef;
}

/** `key：value`. Whether it is a field or text depends on where it stands. */
export interface FieldLine {
  readonly kind: "field";
  readonly key: TextSpan;
  readonly value: SpanRef;
}

export interface SimpleLine {
  readonly kind: "blank" | "comment" | "text";
}

export interface ConflictLine {
  readonly kind: "conflict";
  readonly marker: string;
}

export type LineNode = HeadingLine | CheckLine | ItemLine | FieldLine | SimpleLine | ConflictLine;

// ── values ──

export interface UnitNode {
  readonly text: string;
  readonly span: Span;
}

/** 数量: a number with an optional unit, e.g. `1,531.23 万元`, `96.4%`, `40 余万元`. */
export interface QuantityNode {
  readonly value: string;
  readonly unit: UnitNode | null;
  readonly approx: boolean;
  readonly span: Span;
}

export type ExprNode =
  | { readonly kind: "number"; readonly value: string; readonly unit: UnitNode | null; readonly span: Span }
  | { readonly kind: "name"; readonly name: string; readonly span: Span }
  | { readonly kind: "neg"; readonly operand: ExprNode; readonly span: Span }
  | { readonly kind: "binary"; readonly op: "+" | "-" | "*" | "/"; readonly left: ExprNode; readonly right: ExprNode; readonly span: Span };

export interface DataValueNode {
  readonly quantity: QuantityNode | null;
  readonly derivation: ExprNode | null;
}

export type ComparatorOp = ">=" | "<=" | ">" | "<" | "=";

export interface ComparatorNode {
  readonly op: ComparatorOp;
  readonly text: string;
  readonly span: Span;
}

export type TargetNode =
  | { readonly kind: "quantitative"; readonly comparator: ComparatorNode | null; readonly quantity: QuantityNode }
  | { readonly kind: "qualitative"; readonly word: string; readonly span: Span };

export interface ScoreValueNode {
  readonly full: boolean;
  readonly value?: string;
  /** A printed "扣N分" as the consequence of a band: the weight less N. */
  readonly deduct?: string;
  /** A printed "按比例得分" as the consequence of a band: the ratio × the weight (A ÷ T × w with a target). */
  readonly proportional?: boolean;
  readonly span: Span;
}

/** One end of a printed range ("80%（含）-90%"): inclusive when marked （含）, exclusive when （不含）, null when unmarked. */
export interface BoundNode {
  readonly quantity: QuantityNode;
  readonly inclusive: boolean | null;
}

export type ClauseNode =
  /** 比例: ratio × weight; `factor` is a printed number in its place ("按预算执行率×10计分": ratio × 10, kept within 0…weight). */
  | { readonly kind: "proportional"; readonly span: Span; readonly factor?: string }
  | { readonly kind: "deduction"; readonly step: string; readonly span: Span }
  | {
      readonly kind: "perPoint";
      readonly direction: "above" | "below";
      readonly per: string;
      readonly step: string;
      readonly span: Span;
      /** Per full step (default), linear (按比例扣分), or a part rounded up to a step (不足…按…计). */
      readonly mode?: "step" | "linear" | "ceil";
      /** A step in a unit other than percentage points ("每超过1天扣1分"): the unit, written. */
      readonly perUnit?: string;
    }
  | { readonly kind: "range"; readonly lo: BoundNode | null; readonly hi: BoundNode | null; readonly score: ScoreValueNode; readonly span: Span }
  /** 按完成比例: actual ÷ target × weight; `inverse` is the national form's 年度指标值/全年实际值 (the 比率 reverse method). */
  | { readonly kind: "completion"; readonly span: Span; readonly inverse?: boolean }
  | { readonly kind: "else"; readonly score: ScoreValueNode; readonly span: Span }
  | { readonly kind: "band"; readonly comparator: ComparatorNode; readonly quantity: QuantityNode; readonly score: ScoreValueNode; readonly span: Span }
  | { readonly kind: "option"; readonly label: string; readonly score: ScoreValueNode; readonly span: Span }
  /**
   * A printed rule the file cannot compute: it compares with other units' average ("average"), scores by rank
   * among units ("rank"), or has a condition only the evaluator can judge ("event": "或出现重大问题的不得分").
   * `part` is the words that make it so. The stated 得分 is the score (评价人判断). An event beside conditions on the
   * value keeps them: they are scored, and `score` (the event's) is accepted as the evaluator's finding.
   */
  | { readonly kind: "judgement"; readonly why: "average" | "rank" | "event"; readonly part: string; readonly span: Span; readonly score?: ScoreValueNode };

export interface ScoreNode {
  readonly value: string;
  readonly span: Span;
}
