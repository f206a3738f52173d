/** A trace (计算过程) as Chinese Markdown, for hovers and hint tooltips. */
import type { Trace } from "../scoring/types";

/** Escape text for inline Markdown (names and values from the file are text, never markup). */
export function esc(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|#])/g, "\\$1");
}

export function traceMarkdown(trace: Trace, title?: string): string {
  const out: string[] = [];
  if (title) out.push(`**${esc(title)}**`, "");
  if (trace.inputs.length) {
    out.push("| 输入 | 值 |", "|---|---|");
    for (const i of trace.inputs) out.push(`| ${esc(i.name)}${i.line !== undefined ? `（第 ${i.line + 1} 行）` : ""} | ${esc(i.value)} |`);
    out.push("");
  }
  if (trace.formula) out.push(`公式：\`${trace.formula.replace(/`/g, "'")}\``, "");
  if (trace.substituted) out.push(`代入：${esc(trace.substituted)}`, "");
  if (trace.rule) out.push(`规则：${esc(trace.rule)}`, "");
  for (const s of trace.steps) out.push(`- ${esc(s)}`);
  if (trace.steps.length) out.push("");
  out.push(`结果：**${esc(trace.result)}**`);
  return out.join("\n");
}
