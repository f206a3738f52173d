/** Semantic tokens: indicator vs section headings, reserved keys, data names, numbers, units, comments, placeholders. */
import type { Analysis } from "../analysis";
import { HEADER_KEYS, TEXT_KEYS, VALUE_KEYS } from "../model/keys";
import { semanticIndex } from "./semantic-index";

/**
 * Token types. Field keys (说明, 评分, 目标…) are `property`, not `keyword`:
 * several default themes (VS Code's 2026 Light among them) colour keywords red,
 * which a finance officer reads as an error. Values of rules and results are
 * `enumMember` (a constant colour), numbers `number`.
 */
export const TOKEN_TYPES = ["class", "namespace", "keyword", "variable", "number", "type", "comment", "macro", "enumMember", "operator", "property"] as const;
export const TOKEN_MODIFIERS = ["declaration", "readonly"] as const;
type TokenType = (typeof TOKEN_TYPES)[number];

interface Tok {
  line: number;
  start: number;
  length: number;
  type: TokenType;
  mod: number;
}

const NUMBER_RE = /[+-]?\d[\d,]*(\.\d+)?\s*(%|‰)?/g;

export function semanticTokens(a: Analysis): number[] {
  const toks: Tok[] = [];
  const idx = semanticIndex(a);
  const lines = a.syntax.lines;
  const add = (line: number, start: number, end: number, type: TokenType, mod = 0) => {
    if (end > start) toks.push({ line, start, length: end - start, type, mod });
  };
  for (let i = 0; i < lines.length; i++) {
    const { node, folded } = lines[i];
    if (folded.length > 5000) continue;
    switch (node.kind) {
      case "comment":
        add(i, folded.length - folded.trimStart().length, folded.length, "comment");
        break;
      case "heading": {
        const ind = idx.headingIndicator.get(i);
        add(i, node.titleSpan[0], node.titleSpan[1], ind ? "class" : "namespace", 1);
        if (node.weight) add(i, node.weight.span[0], node.weight.span[1], "number");
        break;
      }
      case "field": {
        const key = node.key.text;
        const data = idx.dataAtLine.get(i);
        const inHeaderOrIndicator = HEADER_KEYS.has(key) || TEXT_KEYS.has(key) || VALUE_KEYS.has(key);
        if (data) add(i, node.key.span[0], node.key.span[1], "variable", 1);
        else if (inHeaderOrIndicator) add(i, node.key.span[0], node.key.span[1], "property");
        else break;
        if (TEXT_KEYS.has(key) && key !== "结果") break;
        const refs = idx.refsByLine.get(i) ?? [];
        const valueStart = node.value.span[0];
        const value = folded.slice(valueStart, node.value.span[1]);
        NUMBER_RE.lastIndex = 0;
        for (let m = NUMBER_RE.exec(value); m; m = NUMBER_RE.exec(value)) {
          const s = valueStart + m.index;
          if (refs.some((r) => s >= r.span[0] && s < r.span[1])) continue;
          add(i, s, s + m[0].length, "number");
        }
        for (const r of refs) add(i, r.span[0], r.span[1], "variable");
        if (key === "结果") add(i, node.value.span[0], node.value.span[1], "enumMember");
        break;
      }
      default:
        break;
    }
    for (const r of idx.refsByLine.get(i) ?? []) if (r.placeholder) add(i, r.placeholder.span[0], r.placeholder.span[1], "macro");
  }
  toks.sort((x, y) => x.line - y.line || x.start - y.start);
  const data: number[] = [];
  let pl = 0;
  let pc = 0;
  let lastEnd = -1;
  let lastLine = -1;
  for (const t of toks) {
    if (t.line === lastLine && t.start < lastEnd) continue; // no overlaps
    const dl = t.line - pl;
    const dc = dl === 0 ? t.start - pc : t.start;
    data.push(dl, dc, t.length, TOKEN_TYPES.indexOf(t.type), t.mod);
    pl = t.line;
    pc = t.start;
    lastLine = t.line;
    lastEnd = t.start + t.length;
  }
  return data;
}
