/**
 * The report (or the review) as one self-contained HTML document: for the VS
 * Code webview and for export. A pure function of the document model; the
 * tables are the Word report's (评分表 with its 指标解释 column, the national
 * 项目支出 form), the review is its own document.
 *
 * Safety: the CSP `<meta>` is the first element of `<head>` and starts from
 * `default-src 'none'`; the only thing allowed is the one inline `<style>`,
 * by nonce (webview) or by its SHA-256 hash (export, so the file needs no
 * secret). There is no script at all, no `style=` attribute, no image and no
 * external resource (the chart is inline SVG). Every interpolated value goes
 * through `escapeHtml`; prose goes through markdown-it with `html: false`.
 */
import { createHash } from "node:crypto";
import { barChart, stylesheet } from "./html-style";
import { projectForm, reviewSections, scoreTable } from "./html-tables";
import { renderInlineHtml } from "./prose";
import { escapeHtml, gradeText } from "./text";
import type { Attachment, BodyBlock, MeasureBlock, Paragraph, ReportDocument, ReviewDocument, SectionBlock, TotalSummary, ChartBar } from "./types";

export type CspMode = "export" | { webview: { cspSource: string; nonce?: string } };

export interface HtmlOptions {
  csp: CspMode;
  /** `vscode`: colours from the editor theme (with fallbacks); `light`: fixed light colours. */
  theme: "vscode" | "light";
}

const e = escapeHtml;
export { barChart };

function page(title: string, parts: string[], options: HtmlOptions): string {
  const css = stylesheet(options.theme);
  const { policy, styleAttr } = contentSecurityPolicy(css, options.csp);
  return (
    `${[
      "<!DOCTYPE html>",
      '<html lang="zh-CN">',
      "<head>",
      `<meta http-equiv="Content-Security-Policy" content="${e(policy)}">`,
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="referrer" content="no-referrer">',
      `<title>${e(title)}</title>`,
      `<style${styleAttr}>${css}</style>`,
      "</head>",
      `<body class="theme-${options.theme === "light" ? "light" : "vscode"}">`,
      ...parts,
      "</body>",
      "</html>",
    ]
      .filter((p) => p !== "")
      .join("\n")}\n`
  );
}

/** The report: title, summary, body, 附件 list, 落款, attachments; the review after it when asked for. */
export function renderHtml(report: ReportDocument, options: HtmlOptions): string {
  const parts: string[] = ['<article class="report">', `<h1 class="title">${e(report.title)}</h1>`];
  parts.push(metadata(report));
  parts.push(summary(report.total, report.chart));
  for (const b of report.body) parts.push(block(b, report));
  parts.push(attachmentList(report.attachments));
  if (report.signature) {
    const s = report.signature;
    parts.push(`<div class="signature">${s.unit ? `<p>${e(s.unit)}</p>` : ""}${s.date ? `<p>${e(s.date)}</p>` : ""}</div>`);
  }
  for (const a of report.attachments) parts.push(attachment(a, report));
  parts.push("</article>");
  if (report.review) parts.push(`<article class="report review-doc review">${reviewBody(report.review)}</article>`);
  return page(report.title, parts, options);
}

/** The review alone (审核意见). */
export function renderReviewHtml(review: ReviewDocument, options: HtmlOptions): string {
  return page(review.title, [`<article class="report review">${reviewBody(review)}</article>`], options);
}

function reviewBody(r: ReviewDocument): string {
  return `<h1 class="title">${e(r.title)}</h1>\n${reviewSections(r)}`;
}

// ── CSP ──

function contentSecurityPolicy(css: string, mode: CspMode): { policy: string; styleAttr: string } {
  let styleSrc: string;
  let styleAttr = "";
  if (mode !== "export" && mode.webview.nonce !== undefined) {
    const nonce = mode.webview.nonce;
    if (!/^[A-Za-z0-9+/_=-]{16,}$/.test(nonce)) throw new Error("renderHtml: the CSP nonce must be at least 16 base64 characters");
    styleSrc = `'nonce-${nonce}'`;
    styleAttr = ` nonce="${e(nonce)}"`;
  } else {
    styleSrc = `'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`;
  }
  const policy = [`default-src 'none'`, `style-src ${styleSrc}`, `base-uri 'none'`, `form-action 'none'`].join("; ");
  return { policy, styleAttr };
}

// ── parts ──

function metadata(report: ReportDocument): string {
  if (!report.metadata.length) return "";
  const rows = report.metadata.map((m) => `<tr><th scope="row">${e(m.label)}</th><td>${e(m.value)}</td></tr>`).join("");
  return `<table class="meta"><tbody>${rows}</tbody></table>`;
}

function summary(total: TotalSummary, chart: ChartBar[]): string {
  const items: string[] = [];
  if (total.total !== undefined) items.push(`<dt>自评总分</dt><dd><strong class="total">${e(total.total)}</strong> 分<span class="muted">（满分 ${e(total.fullScore)} 分）</span></dd>`);
  const grade = gradeText(total);
  if (grade !== undefined) items.push(`<dt>等级</dt><dd><strong class="grade${total.blanks ? " pending" : ""}">${e(grade)}</strong>${total.blanks ? '<span class="muted">（填完后评定等级）</span>' : ""}</dd>`);
  if (!items.length && !chart.length) return "";
  return `<section class="summary"><dl>${items.join("")}</dl>${chart.length ? barChart(chart) : ""}</section>`;
}

function heading(level: number, number: string, title: string): string {
  const h = Math.min(6, Math.max(2, level + 1));
  return `<h${h}>${e(number + title)}</h${h}>`;
}

function paragraphs(ps: Paragraph[]): string {
  return ps
    .map((p) => {
      if (p.kind === "text") return `<p>${renderInlineHtml(p.markdown)}</p>`;
      const items = p.items
        .map((it) => {
          const box = it.checked === undefined ? "" : `<span class="check" aria-label="${it.checked ? "符合" : "不符合"}">${it.checked ? "☑" : "☐"}</span> `;
          return `<li>${box}${renderInlineHtml(it.markdown)}</li>`;
        })
        .join("");
      return `<ul${p.items.some((it) => it.checked !== undefined) ? ' class="checklist"' : ""}>${items}</ul>`;
    })
    .join("\n");
}

function block(b: BodyBlock, report: ReportDocument): string {
  switch (b.kind) {
    case "section":
      return section(b);
    case "measure":
      return measure(b);
    case "scoring":
      if (report.projectForm) return projectForm(report.projectForm, report.metadata.find((m) => m.label === "年度")?.value);
      return report.scoring ? scoreTable(report.scoring, report.total) : "";
  }
}

function section(s: SectionBlock): string {
  return `<section class="prose">${s.title ? heading(s.level, s.number, s.title) : ""}\n${paragraphs(s.paragraphs)}</section>`;
}

function measure(m: MeasureBlock): string {
  const g = m.goal;
  const facts: string[] = [];
  if (g.target) facts.push(`<span><b>目标</b> ${e(g.target)}</span>`);
  if (g.actual) facts.push(`<span><b>实际</b> ${e(g.actual)}</span>`);
  if (g.rate) facts.push(`<span><b>完成率</b> ${e(g.rate)}</span>`);
  if (g.reason) facts.push(`<span><b>偏差原因</b> ${e(g.reason)}</span>`);
  return `<section class="prose measure">${heading(m.level, m.number, m.title)}\n${paragraphs(m.paragraphs)}\n${facts.length ? `<p class="goal">${facts.join("")}</p>` : ""}</section>`;
}

function attachmentList(list: Attachment[]): string {
  if (!list.length) return "";
  const items = list.map((a, i) => `<p>${i === 0 ? "附件：" : ""}${list.length > 1 ? `${a.index}. ` : ""}${e(a.name)}</p>`);
  return `<div class="attachment-list">${items.join("")}</div>`;
}

function attachment(a: Attachment, report: ReportDocument): string {
  const label = report.attachments.length > 1 ? `附件${a.index}` : "附件";
  const inner = a.blocks.map((b) => block(b, report)).join("\n");
  return `<section class="attachment"><p class="label">${label}</p><h2 class="atitle">${e(a.title)}</h2>\n${inner}</section>`;
}
