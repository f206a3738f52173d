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
        const title = raw.slice(node.titleSpan[0], node.titleSpan[1]);
        line = "#".repeat(node.level) + " " + title + (node.weight ? `（${node.weight.value}分）` : "");
        break;
      }
      case "check":
        line = `- [${node.checked ? "x" : " "}] ` + raw.slice(node.text.span[0], node.text.span[1]);
        break;
      case "field":
        if (fields.has(i)) {
          const key = raw.slice(node.key.span[0], node.key.span[1]);
          const value = raw.slice(node.value.span[0], node.value.span[1]);
          line = `${key}：${asciiDigits(value)}`;
          break;
        }
        line = raw.trimEnd();
        break;
      default:
        line = raw.trimEnd();
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
