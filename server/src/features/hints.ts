/**
 * Inlay hints: scores after indicator headings, subtotals after parents, the
 * computed total after 自评总分, computed values after derived data, values
 * after placeholders. Hints sit at the end of a line (or just after a
 * placeholder's closing braces), never inside a value being typed.
 *
 * A hint's label is read from the evaluation (`result.label`, made once per
 * result); its tooltip, the trace, is made only when the client resolves the
 * hint (`resolveInlayHint`), so the whole document's hints cost no trace.
 */
import type { InlayHint, Range } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import type { Indicator } from "../model/types";
import { traceMarkdown } from "./trace-markdown";
import { SCORE_DECIMALS, formatScore } from "../quantity/decimal";
import { measuredText, resultLabel } from "../scoring/present";
import { DEFAULT_LOCALE, type Locale, say } from "../text/locale";

export interface HintSettings {
  scores: boolean;
  subtotals: boolean;
  total: boolean;
  data: boolean;
  placeholders: boolean;
  /** perf.report.decimals: how many decimals a score shows (formatScore); the results' labels have the default. */
  decimals?: number;
}

/**
 * A label that word wrap cannot split between a number and its unit: the
 * space after a digit becomes a no-break space. (Inside a number, `.` `,` `/`
 * and `%` are taken out of the break characters for .perf files, in
 * package.json's configurationDefaults.)
 */
export function unbreakable(label: string): string {
  // Looked for in place first: most labels have no such space, and then nothing is made.
  for (let i = label.indexOf(" "); i > 0; i = label.indexOf(" ", i + 1)) {
    if (isDigit(label.charCodeAt(i - 1)) && isHan(label.charCodeAt(i + 1))) return label.replace(/(\d) (?=[\u3400-\u9fff])/g, "$1\u00a0");
  }
  return label;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHan = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;

export const DEFAULT_HINTS: HintSettings = { scores: true, subtotals: true, total: true, data: true, placeholders: true };

/**
 * The hints of a range. `doc` is the adapter's tag for finding the analysis
 * again when a hint is resolved (the server: the document and its version):
 * it is each hint's `data`, all a hint carries besides its place and label
 * (what it stands for is found again from its place).
 */
export function inlayHints(a: Analysis, range: Range, settings: HintSettings = DEFAULT_HINTS, doc?: unknown, locale: Locale = DEFAULT_LOCALE): InlayHint[] {
  // Every hint made with all its properties at once (one shape); placeholders' hints pad on the right instead.
  const hint = (line: number, character: number, label: string, right = false): InlayHint =>
    right ? { position: { line, character }, label: unbreakable(label), paddingLeft: false, data: doc, paddingRight: true } : { position: { line, character }, label: unbreakable(label), paddingLeft: true, data: doc };
  const dp = settings.decimals ?? SCORE_DECIMALS;
  const lines = a.syntax.lines;
  const first = range.start.line;
  const last = range.end.line;
  // Room at once for a hint per indicator and measure in the range (at most one a line; no copies of a growing
  // list), cut to what was made.
  const count = a.model.indicators.length + a.model.measures.length;
  const room = last - first + 1;
  const out: InlayHint[] = new Array(room >= 0 && room < count ? Math.floor(room) : count);
  let made = 0;
  const ev = a.evaluation;
  const indicatorHints = (list: readonly Indicator[]) => {
    for (let i = 0; i < list.length; i++) {
      const ind = list[i];
      if (ind.virtual || ind.line < first || ind.line > last) continue;
      const isParent = ind.children.length > 0;
      if (isParent ? !settings.subtotals : !settings.scores) continue;
      const r = ev.results.get(ind);
      // The stored label is Chinese at the default precision; another locale or precision makes it again.
      const label = !r ? undefined : locale !== DEFAULT_LOCALE ? resultLabel(ind, measuredText(ind, r, locale), r, dp, locale) : dp !== SCORE_DECIMALS ? resultLabel(ind, r.measuredText, r, dp) : r.label;
      if (label) out[made++] = hint(ind.line, lines[ind.line].text.length, label);
    }
  };
  indicatorHints(a.model.indicators);
  indicatorHints(a.model.measures);
  out.length = made;
  const inRange = (line: number) => line >= first && line <= last;
  if (settings.total) {
    const f = a.model.header.get("自评总分");
    if (f && inRange(f.line) && ev.total !== undefined) {
      out.push(hint(f.line, lines[f.line].text.length, `${say(locale, "计算", "computed")} ${formatScore(ev.total, dp)}${ev.grade ? ` · ${ev.grade}` : ""}`));
    }
    const g = a.model.header.get("等级");
    if (g && inRange(g.line) && ev.grade && !f) out.push(hint(g.line, lines[g.line].text.length, `${say(locale, "计算", "computed")} ${ev.grade}`));
  }
  if (settings.data) {
    // By the model's items (most have no derivation: no entry to make and drop for them); sorted below.
    const items = a.model.allData;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!item.node.derivation || !inRange(item.field.line)) continue;
      const r = ev.data.get(item);
      if (!r?.derived) continue;
      const shown = item.stated?.unit ? r.derived.withUnit(item.stated.unit) : r.derived;
      const label = `= ${shown.format(item.stated ? Math.max((item.stated.writtenDecimals ?? 0) + 2, 2) : 2)}`;
      out.push(hint(item.field.line, lines[item.field.line].text.length, label));
    }
  }
  if (settings.placeholders) {
    for (const p of ev.placeholders) {
      if (!inRange(p.placeholder.line) || p.value === undefined) continue;
      out.push(hint(p.placeholder.line, p.placeholder.span[1], `= ${p.value}`, true));
    }
  }
  // Most often already in order (indicators in file order, nothing else): checked in one pass, not sorted again.
  return inPlaceOrder(out) ? out : out.sort(byPlace);
}

const byPlace = (x: InlayHint, y: InlayHint): number => x.position.line - y.position.line || x.position.character - y.position.character;

function inPlaceOrder(hints: readonly InlayHint[]): boolean {
  for (let i = 1; i < hints.length; i++) if (byPlace(hints[i - 1], hints[i]) > 0) return false;
  return true;
}

/** The hint with its tooltip (the trace, as Markdown), when the analysis still has what it stands for at its place. */
export function resolveInlayHint(a: Analysis, h: InlayHint, locale: Locale = DEFAULT_LOCALE): InlayHint {
  const tooltip = tooltipAt(a, h.position.line, h.position.character, locale);
  return tooltip === undefined ? h : { ...h, tooltip: { kind: "markdown", value: tooltip } };
}

/** The trace of what a hint at this place stands for: a placeholder ending there, else the indicator, header total or derived data item of the line. */
function tooltipAt(a: Analysis, line: number, character: number, locale: Locale): string | undefined {
  const ev = a.evaluation;
  const p = ev.placeholders.find((x) => x.placeholder.line === line && x.placeholder.span[1] === character);
  if (p) return p.trace ? traceMarkdown(p.traceIn?.(locale) ?? p.trace, p.placeholder.name, locale) : undefined;
  const ind = a.model.indicators.find((i) => i.line === line && !i.virtual) ?? a.model.measures.find((i) => i.line === line);
  if (ind) {
    const r = ev.results.get(ind);
    return r ? traceMarkdown(r.traceIn(locale), ind.name, locale) : undefined;
  }
  if (a.model.header.get("自评总分")?.line === line) return traceMarkdown(ev.totalTraceIn(locale), say(locale, "自评总分", "Total (自评总分)"), locale);
  if (a.model.header.get("等级")?.line === line) return traceMarkdown(ev.totalTraceIn(locale), say(locale, "等级", "Grade (等级)"), locale);
  const item = a.model.allData.find((d) => d.field.line === line && d.node.derivation);
  const r = item && ev.data.get(item);
  return item && r ? traceMarkdown(r.traceIn(locale), item.name, locale) : undefined;
}
