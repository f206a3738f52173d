/**
 * The report's HTML stylesheet and bar chart (inline SVG): black text on
 * white for export and print, the editor's colours in the webview.
 */
import type { ChartBar } from "./types";
import { escapeHtml as e } from "./text";


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
  const max = bars.reduce((m, b) => Math.max(m, b.weightValue, b.scoreValue), 0);
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


const SERIF = `"Songti SC", "STSong", "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", serif`;
const SANS = `"PingFang SC", "Microsoft YaHei", "微软雅黑", "Heiti SC", "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`;

const LIGHT_VARS = `--fg: #222; --bg: #fff; --muted: #666; --border: #777; --rule: #ccc; --head-bg: #f0f0f0; --accent: #2f6fb3; --track: #d9e3ef; --warn: #a35a00; --error: #c62828; --link: #1a5fb4;`;
const VSCODE_VARS = `--fg: var(--vscode-editor-foreground, #222); --bg: var(--vscode-editor-background, #fff); --muted: var(--vscode-descriptionForeground, #666); --border: var(--vscode-editorWidget-border, #777); --rule: var(--vscode-editorGroup-border, #ccc); --head-bg: var(--vscode-editorWidget-background, #f0f0f0); --accent: var(--vscode-charts-blue, #2f6fb3); --track: var(--vscode-editorInlayHint-background, #d9e3ef); --warn: var(--vscode-editorWarning-foreground, #a35a00); --error: var(--vscode-editorError-foreground, #c62828); --link: var(--vscode-textLink-foreground, #1a5fb4);`;

export function stylesheet(theme: "vscode" | "light"): string {
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
td.tier { text-align: center; width: 5.5em; }
td.tier.leaf { text-align: left; width: 7.5em; }
td.note { width: 34%; }
td.standard { width: 20%; }
thead th { white-space: nowrap; }
.total-row th, .total-row td { font-weight: 600; }
.form th { background: var(--head-bg); text-align: center; font-weight: 600; }
.form td.label { text-align: center; font-weight: 600; }
.attachment { margin-top: 36px; border-top: 1px solid var(--rule); padding-top: 12px; }
.attachment .label { font-family: ${SANS}; font-size: 16px; margin: 0; text-indent: 0; }
.attachment h2.atitle { text-align: center; font-size: 21px; }
.attachment-list { text-indent: 2em; margin-top: 18px; }
.attachment-list p { text-indent: 0; margin: 0 0 0 5em; }
.attachment-list p:first-child { margin-left: 2em; }
.signature { text-align: right; margin: 24px 4em 0 0; }
.signature p { text-indent: 0; margin: 0; }
.table-year { text-align: center; text-indent: 0; }
.review-doc { margin-top: 36px; }
table.meta { width: auto; min-width: 50%; margin: 0 auto 18px; }
table.meta th { background: var(--head-bg); white-space: nowrap; }
.summary { border: 1px solid var(--rule); padding: 12px 16px; margin: 0 0 18px; }
.summary dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 8px; }
.summary dt { font-family: ${SANS}; font-weight: 600; }
.summary dd { margin: 0; }
.summary .total, .summary .grade { font-size: 20px; }
.muted { color: var(--muted); }
.review td.sev-错误 { color: var(--error); }
.review td.sev-警告 { color: var(--warn); }
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
