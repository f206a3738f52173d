/**
 * What every part of the report model reads from the analysis: prose with
 * placeholders filled, indicator names, results and numbers formatted.
 * A pure reader; nothing here decides about the language (the evaluation did).
 */
import type Decimal from "decimal.js";
import type { Analysis } from "../analysis";
import type { Field, Indicator } from "../model/types";
import type { IndicatorResult } from "../scoring/types";
import { formatDecimal } from "../quantity/decimal";
import { countBlanks } from "../diagnostics/blanks";
import { cleanText, escapeMarkdownInline } from "./text";
import type { ListItem, Paragraph, ProseText, ReportOptions } from "./types";

interface Piece {
  raw: string;
  /** Set for a placeholder: the filled value, or undefined when unknown. */
  placeholder?: { value?: string };
}

export class ReportContext {
  readonly dp: number;
  /** Placeholder values by line, in span order. */
  private readonly placeholders = new Map<number, { span: readonly [number, number]; value?: string }[]>();
  /** Lines of shared data items written in prose sections. */
  private readonly dataLines = new Set<number>();

  constructor(
    readonly analysis: Analysis,
    readonly options: ReportOptions,
  ) {
    this.dp = options.decimals ?? 2;
    // While blanks (待填写) remain the file has no grade: {{等级}} stays as written, as an unknown value does.
    const unfinished = countBlanks(analysis.evaluation.diagnostics) > 0;
    for (const p of analysis.evaluation.placeholders) {
      const list = this.placeholders.get(p.placeholder.line) ?? [];
      list.push({ span: p.placeholder.span, value: unfinished && p.placeholder.name === "等级" ? undefined : p.value });
      this.placeholders.set(p.placeholder.line, list);
    }
    for (const list of this.placeholders.values()) list.sort((a, b) => a.span[0] - b.span[0]);
    for (const item of analysis.model.allData) if (!item.scope) this.dataLines.add(item.field.line);
  }

  // ── header and numbers ──

  header(key: string): string | undefined {
    const f = this.analysis.model.header.get(key);
    const v = f?.value.trim();
    return v ? cleanText(v) : undefined;
  }

  /** A number at the report's decimals; "" when there is none. */
  num(v: Decimal | null | undefined): string {
    return v === null || v === undefined ? "" : formatDecimal(v, this.dp);
  }

  // ── indicators ──

  result(ind: Indicator): IndicatorResult | undefined {
    return this.analysis.evaluation.results.get(ind);
  }

  indicatorName(ind: Indicator): string {
    if (ind.virtual) return cleanText(ind.name);
    return this.headingTitle(ind.line, ind.titleSpan, ind.name);
  }

  field(ind: Indicator, key: string): string | undefined {
    const f: Field | undefined = ind.fields.get(key);
    const v = f?.value.trim();
    return v ? cleanText(v) : undefined;
  }

  /** Path of an indicator's ancestors' names, joined by ` / `. */
  pathOf(ind: Indicator): string {
    const path: string[] = [];
    for (let p = ind.parent; p; p = p.parent) path.unshift(this.indicatorName(p));
    return path.join(" / ");
  }

  /** The score the report prints: the evaluation's score (a judgement's is the stated one). */
  score(ind: Indicator): string {
    return this.num(this.result(ind)?.score);
  }

  // ── prose ──

  lineText(line: number): string {
    return this.analysis.model.syntax.lines[line]?.text ?? "";
  }

  /** The pieces of `line` within [start, end): raw text and placeholders. */
  private pieces(line: number, start: number, end: number): Piece[] {
    const text = this.lineText(line);
    const out: Piece[] = [];
    let at = start;
    for (const p of this.placeholders.get(line) ?? []) {
      if (p.span[0] < at || p.span[1] > end) continue;
      if (p.span[0] > at) out.push({ raw: text.slice(at, p.span[0]) });
      out.push({ raw: text.slice(p.span[0], p.span[1]), placeholder: { value: p.value } });
      at = p.span[1];
    }
    if (at < end) out.push({ raw: text.slice(at, end) });
    return out;
  }

  /** Plain text of a span with placeholders filled (unknown ones kept as written). */
  plain(line: number, start: number, end: number): string {
    return cleanText(
      this.pieces(line, start, end)
        .map((p) => (p.placeholder ? (p.placeholder.value ?? p.raw) : p.raw))
        .join("")
        .trim(),
    );
  }

  /** Inline Markdown of a span: the author's markup kept, filled values escaped. */
  markdown(line: number, start: number, end: number): string {
    const md = this.pieces(line, start, end)
      .map((p) => (p.placeholder ? escapeMarkdownInline(cleanText(p.placeholder.value ?? p.raw)) : cleanMarkdown(p.raw)))
      .join("")
      .trim();
    return guardBlockStart(md);
  }

  prose(line: number, start: number, end: number): ProseText {
    return { line, text: this.plain(line, start, end), markdown: this.markdown(line, start, end) };
  }

  /** Paragraphs of the given lines. */
  paragraphs(lines: Iterable<number>, inSection: boolean): Paragraph[] {
    const out: Paragraph[] = [];
    const { syntax } = this.analysis.model;
    let list: ListItem[] | undefined;
    const flush = (): void => {
      if (list?.length) out.push({ kind: "list", items: list });
      list = undefined;
    };
    for (const i of lines) {
      if (syntax.conflictLines.has(i)) continue;
      const sl = syntax.lines[i];
      if (!sl) continue;
      const n = sl.node;
      if (n.kind === "comment") continue;
      if (n.kind === "blank" || n.kind === "conflict" || n.kind === "heading") {
        flush();
        continue;
      }
      if (n.kind === "item" || n.kind === "check") {
        list ??= [];
        const item: ListItem = this.prose(i, n.text.span[0], n.text.span[1]);
        if (n.kind === "check") item.checked = n.checked;
        list.push(item);
        continue;
      }
      if (n.kind === "field" && inSection && this.dataLines.has(i) && !this.options.showDataLines) continue;
      flush();
      const p = this.prose(i, 0, sl.text.length);
      // A data line shown as written is a figure, not Markdown.
      if (n.kind === "field" && this.dataLines.has(i)) p.markdown = guardBlockStart(escapeMarkdownInline(p.text));
      if (p.text) out.push({ kind: "text", ...p });
    }
    flush();
    return out;
  }

  headingTitle(line: number, span: readonly [number, number], fallback: string): string {
    if (span[1] <= span[0]) return cleanText(fallback);
    return this.plain(line, span[0], span[1]) || cleanText(fallback);
  }
}

/**
 * A target or rule as the form prints it: an `=` before a number is dropped
 * ("=100%" → "100%", "=0% 满分" → "0% 满分"); `>=` and `<=` are printed ≥ and
 * ≤; <, > are kept.
 */
export function formText(text: string): string {
  return text
    .replace(/>=|＞＝|≧/g, "≥")
    .replace(/<=|＜＝|≦/g, "≤")
    .replace(/(^|[\s；;，,：:（(])[=＝]\s*(?=[-+−]?\d)/g, "$1");
}

/**
 * Raw author text as inline Markdown: controls made visible with their
 * brackets escaped (so a marker never becomes link text).
 */
function cleanMarkdown(raw: string): string {
  return cleanText(raw).replace(/\[(U\+[0-9A-F]{4})\]/g, "\\[$1\\]");
}

/**
 * Keep a line of prose a paragraph when a writer reads it as Markdown blocks:
 * `1) …`, `1. …`, `* …`, `+ …`, `- …`, `> …`, `# …`, `---` at the start are escaped.
 */
function guardBlockStart(md: string): string {
  const m = /^(\d{1,9})([.)])(\s|$)/.exec(md);
  if (m) return `${m[1]}\\${m[2]}${md.slice(m[1].length + 1)}`;
  if (/^([>#]|[*+-](\s|$)|-{3,}|_{3,}|\*{3,}\s*$)/.test(md)) return `\\${md}`;
  return md;
}
