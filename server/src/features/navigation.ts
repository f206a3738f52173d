/** Go to definition, find references and rename, for data names and for indicators cited by placeholders. */
import type { Location, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import type { DataItem, Indicator } from "../model/types";
import { semanticIndex, symbolAt } from "./semantic-index";
import { newNameProblem, type NameProblem } from "./rename-check";

type Target = DataItem | Indicator;

function isData(t: Target): t is DataItem {
  return "field" in t;
}

function targetAt(a: Analysis, line: number, character: number): Target | undefined {
  const s = symbolAt(a, line, character);
  if (!s) return undefined;
  if (s.kind === "data") return s.item;
  if (s.kind === "indicator") return s.indicator;
  return s.ref.target;
}

function defRange(t: Target): Range {
  if (isData(t)) return { start: { line: t.field.line, character: t.field.keySpan[0] }, end: { line: t.field.line, character: t.field.keySpan[1] } };
  return { start: { line: t.line, character: t.titleSpan[0] }, end: { line: t.line, character: t.titleSpan[1] } };
}

export function definition(a: Analysis, uri: string, line: number, character: number): Location | null {
  const t = targetAt(a, line, character);
  return t ? { uri, range: defRange(t) } : null;
}

function refRanges(a: Analysis, t: Target): Range[] {
  return semanticIndex(a)
    .refs.filter((r) => r.target === t)
    .map((r) => ({ start: { line: r.line, character: r.span[0] }, end: { line: r.line, character: r.span[1] } }));
}

export function references(a: Analysis, uri: string, line: number, character: number, includeDeclaration = true): Location[] {
  const t = targetAt(a, line, character);
  if (!t) return [];
  const ranges = refRanges(a, t);
  if (includeDeclaration) ranges.unshift(defRange(t));
  return ranges.map((range) => ({ uri, range }));
}

export function prepareRename(a: Analysis, line: number, character: number): Range | null {
  const s = symbolAt(a, line, character);
  if (!s) return null;
  if (s.kind === "ref") return s.ref.target ? { start: { line, character: s.ref.span[0] }, end: { line, character: s.ref.span[1] } } : null;
  return defRange(s.kind === "data" ? s.item : s.indicator);
}

const NEEDS_QUOTES = /[\s+\-*/×÷()=<>:;,.%‰「」“”"]|^\d/;

/** Why the symbol at the position cannot be renamed to `newName` (see rename-check.ts), or undefined. */
export function renameProblem(a: Analysis, line: number, character: number, newName: string): NameProblem | undefined {
  const t = targetAt(a, line, character);
  return t ? newNameProblem(a, t.name, newName) : undefined;
}

/** The edits of a rename; null where there is nothing to rename or the new name is refused (renameProblem says why). */
export function rename(a: Analysis, uri: string, line: number, character: number, newName: string): WorkspaceEdit | null {
  const t = targetAt(a, line, character);
  if (!t || newNameProblem(a, t.name, newName)) return null;
  const name = newName.trim();
  const edits: TextEdit[] = [{ range: defRange(t), newText: name }];
  for (const r of semanticIndex(a).refs) {
    if (r.target !== t) continue;
    const text = a.syntax.lines[r.line].text;
    const quoted = r.span[0] > 0 && /[「“"]/.test(text[r.span[0] - 1]);
    const newText = !r.placeholder && !quoted && NEEDS_QUOTES.test(name) ? `「${name}」` : name;
    edits.push({ range: { start: { line: r.line, character: r.span[0] }, end: { line: r.line, character: r.span[1] } }, newText });
  }
  return { changes: { [uri]: edits } };
}
