/**
 * The HTML report's tables — the same as the Word report's: the 评分表
 * (levels | 分值 | 指标解释 | 评分标准 | 得分), the national 项目支出 form, and
 * the review's tables.
 */
import { escapeHtml as e, gradeText } from "./text";
import { projectLayout } from "./project-layout";
import type { ProjectForm, ReviewDocument, ScoreTable, TierSlot, TotalSummary } from "./types";

function multiline(text: string): string {
  return e(text).replace(/\n/g, "<br>");
}

function span(rowSpan: number, colSpan: number): string {
  return (rowSpan > 1 ? ` rowspan="${rowSpan}"` : "") + (colSpan > 1 ? ` colspan="${colSpan}"` : "");
}

function tiers(slots: TierSlot[], withWeight: boolean): string {
  return slots
    .map((s) => {
      if (s.kind === "covered") return "";
      const c = s.cell;
      const text = withWeight && c.weight ? `${c.name}（${c.weight}分）` : c.name;
      return `<td class="tier${c.leaf ? " leaf" : ""}"${span(c.rowSpan, c.colSpan)}>${e(text)}</td>`;
    })
    .join("");
}

export function scoreTable(t: ScoreTable, total: TotalSummary): string {
  const labels = [...t.tierLabels, "分值", ...(t.hasNotes ? ["指标解释"] : []), "评分标准", "得分"];
  const head = `<tr>${labels.map((l) => `<th scope="col">${e(l)}</th>`).join("")}</tr>`;
  const body = t.rows
    .map((r) => {
      const note = t.hasNotes ? `<td class="note">${multiline(r.note)}</td>` : "";
      return `<tr>${tiers(r.tiers, true)}<td class="num">${e(r.weight)}</td>${note}<td class="standard">${multiline(r.standard)}</td><td class="num score">${e(r.score)}</td></tr>`;
    })
    .join("\n");
  const textCols = t.hasNotes ? 2 : 1;
  const shown = gradeText(total);
  const grade = shown !== undefined ? `等级：${e(shown)}` : "";
  const foot = `<tr class="total-row"><th scope="row" colspan="${t.tierCount}">合计</th><td class="num">${e(total.fullScore)}</td><td colspan="${textCols}">${grade}</td><td class="num score">${e(total.total ?? "")}</td></tr>`;
  return `<section class="scoring"><table class="score-table"><thead>${head}</thead><tbody>\n${body}\n</tbody><tfoot>${foot}</tfoot></table></section>`;
}

/** 项目支出绩效自评表: one table with the national form's blocks and merges (the grid of project-layout.ts). */
export function projectForm(f: ProjectForm, year: string | undefined): string {
  const rows = projectLayout(f).rows.map((cells) => {
    const tds = cells.map((c) => {
      const attrs = span(c.rowSpan ?? 1, c.span);
      if (c.head) return `<th${attrs}>${e(c.text)}</th>`;
      return `<td${c.centred ? ' class="num"' : ""}${attrs}>${multiline(c.text)}</td>`;
    });
    return `<tr>${tds.join("")}</tr>`;
  });
  const caption = year ? `<p class="table-year">（${e(year.replace(/\s*年度?$/, ""))}年度）</p>` : "";
  return `<section class="scoring">${caption}<table class="form"><tbody>\n${rows.join("\n")}\n</tbody></table></section>`;
}

function grid(head: string[], rows: string[][], numeric: boolean[] = []): string {
  const h = `<tr>${head.map((x) => `<th scope="col">${e(x)}</th>`).join("")}</tr>`;
  const b = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="num"' : ""}>${multiline(c)}</td>`).join("")}</tr>`).join("\n");
  return `<table class="grid"><thead>${h}</thead><tbody>\n${b}\n</tbody></table>`;
}

/** The review's sections: 总分, differences, missing reasons, unscored rows, diagnostics, computations. */
export function reviewSections(r: ReviewDocument): string {
  const out: string[] = [];
  const t = r.total;
  const parts = [`计算总分 ${t.computed ?? "—"} 分（满分 ${t.fullScore} 分）`];
  if (t.stated !== undefined) parts.push(`填报 ${t.stated} 分`);
  if (t.grade !== undefined) parts.push(`等级${t.grade}${t.statedGrade !== undefined && t.statedGrade !== t.grade ? `（填报${t.statedGrade}）` : ""}`);
  if (!t.complete) parts.push("部分指标未能计分");
  out.push(`<section><h2>一、总分</h2><p>${e(parts.join("；"))}。</p></section>`);
  const none = "<p>无。</p>";
  const line = (n?: number): string => (n ? String(n) : "");
  out.push(`<section><h2>二、填报与计算不一致</h2>${r.differences.length ? grid(["行", "项目", "填报", "计算"], r.differences.map((d) => [line(d.line), d.item, d.stated, d.computed]), [true, false, true, true]) : none}</section>`);
  out.push(`<section><h2>三、缺少偏差原因</h2>${r.missingReasons.length ? grid(["行", "指标", "情况"], r.missingReasons.map((m) => [line(m.line), m.item, m.detail]), [true]) : none}</section>`);
  out.push(`<section><h2>四、未能计分的指标</h2>${r.unscored.length ? grid(["行", "指标", "分值"], r.unscored.map((u) => [line(u.line), u.item, u.weight]), [true, false, true]) : none}</section>`);
  const notes = r.notes.map((n) => `<tr><td class="num">${n.line}</td><td class="sev-${e(n.severity)}">${e(n.severity)}</td><td><code>${e(n.code)}</code></td><td>${e(n.message)}</td></tr>`).join("\n");
  out.push(`<section><h2>五、诊断</h2>${r.notes.length ? `<table class="grid"><thead><tr><th scope="col">行</th><th scope="col">级别</th><th scope="col">代码</th><th scope="col">说明</th></tr></thead><tbody>\n${notes}\n</tbody></table>` : "<p>无错误或警告。</p>"}</section>`);
  out.push(`<section><h2>六、计分依据</h2>${grid(["行", "指标", "规则", "计算", "得分"], r.computations.map((c) => [line(c.line), c.item, c.rule, c.facts.join("\n"), c.score]), [true, false, false, false, true])}</section>`);
  return out.join("\n");
}
