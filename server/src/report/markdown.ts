/**
 * The report as GitHub-flavoured Markdown: for a repository README, a diff in
 * review, or pasting into another tool. Tables are GFM pipe tables; merged
 * cells of the scoring table are left blank below their first row (as a
 * merged cell reads on paper).
 *
 * The output is safe to hand to a Markdown renderer that allows raw HTML:
 * `<` and `>` in any text from the file become `&lt;`/`&gt;`, and link
 * destinations with a script-capable scheme are defused.
 */
import type { BodyBlock, GoalRow, Paragraph, ReportDocument, ScoreTable, TotalSummary, DeviationRow, ReviewNote } from "./model";
import { escapeMarkdownInline } from "./text";

/** Plain text → Markdown text (no markup at all). */
function text(s: string): string {
  return escapeMarkdownInline(s).replace(/\n/g, " ");
}

/** Plain text → one GFM table cell. */
function cell(s: string): string {
  const t = escapeMarkdownInline(s.trim()).replace(/\r?\n/g, "<br>");
  return t === "" ? " " : t;
}

/** The author's inline Markdown, made safe: no raw HTML, no script links. */
function prose(md: string): string {
  return md
    .replace(/(?<!\\)</g, "&lt;")
    .replace(/(?<!\\)>/g, "&gt;")
    .replace(/\]\(\s*(?=(?:javascript|vbscript|data|file)\s*:)/gi, "]\\(");
}

function table(head: string[], rows: string[][], align?: ("l" | "c")[]): string {
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  const sep = head.map((_, i) => (align?.[i] === "c" ? ":---:" : "---"));
  return [line(head), line(sep), ...rows.map(line)].join("\n");
}

export function renderMarkdown(report: ReportDocument): string {
  const out: string[] = [];
  out.push(`# ${text(report.title)}`);
  if (report.metadata.length) out.push(table(["项目", "内容"], report.metadata.map((m) => [cell(m.label), cell(m.value)])));
  const sum = summary(report.total);
  if (sum) out.push(sum);
  if (report.chart.length) {
    out.push(table(["一级指标", "分值", "得分"], report.chart.map((b) => [cell(b.name), cell(b.weight), cell(b.score)]), ["l", "c", "c"]));
  }
  for (const b of report.body) {
    const s = block(b, report);
    if (s) out.push(s);
  }
  if (report.deviations.length) out.push(deviations(report.deviations));
  if (report.goals.length) out.push(goals(report.goals));
  if (report.review) out.push(review(report.review));
  return `${out.join("\n\n")}\n`;
}

function summary(t: TotalSummary): string {
  const lines: string[] = [];
  if (t.total !== undefined) {
    let s = `**自评总分**：${text(t.total)} 分（满分 ${text(t.fullScore)} 分）`;
    if (t.totalDiffers && t.statedTotal !== undefined) s += `；填报 ${text(t.statedTotal)} 分，与计算不符`;
    if (!t.complete) s += "；部分指标未能计分";
    lines.push(s);
  } else if (t.statedTotal !== undefined) lines.push(`**自评总分**：${text(t.statedTotal)} 分（填报）`);
  if (t.grade !== undefined) {
    let s = `**等级**：${text(t.grade)}`;
    if (t.gradeDiffers && t.statedGrade !== undefined) s += `；填报“${text(t.statedGrade)}”，与计算不符`;
    lines.push(s);
  } else if (t.statedGrade !== undefined) lines.push(`**等级**：${text(t.statedGrade)}（填报）`);
  return lines.join("  \n");
}

function heading(level: number, title: string): string {
  return `${"#".repeat(Math.min(6, Math.max(2, level + 1)))} ${text(title)}`;
}

function paragraphs(ps: Paragraph[]): string[] {
  return ps.map((p) => {
    if (p.kind === "text") return prose(p.markdown);
    return p.items.map((it) => `- ${it.checked === undefined ? "" : it.checked ? "[x] " : "[ ] "}${prose(it.markdown)}`).join("\n");
  });
}

function block(b: BodyBlock, report: ReportDocument): string {
  switch (b.kind) {
    case "section":
      return [heading(b.level, b.title), ...paragraphs(b.paragraphs)].join("\n\n");
    case "measure": {
      const g = b.goal;
      const facts = [`目标：${text(g.target)}`, `实际：${text(g.actual)}`, `完成率：${text(g.rate)}${g.statedRate ? `（填报 ${text(g.statedRate)}）` : ""}`];
      if (g.reason !== "—") facts.push(`偏差原因：${text(g.reason)}`);
      return [heading(b.level, b.title), ...paragraphs(b.paragraphs), facts.join("；")].join("\n\n");
    }
    case "scoring":
      return report.scoring ? scoreTable(report.scoring, report.total) : "";
  }
}

function scoreTable(t: ScoreTable, total: TotalSummary): string {
  const head = [...t.tierLabels, "分值", "得分", "评分依据", "说明"];
  const rows = t.rows.map((r) => {
    const tiers = r.tiers.map((s) => {
      if (s.kind === "covered") return " ";
      const c = s.cell;
      return cell(c.leaf ? c.name : `${c.name}（${c.weight}分）`);
    });
    const basis = [r.basis.standard, r.basis.rule, ...r.basis.facts].filter((x): x is string => !!x).join("\n");
    const score = r.statedScore !== undefined ? `${r.score}（填报 ${r.statedScore}）` : r.score;
    return [...tiers, cell(r.weight), cell(score), cell(basis), cell(r.note)];
  });
  const totalScore = total.totalDiffers && total.statedTotal ? `${total.total ?? "—"}（填报 ${total.statedTotal}）` : (total.total ?? "—");
  const gradeText = total.grade !== undefined ? `等级：${total.grade}${total.gradeDiffers && total.statedGrade ? `（填报 ${total.statedGrade}）` : ""}` : "";
  rows.push(["**合计（自评总分）**", ...t.tierLabels.slice(1).map(() => " "), cell(total.fullScore), cell(totalScore), cell(gradeText), " "]);
  return table(head, rows, [...t.tierLabels.map((): "l" => "l"), "c", "c", "l", "l"]);
}

function deviations(rows: DeviationRow[]): string {
  return [
    "## 扣分指标及偏差原因",
    table(
      ["上级指标", "指标", "分值", "得分", "扣分", "偏差原因"],
      rows.map((r) => [cell(r.path), cell(r.name), cell(r.weight), cell(r.score), cell(r.lost), cell(r.reason)]),
      ["l", "l", "c", "c", "c", "l"],
    ),
  ].join("\n\n");
}

function goals(rows: GoalRow[]): string {
  return [
    "## 绩效目标完成情况",
    table(
      ["指标", "目标", "实际", "完成率", "偏差原因"],
      rows.map((g) => [cell(g.name), cell(g.target), cell(g.actual), cell(g.statedRate ? `${g.rate}（填报 ${g.statedRate}）` : g.rate), cell(g.reason)]),
      ["l", "l", "l", "c", "l"],
    ),
  ].join("\n\n");
}

function review(notes: ReviewNote[]): string {
  if (!notes.length) return "## 审核提示\n\n无错误或警告。";
  return ["## 审核提示", notes.map((n) => `- **${n.severity}** 第 ${n.line} 行 \`${n.code}\` ${text(n.message)}`).join("\n")].join("\n\n");
}
