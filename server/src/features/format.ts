/**
 * The formatter. It changes only what docs/format.md (“格式化”) lists:
 *
 * - the spacing around a field's key and its colon (`键 : 值` → `键：值`);
 * - heading marks (`#` count kept, one space after) and checklist marks (`- [x] `);
 * - blank lines between blocks (runs collapsed, one before a heading, none at the ends);
 * - digits and number punctuation inside the values of numeric fields — data
 *   items, 目标, 实际, 完成率, 得分, 公式 and the numeric header keys 年度, 满分,
 *   自评总分: full-width digits become ASCII, and `．，％` next to a digit become `.,%`.
 *
 * Everything else is kept byte for byte: prose fields (理由, 说明, 偏差原因,
 * 改进措施, 备注…), text-valued header keys, 评分 (it may be a sentence), text
 * and list lines (trailing spaces included: they may be Markdown line breaks),
 * table rows, a heading's title and weight, a check point's text. A file with
 * Git conflict markers is left as it is. Idempotent.
 */
import { analyze, type Analysis } from "../analysis";

/** Field keys whose values are numbers (besides data items). */
const NUMERIC_KEYS: readonly string[] = ["目标", "实际", "完成率", "得分", "公式", "年度", "满分", "自评总分"];

const FULL_DIGIT = /[\uFF10-\uFF19]/g;
const DIGIT_PUNCT = /(?<=\d)[．，](?=\d)|(?<=\d)％/g;
const HALF: Record<string, string> = { "．": ".", "，": ",", "％": "%" };

/** Full-width digits to ASCII; `．`/`，` between digits and `％` after one to ASCII. Nothing else. */
export function asciiNumbers(text: string): string {
  return text.replace(FULL_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(DIGIT_PUNCT, (c) => HALF[c]);
}

type Role = "numeric" | "prose";

/** Lines the model took as fields, and whether their values are numeric. */
function fieldRoles(a: Analysis): Map<number, Role> {
  const roles = new Map<number, Role>();
  const add = (line: number, key: string) => roles.set(line, NUMERIC_KEYS.includes(key) ? "numeric" : "prose");
  for (const f of a.model.header.values()) add(f.line, f.key);
  for (const ind of [...a.model.indicators, ...a.model.measures]) {
    if (ind.virtual) continue;
    for (const f of ind.fields.values()) add(f.line, f.key);
  }
  for (const d of a.model.allData) roles.set(d.field.line, "numeric");
  return roles;
}

export function formatText(text: string, analysis?: Analysis): string {
  const a = analysis ?? analyze(text);
  if (a.syntax.diagnostics.some((d) => d.code === "PE102")) return text;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const roles = fieldRoles(a);
  const out: string[] = [];
  const lines = a.syntax.lines;
  for (let i = 0; i < lines.length; i++) {
    const { text: raw, folded, node } = lines[i];
    let line: string;
    switch (node.kind) {
      case "blank":
        line = "";
        break;
      case "heading": {
        const marks = /^ *#+[ \t]*/.exec(folded)?.[0].length ?? 0;
        line = `${"#".repeat(node.level)} ${raw.slice(marks)}`;
        break;
      }
      case "check": {
        const start = node.text.span[0];
        line = `- [${node.checked ? "x" : " "}] ${raw.slice(start)}`;
        break;
      }
      case "field": {
        const role = roles.get(i);
        // A pipe-table row ("|其中:本年财政拨款|80|") is kept as written, even where it parses as a field (issue 10).
        if (!role || a.syntax.conflictLines.has(i) || folded.trimStart().startsWith("|")) {
          line = raw;
          break;
        }
        const key = raw.slice(node.key.span[0], node.key.span[1]);
        const value = raw.slice(node.value.span[0]);
        line = `${key}：${role === "numeric" ? asciiNumbers(value) : value}`;
        break;
      }
      default:
        line = raw;
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
