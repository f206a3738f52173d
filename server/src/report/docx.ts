/**
 * The report as a Word document (.docx) in 公文 format (GB/T 9704-2012): the
 * title, the body with numbered headings, the 附件 list and the 落款, then each
 * attachment from a new page (labelled 附件1, 附件2 …; wide tables on
 * landscape pages), page numbers "— 1 —" outside on odd and even pages. Every
 * paragraph refers to a style (docx-styles.ts); runs carry bold, italics or a
 * link from the author's Markdown and nothing else. The `docx` package writes
 * (and XML-escapes) the text.
 */
import { Document, ExternalHyperlink, Footer, PageNumber, PageOrientation, Packer, Paragraph, SectionType, type Table, TextRun, DocumentGridType, type ISectionOptions, type ParagraphChild } from "docx";
import { FOOTER_DISTANCE, GRID, LANDSCAPE, LANDSCAPE_WIDTH, PAGE, STYLE, TEXT_WIDTH, fontTableXml, stylesXml } from "./docx-styles";
import { plainTable, projectTable, scoreTable } from "./docx-tables";
import { inlineRuns } from "./prose";
import type { Attachment, BodyBlock, Paragraph as ReportParagraph, ReportDocument, ReviewDocument } from "./types";

type Child = Paragraph | Table;

export async function renderDocx(report: ReportDocument): Promise<Buffer> {
  const sections: ISectionOptions[] = [firstPortrait(mainBody(report))];
  for (const a of report.attachments) sections.push(attachmentSection(a, report));
  if (report.review) sections.push(portrait([titleParagraph(report.review.title), ...reviewBody(report.review)]));
  return pack(report.title, sections, report.options.boldLevel3);
}

/** The review (审核意见) alone, in the same page setup and styles. */
export async function renderReviewDocx(review: ReviewDocument): Promise<Buffer> {
  return pack(review.title, [firstPortrait([titleParagraph(review.title), ...reviewBody(review)])], true);
}

async function pack(title: string, sections: ISectionOptions[], boldLevel3: boolean): Promise<Buffer> {
  const doc = new Document({ creator: "perf-eval", title, evenAndOddHeaderAndFooters: true, sections });
  return Packer.toBuffer(doc, false, [
    { path: "word/styles.xml", data: stylesXml(boldLevel3) },
    { path: "word/fontTable.xml", data: fontTableXml() },
  ]);
}

/** Odd pages: the number on the right; even pages: on the left (each one character in from the edge). */
function footers(): ISectionOptions["footers"] {
  const number = (style: string) => new Paragraph({ style, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"] })] });
  return { default: new Footer({ children: [number(STYLE.footerOdd)] }), even: new Footer({ children: [number(STYLE.footerEven)] }) };
}

type Page = { readonly width: number; readonly height: number; readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };

/** A section on `page`, with the line grid and the odd/even page numbers; `type` says where it starts. */
function section(children: Child[], page: Page, orientation: (typeof PageOrientation)[keyof typeof PageOrientation], type?: (typeof SectionType)[keyof typeof SectionType]): ISectionOptions {
  return {
    properties: {
      type,
      page: {
        size: { width: page.width, height: page.height, orientation },
        margin: { top: page.top, bottom: page.bottom, left: page.left, right: page.right, footer: FOOTER_DISTANCE, header: FOOTER_DISTANCE },
      },
      grid: { type: DocumentGridType.LINES, linePitch: GRID.linePitch },
    },
    footers: footers(),
    children,
  };
}

/** The document's first section (portrait, where the report starts). */
function firstPortrait(children: Child[]): ISectionOptions {
  return section(children, PAGE, PageOrientation.PORTRAIT);
}

/** A portrait section that starts on a new page. */
function portrait(children: Child[]): ISectionOptions {
  return section(children, PAGE, PageOrientation.PORTRAIT, SectionType.NEXT_PAGE);
}

/** A landscape section on a new page (`docx` swaps width and height for a landscape page). */
function landscape(children: Child[]): ISectionOptions {
  return section(children, { ...LANDSCAPE, width: LANDSCAPE.height, height: LANDSCAPE.width }, PageOrientation.LANDSCAPE, SectionType.NEXT_PAGE);
}

/** Characters of 二号 that fit the 156 mm 版心: 156 / 7.76 ≈ 20. */
const TITLE_CHARS = 20;

/**
 * A title longer than a line, split into balanced lines (GB/T 9704 7.2.4:
 * 回行时要做到词意完整，排列对称): each break at a space or after a word
 * that ends a name or a year (政府, 局, 年, 度 …), nearest the even split.
 */
export function titleLines(title: string, max = TITLE_CHARS): string[] {
  const units = [...title];
  // at[i]: the width of the first i characters.
  const at = [0];
  for (const u of units) at.push(at[at.length - 1] + chars(u));
  const total = at[units.length];
  // prev[i]: the last non-space character before position i; next[i]: the first from i on.
  const prev: string[] = [""];
  for (const u of units) prev.push(u === " " ? prev[prev.length - 1] : u);
  const next: string[] = new Array<string>(units.length + 1).fill("");
  for (let i = units.length - 1; i >= 0; i--) next[i] = units[i] === " " ? next[i + 1] : units[i];
  const n = Math.ceil(total / max);
  if (n <= 1) return [title];
  const lines: string[] = [];
  let start = 0;
  for (let k = 1; k < n && start < units.length; k++) {
    const target = (total * k) / n;
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let i = start + 1; i < units.length && at[i] - at[start] <= max; i++) {
      const before = prev[i];
      const after = next[i];
      if ((/\d/.test(before) && /[\d年月日.%]/.test(after)) || before + after === "年度") continue; // never "2021 / 年", "年 / 度"
      const natural = units[i] === " " || /[\s府局镇县区市委会年度：:）)”]/.test(units[i - 1]);
      const score = Math.abs(at[i] - target) + (natural ? 0 : 3);
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best < 0) best = Math.min(units.length, start + max);
    lines.push(units.slice(start, best).join("").trim());
    start = best;
  }
  lines.push(units.slice(start).join("").trim());
  return lines.filter((l) => l);
}

function titleParagraph(title: string, style: string = STYLE.title, max = TITLE_CHARS): Paragraph {
  const runs = titleLines(title, max).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
  return new Paragraph({ style, children: runs });
}

function mainBody(report: ReportDocument): Child[] {
  const out: Child[] = [titleParagraph(report.title)];
  // The body's last paragraph stays on the page of the 附件 list and the 落款 (no page holds only those).
  const closing = report.attachments.length > 0 || report.signature !== undefined;
  report.body.forEach((b, i) => {
    out.push(...block(b, report, TEXT_WIDTH, closing && i === report.body.length - 1));
  });
  if (report.attachments.length) {
    // 附件说明: below the body, "附件：1. …", the names aligned.
    out.push(new Paragraph({ style: STYLE.attachmentList, children: [] }));
    report.attachments.forEach((a, i) => {
      const prefix = i === 0 ? "附件：" : "";
      const number = report.attachments.length > 1 ? `${a.index}. ` : "";
      out.push(new Paragraph({ style: STYLE.attachmentList, children: [new TextRun(`${prefix}${number}${a.name}`)] }));
    });
  }
  if (report.signature) out.push(...signature(report.signature.unit, report.signature.date));
  return out;
}

/** Width in characters of the body font: CJK 1, half-width digits and letters ½. */
function chars(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
  return n;
}

/**
 * 落款 without a seal (GB/T 9704 7.3.5.2): one line below the body, the unit
 * two characters in from the right; the date below it, its first character
 * two to the right of the unit's (when the date is the longer, it keeps two
 * characters from the right and the unit is centred over it).
 */
function signature(unit: string | undefined, date: string | undefined): Paragraph[] {
  const CHAR = 320;
  const u = unit ? chars(unit) : 0;
  const d = date ? chars(date) : 0;
  let unitRight = 2;
  let dateRight = 2;
  if (unit && date) {
    if (u - d >= 0) dateRight = Math.max(0, u - d);
    else unitRight = 2 + (d - u) / 2;
  }
  const line = (text: string, right: number): Paragraph => new Paragraph({ style: STYLE.signature, indent: { right: Math.round(right * CHAR) }, children: [new TextRun(text)] });
  const out = [new Paragraph({ style: STYLE.signature, children: [] })];
  if (unit) out.push(line(unit, unitRight));
  if (date) out.push(line(date, dateRight));
  return out;
}

function attachmentSection(a: Attachment, report: ReportDocument): ISectionOptions {
  const width = a.landscape ? LANDSCAPE_WIDTH : TEXT_WIDTH;
  const children: Child[] = [new Paragraph({ style: STYLE.attachmentLabel, children: [new TextRun(report.attachments.length > 1 ? `附件${a.index}` : "附件")] })];
  // A landscape page's 版心 is 225 mm wide: 29 characters of 二号.
  children.push(titleParagraph(a.title, STYLE.attachmentTitle, a.landscape ? 29 : TITLE_CHARS));
  for (const b of a.blocks) children.push(...block(b, report, width));
  return a.landscape ? landscape(children) : portrait(children);
}

function heading(level: number, number: string, title: string): Paragraph {
  const style = level >= 1 && level <= 4 ? STYLE.heading[level - 1] : STYLE.minorHeading;
  return new Paragraph({ style, children: [new TextRun(`${number}${title}`)] });
}

function inlineChildren(markdown: string): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const r of inlineRuns(markdown)) {
    if (r.text === "\n") {
      out.push(new TextRun({ text: "", break: 1 }));
      continue;
    }
    const run = new TextRun({ text: r.text, bold: r.bold, italics: r.italic, strike: r.strike, style: r.href ? STYLE.hyperlink : r.code ? STYLE.code : undefined });
    out.push(r.href ? new ExternalHyperlink({ link: r.href, children: [run] }) : run);
  }
  return out;
}

/** `keepEnd`: the last paragraph keeps with the next one (the 附件 list). */
function paragraphs(ps: ReportParagraph[], keepEnd = false): Paragraph[] {
  const out: Paragraph[] = [];
  ps.forEach((p, i) => {
    if (p.kind === "text") {
      out.push(new Paragraph({ style: STYLE.body, keepNext: keepEnd && i === ps.length - 1 ? true : undefined, children: inlineChildren(p.markdown) }));
      return;
    }
    p.items.forEach((it, k) => {
      const mark = it.checked === undefined ? "" : it.checked ? "☑ " : "☐ ";
      const last = keepEnd && i === ps.length - 1 && k === p.items.length - 1;
      out.push(new Paragraph({ style: STYLE.list, keepNext: last ? true : undefined, children: [new TextRun(mark), ...inlineChildren(it.markdown)] }));
    });
  });
  return out;
}

function block(b: BodyBlock, report: ReportDocument, width: number, keepEnd = false): Child[] {
  switch (b.kind) {
    case "section":
      return [...(b.title ? [heading(b.level, b.number, b.title)] : []), ...paragraphs(b.paragraphs, keepEnd)];
    case "measure": {
      const g = b.goal;
      const facts = [g.target && `目标：${g.target}`, g.actual && `实际：${g.actual}`, g.rate && `完成率：${g.rate}`, g.reason && `偏差原因：${g.reason}`].filter((x) => x);
      const out: Child[] = [heading(b.level, b.number, b.title), ...paragraphs(b.paragraphs, keepEnd && !facts.length)];
      if (facts.length) out.push(new Paragraph({ style: STYLE.body, keepNext: keepEnd ? true : undefined, children: [new TextRun(`${facts.join("；")}。`)] }));
      return out;
    }
    case "scoring":
      if (report.projectForm) return [new Paragraph({ style: STYLE.tableTitle, children: [new TextRun(yearLine(report))] }), projectTable(report.projectForm, width)];
      return report.scoring ? [scoreTable(report.scoring, report.total, width)] : [];
  }
}

function yearLine(report: ReportDocument): string {
  const year = report.metadata.find((m) => m.label === "年度")?.value.replace(/\s*年度?$/, "");
  return year ? `（${year}年度）` : "";
}

// ── the review ──

function reviewBody(r: ReviewDocument): Child[] {
  const out: Child[] = [];
  let n = 0;
  const h = (title: string): Paragraph => new Paragraph({ style: STYLE.heading[0], children: [new TextRun(`${"一二三四五六七八"[n++]}、${title}`)] });
  const p = (text: string): Paragraph => new Paragraph({ style: STYLE.body, children: [new TextRun(text)] });
  const t = r.total;
  out.push(h("总分"));
  const parts = [`计算总分 ${t.computed ?? "—"} 分（满分 ${t.fullScore} 分）`];
  if (t.stated !== undefined) parts.push(`填报 ${t.stated} 分`);
  if (t.grade !== undefined) parts.push(`等级${t.grade}${t.statedGrade !== undefined && t.statedGrade !== t.grade ? `（填报${t.statedGrade}）` : ""}`);
  if (!t.complete) parts.push("部分指标未能计分");
  out.push(p(`${parts.join("；")}。`));
  out.push(h("填报与计算不一致"));
  if (r.differences.length) out.push(plainTable(["行", "项目", "填报", "计算"], r.differences.map((d) => [d.line ? String(d.line) : "", d.item, d.stated, d.computed]), [1, 6, 2, 2], TEXT_WIDTH, [true, false, true, true]));
  else out.push(p("无。"));
  out.push(h("缺少偏差原因"));
  if (r.missingReasons.length) out.push(plainTable(["行", "指标", "情况"], r.missingReasons.map((m) => [m.line ? String(m.line) : "", m.item, m.detail]), [1, 7, 3], TEXT_WIDTH, [true]));
  else out.push(p("无。"));
  out.push(h("未能计分的指标"));
  if (r.unscored.length) out.push(plainTable(["行", "指标", "分值"], r.unscored.map((u) => [u.line ? String(u.line) : "", u.item, u.weight]), [1, 8, 2], TEXT_WIDTH, [true, false, true]));
  else out.push(p("无。"));
  out.push(h("诊断"));
  if (r.notes.length) out.push(plainTable(["行", "级别", "代码", "说明"], r.notes.map((d) => [String(d.line), d.severity, d.code, d.message]), [1, 1.2, 1.4, 8], TEXT_WIDTH, [true, true, true]));
  else out.push(p("无错误或警告。"));
  out.push(h("计分依据"));
  out.push(plainTable(["行", "指标", "规则", "计算", "得分"], r.computations.map((c) => [c.line ? String(c.line) : "", c.item, c.rule, c.facts.join("\n"), c.score]), [1, 4, 3, 6, 1.3], TEXT_WIDTH, [true, false, false, false, true]));
  return out;
}
