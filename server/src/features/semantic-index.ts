/**
 * A per-analysis index of what stands where: heading lines → indicators,
 * field lines → data items, and every reference to a name (in formulas,
 * derivations and placeholders) with what it resolves to. Built once per
 * analysis (cached), used by hover, navigation, completion and hints.
 */
import type { Analysis } from "../analysis";
import { lastAtOrBefore } from "../sorted";
import { WeakCache } from "../cache-entry";
import type { DataItem, Indicator, IndicatorBlock, Placeholder, Section } from "../model/types";
import type { ExprNode, Span } from "../syntax/ast";

const startOf = (b: { start: number }): number => b.start;

export interface NameRef {
  name: string;
  line: number;
  span: Span;
  /** The indicator whose block holds the reference (for local names). */
  /** The block of the indicator the name is read in (undefined: a shared name). */
  scope?: IndicatorBlock;
  target?: DataItem | Indicator;
  placeholder?: Placeholder;
}

export interface SemanticIndex {
  headingIndicator: Map<number, Indicator>;
  headingSection: Map<number, Section>;
  dataAtLine: Map<number, DataItem>;
  refs: NameRef[];
  refsByLine: Map<number, NameRef[]>;
  /** The indicator (or measure) whose block contains a line. */
  ownerOf(line: number): Indicator | undefined;
  indicatorByName: Map<string, Indicator>;
}

export const semanticIndexCache = new WeakCache<Analysis, SemanticIndex>(
  "features/semantic-index.ts semanticIndexCache: each analysis's index of names and references",
  "an analysis",
  "analysis",
);

export function semanticIndex(a: Analysis): SemanticIndex {
  let idx = semanticIndexCache.get(a);
  if (!idx) {
    idx = build(a);
    semanticIndexCache.set(a, idx);
  }
  return idx;
}

function exprNames(e: ExprNode, out: { name: string; span: Span }[]): void {
  switch (e.kind) {
    case "name":
      out.push({ name: e.name, span: e.span });
      break;
    case "neg":
      exprNames(e.operand, out);
      break;
    case "binary":
      exprNames(e.left, out);
      exprNames(e.right, out);
      break;
    default:
      break;
  }
}

function build(a: Analysis): SemanticIndex {
  const m = a.model;
  const headingIndicator = new Map<number, Indicator>();
  const headingSection = new Map<number, Section>();
  const indicatorByName = new Map<string, Indicator>();
  const blocks: { start: number; end: number; ind: Indicator }[] = [];
  for (const ind of [...m.indicators, ...m.measures]) {
    if (ind.virtual) continue;
    headingIndicator.set(ind.line, ind);
    if (!indicatorByName.has(ind.name)) indicatorByName.set(ind.name, ind);
    blocks.push({ start: ind.line, end: ind.endLine, ind });
  }
  blocks.sort((x, y) => x.start - y.start);
  for (const s of m.sections) headingSection.set(s.line, s);
  const dataAtLine = new Map<number, DataItem>();
  for (const d of m.allData) dataAtLine.set(d.field.line, d);

  const refs: NameRef[] = [];
  const resolve = (name: string, scope: IndicatorBlock | undefined): DataItem | undefined => scope?.data.get(name) ?? m.data.get(name);
  const addExpr = (e: ExprNode, line: number, scope: IndicatorBlock | undefined) => {
    const names: { name: string; span: Span }[] = [];
    exprNames(e, names);
    for (const n of names) {
      // A quoted name's span includes its quotes; the reference is the name itself.
      const quoted = n.span[1] - n.span[0] === n.name.length + 2;
      const span: Span = quoted ? [n.span[0] + 1, n.span[1] - 1] : n.span;
      refs.push({ name: n.name, line, span, scope, target: resolve(n.name, scope) });
    }
  };
  for (const d of m.allData) if (d.node.derivation) addExpr(d.node.derivation, d.field.line, d.scope);
  for (const ind of [...m.indicators, ...m.measures]) if (ind.formula && !ind.virtual) addExpr(ind.formula.expr, ind.formula.field.line, ind);
  for (const p of m.placeholders) {
    const dot = p.name.lastIndexOf(".");
    const base = dot > 0 ? p.name.slice(0, dot) : p.name;
    const target: DataItem | Indicator | undefined = m.data.get(p.name) ?? indicatorByName.get(base) ?? m.data.get(base);
    // The name inside the braces: `{{ name }}` → span of `name`.
    const text = a.syntax.lines[p.line].text.slice(p.span[0], p.span[1]);
    const inner = text.indexOf(base);
    const span: Span = inner >= 0 ? [p.span[0] + inner, p.span[0] + inner + base.length] : p.span;
    refs.push({ name: base, line: p.line, span, target, placeholder: p });
  }
  const refsByLine = new Map<number, NameRef[]>();
  for (const r of refs) {
    const list = refsByLine.get(r.line);
    if (list) list.push(r);
    else refsByLine.set(r.line, [r]);
  }
  const ownerOf = (line: number): Indicator | undefined => {
    const found = lastAtOrBefore(blocks, line, startOf);
    return found && line <= found.end ? found.ind : undefined;
  };
  return { headingIndicator, headingSection, dataAtLine, refs, refsByLine, ownerOf, indicatorByName };
}

/** The reference or definition under a position, if any. */
export function symbolAt(a: Analysis, line: number, character: number): { kind: "data"; item: DataItem } | { kind: "indicator"; indicator: Indicator } | { kind: "ref"; ref: NameRef } | undefined {
  const idx = semanticIndex(a);
  for (const r of idx.refsByLine.get(line) ?? []) {
    if (character >= r.span[0] && character <= r.span[1]) return { kind: "ref", ref: r };
  }
  const d = idx.dataAtLine.get(line);
  if (d && character >= d.field.keySpan[0] && character <= d.field.keySpan[1]) return { kind: "data", item: d };
  const ind = idx.headingIndicator.get(line);
  if (ind) return { kind: "indicator", indicator: ind };
  return undefined;
}
