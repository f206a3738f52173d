/**
 * The report as one self-contained HTML document: for the VS Code webview and
 * for export (print to A4). A pure function of the report model.
 *
 * Safety: the CSP `<meta>` is the first element of `<head>` and starts from
 * `default-src 'none'`; the only thing allowed is the one inline `<style>`,
 * by nonce (webview) or by its SHA-256 hash (export, so the file needs no
 * secret). There is no script at all, no `style=` attribute, no image and no
 * external resource (the chart is inline SVG). Every interpolated value goes
 * through `escapeHtml`; prose goes through markdown-it with `html: false`.
 */
import { createHash } from "node:crypto";
import type {
  BodyBlock,
  ChartBar,
  DeviationRow,
  GoalRow,
  MeasureBlock,
  Paragraph,
  ReportDocument,
  ReviewNote,
  ScoreRow,
  ScoreTable,
  SectionBlock,
  TierCell,
  TotalSummary,
} from "./model";
import { renderInlineHtml } from "./prose";
import { escapeHtml } from "./text";

export type CspMode = "export" | { webview: { cspSource: string; nonce?: string } };

export interface HtmlOptions {
  csp: CspMode;
  /** `vscode`: colours from the editor theme (with fallbacks); `light`: fixed light colours. */
  theme: "vscode" | "light";
}

const e = escapeHtml;

/** Render the whole document. */
export function renderHtml(report: ReportDocument, options: HtmlOptions): string {
  const css = stylesheet(options.theme);
  const { policy, styleAttr } = contentSecurityPolicy(css, options.csp);
  const parts: string[] = [];
  parts.push("<!DOCTYPE html>");
  parts.push('<html lang="zh-CN">');
  parts.push("<head>");
  parts.push(`<meta http-equiv="Content-Security-Policy" content="${e(policy)}">`);
  parts.push('<meta charset="utf-8">');
  parts.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  parts.push('<meta name="referrer" content="no-referrer">');
  parts.push(`<title>${e(report.title)}</title>`);
  parts.push(`<style${styleAttr}>${css}</style>`);
  parts.push("</head>");
  parts.push(`<body class="theme-${options.theme === "light" ? "light" : "vscode"}">`);
  parts.push('<article class="report">');
  parts.push(`<h1 class="title">${e(report.title)}</h1>`);
  parts.push(metadata(report));
  parts.push(summary(report.total, report.chart));
  for (const b of report.body) parts.push(block(b, report));
  if (report.deviations.length) parts.push(deviations(report.deviations));
  if (report.goals.length) parts.push(goals(report.goals));
  if (report.review) parts.push(review(report.review));
  parts.push("</article>");
  parts.push("</body>");
  parts.push("</html>");
  return `${parts.filter((p) => p !== "").join("\n")}\n`;
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
  if (total.total !== undefined) {
    let dd = `<strong class="total">${e(total.total)}</strong> 分<span class="muted">（满分 ${e(total.fullScore)} 分）</span>`;
    if (total.statedTotal !== undefined && total.totalDiffers) dd += ` <span class="warn">填报 ${e(total.statedTotal)} 分，与计算不符</span>`;
    if (!total.complete) dd += ` <span class="warn">${total.totalDiffers && total.statedTotal !== undefined ? "；" : ""}部分指标未能计分</span>`;
    items.push(`<dt>自评总分</dt><dd>${dd}</dd>`);
  } else if (total.statedTotal !== undefined) {
    items.push(`<dt>自评总分</dt><dd><strong class="total">${e(total.statedTotal)}</strong> 分<span class="muted">（填报）</span></dd>`);
  }
  if (total.grade !== undefined) {
    let dd = `<strong class="grade">${e(total.grade)}</strong>`;
    if (total.statedGrade !== undefined && total.gradeDiffers) dd += ` <span class="warn">填报“${e(total.statedGrade)}”，与计算不符</span>`;
    items.push(`<dt>等级</dt><dd>${dd}</dd>`);
  } else if (total.statedGrade !== undefined) {
    items.push(`<dt>等级</dt><dd><strong class="grade">${e(total.statedGrade)}</strong><span class="muted">（填报）</span></dd>`);
  }
  if (!items.length && !chart.length) return "";
  return `<section class="summary"><dl>${items.join("")}</dl>${chart.length ? barChart(chart) : ""}</section>`;
}

function heading(level: number, title: string): string {
  const h = Math.min(6, Math.max(2, level + 1));
  return `<h${h}>${e(title)}</h${h}>`;
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
      return report.scoring ? scoreTable(report.scoring, report.total) : "";
  }
}

function section(s: SectionBlock): string {
  return `<section class="prose">${heading(s.level, s.title)}\n${paragraphs(s.paragraphs)}</section>`;
}

function measure(m: MeasureBlock): string {
  const g = m.goal;
  const facts = [
    `<span><b>目标</b> ${e(g.target)}</span>`,
    `<span><b>实际</b> ${e(g.actual)}</span>`,
    `<span><b>完成率</b> ${e(g.rate)}${g.statedRate ? ` <span class="warn">（填报 ${e(g.statedRate)}）</span>` : ""}</span>`,
  ];
  if (g.reason !== "—") facts.push(`<span><b>偏差原因</b> ${g.reasonMissing ? `<span class="warn">${e(g.reason)}</span>` : e(g.reason)}</span>`);
  return `<section class="prose measure">${heading(m.level, m.title)}\n${paragraphs(m.paragraphs)}\n<p class="goal">${facts.join("")}</p></section>`;
}

function multiline(text: string): string {
  return e(text).replace(/\n/g, "<br>");
}

function tierCell(c: TierCell): string {
  const span = (c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : "") + (c.colSpan > 1 ? ` colspan="${c.colSpan}"` : "");
  const cls = c.leaf ? "tier leaf" : "tier";
  if (c.leaf) return `<td class="${cls}"${span}>${e(c.name)}</td>`;
  return `<td class="${cls}"${span}>${e(c.name)}<span class="w">（${e(c.weight)}分）</span><span class="sub">得分 ${e(c.score)}</span></td>`;
}

function basisCell(row: ScoreRow): string {
  const parts: string[] = [];
  if (row.basis.standard) parts.push(`<div class="standard">${multiline(row.basis.standard)}</div>`);
  if (row.basis.rule) parts.push(`<div class="rule">${e(row.basis.rule)}</div>`);
  for (const f of row.basis.facts) parts.push(`<div class="fact">${multiline(f)}</div>`);
  return `<td class="basis">${parts.join("")}</td>`;
}

function scoreTable(t: ScoreTable, total: TotalSummary): string {
  const head = `<tr>${t.tierLabels.map((l) => `<th scope="col">${e(l)}</th>`).join("")}<th scope="col" class="num">分值</th><th scope="col" class="num">得分</th><th scope="col">评分依据</th><th scope="col">说明</th></tr>`;
  const body = t.rows
    .map((r) => {
      const tiers = r.tiers.map((s) => (s.kind === "cell" ? tierCell(s.cell) : "")).join("");
      const stated = r.statedScore !== undefined ? `<span class="stated warn">填报 ${e(r.statedScore)}</span>` : "";
      const score = `<td class="num score${r.scored ? "" : " unscored"}">${e(r.score)}${stated}</td>`;
      return `<tr>${tiers}<td class="num">${e(r.weight)}</td>${score}${basisCell(r)}<td class="note">${multiline(r.note)}</td></tr>`;
    })
    .join("\n");
  const gradeText =
    total.grade !== undefined
      ? `等级：${e(total.grade)}${total.gradeDiffers && total.statedGrade ? `<span class="warn">（填报 ${e(total.statedGrade)}）</span>` : ""}`
      : "";
  const statedTotal = total.totalDiffers && total.statedTotal ? `<span class="stated warn">填报 ${e(total.statedTotal)}</span>` : "";
  const foot = `<tr class="total-row"><th scope="row" colspan="${t.tierCount}">合计（自评总分）</th><td class="num">${e(total.fullScore)}</td><td class="num score">${e(total.total ?? "—")}${statedTotal}</td><td colspan="2">${gradeText}</td></tr>`;
  return `<section class="scoring"><table class="score-table"><caption>绩效评价指标评分表</caption><thead>${head}</thead><tbody>\n${body}\n</tbody><tfoot>${foot}</tfoot></table></section>`;
}

function deviations(rows: DeviationRow[]): string {
  const body = rows
    .map(
      (r) =>
        `<tr><td>${e(r.path)}</td><td>${e(r.name)}</td><td class="num">${e(r.weight)}</td><td class="num">${e(r.score)}</td><td class="num">${e(r.lost)}</td><td${r.reasonMissing ? ' class="warn"' : ""}>${multiline(r.reason)}</td></tr>`,
    )
    .join("\n");
  return `<section class="deviations"><h2>扣分指标及偏差原因</h2><table class="grid"><thead><tr><th scope="col">上级指标</th><th scope="col">指标</th><th scope="col" class="num">分值</th><th scope="col" class="num">得分</th><th scope="col" class="num">扣分</th><th scope="col">偏差原因</th></tr></thead><tbody>\n${body}\n</tbody></table></section>`;
}

function goals(rows: GoalRow[]): string {
  const body = rows
    .map((g) => {
      const rate = `${e(g.rate)}${g.statedRate ? `<span class="stated warn">填报 ${e(g.statedRate)}</span>` : ""}`;
      return `<tr><td>${e(g.name)}</td><td>${e(g.target)}</td><td>${e(g.actual)}</td><td class="num">${rate}</td><td${g.reasonMissing ? ' class="warn"' : ""}>${multiline(g.reason)}</td></tr>`;
    })
    .join("\n");
  return `<section class="goals"><h2>绩效目标完成情况</h2><table class="grid"><thead><tr><th scope="col">指标</th><th scope="col">目标</th><th scope="col">实际</th><th scope="col" class="num">完成率</th><th scope="col">偏差原因</th></tr></thead><tbody>\n${body}\n</tbody></table></section>`;
}

function review(notes: ReviewNote[]): string {
  if (!notes.length) return `<section class="review"><h2>审核提示</h2><p>无错误或警告。</p></section>`;
  const items = notes
    .map((n) => `<li class="${n.severity === "错误" ? "error" : "warn"}"><span class="sev">${e(n.severity)}</span> 第 ${n.line} 行 <code>${e(n.code)}</code> ${e(n.message)}</li>`)
    .join("\n");
  return `<section class="review"><h2>审核提示</h2><ul>\n${items}\n</ul></section>`;
}

// ── chart ──

/** Display width: CJK and other wide characters count 2. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u.test(ch) ? 2 : 1;
  return w;
}

function truncate(text: string, maxWidth: number): string {
  if (displayWidth(text) <= maxWidth) return text;
  let out = "";
  let w = 0;
  for (const ch of text) {
    const cw = displayWidth(ch);
    if (w + cw > maxWidth - 2) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

const CHART = { width: 640, label: 150, bar: 380, row: 30, barHeight: 16, pad: 8 };

/** Horizontal bars: one per top-level indicator, score over weight, scaled to the largest weight. */
export function barChart(bars: ChartBar[]): string {
  const max = Math.max(...bars.map((b) => Math.max(b.weightValue, b.scoreValue)), 0);
  const height = CHART.pad * 2 + bars.length * CHART.row;
  const scale = (v: number): number => (max > 0 ? Math.max(0, Math.min(v, max)) / max : 0) * CHART.bar;
  const fmt = (n: number): string => (Math.round(n * 100) / 100).toString();
  const rows = bars
    .map((b, i) => {
      const y = CHART.pad + i * CHART.row;
      const barY = y + (CHART.row - CHART.barHeight) / 2;
      const textY = y + CHART.row / 2 + 5;
      const x = CHART.label;
      const label = truncate(b.name, 20);
      return [
        `<g class="bar-row">`,
        `<title>${e(b.name)}：得分 ${e(b.score)} / 分值 ${e(b.weight)}</title>`,
        `<text class="bar-label" x="${x - 8}" y="${fmt(textY)}" text-anchor="end">${e(label)}</text>`,
        `<rect class="bar-weight" x="${x}" y="${fmt(barY)}" width="${fmt(scale(b.weightValue))}" height="${CHART.barHeight}"/>`,
        `<rect class="bar-score${b.scored ? "" : " unscored"}" x="${x}" y="${fmt(barY)}" width="${fmt(b.scored ? scale(b.scoreValue) : 0)}" height="${CHART.barHeight}"/>`,
        `<text class="bar-value" x="${fmt(x + scale(b.weightValue) + 6)}" y="${fmt(textY)}">${e(b.score)} / ${e(b.weight)}</text>`,
        `</g>`,
      ].join("");
    })
    .join("\n");
  return `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title" viewBox="0 0 ${CHART.width} ${height}" width="${CHART.width}" height="${height}"><title id="chart-title">一级指标得分与分值</title>\n${rows}\n</svg><figcaption>一级指标得分与分值（深色为得分，浅色为分值）</figcaption></figure>`;
}

// ── style ──

const SERIF = `"Songti SC", "STSong", "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", serif`;
const SANS = `"PingFang SC", "Microsoft YaHei", "微软雅黑", "Heiti SC", "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`;

const LIGHT_VARS = `--fg: #222; --bg: #fff; --muted: #666; --border: #777; --rule: #ccc; --head-bg: #f0f0f0; --accent: #2f6fb3; --track: #d9e3ef; --warn: #a35a00; --error: #c62828; --link: #1a5fb4;`;
const VSCODE_VARS = `--fg: var(--vscode-editor-foreground, #222); --bg: var(--vscode-editor-background, #fff); --muted: var(--vscode-descriptionForeground, #666); --border: var(--vscode-editorWidget-border, #777); --rule: var(--vscode-editorGroup-border, #ccc); --head-bg: var(--vscode-editorWidget-background, #f0f0f0); --accent: var(--vscode-charts-blue, #2f6fb3); --track: var(--vscode-editorInlayHint-background, #d9e3ef); --warn: var(--vscode-editorWarning-foreground, #a35a00); --error: var(--vscode-editorError-foreground, #c62828); --link: var(--vscode-textLink-foreground, #1a5fb4);`;

function stylesheet(theme: "vscode" | "light"): string {
  return `
:root { ${theme === "vscode" ? VSCODE_VARS : LIGHT_VARS} color-scheme: ${theme === "vscode" ? "light dark" : "light"}; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0; padding: 24px; font-family: ${SERIF}; font-size: 15px; line-height: 1.75; background: var(--bg); color: var(--fg); }
.report { max-width: 980px; margin: 0 auto; }
h1, h2, h3, h4, h5, h6, caption, th, .sev { font-family: ${SANS}; }
h1.title { font-size: 24px; text-align: center; margin: 8px 0 20px; }
h2 { font-size: 19px; margin: 28px 0 10px; }
h3 { font-size: 17px; margin: 22px 0 8px; }
h4, h5, h6 { font-size: 15px; margin: 18px 0 6px; }
p { margin: 0 0 10px; text-indent: 2em; }
p.goal { text-indent: 0; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 14px; color: var(--muted); }
p.goal b { color: var(--fg); font-weight: 600; margin-right: 4px; }
a { color: var(--link); }
code { font-family: var(--vscode-editor-font-family, "SFMono-Regular", Consolas, monospace); font-size: 0.9em; }
ul.checklist { list-style: none; padding-left: 1.2em; }
p, li, td, th, dd, h1, h2, h3, h4, h5, h6, text { unicode-bidi: isolate; }
table { border-collapse: collapse; width: 100%; margin: 10px 0 18px; font-size: 13.5px; line-height: 1.55; }
caption { font-weight: 600; padding: 6px 0; }
th, td { border: 1px solid var(--border); padding: 5px 7px; vertical-align: middle; text-align: left; }
thead th { background: var(--head-bg); text-align: center; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
td.num, th.num { text-align: center; white-space: nowrap; }
td.tier { text-align: center; font-weight: 600; width: 5.5em; }
td.tier.leaf { width: 7.5em; }
td.basis { width: 30%; }
td.note { width: 28%; }
thead th { white-space: nowrap; }
td.tier.leaf { text-align: left; font-weight: normal; }
td.tier .w, td.tier .sub { display: block; font-weight: normal; }
td.tier .sub { color: var(--muted); font-size: 12.5px; }
td.basis .rule { font-weight: 600; }
td.basis .standard { color: var(--muted); }
td.note { color: var(--muted); }
.stated { display: block; font-size: 12px; }
.unscored { color: var(--muted); }
.total-row th, .total-row td { background: var(--head-bg); font-weight: 600; }
table.meta { width: auto; min-width: 50%; margin: 0 auto 18px; }
table.meta th { background: var(--head-bg); white-space: nowrap; }
.summary { border: 1px solid var(--rule); padding: 12px 16px; margin: 0 0 18px; }
.summary dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 8px; }
.summary dt { font-family: ${SANS}; font-weight: 600; }
.summary dd { margin: 0; }
.summary .total, .summary .grade { font-size: 20px; }
.muted { color: var(--muted); }
.warn, td.warn { color: var(--warn); }
.review li.error, .review li.error .sev { color: var(--error); }
.review li.warn .sev { color: var(--warn); }
.review ul { padding-left: 1.2em; }
figure.chart { margin: 8px 0 0; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figcaption { font-size: 12px; color: var(--muted); }
.bar-weight { fill: var(--track); }
.bar-score { fill: var(--accent); }
.bar-label, .bar-value { fill: var(--fg); font-size: 13px; font-family: ${SANS}; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  :root { ${LIGHT_VARS} }
  body { padding: 0; font-size: 12pt; background: #fff; color: #000; }
  .report { max-width: none; }
  table { font-size: 10pt; }
  h1, h2, h3, h4 { page-break-after: avoid; break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`.trim();
}
