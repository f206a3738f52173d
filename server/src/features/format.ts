/**
 * The formatter: one style for keys, headings, list marks, blank lines and
 * digits in values. It never changes meaning: prose lines keep every
 * character (only trailing spaces go), and a file with Git conflict markers
 * is left as it is. Idempotent.
 */
import { analyze, type Analysis } from "../analysis";

const FULL_DIGIT_RE = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF05]/g;

function asciiDigits(text: string): string {
  return text.replace(FULL_DIGIT_RE, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Trailing spaces as the grammar sees them (space, tab, and what folds to a
 * space). Not `trimEnd()`: that also eats U+2028, U+FEFF and the like, which
 * the parser keeps, so removing them could turn a prose line into a heading.
 */
function trimTrailingSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && " \t\u3000\u00a0".includes(text[end - 1])) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** What follows a span that the grammar trimmed off but is not a plain space (kept: the formatter loses no character). */
function rest(raw: string, end: number): string {
  return trimTrailingSpaces(raw.slice(end));
}

/** Lines the model took as fields (header keys, indicator fields, data items). */
function fieldLines(a: Analysis): Set<number> {
  const set = new Set<number>();
  for (const f of a.model.header.values()) set.add(f.line);
  for (const d of a.model.allData) set.add(d.field.line);
  for (const ind of [...a.model.indicators, ...a.model.measures]) {
    if (ind.virtual) continue;
    for (const f of ind.fields.values()) set.add(f.line);
  }
  return set;
}

export function formatText(text: string, analysis?: Analysis): string {
  const a = analysis ?? analyze(text);
  if (a.syntax.diagnostics.some((d) => d.code === "PE102")) return text;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const fields = fieldLines(a);
  const out: string[] = [];
  const lines = a.syntax.lines;
  for (let i = 0; i < lines.length; i++) {
    const { text: raw, node } = lines[i];
    let line: string;
    switch (node.kind) {
      case "blank":
        line = "";
        break;
      case "heading": {
        // The title as written between the marks and the weight: the grammar's
        // title span is JS-trimmed (it drops U+2028, U+FEFF…), so it is not used.
        const start = /^ *#+[ \t]+/.exec(lines[i].folded)?.[0].length ?? node.titleSpan[0];
        const title = trimTrailingSpaces(raw.slice(start, node.weight ? node.weight.span[0] : raw.length));
        line = `${"#".repeat(node.level)} ${title}${node.weight ? `（${node.weight.value}分）${rest(raw, node.weight.span[1])}` : ""}`;
        break;
      }
      case "check":
        line = `- [${node.checked ? "x" : " "}] ${raw.slice(node.text.span[0], node.text.span[1])}${rest(raw, node.text.span[1])}`;
        break;
      case "field":
        if (fields.has(i)) {
          const key = raw.slice(node.key.span[0], node.key.span[1]);
          const value = raw.slice(node.value.span[0], node.value.span[1]);
          line = `${key}：${asciiDigits(value)}${rest(raw, node.value.span[1])}`;
          break;
        }
        line = trimTrailingSpaces(raw);
        break;
      default:
        line = trimTrailingSpaces(raw);
        break;
    }
    if (line === "") {
      if (out.length === 0 || out[out.length - 1] === "") continue;
    } else if (node.kind === "heading" && out.length > 0 && out[out.length - 1] !== "") {
      out.push("");
    }
    out.push(line);
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return out.join(eol) + eol;
}
