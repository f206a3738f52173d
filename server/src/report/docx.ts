/**
 * The report as a Word document (.docx), laid out like the budget system's
 * paper forms: 宋体 body, 黑体 headings, A4, and a scoring table like the
 * seeds' 评分表 — 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准/依据 | 得分,
 * with 一级/二级 merged vertically, the header row repeated on every page and
 * every cell bordered. The `docx` package writes (and XML-escapes) the text.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from "docx";
import type { BodyBlock, DeviationRow, GoalRow, Paragraph as ReportParagraph, ReportDocument, ReviewNote, ScoreRow, ScoreTable, TotalSummary } from "./model";
import { inlineRuns } from "./prose";

/** A4 in twips, with 2.54 cm / 3.18 cm margins (Word's Chinese default). */
const PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, left: 1800, right: 1800 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right; // 8306

const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体", cs: "Times New Roman" };
const HEADING_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体", cs: "Times New Roman" };
/** 小四 = 12 pt; table text 五号 = 10.5 pt (half-points). */
const BODY_SIZE = 24;
const TABLE_SIZE = 21;
const SMALL_SIZE = 18;

const BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const HEAD_SHADING = { type: ShadingType.CLEAR, fill: "E7E6E6", color: "auto" };

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

export async function renderDocx(report: ReportDocument): Promise<Buffer> {
  const doc = new Document({
    creator: "perf-eval",
    title: report.title,
    description: "绩效自评报告",
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: BODY_SIZE }, paragraph: { spacing: { line: 360, after: 60 } } },
        title: { run: { font: HEADING_FONT, size: 36, bold: true, color: "000000" }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 360 } } },
        heading1: { run: { font: HEADING_FONT, size: 32, bold: true, color: "000000" }, paragraph: { spacing: { before: 360, after: 180 }, keepNext: true } },
        heading2: { run: { font: HEADING_FONT, size: 28, bold: true, color: "000000" }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { font: HEADING_FONT, size: 26, bold: true, color: "000000" }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true } },
        heading4: { run: { font: HEADING_FONT, size: 24, bold: true, color: "000000" }, paragraph: { spacing: { before: 160, after: 80 }, keepNext: true } },
        heading5: { run: { font: HEADING_FONT, size: 24, bold: false, color: "000000" }, paragraph: { spacing: { before: 120, after: 60 }, keepNext: true } },
        heading6: { run: { font: HEADING_FONT, size: 24, bold: false, color: "000000" }, paragraph: { spacing: { before: 120, after: 60 }, keepNext: true } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        children: body(report),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

type Child = Paragraph | Table;

function body(report: ReportDocument): Child[] {
  const out: Child[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.title)] })];
  if (report.metadata.length) {
    out.push(
      simpleTable(
        ["项目", "内容"],
        report.metadata.map((m) => [m.label, m.value]),
        [1800, TEXT_WIDTH - 1800],
        false,
      ),
    );
  }
  out.push(...summary(report.total));
  for (const b of report.body) out.push(...block(b, report));
  if (report.deviations.length) out.push(...deviations(report.deviations));
  if (report.goals.length) out.push(...goals(report.goals));
  if (report.review) out.push(...review(report.review));
  return out;
}

function heading(level: number, title: string): Paragraph {
  return new Paragraph({ heading: HEADINGS[Math.min(5, Math.max(0, level - 1))], children: [new TextRun(title)] });
}

function plainParagraph(text: string, indent = true): Paragraph {
  return new Paragraph({ indent: indent ? { firstLine: 480 } : undefined, children: [new TextRun(text)] });
}

function inlineChildren(markdown: string): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const r of inlineRuns(markdown)) {
    if (r.text === "\n") {
      out.push(new TextRun({ text: "", break: 1 }));
      continue;
    }
    const run = new TextRun({
      text: r.text,
      bold: r.bold,
      italics: r.italic,
      strike: r.strike,
      font: r.code ? { ascii: "Consolas", hAnsi: "Consolas", eastAsia: "宋体" } : undefined,
      style: r.href ? "Hyperlink" : undefined,
    });
    out.push(r.href ? new ExternalHyperlink({ link: r.href, children: [run] }) : run);
  }
  return out;
}

function paragraphs(ps: ReportParagraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of ps) {
    if (p.kind === "text") {
      out.push(new Paragraph({ indent: { firstLine: 480 }, children: inlineChildren(p.markdown) }));
      continue;
    }
    for (const it of p.items) {
      const mark = it.checked === undefined ? "• " : it.checked ? "☑ " : "☐ ";
      out.push(new Paragraph({ indent: { left: 480, hanging: 240 }, children: [new TextRun(mark), ...inlineChildren(it.markdown)] }));
    }
  }
  return out;
}

function summary(t: TotalSummary): Paragraph[] {
  const out: Paragraph[] = [];
  if (t.total !== undefined) {
    const parts = [new TextRun({ text: "自评总分：", bold: true }), new TextRun(`${t.total} 分（满分 ${t.fullScore} 分）`)];
    if (t.totalDiffers && t.statedTotal !== undefined) parts.push(new TextRun({ text: `；填报 ${t.statedTotal} 分，与计算不符`, color: "A35A00" }));
    if (!t.complete) parts.push(new TextRun({ text: "；部分指标未能计分", color: "A35A00" }));
    out.push(new Paragraph({ children: parts }));
  } else if (t.statedTotal !== undefined) {
    out.push(new Paragraph({ children: [new TextRun({ text: "自评总分：", bold: true }), new TextRun(`${t.statedTotal} 分（填报）`)] }));
  }
  if (t.grade !== undefined) {
    const parts = [new TextRun({ text: "等级：", bold: true }), new TextRun(t.grade)];
    if (t.gradeDiffers && t.statedGrade !== undefined) parts.push(new TextRun({ text: `；填报“${t.statedGrade}”，与计算不符`, color: "A35A00" }));
    out.push(new Paragraph({ children: parts }));
  } else if (t.statedGrade !== undefined) {
    out.push(new Paragraph({ children: [new TextRun({ text: "等级：", bold: true }), new TextRun(`${t.statedGrade}（填报）`)] }));
  }
  return out;
}

function block(b: BodyBlock, report: ReportDocument): Child[] {
  switch (b.kind) {
    case "section":
      return [heading(b.level, b.title), ...paragraphs(b.paragraphs)];
    case "measure": {
      const g = b.goal;
      const facts = [`目标：${g.target}`, `实际：${g.actual}`, `完成率：${g.rate}${g.statedRate ? `（填报 ${g.statedRate}）` : ""}`];
      if (g.reason !== "—") facts.push(`偏差原因：${g.reason}`);
      return [heading(b.level, b.title), ...paragraphs(b.paragraphs), plainParagraph(facts.join("；"), false)];
    }
    case "scoring":
      return report.scoring ? [new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new TextRun({ text: "绩效评价指标评分表", bold: true, font: HEADING_FONT })] }), scoreTable(report.scoring, report.total), new Paragraph("")] : [];
  }
}

// ── tables ──

interface CellText {
  text: string;
  bold?: boolean;
  small?: boolean;
  color?: string;
}

function cellParagraphs(lines: CellText[], align: "left" | "center" = "left"): Paragraph[] {
  const ps: Paragraph[] = [];
  for (const l of lines) {
    for (const piece of l.text.split("\n")) {
      ps.push(
        new Paragraph({
          alignment: align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 260, after: 0, before: 0 },
          children: [new TextRun({ text: piece, bold: l.bold, size: l.small ? SMALL_SIZE : TABLE_SIZE, color: l.color })],
        }),
      );
    }
  }
  return ps.length ? ps : [new Paragraph("")];
}

function cell(lines: CellText[], width: number, opts: { align?: "left" | "center"; rowSpan?: number; columnSpan?: number; head?: boolean } = {}): TableCell {
  return new TableCell({
    children: cellParagraphs(lines, opts.align),
    width: { size: width, type: WidthType.DXA },
    rowSpan: opts.rowSpan && opts.rowSpan > 1 ? opts.rowSpan : undefined,
    columnSpan: opts.columnSpan && opts.columnSpan > 1 ? opts.columnSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: opts.head ? HEAD_SHADING : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

function scoreColumns(tierCount: number): number[] {
  const tiers = [[2000], [1200, 1900], [950, 1100, 1900]][tierCount - 1] ?? [950, 1100, 1900];
  const weight = 650;
  const score = 650;
  const basis = TEXT_WIDTH - tiers.reduce((a, b) => a + b, 0) - weight - score;
  return [...tiers, weight, basis, score];
}

function basisLines(r: ScoreRow): CellText[] {
  const lines: CellText[] = [];
  if (r.basis.standard) lines.push({ text: r.basis.standard });
  if (r.basis.rule) lines.push({ text: r.basis.rule, bold: !r.basis.standard });
  for (const f of r.basis.facts) lines.push({ text: f, small: true });
  return lines;
}

function scoreTable(t: ScoreTable, total: TotalSummary): Table {
  const widths = scoreColumns(t.tierCount);
  const n = t.tierCount;
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [...t.tierLabels, "分值", "评分标准/依据", "得分"].map((label, i) => cell([{ text: label, bold: true }], widths[i], { align: "center", head: true })),
  });
  const rows = t.rows.map((r) => {
    const cells: TableCell[] = [];
    r.tiers.forEach((slot, i) => {
      if (slot.kind === "covered") return;
      const c = slot.cell;
      const width = widths.slice(i, i + c.colSpan).reduce((a, b) => a + b, 0);
      if (c.leaf) {
        const lines: CellText[] = [{ text: `${c.name}（${c.weight}分）` }];
        if (r.note) lines.push({ text: r.note, small: true, color: "555555" });
        cells.push(cell(lines, width, { columnSpan: c.colSpan }));
      } else {
        cells.push(cell([{ text: `${c.name}（${c.weight}分）` }, { text: `得分 ${c.score}`, small: true, color: "555555" }], width, { align: "center", rowSpan: c.rowSpan, columnSpan: c.colSpan }));
      }
    });
    const score: CellText[] = [{ text: r.score, bold: true }];
    if (r.statedScore !== undefined) score.push({ text: `填报 ${r.statedScore}`, small: true, color: "A35A00" });
    cells.push(cell([{ text: r.weight }], widths[n], { align: "center" }));
    cells.push(cell(basisLines(r), widths[n + 1]));
    cells.push(cell(score, widths[n + 2], { align: "center" }));
    return new TableRow({ cantSplit: true, children: cells });
  });
  const totalScore: CellText[] = [{ text: total.total ?? "—", bold: true }];
  if (total.totalDiffers && total.statedTotal !== undefined) totalScore.push({ text: `填报 ${total.statedTotal}`, small: true, color: "A35A00" });
  const gradeText = total.grade !== undefined ? `等级：${total.grade}${total.gradeDiffers && total.statedGrade ? `（填报 ${total.statedGrade}）` : ""}` : "";
  const foot = new TableRow({
    cantSplit: true,
    children: [
      cell([{ text: "合计（自评总分）", bold: true }], widths.slice(0, n).reduce((a, b) => a + b, 0), { align: "center", columnSpan: n, head: true }),
      cell([{ text: total.fullScore, bold: true }], widths[n], { align: "center", head: true }),
      cell([{ text: gradeText, bold: true }], widths[n + 1], { head: true }),
      cell(totalScore, widths[n + 2], { align: "center", head: true }),
    ],
  });
  return new Table({
    rows: [head, ...rows, foot],
    columnWidths: widths,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  });
}

function simpleTable(head: string[], rows: string[][], widths: number[], center: boolean | boolean[]): Table {
  const isCenter = (i: number): boolean => (Array.isArray(center) ? (center[i] ?? false) : center);
  return new Table({
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell([{ text: h, bold: true }], widths[i], { align: "center", head: true })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell([{ text: c }], widths[i], { align: isCenter(i) ? "center" : "left" })) })),
    ],
    columnWidths: widths,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  });
}

function deviations(rows: DeviationRow[]): Child[] {
  const w = [1700, 1700, 650, 650, 650];
  w.push(TEXT_WIDTH - w.reduce((a, b) => a + b, 0));
  return [
    heading(1, "扣分指标及偏差原因"),
    simpleTable(
      ["上级指标", "指标", "分值", "得分", "扣分", "偏差原因"],
      rows.map((r) => [r.path, r.name, r.weight, r.score, r.lost, r.reason]),
      w,
      [false, false, true, true, true, false],
    ),
  ];
}

function goals(rows: GoalRow[]): Child[] {
  const w = [2300, 1400, 1400, 1000];
  w.push(TEXT_WIDTH - w.reduce((a, b) => a + b, 0));
  return [
    heading(1, "绩效目标完成情况"),
    simpleTable(
      ["指标", "目标", "实际", "完成率", "偏差原因"],
      rows.map((g) => [g.name, g.target, g.actual, g.statedRate ? `${g.rate}（填报 ${g.statedRate}）` : g.rate, g.reason]),
      w,
      [false, false, false, true, false],
    ),
  ];
}

function review(notes: ReviewNote[]): Child[] {
  const out: Child[] = [heading(1, "审核提示")];
  if (!notes.length) out.push(plainParagraph("无错误或警告。", false));
  for (const n of notes) {
    out.push(
      new Paragraph({
        children: [new TextRun({ text: `${n.severity} `, bold: true, color: n.severity === "错误" ? "C62828" : "A35A00" }), new TextRun(`第 ${n.line} 行 ${n.code} ${n.message}`)],
      }),
    );
  }
  return out;
}
