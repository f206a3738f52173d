/** Hover: the full computation behind a heading, a rule, a data name or a placeholder. */
import type { Hover } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import { formatDecimal } from "../quantity/decimal";
import type { DataItem, Indicator } from "../model/types";
import { semanticIndex, symbolAt } from "./semantic-index";
import { esc, traceMarkdown } from "./trace-markdown";
import { RULE_KIND_NAMES } from "../scoring/types";
import { SCORE_INPUT_KEYS } from "../model/keys";
import { RULE_KIND_NAMES_EN } from "../scoring/step-words";
import { DEFAULT_LOCALE, type Locale, say } from "../text/locale";

function indicatorHover(a: Analysis, ind: Indicator, locale: Locale): string {
  const w = (zh: string, en: string) => say(locale, zh, en);
  const r = a.evaluation.results.get(ind);
  const points = ind.weight === null ? "" : formatDecimal(ind.weight, 4);
  const head = ind.weight === null ? w(`考核指标（不计分）：${ind.name}`, `Measure (not scored): ${ind.name}`) : w(`指标：${ind.name}（${points} 分）`, `Indicator: ${ind.name} (${points} pts)`);
  if (!r) return `**${esc(head)}**`;
  const parts = [traceMarkdown(r.traceIn(locale), head, locale)];
  if (r.kind) parts.push("", w(`计分方式：${RULE_KIND_NAMES[r.kind]}`, `Scoring: ${RULE_KIND_NAMES_EN[r.kind]}`));
  // A printed 评分 sentence: how each part was read, so that the author can confirm it.
  const reading = ind.rule?.reading;
  if (reading) parts.push("", w("评分规则按原文读作：", "The scoring rule reads as:"), ...reading.map(([zh, en]) => `- ${esc(w(zh, en))}`));
  const core = ind.fields.get("核心指标") ?? ind.fields.get("是否核心指标");
  if (core) parts.push("", `${w("核心指标：", "Core indicator: ")}${esc(core.value)}`);
  const reason = ind.fields.get("偏差原因");
  if (reason) parts.push("", `${w("偏差原因：", "Reason for deviation: ")}${esc(reason.value)}`);
  return parts.join("\n");
}

function dataHover(a: Analysis, item: DataItem, locale: Locale): string {
  const r = a.evaluation.data.get(item);
  const scope = item.scope ? say(locale, `指标“${item.scope.name}”内的数据`, `data of the indicator “${item.scope.name}”`) : say(locale, "共享数据", "shared data");
  const title = say(locale, `数据：${item.name}（${scope}）`, `Data: ${item.name} (${scope})`);
  if (!r) return `**${esc(title)}**`;
  return traceMarkdown(r.traceIn(locale), title, locale);
}

export function hover(a: Analysis, line: number, character: number, locale: Locale = DEFAULT_LOCALE): Hover | null {
  const sym = symbolAt(a, line, character);
  let md: string | undefined;
  if (sym?.kind === "indicator") md = indicatorHover(a, sym.indicator, locale);
  else if (sym?.kind === "data") md = dataHover(a, sym.item, locale);
  else if (sym?.kind === "ref") {
    const t = sym.ref.target;
    if (sym.ref.placeholder) {
      const p = a.evaluation.placeholders.find((x) => x.placeholder === sym.ref.placeholder);
      const head = `${say(locale, "引用：", "Reference: ")}{{${sym.ref.placeholder.name}}} = ${p?.value ?? say(locale, "（未知）", "(unknown)")}`;
      md = p?.trace ? traceMarkdown(p.traceIn?.(locale) ?? p.trace, head, locale) : `**${esc(head)}**`;
    } else if (t && "field" in t) md = dataHover(a, t, locale);
    else if (t) md = indicatorHover(a, t, locale);
    else md = `**${say(locale, "未定义的数据名：", "Undefined data name: ")}${esc(sym.ref.name)}**`;
  } else {
    // A rule, target or score line: the indicator's computation.
    const owner = semanticIndex(a).ownerOf(line);
    const node = a.syntax.lines[line]?.node;
    if (owner && node?.kind === "field" && SCORE_INPUT_KEYS.has(node.key.text)) md = indicatorHover(a, owner, locale);
    else if (node?.kind === "field" && node.key.text === "自评总分") md = traceMarkdown(a.evaluation.totalTraceIn(locale), say(locale, "自评总分", "Total (自评总分)"), locale);
  }
  if (!md) return null;
  return { contents: { kind: "markdown", value: md } };
}
