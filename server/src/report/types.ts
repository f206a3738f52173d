/**
 * The report's document model: what every writer (HTML, Markdown, Word)
 * renders. Two documents come out of one analysis:
 *
 * - the report (`ReportDocument`): what the unit submits — computed numbers,
 *   the author's prose, no check remarks;
 * - the review (`ReviewDocument`, 审核意见): what the tools found — every
 *   diagnostic, stated vs computed, missing reasons, unscored rows and the
 *   computation behind each score.
 *
 * Every string from the .perf file has been through `cleanText`; writers
 * escape for their own syntax.
 */

export interface ReportOptions {
  /** Append the review (审核意见) to the report as its last part. Default false. */
  includeDiagnostics?: boolean;
  /** Show data lines written in prose sections (`名称：数量`) as text. Default false. */
  showDataLines?: boolean;
  /** Override the title. */
  title?: string;
  /** Decimals for scores. Default 2. */
  decimals?: number;
  /**
   * Heading numbers: `gongwen` (default) strips the author's own number and
   * numbers headings in the 公文 sequence 一、 / （一） / 1. / （1）; `keep`
   * prints headings as written.
   */
  headingNumbers?: "gongwen" | "keep";
  /** 三级标题 (1.) in bold, as many offices print it. Default true. */
  boldLevel3?: boolean;
}

/** 基本信息: one metadata row. */
export interface MetaRow {
  label: string;
  value: string;
}

/**
 * One line of prose. `text` is plain (placeholders filled); `markdown` is the
 * same as inline Markdown source (the author's own markup kept, filled values
 * escaped), for writers that render Markdown.
 */
export interface ProseText {
  line: number;
  text: string;
  markdown: string;
}

export interface ListItem extends ProseText {
  /** For a checklist point `- [x]`/`- [ ]`; undefined for a plain item. */
  checked?: boolean;
}

/** A paragraph (one text line) or a list (consecutive `- ` lines). */
export type Paragraph = ({ kind: "text" } & ProseText) | { kind: "list"; items: ListItem[] };

/**
 * 章节: a prose section. `level` is its level in the report (1 = 一级标题),
 * after a file-level title heading is taken as the document title; `number`
 * is the 公文 number printed before the title ("一、", "（一）", "1.", "（1）"),
 * empty when none is printed.
 */
export interface SectionBlock {
  kind: "section";
  level: number;
  number: string;
  title: string;
  line: number;
  paragraphs: Paragraph[];
}

/** 考核指标: an unweighted measure, in place, with its prose and its goal row. */
export interface MeasureBlock {
  kind: "measure";
  level: number;
  number: string;
  title: string;
  line: number;
  paragraphs: Paragraph[];
  goal: GoalRow;
}

/** Where the scoring table stands (the 评分表, or the 项目支出绩效自评表 for a project). */
export interface ScoringBlock {
  kind: "scoring";
  line: number;
}

export type BodyBlock = SectionBlock | MeasureBlock | ScoringBlock;

/** 附件: a top-level part whose heading begins with 附件, or the 评分表 placed apart. */
export interface Attachment {
  /** 1-based, in the order printed. */
  index: number;
  /** The attachment's title, printed centred on its first page. */
  title: string;
  /** The name in the body's 附件 list (附件：1. …). */
  name: string;
  blocks: BodyBlock[];
  /** The attachment holds a wide table: print it on landscape pages. */
  landscape: boolean;
}

/** 落款: the unit and the date at the end of the body. */
export interface Signature {
  unit?: string;
  date?: string;
}

/** An indicator cell of the tier columns (一级/二级/三级). */
export interface TierCell {
  name: string;
  /** 分值 */
  weight: string;
  /** 得分 (subtotal for a parent); "" when not computed. */
  score: string;
  rowSpan: number;
  colSpan: number;
  leaf: boolean;
  line?: number;
}

/** A tier slot: a cell, or covered by a merged cell above (`row`) or to the left (`col`). */
export type TierSlot = { kind: "cell"; cell: TierCell } | { kind: "covered"; by: "row" | "col" };

/** One row of the scoring table: one leaf indicator. */
export interface ScoreRow {
  tiers: TierSlot[];
  /** The leaf's name (its path below the last tier's ancestor, joined by ›, when deeper than the tiers). */
  name: string;
  weight: string;
  /** The score (computed; the stated one for a judgement); "" when there is none. */
  score: string;
  scored: boolean;
  /** 评分标准: the standard as written, else the scoring rule as the form prints it. */
  standard: string;
  /** 指标解释: 说明 / 指标解释 and the indicator's description text. */
  note: string;
  line?: number;
}

export interface ScoreTable {
  /** Number of tier columns (1..3). */
  tierCount: number;
  /** Column labels of the tiers: 一级指标, 二级指标, 三级指标. */
  tierLabels: string[];
  /** Some row has an 指标解释: the table has that column. */
  hasNotes: boolean;
  rows: ScoreRow[];
}

/** 项目资金 row of the 项目支出绩效自评表. Blank cells are "". */
export interface FundingRow {
  label: string;
  initial: string;
  annual: string;
  spent: string;
}

/**
 * A column of the 绩效指标 block after the three level columns. The national
 * form has 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施; provinces add
 * 年初指标值 / 调整指标值 (instead of 年度指标值), 指标性质, 得分系数, 是否核心指标 —
 * printed when some indicator of the file has them.
 */
export type ProjectColumnKey = "target" | "initialTarget" | "adjustedTarget" | "actual" | "nature" | "weight" | "coefficient" | "score" | "reason" | "core";

export interface ProjectColumn {
  key: ProjectColumnKey;
  label: string;
  /** Short values, centred. */
  centred: boolean;
}

/** 绩效指标 row of the 项目支出绩效自评表. */
export interface ProjectIndicatorRow {
  tiers: TierSlot[];
  /** One value per `ProjectForm.columns` entry ("" when blank). */
  values: string[];
  line?: number;
}

/** The national 项目支出绩效自评表 (财预〔2020〕10号 附件). */
export interface ProjectForm {
  project: string;
  department: string;
  unit: string;
  funding: FundingRow[];
  /** 预算执行率 row: 分值, 执行率, 得分. */
  execution: { weight: string; rate: string; score: string };
  goal: { expected: string; achieved: string };
  tierLabels: string[];
  columns: ProjectColumn[];
  rows: ProjectIndicatorRow[];
  total: string;
  fullScore: string;
}

/** 总分与等级, as the report prints them. */
export interface TotalSummary {
  fullScore: string;
  /** The total (computed; the stated one when nothing is computed); undefined when neither. */
  total?: string;
  grade?: string;
  /** 待填写 (PE130) blanks still in the file: while any remain there is no grade, and the report says how many. */
  blanks?: number;
}

/** 绩效目标: one measure (unweighted 考核指标). */
export interface GoalRow {
  name: string;
  /** 目标 as the form prints it (≥95%, 100%). */
  target: string;
  actual: string;
  /** 完成率 (computed, else as stated); "" when neither. */
  rate: string;
  /** 偏差原因 as written; "" when none. */
  reason: string;
  note: string;
  line: number;
}

/** One bar of the chart: a top-level indicator. */
export interface ChartBar {
  name: string;
  weight: string;
  score: string;
  /** For geometry only (never for arithmetic). */
  weightValue: number;
  scoreValue: number;
  scored: boolean;
}

export interface ReportDocument {
  title: string;
  metadata: MetaRow[];
  /** The body, in file order, attachments taken out. */
  body: BodyBlock[];
  attachments: Attachment[];
  signature?: Signature;
  scoring?: ScoreTable;
  /** 项目支出: the national form, printed where the scoring table stands. */
  projectForm?: ProjectForm;
  total: TotalSummary;
  chart: ChartBar[];
  goals: GoalRow[];
  options: { boldLevel3: boolean };
  /** Present only with `includeDiagnostics`: printed after the report. */
  review?: ReviewDocument;
}

// ── the review (审核意见) ──

/** 审核提示: one diagnostic. */
export interface ReviewNote {
  severity: "错误" | "警告" | "提示";
  /** 1-based line. */
  line: number;
  code: string;
  message: string;
}

/** 填报与计算不一致: a number the author states that the tools compute differently. */
export interface Difference {
  /** What: 自评总分, 等级, an indicator's 得分 or 完成率. */
  item: string;
  stated: string;
  computed: string;
  line?: number;
}

/** An indicator that lost points or missed its target without a 偏差原因. */
export interface MissingReason {
  item: string;
  /** "得分 0 / 分值 3" or "完成率 80%". */
  detail: string;
  line?: number;
}

/** 计分依据: how one score was obtained. */
export interface Computation {
  item: string;
  rule: string;
  facts: string[];
  score: string;
  line?: number;
}

export interface ReviewDocument {
  title: string;
  /** Computed vs stated total and grade, and whether every leaf got a score. */
  total: { computed?: string; stated?: string; grade?: string; statedGrade?: string; fullScore: string; complete: boolean };
  differences: Difference[];
  missingReasons: MissingReason[];
  /** Leaves with no score (no rule computes one and none is stated). */
  unscored: { item: string; weight: string; line?: number }[];
  notes: ReviewNote[];
  computations: Computation[];
}
