/** Document symbols (the outline: indicator tree with weights and scores, and prose sections) and folding ranges. */
import { SymbolKind, FoldingRangeKind, type DocumentSymbol, type FoldingRange } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import type { Indicator } from "../model/types";

export function documentSymbols(a: Analysis): DocumentSymbol[] {
  const lines = a.syntax.lines;
  const lineEnd = (l: number) => lines[l]?.text.length ?? 0;
  const range = (start: number, end: number) => ({ start: { line: start, character: 0 }, end: { line: end, character: lineEnd(end) } });
  const sel = (ind: Indicator) => ({ start: { line: ind.line, character: ind.titleSpan[0] }, end: { line: ind.line, character: ind.titleSpan[1] } });
  const forIndicator = (ind: Indicator): DocumentSymbol => ({
    name: ind.name || "（无名指标）",
    detail: a.evaluation.results.get(ind)?.label ?? "",
    kind: ind.weight === null ? SymbolKind.Event : ind.children.length ? SymbolKind.Namespace : SymbolKind.Field,
    range: range(ind.line, Math.max(ind.line, ind.subtreeEndLine)),
    selectionRange: sel(ind),
    children: ind.children.map(forIndicator),
  });
  // Sections nest by level; a section holds the indicators and sections under it.
  const roots: DocumentSymbol[] = [];
  const stack: { level: number; sym: DocumentSymbol }[] = [];
  const push = (level: number, sym: DocumentSymbol) => {
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.sym.children!.push(sym);
      parent.sym.range.end = sym.range.end.line > parent.sym.range.end.line ? sym.range.end : parent.sym.range.end;
    } else roots.push(sym);
  };
  for (const b of a.model.blocks) {
    if (b.kind === "section") {
      const s = b.section;
      const sym: DocumentSymbol = {
        name: s.title || "（无标题）",
        kind: SymbolKind.String,
        range: range(s.line, s.endLine),
        selectionRange: { start: { line: s.line, character: s.titleSpan[0] }, end: { line: s.line, character: s.titleSpan[1] } },
        children: [],
      };
      push(s.level, sym);
      stack.push({ level: s.level, sym });
    } else if (!b.indicator.virtual && (b.indicator.weight === null || !b.indicator.parent)) {
      push(b.indicator.level, forIndicator(b.indicator));
    }
  }
  return roots;
}

export function foldingRanges(a: Analysis): FoldingRange[] {
  const out: FoldingRange[] = [];
  const lines = a.syntax.lines;
  const headings: { line: number; level: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const n = lines[i].node;
    if (n.kind === "heading") headings.push({ line: i, level: n.level });
  }
  for (let h = 0; h < headings.length; h++) {
    let end = lines.length - 1;
    for (let k = h + 1; k < headings.length; k++) {
      if (headings[k].level <= headings[h].level) {
        end = headings[k].line - 1;
        break;
      }
    }
    while (end > headings[h].line && lines[end].node.kind === "blank") end--;
    if (end > headings[h].line) out.push({ startLine: headings[h].line, endLine: end });
  }
  // The header block and runs of comments.
  const firstHeading = headings.length ? headings[0].line : lines.length;
  let headerEnd = firstHeading - 1;
  while (headerEnd > 0 && lines[headerEnd].node.kind === "blank") headerEnd--;
  if (headerEnd > 0) out.push({ startLine: 0, endLine: headerEnd });
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].node.kind !== "comment") continue;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1].node.kind === "comment") j++;
    if (j > i) out.push({ startLine: i, endLine: j, kind: FoldingRangeKind.Comment });
    i = j;
  }
  return out;
}
