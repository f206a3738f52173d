/** A trace (计算过程) as Markdown in the user's language, for hovers and hint tooltips. */
import type { Trace } from "../scoring/types";
import { DEFAULT_LOCALE, type Locale, say } from "../text/locale";

/** Escape text for inline Markdown (names and values from the file are text, never markup). */
export function esc(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|#])/g, "\\$1");
}

export function traceMarkdown(trace: Trace, title?: string, locale: Locale = DEFAULT_LOCALE): string {
  const w = (zh: string, en: string) => say(locale, zh, en);
  const out: string[] = [];
  if (title) out.push(`**${esc(title)}**`, "");
  if (trace.inputs.length) {
    out.push(w("| 输入 | 值 |", "| Input | Value |"), "|---|---|");
    for (const i of trace.inputs) out.push(`| ${esc(i.name)}${i.line !== undefined ? w(`（第 ${i.line + 1} 行）`, ` (line ${i.line + 1})`) : ""} | ${esc(i.value)} |`);
    out.push("");
  }
  if (trace.formula) out.push(`${w("公式：", "Formula: ")}\`${trace.formula.replace(/`/g, "'")}\``, "");
  if (trace.substituted) out.push(`${w("代入：", "Substituted: ")}${esc(trace.substituted)}`, "");
  if (trace.rule) out.push(`${w("规则：", "Rule: ")}${esc(trace.rule)}`, "");
  for (const s of trace.steps) out.push(`- ${esc(s)}`);
  if (trace.steps.length) out.push("");
  out.push(`${w("结果：", "Result: ")}**${esc(trace.result)}**`);
  return out.join("\n");
}
