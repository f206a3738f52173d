/**
 * 自评报告: the report as a document model — a pure function of the analysis.
 * Every writer (HTML, Markdown, Word) renders this model and decides nothing
 * about the language: the title, the body with 公文 heading numbers, the
 * attachments (附件), the scoring table or the national 项目支出 form, the
 * 落款, and (on request) the review are all settled here.
 *
 * The parts live next to this file: `context.ts` (prose and numbers),
 * `score-table.ts`, `project-form.ts`, `review-model.ts`, `numbering.ts`;
 * the types in `types.ts`.
 */
import type { Analysis } from "../analysis";
import type { Indicator, Section } from "../model/types";
import { formatPercent } from "../quantity/quantity";
import { countBlanks } from "../diagnostics/blanks";
import { ReportContext, formText } from "./context";
import { HeadingCounter, gongwenNumber, stripNumber } from "./numbering";
import { buildProjectForm } from "./project-form";
import { buildReview } from "./review-model";
import { buildScoreTable } from "./score-table";
import { cleanText, escapeMarkdownInline } from "./text";
import type { Attachment, BodyBlock, ChartBar, GoalRow, MetaRow, Paragraph, ReportDocument, ReportOptions, SectionBlock, Signature, TotalSummary } from "./types";

export type * from "./types";
export { buildReview } from "./review-model";

const META_KEYS = ["单位", "年度", "类型", "项目", "主管部门", "实施单位", "负责人", "联系人", "联系电话", "评价日期"];
const DATE_KEYS = ["成文日期", "报告日期", "评价日期", "日期"];

export function buildReport(analysis: Analysis, options: ReportOptions = {}): ReportDocument {
  return new ReportBuilder(new ReportContext(analysis, options)).build();
}

/** The review alone (审核意见): `render --review`, the preview's review tab. */
export function buildReviewDocument(analysis: Analysis, options: ReportOptions = {}): ReturnType<typeof buildReview> {
  const ctx = new ReportContext(analysis, options);
  return buildReview(ctx, new ReportBuilder(ctx).title());
}

/** A block before numbering: its level in the file. */
type RawBlock = BodyBlock & { fileLevel: number };

class ReportBuilder {
  private readonly analysis: Analysis;
  /** The file's heading taken as the document title (its section is not printed as a heading). */
  private readonly titleSection: Section | undefined;
  /** The scoring table is wide (an 指标解释 column, or the 项目支出 form): its attachment is landscape. */
  private wideTable = false;

  constructor(private readonly ctx: ReportContext) {
    this.analysis = ctx.analysis;
    this.titleSection = this.findTitleSection();
  }

  build(): ReportDocument {
    const project = this.analysis.model.scope === "项目支出" && this.analysis.model.roots.length > 0;
    const scoring = buildScoreTable(this.ctx);
    this.wideTable = project || (scoring?.hasNotes ?? false);
    const goals = this.analysis.model.measures.map((m) => this.goalRow(m));
    const { body, attachments } = this.layout(new Map(goals.map((g) => [g.line, g])), scoring !== undefined, project);
    const title = this.title();
    return {
      title,
      metadata: this.metadata(),
      body,
      attachments,
      signature: this.signature(),
      scoring,
      projectForm: project ? buildProjectForm(this.ctx) : undefined,
      total: this.total(),
      chart: this.chart(),
      goals,
      options: { boldLevel3: this.ctx.options.boldLevel3 ?? true },
      review: this.ctx.options.includeDiagnostics ? buildReview(this.ctx, title) : undefined,
    };
  }

  // ── header ──

  /**
   * A top-level heading that names the whole report ("# 巨鹿县…绩效评价报告"
   * above "## 一、…") is the document's title, not a section: it is printed
   * once, as the title.
   */
  private findTitleSection(): Section | undefined {
    const sections = this.analysis.model.sections;
    if (!sections.length) return undefined;
    const top = lowest(sections.map((s) => s.level), 1);
    const candidates = sections.filter((s) => s.level === top && !isAttachment(s.title));
    const first = candidates[0];
    if (!first || !/报告/.test(first.title) || stripNumber(first.title) !== first.title) return undefined;
    return sections.some((s) => s.level > top && s.line > first.line) ? first : undefined;
  }

  title(): string {
    if (this.ctx.options.title !== undefined) return cleanText(this.ctx.options.title);
    const stated = this.ctx.header("标题");
    if (stated) return stated;
    const s = this.titleSection;
    if (s) return this.ctx.headingTitle(s.line, s.titleSpan, s.title);
    const unit = this.ctx.header("单位") ?? "";
    const year = this.ctx.header("年度");
    const scope = this.ctx.header("类型") ?? this.analysis.model.scope;
    const project = this.ctx.header("项目");
    const yearPart = year ? ` ${year.replace(/\s*年(度)?$/, "")} 年度` : "";
    const what = scope === "项目支出" && project ? `“${project}”项目支出` : scope;
    return `${unit}${yearPart}${what}绩效自评报告`.trim();
  }

  private metadata(): MetaRow[] {
    const rows: MetaRow[] = [];
    for (const key of META_KEYS) {
      const v = this.ctx.header(key) ?? (key === "类型" ? this.analysis.model.scope : undefined);
      if (v) rows.push({ label: key, value: v });
    }
    return rows;
  }

  /** 落款: 单位 and the date (Arabic numerals, 2022年3月1日) when the header gives them. */
  private signature(): Signature | undefined {
    const unit = this.ctx.header("单位");
    let date: string | undefined;
    for (const k of DATE_KEYS) {
      date = this.ctx.header(k);
      if (date) break;
    }
    if (date) {
      const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(date);
      if (m) date = `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
    }
    return unit || date ? { unit, date } : undefined;
  }

  // ── body and attachments ──

  private layout(goalByLine: Map<number, GoalRow>, hasScoring: boolean, project: boolean): { body: BodyBlock[]; attachments: Attachment[] } {
    const { model } = this.analysis;
    const levels = [...model.sections.map((s) => s.level), ...model.roots.filter((r) => !r.virtual).map((r) => r.level)];
    const top = lowest(levels, 1);
    const main: RawBlock[] = [];
    const parts: { heading: Section; blocks: RawBlock[] }[] = [];
    let current: { heading: Section; blocks: RawBlock[] } | undefined;
    let scoringPlaced = false;
    const overview = project ? undefined : this.overview();
    if (overview) main.push({ ...overview, fileLevel: top });
    for (const b of model.blocks) {
      if (b.kind === "section") {
        const s = b.section;
        if (s.level <= top) current = undefined;
        if (s.level <= top && isAttachment(s.title)) {
          current = { heading: s, blocks: [] };
          parts.push(current);
          current.blocks.push({ ...this.section(s), fileLevel: s.level });
          continue;
        }
        if (s === this.titleSection) {
          const paragraphs = this.section(s).paragraphs;
          if (paragraphs.length) main.push({ kind: "section", level: 0, number: "", title: "", line: s.line, paragraphs, fileLevel: s.level });
          continue;
        }
        (current?.blocks ?? main).push({ ...this.section(s), fileLevel: s.level - (this.titleSection && s.line > this.titleSection.line ? 1 : 0) });
        continue;
      }
      const ind = b.indicator;
      if (ind.weight === null) {
        const goal = goalByLine.get(ind.line);
        if (goal) {
          const level = ind.level - (this.titleSection && ind.line > this.titleSection.line && !current ? 1 : 0);
          (current?.blocks ?? main).push({ kind: "measure", level, number: "", title: this.ctx.indicatorName(ind), line: ind.line, paragraphs: this.ctx.paragraphs(ind.textLines, false), goal, fileLevel: level });
        }
        continue;
      }
      if (!scoringPlaced && hasScoring) {
        const block: RawBlock = { kind: "scoring", line: ind.line, fileLevel: ind.level };
        if (current) current.blocks.push(block);
        else parts.push({ heading: virtualHeading(project ? "项目支出绩效自评表" : "评分表", ind.line), blocks: [block] });
        scoringPlaced = true;
      }
    }
    if (!scoringPlaced && hasScoring) parts.push({ heading: virtualHeading(project ? "项目支出绩效自评表" : "评分表", model.syntax.lines.length), blocks: [{ kind: "scoring", line: model.syntax.lines.length, fileLevel: top }] });
    const body = this.number(main, top);
    const attachments = parts.map((p, i) => this.attachment(p.heading, p.blocks, i + 1));
    return { body, attachments };
  }

  private attachment(heading: Section, blocks: RawBlock[], index: number): Attachment {
    const name = attachmentName(heading.title);
    const [first, ...rest] = blocks;
    let title = name;
    let inner = blocks;
    if (first?.kind === "section" && first.line === heading.line) {
      // The heading itself is the label; its own lines: an "附件 3：" line is dropped, a table title is the title.
      const paragraphs = [...first.paragraphs];
      if (paragraphs[0]?.kind === "text" && /^附件\s*\d*\s*[：:]?$/.test(paragraphs[0].text)) paragraphs.shift();
      const p0 = paragraphs[0];
      if (p0?.kind === "text" && p0.text.length <= 60 && /表$/.test(p0.text)) {
        title = p0.text;
        paragraphs.shift();
      }
      inner = paragraphs.length ? [{ ...first, level: 0, number: "", title: "", paragraphs }, ...rest] : rest;
    }
    const hasTable = inner.some((b) => b.kind === "scoring");
    return {
      index,
      title,
      name,
      blocks: this.number(inner, heading.level + 1),
      landscape: hasTable && this.wideTable,
    };
  }

  /** Levels made relative (1 = 一级) and 公文 numbers given, unless the user keeps the author's. */
  private number(blocks: RawBlock[], base: number): BodyBlock[] {
    const keep = this.ctx.options.headingNumbers === "keep";
    const levels = blocks.filter((b) => b.kind !== "scoring" && b.title !== "").map((b) => b.fileLevel);
    const min = lowest(levels, base);
    const counter = new HeadingCounter();
    return blocks.map((raw) => {
      const { fileLevel, ...b } = raw;
      if (b.kind === "scoring" || b.title === "") return b as BodyBlock;
      const level = fileLevel - min + 1;
      if (keep) return { ...b, level, number: "" } as BodyBlock;
      // A heading on a line of its own ends without a full stop (一、基本概况。 → 一、基本概况).
      const title = stripNumber(b.title).replace(/(?<=[^。．.])[。．.]$/, "");
      return { ...b, level, number: gongwenNumber(level, counter.next(level)), title } as BodyBlock;
    });
  }

  /** 年度总体目标: 预期目标 and 实际完成情况 from the header (the 项目支出 form holds them for a project). */
  private overview(): SectionBlock | undefined {
    const paragraphs: Paragraph[] = [];
    for (const key of ["预期目标", "实际完成情况"]) {
      const f = this.analysis.model.header.get(key);
      if (!f) continue;
      const p = this.ctx.prose(f.line, f.valueSpan[0], f.valueSpan[1]);
      paragraphs.push({ kind: "text", line: f.line, text: `${key}：${p.text}`, markdown: `**${escapeMarkdownInline(key)}**：${p.markdown}` });
    }
    if (!paragraphs.length) return undefined;
    return { kind: "section", level: 1, number: "", title: "年度总体目标", line: paragraphs[0].kind === "text" ? paragraphs[0].line : 0, paragraphs };
  }

  private section(s: Section): SectionBlock {
    const lines: number[] = [];
    for (let i = s.line + 1; i <= s.endLine; i++) lines.push(i);
    return { kind: "section", level: s.level, number: "", title: this.ctx.headingTitle(s.line, s.titleSpan, s.title), line: s.line, paragraphs: this.ctx.paragraphs(lines, true) };
  }

  // ── totals ──

  private total(): TotalSummary {
    const ev = this.analysis.evaluation;
    const blanks = countBlanks(ev.diagnostics);
    return {
      fullScore: this.ctx.num(this.analysis.model.policy.fullScore),
      total: ev.total === undefined ? this.ctx.header("自评总分") : this.ctx.num(ev.total),
      // Like the status bar: an unfinished file (blanks to fill) has no grade yet.
      grade: blanks ? undefined : ev.grade === undefined ? this.ctx.header("等级") : cleanText(ev.grade),
      blanks: blanks || undefined,
    };
  }

  private chart(): ChartBar[] {
    return this.analysis.model.roots.map((ind) => {
      const r = this.ctx.result(ind);
      return {
        name: this.ctx.indicatorName(ind),
        weight: this.ctx.num(ind.weight),
        score: this.ctx.num(r?.score),
        weightValue: ind.weight?.toNumber() ?? 0,
        scoreValue: r?.score?.toNumber() ?? 0,
        scored: r?.score !== undefined,
      };
    });
  }

  private goalRow(m: Indicator): GoalRow {
    const r = this.ctx.result(m);
    const target = formText(this.ctx.field(m, "目标") ?? (r?.target ? r.target.format() : ""));
    const actual = formText(this.ctx.field(m, "实际") ?? (r?.measured ? cleanText(r.measured.format()) : ""));
    const statedRate = m.statedRate?.quantity;
    const rate = r?.rate !== undefined ? formatPercent(r.rate) : statedRate ? cleanText(statedRate.format()) : "";
    const notes = [this.ctx.field(m, "说明"), this.ctx.field(m, "指标解释")];
    return {
      name: this.ctx.indicatorName(m),
      target,
      actual,
      rate,
      reason: this.ctx.field(m, "偏差原因") ?? "",
      note: notes.filter((x): x is string => !!x).join("\n"),
      line: m.line,
    };
  }
}

/** The smallest number, or `none` for an empty list (no spread: a file may have tens of thousands of headings). */
function lowest(values: number[], none: number): number {
  return values.length ? values.reduce((a, b) => Math.min(a, b)) : none;
}

function isAttachment(title: string): boolean {
  return /^\s*附件/.test(title);
}

/** "附件：评分表" → "评分表"; "附件3 项目支出绩效自评表" → "项目支出绩效自评表". */
function attachmentName(title: string): string {
  const name = title.replace(/^\s*附件\s*\d*\s*[：:、.．]?\s*/, "").trim();
  return name || title.trim();
}

function virtualHeading(title: string, line: number): Section {
  return { title: `附件：${title}`, level: 1, line: -1 - line, endLine: -1 - line, titleSpan: [0, 0] };
}
