/** Hover: the full computation behind a heading, a rule, a data name or a placeholder. */
import type { Hover } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import { formatDecimal } from "../quantity/decimal";
import type { DataItem, Indicator } from "../model/types";
import { semanticIndex, symbolAt } from "./semantic-index";
import { esc, traceMarkdown } from "./trace-markdown";
import { RULE_KIND_NAMES } from "../scoring/types";
import { SCORE_INPUT_KEYS } from "../model/keys";

function indicatorHover(a: Analysis, ind: Indicator): string {
  const r = a.evaluation.results.get(ind);
  const head = ind.weight === null ? `考核指标（不计分）：${ind.name}` : `指标：${ind.name}（${formatDecimal(ind.weight, 4)} 分）`;
  if (!r) return `**${esc(head)}**`;
  const parts = [traceMarkdown(r.trace, head)];
  if (r.kind) parts.push("", `计分方式：${RULE_KIND_NAMES[r.kind]}`);
  // A printed 评分 sentence: how each part was read, so that the author can confirm it.
  const reading = ind.rule?.reading;
  if (reading) parts.push("", "评分规则按原文读作：", ...reading.map((x) => `- ${esc(x)}`));
  const core = ind.fields.get("核心指标") ?? ind.fields.get("是否核心指标");
  if (core) parts.push("", `核心指标：${esc(core.value)}`);
  const reason = ind.fields.get("偏差原因");
  if (reason) parts.push("", `偏差原因：${esc(reason.value)}`);
  return parts.join("\n");
}

function dataHover(a: Analysis, item: DataItem): string {
  const r = a.evaluation.data.get(item);
  const scope = item.scope ? `指标“${item.scope.name}”内的数据` : "共享数据";
  const title = `数据：${item.name}（${scope}）`;
  if (!r) return `**${esc(title)}**`;
  return traceMarkdown(r.trace, title);
}

export function hover(a: Analysis, line: number, character: number): Hover | null {
  const sym = symbolAt(a, line, character);
  let md: string | undefined;
  if (sym?.kind === "indicator") md = indicatorHover(a, sym.indicator);
  else if (sym?.kind === "data") md = dataHover(a, sym.item);
  else if (sym?.kind === "ref") {
    const t = sym.ref.target;
    if (sym.ref.placeholder) {
      const p = a.evaluation.placeholders.find((x) => x.placeholder === sym.ref.placeholder);
      const head = `引用：{{${sym.ref.placeholder.name}}} = ${p?.value ?? "（未知）"}`;
      md = p?.trace ? traceMarkdown(p.trace, head) : `**${esc(head)}**`;
    } else if (t && "field" in t) md = dataHover(a, t);
    else if (t) md = indicatorHover(a, t);
    else md = `**未定义的数据名：${esc(sym.ref.name)}**`;
  } else {
    // A rule, target or score line: the indicator's computation.
    const owner = semanticIndex(a).ownerOf(line);
    const node = a.syntax.lines[line]?.node;
    if (owner && node?.kind === "field" && SCORE_INPUT_KEYS.has(node.key.text)) md = indicatorHover(a, owner);
    else if (node?.kind === "field" && node.key.text === "自评总分") md = traceMarkdown(a.evaluation.totalTrace, "自评总分");
  }
  if (!md) return null;
  return { contents: { kind: "markdown", value: md } };
}
