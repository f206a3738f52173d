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
import type { Attachment, BodyBlock, Paragraph, ProjectForm, ReportDocument, ReviewDocument, ScoreTable, TotalSummary } from "./types";
import { escapeMarkdownInline, gradeText } from "./text";

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
  for (const b of report.body) {
    const s = block(b, report);
    if (s) out.push(s);
  }
  if (report.attachments.length) {
    const many = report.attachments.length > 1;
    out.push(report.attachments.map((a, i) => `${i === 0 ? "附件：" : ""}${many ? `${a.index}\\. ` : ""}${text(a.name)}`).join("  \n"));
  }
  const sig = report.signature;
  if (sig) out.push([sig.unit, sig.date].filter((x): x is string => !!x).map(text).join("  \n"));
  for (const a of report.attachments) out.push(attachment(a, report));
  if (report.review) out.push(reviewBody(report.review, "##"));
  return `${out.join("\n\n")}\n`;
}

/** The review alone (审核意见). */
export function renderReviewMarkdown(review: ReviewDocument): string {
  return `${reviewBody(review, "#")}\n`;
}

function summary(t: TotalSummary): string {
  const lines: string[] = [];
  if (t.total !== undefined) lines.push(`**自评总分**：${text(t.total)} 分（满分 ${text(t.fullScore)} 分）`);
  const grade = gradeText(t);
  if (grade !== undefined) lines.push(`**等级**：${text(grade)}${t.blanks ? "（填完后评定等级）" : ""}`);
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
      return [...(b.title ? [heading(b.level, b.number + b.title)] : []), ...paragraphs(b.paragraphs)].join("\n\n");
    case "measure": {
      const g = b.goal;
      const facts = [g.target && `目标：${text(g.target)}`, g.actual && `实际：${text(g.actual)}`, g.rate && `完成率：${text(g.rate)}`, g.reason && `偏差原因：${text(g.reason)}`].filter((x) => x);
      return [heading(b.level, b.number + b.title), ...paragraphs(b.paragraphs), ...(facts.length ? [facts.join("；")] : [])].join("\n\n");
    }
    case "scoring":
      if (report.projectForm) return projectForm(report.projectForm);
      return report.scoring ? scoreTable(report.scoring, report.total) : "";
  }
}

function attachment(a: Attachment, report: ReportDocument): string {
  const label = report.attachments.length > 1 ? `附件${a.index}` : "附件";
  return [`---`, label, `## ${text(a.title)}`, ...a.blocks.map((b) => block(b, report)).filter((x) => x)].join("\n\n");
}

function tierCells(r: { tiers: ScoreTable["rows"][number]["tiers"] }, withWeight: boolean): string[] {
  return r.tiers.map((s) => {
    if (s.kind === "covered") return " ";
    const c = s.cell;
    return cell(withWeight && c.weight ? `${c.name}（${c.weight}分）` : c.name);
  });
}

function scoreTable(t: ScoreTable, total: TotalSummary): string {
  const head = [...t.tierLabels, "分值", ...(t.hasNotes ? ["指标解释"] : []), "评分标准", "得分"];
  const rows = t.rows.map((r) => [...tierCells(r, true), cell(r.weight), ...(t.hasNotes ? [cell(r.note)] : []), cell(r.standard), cell(r.score)]);
  const grade = gradeText(total) !== undefined ? `等级：${gradeText(total)}` : "";
  rows.push(["**合计**", ...t.tierLabels.slice(1).map(() => " "), cell(total.fullScore), ...(t.hasNotes ? [" "] : []), cell(grade), cell(total.total ?? "")]);
  return table(head, rows, [...t.tierLabels.map((): "l" => "l"), "c", ...(t.hasNotes ? ["l" as const] : []), "l", "c"]);
}

function projectForm(f: ProjectForm): string {
  const parts: string[] = [];
  parts.push(table(["项目名称", "主管部门", "实施单位"], [[cell(f.project), cell(f.department), cell(f.unit)]]));
  const fund = f.funding.map((r, i) => {
    const [weight, rate, score] = i === 0 ? [f.execution.weight, f.execution.rate, f.execution.score] : ["—", "", "—"];
    return [r.label, r.initial, r.annual, r.spent, weight, rate, score].map(cell);
  });
  parts.push(table(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], fund, ["l", "c", "c", "c", "c", "c", "c"]));
  parts.push(table(["年度总体目标", "预期目标", "实际完成情况"], [[" ", cell(f.goal.expected), cell(f.goal.achieved)]]));
  const rows = f.rows.map((r) => [...tierCells(r, false), ...r.values.map(cell)]);
  rows.push(["**总分**", " ", " ", ...f.columns.map((c) => (c.key === "weight" ? cell(f.fullScore) : c.key === "score" ? cell(f.total) : " "))]);
  parts.push(table([...f.tierLabels, ...f.columns.map((c) => c.label)], rows, ["l", "l", "l", ...f.columns.map((c): "l" | "c" => (c.centred ? "c" : "l"))]));
  return parts.join("\n\n");
}

function reviewBody(r: ReviewDocument, h: "#" | "##"): string {
  const sub = `${h}#`;
  const out: string[] = [`${h} ${text(r.title)}`];
  const t = r.total;
  const parts = [`计算总分 ${t.computed ?? "—"} 分（满分 ${t.fullScore} 分）`];
  if (t.stated !== undefined) parts.push(`填报 ${t.stated} 分`);
  if (t.grade !== undefined) parts.push(`等级${t.grade}${t.statedGrade !== undefined && t.statedGrade !== t.grade ? `（填报${t.statedGrade}）` : ""}`);
  if (!t.complete) parts.push("部分指标未能计分");
  out.push(`${sub} 一、总分`, text(`${parts.join("；")}。`));
  const line = (n?: number): string => (n ? String(n) : " ");
  out.push(`${sub} 二、填报与计算不一致`, r.differences.length ? table(["行", "项目", "填报", "计算"], r.differences.map((d) => [line(d.line), cell(d.item), cell(d.stated), cell(d.computed)])) : "无。");
  out.push(`${sub} 三、缺少偏差原因`, r.missingReasons.length ? table(["行", "指标", "情况"], r.missingReasons.map((m) => [line(m.line), cell(m.item), cell(m.detail)])) : "无。");
  out.push(`${sub} 四、未能计分的指标`, r.unscored.length ? table(["行", "指标", "分值"], r.unscored.map((u) => [line(u.line), cell(u.item), cell(u.weight)])) : "无。");
  out.push(`${sub} 五、诊断`, r.notes.length ? table(["行", "级别", "代码", "说明"], r.notes.map((n) => [String(n.line), n.severity, `\`${n.code}\``, cell(n.message)])) : "无错误或警告。");
  out.push(`${sub} 六、计分依据`, table(["行", "指标", "规则", "计算", "得分"], r.computations.map((c) => [line(c.line), cell(c.item), cell(c.rule), cell(c.facts.join("\n")), cell(c.score)])));
  return out.join("\n\n");
}
