/**
 * 自评报告: the report as a document model — a pure function of the analysis.
 * Every writer (HTML, Markdown, Word) renders this model and decides nothing
 * about the language: titles, prose with placeholders filled, the scoring
 * table with its merged cells, totals, deviations, goals and review notes are
 * all settled here.
 *
 * Every string that comes from the .perf file is passed through `cleanText`
 * (bidi and control characters made visible) here; writers escape for their
 * own syntax.
 */
import type Decimal from "decimal.js";
import type { Analysis } from "../analysis";
import type { Field, Indicator, Section } from "../model/types";
import type { IndicatorResult } from "../scoring/types";
import { formatDecimal } from "../quantity/decimal";
import { formatPercent } from "../quantity/quantity";
import { cleanText, escapeMarkdownInline } from "./text";

export interface ReportOptions {
  /** Add the warnings and errors as 审核提示. Default false. */
  includeDiagnostics?: boolean;
  /** Show data lines written in prose sections (`名称：数量`) as text. Default false. */
  showDataLines?: boolean;
  /** Override the title. */
  title?: string;
  /** Decimals for scores. Default 2. */
  decimals?: number;
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

/** 章节: a prose section. `level` is the heading level in the file (1..6). */
export interface SectionBlock {
  kind: "section";
  level: number;
  title: string;
  line: number;
  paragraphs: Paragraph[];
}

/** 考核指标: an unweighted measure, in place, with its prose and its goal row. */
export interface MeasureBlock {
  kind: "measure";
  level: number;
  title: string;
  line: number;
  paragraphs: Paragraph[];
  goal: GoalRow;
}

/** Where the scoring table stands in the document (the first weighted indicator). */
export interface ScoringBlock {
  kind: "scoring";
  line: number;
}

export type BodyBlock = SectionBlock | MeasureBlock | ScoringBlock;

/** An indicator cell of the tier columns (一级/二级/三级). */
export interface TierCell {
  name: string;
  /** 分值 */
  weight: string;
  /** 得分 (subtotal for a parent); "—" when not computed. */
  score: string;
  rowSpan: number;
  colSpan: number;
  leaf: boolean;
  line?: number;
}

/** A tier slot: a cell, or covered by a merged cell above (`row`) or to the left (`col`). */
export type TierSlot = { kind: "cell"; cell: TierCell } | { kind: "covered"; by: "row" | "col" };

/** 评分依据 */
export interface Basis {
  /** The rule as the tools read it (规则类型：条款). */
  rule?: string;
  /** The 评分标准 as written, when the file states one. */
  standard?: string;
  /** Inputs, substituted formula, steps, checklist points, findings, 理由. */
  facts: string[];
}

/** One row of the scoring table: one leaf indicator. */
export interface ScoreRow {
  tiers: TierSlot[];
  /** The leaf's name (its path below the last tier's ancestor, joined by ›, when deeper than 3 levels). */
  name: string;
  weight: string;
  score: string;
  scored: boolean;
  /** The 得分 the file states, when it differs from the computed one. */
  statedScore?: string;
  basis: Basis;
  /** 说明 / 指标解释 and the indicator's description text. */
  note: string;
  line?: number;
}

export interface ScoreTable {
  /** Number of tier columns (1..3). */
  tierCount: number;
  /** Column labels of the tiers: 一级指标, 二级指标, 三级指标. */
  tierLabels: string[];
  rows: ScoreRow[];
}

/** 总分与等级 */
export interface TotalSummary {
  fullScore: string;
  /** Computed total; undefined when the file has no weighted indicator. */
  total?: string;
  grade?: string;
  /** 自评总分 as stated in the header. */
  statedTotal?: string;
  /** 等级 as stated in the header. */
  statedGrade?: string;
  totalDiffers: boolean;
  gradeDiffers: boolean;
  /** Every leaf got a score. */
  complete: boolean;
}

/** 扣分指标: a leaf indicator scored below its weight. */
export interface DeviationRow {
  /** Path of names from the top level, joined by ` / `. */
  path: string;
  name: string;
  weight: string;
  score: string;
  /** 扣分 = weight − score */
  lost: string;
  /** 偏差原因 as written, or 未填写. */
  reason: string;
  reasonMissing: boolean;
  line?: number;
}

/** 绩效目标: one measure (unweighted 考核指标). */
export interface GoalRow {
  name: string;
  target: string;
  actual: string;
  /** 完成率 as computed (or as stated when it cannot be computed); "—" when neither. */
  rate: string;
  /** 完成率 as stated, when it differs from the computed one. */
  statedRate?: string;
  /** 偏差原因 as written; 未填写 when one is needed and missing; "—" when none is needed. */
  reason: string;
  reasonMissing: boolean;
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

/** 审核提示 */
export interface ReviewNote {
  severity: "错误" | "警告";
  /** 1-based line. */
  line: number;
  code: string;
  message: string;
}

export interface ReportDocument {
  title: string;
  metadata: MetaRow[];
  body: BodyBlock[];
  scoring?: ScoreTable;
  total: TotalSummary;
  chart: ChartBar[];
  deviations: DeviationRow[];
  goals: GoalRow[];
  /** Present only with `includeDiagnostics`. */
  review?: ReviewNote[];
}

const META_KEYS = ["单位", "年度", "类型", "项目", "主管部门", "实施单位", "负责人", "联系人", "联系电话", "评价日期"];
const TIER_LABELS = ["一级指标", "二级指标", "三级指标"];

interface Piece {
  raw: string;
  /** Set for a placeholder: the filled value, or undefined when unknown. */
  placeholder?: { value?: string };
}

export function buildReport(analysis: Analysis, options: ReportOptions = {}): ReportDocument {
  return new ReportBuilder(analysis, options).build();
}

class ReportBuilder {
  private readonly dp: number;
  /** Placeholder values by line, in span order. */
  private readonly placeholders = new Map<number, { span: readonly [number, number]; value?: string }[]>();
  /** Lines of shared data items written in prose sections. */
  private readonly dataLines = new Set<number>();

  constructor(
    private readonly analysis: Analysis,
    private readonly options: ReportOptions,
  ) {
    this.dp = options.decimals ?? 2;
    for (const p of analysis.evaluation.placeholders) {
      const list = this.placeholders.get(p.placeholder.line) ?? [];
      list.push({ span: p.placeholder.span, value: p.value });
      this.placeholders.set(p.placeholder.line, list);
    }
    for (const list of this.placeholders.values()) list.sort((a, b) => a.span[0] - b.span[0]);
    for (const item of analysis.model.allData) if (!item.scope) this.dataLines.add(item.field.line);
  }

  build(): ReportDocument {
    const scoring = this.scoreTable();
    const goals = this.analysis.model.measures.map((m) => this.goalRow(m));
    const goalByLine = new Map(goals.map((g) => [g.line, g]));
    return {
      title: this.title(),
      metadata: this.metadata(),
      body: this.body(goalByLine, scoring !== undefined),
      scoring,
      total: this.total(),
      chart: this.chart(),
      deviations: this.deviations(),
      goals,
      review: this.options.includeDiagnostics ? this.review() : undefined,
    };
  }

  // ── header ──

  private header(key: string): string | undefined {
    const f = this.analysis.model.header.get(key);
    const v = f?.value.trim();
    return v ? cleanText(v) : undefined;
  }

  private title(): string {
    if (this.options.title !== undefined) return cleanText(this.options.title);
    const stated = this.header("标题");
    if (stated) return stated;
    const unit = this.header("单位") ?? "";
    const year = this.header("年度");
    const scope = this.header("类型") ?? this.analysis.model.scope;
    const project = this.header("项目");
    const yearPart = year ? ` ${year.replace(/\s*年(度)?$/, "")} 年度` : "";
    const what = scope === "项目支出" && project ? `“${project}”项目支出` : scope;
    return `${unit}${yearPart}${what}绩效自评报告`.trim();
  }

  private metadata(): MetaRow[] {
    const rows: MetaRow[] = [];
    for (const key of META_KEYS) {
      const v = this.header(key) ?? (key === "类型" ? this.analysis.model.scope : undefined);
      if (v) rows.push({ label: key, value: v });
    }
    return rows;
  }

  // ── prose ──

  private lineText(line: number): string {
    return this.analysis.model.syntax.lines[line]?.text ?? "";
  }

  /** The pieces of `line` within [start, end): raw text and placeholders. */
  private pieces(line: number, start: number, end: number): Piece[] {
    const text = this.lineText(line);
    const out: Piece[] = [];
    let at = start;
    for (const p of this.placeholders.get(line) ?? []) {
      if (p.span[0] < at || p.span[1] > end) continue;
      if (p.span[0] > at) out.push({ raw: text.slice(at, p.span[0]) });
      out.push({ raw: text.slice(p.span[0], p.span[1]), placeholder: { value: p.value } });
      at = p.span[1];
    }
    if (at < end) out.push({ raw: text.slice(at, end) });
    return out;
  }

  /** Plain text of a span with placeholders filled (unknown ones kept as written). */
  private plain(line: number, start: number, end: number): string {
    return cleanText(
      this.pieces(line, start, end)
        .map((p) => (p.placeholder ? (p.placeholder.value ?? p.raw) : p.raw))
        .join("")
        .trim(),
    );
  }

  /** Inline Markdown of a span: the author's markup kept, filled values escaped. */
  private markdown(line: number, start: number, end: number): string {
    const md = this.pieces(line, start, end)
      .map((p) => (p.placeholder ? escapeMarkdownInline(cleanText(p.placeholder.value ?? p.raw)) : cleanMarkdown(p.raw)))
      .join("")
      .trim();
    return guardBlockStart(md);
  }

  private prose(line: number, start: number, end: number): ProseText {
    return { line, text: this.plain(line, start, end), markdown: this.markdown(line, start, end) };
  }

  /** Paragraphs of lines `from..to`, skipping `skip` lines. */
  private paragraphs(lines: Iterable<number>, inSection: boolean): Paragraph[] {
    const out: Paragraph[] = [];
    const { syntax } = this.analysis.model;
    let list: ListItem[] | undefined;
    const flush = (): void => {
      if (list?.length) out.push({ kind: "list", items: list });
      list = undefined;
    };
    for (const i of lines) {
      if (syntax.conflictLines.has(i)) continue;
      const sl = syntax.lines[i];
      if (!sl) continue;
      const n = sl.node;
      if (n.kind === "comment") continue;
      if (n.kind === "blank" || n.kind === "conflict" || n.kind === "heading") {
        flush();
        continue;
      }
      if (n.kind === "item" || n.kind === "check") {
        list ??= [];
        const item: ListItem = this.prose(i, n.text.span[0], n.text.span[1]);
        if (n.kind === "check") item.checked = n.checked;
        list.push(item);
        continue;
      }
      if (n.kind === "field" && inSection && this.dataLines.has(i) && !this.options.showDataLines) continue;
      flush();
      const p = this.prose(i, 0, sl.text.length);
      // A data line shown as written is a figure, not Markdown.
      if (n.kind === "field" && this.dataLines.has(i)) p.markdown = guardBlockStart(escapeMarkdownInline(p.text));
      if (p.text) out.push({ kind: "text", ...p });
    }
    flush();
    return out;
  }

  private headingTitle(line: number, span: readonly [number, number], fallback: string): string {
    if (span[1] <= span[0]) return cleanText(fallback);
    return this.plain(line, span[0], span[1]) || cleanText(fallback);
  }

  private body(goalByLine: Map<number, GoalRow>, hasScoring: boolean): BodyBlock[] {
    const out: BodyBlock[] = [];
    const overview = this.overview();
    if (overview) out.push(overview);
    let scoringPlaced = false;
    for (const b of this.analysis.model.blocks) {
      if (b.kind === "section") {
        out.push(this.section(b.section));
        continue;
      }
      const ind = b.indicator;
      if (ind.weight === null) {
        const goal = goalByLine.get(ind.line);
        if (goal) {
          out.push({
            kind: "measure",
            level: ind.level,
            title: this.indicatorName(ind),
            line: ind.line,
            paragraphs: this.paragraphs(ind.textLines, false),
            goal,
          });
        }
        continue;
      }
      if (!scoringPlaced && hasScoring) {
        out.push({ kind: "scoring", line: ind.line });
        scoringPlaced = true;
      }
    }
    if (!scoringPlaced && hasScoring) out.push({ kind: "scoring", line: this.analysis.model.syntax.lines.length });
    return out;
  }

  /** 年度总体目标 (项目支出): 预期目标 and 实际完成情况 from the header. */
  private overview(): SectionBlock | undefined {
    const paragraphs: Paragraph[] = [];
    for (const key of ["预期目标", "实际完成情况"]) {
      const f = this.analysis.model.header.get(key);
      if (!f) continue;
      const p = this.prose(f.line, f.valueSpan[0], f.valueSpan[1]);
      const label = escapeMarkdownInline(key);
      paragraphs.push({ kind: "text", line: f.line, text: `${key}：${p.text}`, markdown: `**${label}**：${p.markdown}` });
    }
    if (!paragraphs.length) return undefined;
    return { kind: "section", level: 1, title: "年度总体目标", line: paragraphs[0].kind === "text" ? paragraphs[0].line : 0, paragraphs };
  }

  private section(s: Section): SectionBlock {
    const lines: number[] = [];
    for (let i = s.line + 1; i <= s.endLine; i++) lines.push(i);
    return { kind: "section", level: s.level, title: this.headingTitle(s.line, s.titleSpan, s.title), line: s.line, paragraphs: this.paragraphs(lines, true) };
  }

  // ── indicators ──

  private result(ind: Indicator): IndicatorResult | undefined {
    return this.analysis.evaluation.results.get(ind);
  }

  private indicatorName(ind: Indicator): string {
    if (ind.virtual) return cleanText(ind.name);
    return this.headingTitle(ind.line, ind.titleSpan, ind.name);
  }

  private num(v: Decimal | null | undefined): string {
    return v === null || v === undefined ? "—" : formatDecimal(v, this.dp);
  }

  private field(ind: Indicator, key: string): string | undefined {
    const f: Field | undefined = ind.fields.get(key);
    const v = f?.value.trim();
    return v ? cleanText(v) : undefined;
  }

  private scoreTable(): ScoreTable | undefined {
    const roots = this.analysis.model.roots;
    if (!roots.length) return undefined;
    const depthOf = (ind: Indicator): number => 1 + Math.max(0, ...ind.children.map(depthOf));
    const tierCount = Math.min(3, Math.max(...roots.map(depthOf)));
    const leafCount = new Map<Indicator, number>();
    const countLeaves = (ind: Indicator): number => {
      const n = ind.children.length ? ind.children.reduce((s, c) => s + countLeaves(c), 0) : 1;
      leafCount.set(ind, n);
      return n;
    };
    roots.forEach(countLeaves);

    const rows: ScoreRow[] = [];
    const started = new Set<Indicator>();
    const visit = (ind: Indicator, path: Indicator[]): void => {
      const here = [...path, ind];
      if (ind.children.length) {
        for (const c of ind.children) visit(c, here);
        return;
      }
      const tiers: TierSlot[] = [];
      const d = here.length;
      const lastTier = Math.min(d, tierCount) - 1;
      for (let t = 0; t < tierCount; t++) {
        if (t < lastTier) {
          const anc = here[t];
          if (started.has(anc)) tiers.push({ kind: "covered", by: "row" });
          else {
            started.add(anc);
            tiers.push({ kind: "cell", cell: this.tierCell(anc, leafCount.get(anc) ?? 1, 1) });
          }
        } else if (t === lastTier) {
          const cell = this.tierCell(ind, 1, tierCount - t);
          if (d > tierCount) cell.name = here.slice(t).map((x) => this.indicatorName(x)).join(" › ");
          tiers.push({ kind: "cell", cell });
        } else tiers.push({ kind: "covered", by: "col" });
      }
      rows.push(this.scoreRow(ind, tiers, d > tierCount ? here.slice(lastTier) : [ind]));
    };
    for (const r of roots) visit(r, []);
    return { tierCount, tierLabels: TIER_LABELS.slice(0, tierCount), rows };
  }

  private tierCell(ind: Indicator, rowSpan: number, colSpan: number): TierCell {
    const r = this.result(ind);
    return {
      name: this.indicatorName(ind),
      weight: this.num(ind.weight),
      score: this.num(r?.score),
      rowSpan,
      colSpan,
      leaf: ind.children.length === 0,
      line: ind.virtual ? undefined : ind.line,
    };
  }

  private scoreRow(ind: Indicator, tiers: TierSlot[], namePath: Indicator[]): ScoreRow {
    const r = this.result(ind);
    const stated = ind.statedScore;
    const statedDiffers = stated !== undefined && (r === undefined || r.statedScoreDiffers === true);
    const notes = [this.field(ind, "说明"), this.field(ind, "指标解释"), ...ind.textLines.map((l) => this.plain(l, 0, this.lineText(l).length))];
    return {
      tiers,
      name: namePath.map((x) => this.indicatorName(x)).join(" › "),
      weight: this.num(ind.weight),
      score: this.num(r?.score),
      scored: r?.score !== undefined,
      statedScore: statedDiffers ? cleanText(stated.text) : undefined,
      basis: this.basis(ind, r),
      note: notes.filter((x): x is string => !!x).join("\n"),
      line: ind.virtual ? undefined : ind.line,
    };
  }

  private basis(ind: Indicator, r: IndicatorResult | undefined): Basis {
    const facts: string[] = [];
    const t = r?.trace;
    if (t?.formula && !ind.virtual) facts.push(cleanText(`公式：${t.formula}`));
    if (t?.substituted) facts.push(cleanText(t.substituted));
    else if (r?.measured || r?.target) {
      const parts: string[] = [];
      if (r.measured) parts.push(`实际 ${r.measured.format()}`);
      if (r.target) parts.push(`目标 ${r.target.format()}`);
      if (r.rate) parts.push(`完成率 ${formatPercent(r.rate)}`);
      facts.push(cleanText(parts.join("；")));
    }
    for (const c of ind.checks) facts.push(cleanText(`${c.checked ? "☑" : "☐"} ${c.text.trim()}`));
    for (const f of ind.findings) facts.push(cleanText(`· ${f.text.trim()}`));
    const steps = t?.steps ?? [];
    const chosen = this.field(ind, "结果");
    // The options rule's steps name the chosen option already.
    if (chosen && r?.kind !== "options") facts.push(`结果：${chosen}`);
    for (const s of steps) facts.push(cleanText(s));
    const reason = this.field(ind, "理由");
    if (reason) facts.push(`理由：${reason}`);
    return {
      rule: t?.rule ? cleanText(t.rule) : undefined,
      standard: this.field(ind, "评分标准"),
      facts,
    };
  }

  // ── totals ──

  private total(): TotalSummary {
    const ev = this.analysis.evaluation;
    const statedTotal = this.header("自评总分");
    const statedGrade = this.header("等级");
    const totalDiffers = ev.statedTotalDiffers;
    return {
      fullScore: this.num(this.analysis.model.policy.fullScore),
      total: ev.total === undefined ? undefined : this.num(ev.total),
      grade: ev.grade === undefined ? undefined : cleanText(ev.grade),
      statedTotal,
      statedGrade,
      totalDiffers,
      gradeDiffers: statedGrade !== undefined && ev.grade !== undefined && statedGrade !== ev.grade,
      complete: ev.complete,
    };
  }

  private chart(): ChartBar[] {
    return this.analysis.model.roots.map((ind) => {
      const r = this.result(ind);
      return {
        name: this.indicatorName(ind),
        weight: this.num(ind.weight),
        score: this.num(r?.score),
        weightValue: ind.weight?.toNumber() ?? 0,
        scoreValue: r?.score?.toNumber() ?? 0,
        scored: r?.score !== undefined,
      };
    });
  }

  private deviations(): DeviationRow[] {
    const out: DeviationRow[] = [];
    for (const ind of this.analysis.model.indicators) {
      if (ind.children.length || ind.weight === null) continue;
      const score = this.result(ind)?.score;
      if (score === undefined || !score.lessThan(ind.weight)) continue;
      const path: string[] = [];
      for (let p = ind.parent; p; p = p.parent) path.unshift(this.indicatorName(p));
      const reason = this.field(ind, "偏差原因");
      out.push({
        path: path.join(" / "),
        name: this.indicatorName(ind),
        weight: this.num(ind.weight),
        score: this.num(score),
        lost: this.num(ind.weight.minus(score)),
        reason: reason ?? "未填写",
        reasonMissing: reason === undefined,
        line: ind.virtual ? undefined : ind.line,
      });
    }
    return out;
  }

  private goalRow(m: Indicator): GoalRow {
    const r = this.result(m);
    const target = this.field(m, "目标") ?? (r?.target ? r.target.format() : "—");
    const actual = this.field(m, "实际") ?? (r?.measured ? cleanText(r.measured.format()) : "—");
    const statedRate = m.statedRate?.quantity;
    let rate = "—";
    let statedShown: string | undefined;
    if (r?.rate !== undefined) {
      rate = formatPercent(r.rate);
      if (statedRate && r.statedRateDiffers) statedShown = cleanText(statedRate.format());
    } else if (statedRate) rate = cleanText(statedRate.format());
    const reason = this.field(m, "偏差原因");
    const needsReason = r?.reasonMissing === true;
    const notes = [this.field(m, "说明"), this.field(m, "指标解释")];
    return {
      name: this.indicatorName(m),
      target,
      actual,
      rate,
      statedRate: statedShown,
      reason: reason ?? (needsReason ? "未填写" : "—"),
      reasonMissing: reason === undefined && needsReason,
      note: notes.filter((x): x is string => !!x).join("\n"),
      line: m.line,
    };
  }

  private review(): ReviewNote[] {
    return this.analysis.evaluation.diagnostics
      .filter((d) => d.severity === "error" || d.severity === "warning")
      .map((d) => ({
        severity: d.severity === "error" ? "错误" : "警告",
        line: d.range.start.line + 1,
        code: d.code,
        message: cleanText(d.message),
      }));
  }
}

/**
 * Raw author text as inline Markdown: controls made visible with their
 * brackets escaped (so a marker never becomes link text).
 */
function cleanMarkdown(raw: string): string {
  return cleanText(raw).replace(/\[(U\+[0-9A-F]{4})\]/g, "\\[$1\\]");
}

/**
 * Keep a line of prose a paragraph when a writer reads it as Markdown blocks:
 * `1) …`, `1. …`, `* …`, `+ …`, `- …`, `> …`, `# …`, `---` at the start are escaped.
 */
function guardBlockStart(md: string): string {
  const m = /^(\d{1,9})([.)])(\s|$)/.exec(md);
  if (m) return `${m[1]}\\${m[2]}${md.slice(m[1].length + 1)}`;
  if (/^([>#]|[*+-](\s|$)|-{3,}|_{3,}|\*{3,}\s*$)/.test(md)) return `\\${md}`;
  return md;
}
