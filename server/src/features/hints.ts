/**
 * Inlay hints: scores after indicator headings, subtotals after parents, the
 * computed total after 自评总分, computed values after derived data, values
 * after placeholders. Hints sit at the end of a line (or just after a
 * placeholder's closing braces), never inside a value being typed.
 */
import type { InlayHint, Range } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import { formatScore } from "../quantity/decimal";
import { formatPercent } from "../quantity/quantity";
import type { Indicator } from "../model/types";
import type { IndicatorResult } from "../scoring/types";
import { traceMarkdown } from "./trace-markdown";
import { measuredText } from "../scoring/present";

export interface HintSettings {
  scores: boolean;
  subtotals: boolean;
  total: boolean;
  data: boolean;
  placeholders: boolean;
  /** perf.report.decimals: how many decimals a score shows (formatScore). */
  decimals?: number;
}

export const DEFAULT_HINTS: HintSettings = { scores: true, subtotals: true, total: true, data: true, placeholders: true };

/** The short measured part of a leaf's hint: `98.21%`, `符合`, `2/2 项`, or how it was scored. */
export function measuredLabel(ind: Indicator, r: IndicatorResult | undefined): string {
  const text = measuredText(ind, r);
  if (text) return text;
  if (ind.findings.length && r?.kind === "deduction") return `扣分 ${ind.findings.length} 项`;
  if (r?.kind === "judgement") return "评价人判断";
  return "";
}

export function indicatorHintLabel(ind: Indicator, r: IndicatorResult | undefined, dp?: number): string {
  if (ind.weight === null) {
    if (r?.rate !== undefined) return `完成率 ${formatPercent(r.rate)}`;
    return r?.measured ? r.measured.format() : "";
  }
  const w = formatScore(ind.weight, dp);
  const score = r?.score === undefined ? "?" : formatScore(r.score, dp);
  if (ind.children.length) return `${score}/${w}`;
  const m = measuredLabel(ind, r);
  return m ? `${m} → ${score}/${w}` : `${score}/${w}`;
}

/**
 * A label that word wrap cannot split between a number and its unit: the
 * space after a digit becomes a no-break space. (Inside a number, `.` `,` `/`
 * and `%` are taken out of the break characters for .perf files, in
 * package.json's configurationDefaults.)
 */
export function unbreakable(label: string): string {
  return label.replace(/(\d) (?=[\u3400-\u9fff])/g, "$1\u00a0");
}

function hint(line: number, character: number, label: string, tooltip: string | undefined): InlayHint {
  return {
    position: { line, character },
    label: unbreakable(label),
    paddingLeft: true,
    tooltip: tooltip ? { kind: "markdown", value: tooltip } : undefined,
  };
}

export function inlayHints(a: Analysis, range: Range, settings: HintSettings = DEFAULT_HINTS): InlayHint[] {
  const out: InlayHint[] = [];
  const lines = a.syntax.lines;
  const inRange = (line: number) => line >= range.start.line && line <= range.end.line;
  const ev = a.evaluation;
  for (const ind of [...a.model.indicators, ...a.model.measures]) {
    if (ind.virtual || !inRange(ind.line)) continue;
    const isParent = ind.children.length > 0;
    if (isParent ? !settings.subtotals : !settings.scores) continue;
    const r = ev.results.get(ind);
    const label = indicatorHintLabel(ind, r, settings.decimals);
    if (!label) continue;
    out.push(hint(ind.line, lines[ind.line].text.length, label, r ? traceMarkdown(r.trace, ind.name) : undefined));
  }
  if (settings.total) {
    const f = a.model.header.get("自评总分");
    if (f && inRange(f.line) && ev.total !== undefined) {
      const label = `计算 ${formatScore(ev.total, settings.decimals)}${ev.grade ? ` · ${ev.grade}` : ""}`;
      out.push(hint(f.line, lines[f.line].text.length, label, traceMarkdown(ev.totalTrace, "自评总分")));
    }
    const g = a.model.header.get("等级");
    if (g && inRange(g.line) && ev.grade && !f) out.push(hint(g.line, lines[g.line].text.length, `计算 ${ev.grade}`, traceMarkdown(ev.totalTrace, "等级")));
  }
  if (settings.data) {
    for (const [item, r] of ev.data) {
      if (!item.node.derivation || !inRange(item.field.line) || !r.derived) continue;
      const shown = item.stated?.unit ? r.derived.withUnit(item.stated.unit) : r.derived;
      out.push(hint(item.field.line, lines[item.field.line].text.length, `= ${shown.format(item.stated ? Math.max((item.stated.writtenDecimals ?? 0) + 2, 2) : 2)}`, traceMarkdown(r.trace, item.name)));
    }
  }
  if (settings.placeholders) {
    for (const p of ev.placeholders) {
      if (!inRange(p.placeholder.line) || p.value === undefined) continue;
      out.push({ ...hint(p.placeholder.line, p.placeholder.span[1], `= ${p.value}`, p.trace ? traceMarkdown(p.trace, p.placeholder.name) : undefined), paddingLeft: false, paddingRight: true });
    }
  }
  return out.sort((x, y) => x.position.line - y.position.line || x.position.character - y.position.character);
}
