// biome-ignore-all lint/suspicious/noTemplateCurlyInString: completion items insert LSP snippets, whose tab stops are written ${1:default}.
/**
 * Completion: reserved keys (with their value form as a snippet), a rule
 * template per rule kind after 评分：, units after a number, data names in
 * formulas, references inside {{ }}, and the rule's options after 结果：.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import { knownUnitNames } from "../quantity/units";
import { semanticIndex } from "./semantic-index";

const HEADER_SNIPPETS: [string, string, string][] = [
  ["单位", "单位：${1:单位名称}", "被评价单位（必填）"],
  ["年度", "年度：${1:2024}", "预算年度（必填）"],
  ["类型", "类型：${1|部门整体支出,项目支出|}", "评价类型"],
  ["项目", "项目：${1:项目名称}", "项目名称（项目支出）"],
  ["主管部门", "主管部门：${1}", "主管部门"],
  ["实施单位", "实施单位：${1}", "实施单位"],
  ["负责人", "负责人：${1}", "负责人"],
  ["评价日期", "评价日期：${1:2025年3月31日}", "评价日期"],
  ["自评总分", "自评总分：${1:90}", "填报的自评总分（将与计算值核对）"],
  ["等级", "等级：${1|优,良,中,差|}", "填报的等级（将核对）"],
  ["满分", "满分：${1:100}", "满分，默认 100"],
  ["等级划分", "等级划分：${1:优 90；良 80；中 60；差 0}", "等级区间"],
  ["反向算法", "反向算法：${1|差额,比率|}", "口径：反向指标超出目标后的算法"],
  ["超额预警", "超额预警：${1:120%}", "口径：实际达到目标的多少倍需写偏差原因"],
  ["执行率封顶", "执行率封顶：${1:<80% 89}", "口径：执行率低于界限时总分封顶"],
];

const INDICATOR_SNIPPETS: [string, string, string][] = [
  ["说明", "说明：${1}", "指标解释"],
  ["公式", "公式：${1:分子} ÷ ${2:分母}", "计算实际值的公式"],
  ["目标", "目标：${1|≥,≤,=|}${2:100%}", "目标值（比较符号 + 数量），或“达成”"],
  ["实际", "实际：${1:100%}", "实际值"],
  ["完成率", "完成率：${1:100%}", "填报的完成率（将核对）"],
  ["评分", "评分：${1}", "评分规则"],
  ["结果", "结果：${1}", "选项规则所选的结果"],
  ["得分", "得分：${1}", "填报得分（将核对）；无规则时为评价人判断"],
  ["理由", "理由：${1}", "打分理由"],
  ["偏差原因", "偏差原因：${1}", "未达目标、扣分或超额时必填"],
  ["改进措施", "改进措施：${1}", "改进措施"],
  ["佐证", "佐证：${1}", "佐证材料"],
];

export const RULE_TEMPLATES: [string, string, string][] = [
  ["选项", "符合 ${1:1}；不符合 0", "选项计分：配合“结果：符合”"],
  ["等级选项", "优秀 ${1:5}；良好 ${2:3}；合格 ${3:1}；不合格 0", "按等级选项计分"],
  ["要点清单", "全部符合 ${1:2}；其中一项不符合 0", "按“- [x]”要点的符合项数查表"],
  ["区间线性（越低越好）", "≤${1:100}% 满分；≥${2:115}% 0分", "界限之间线性计分"],
  ["区间线性（越高越好）", "≥${1:95}% 满分；≤${2:85}% 0分", "界限之间线性计分"],
  ["分档", "≥90% ${1:5}；≥80% ${2:4}；≥70% ${3:3}；≥60% ${4:2}；其余 0", "第一个成立的档"],
  ["超出扣分", "≤${1:100}% 满分；每超${2:1}个百分点扣${3:0.5}分", "超出界限按百分点扣分"],
  ["比例", "比例", "实际比率 × 分值，最高满分"],
  ["扣分", "扣分 每项 ${1:1}分", "以“- ”列出的扣分事项计数"],
];

export function completions(a: Analysis, line: number, character: number): CompletionItem[] {
  // The line as the syntax stage folded it (same offsets as the text).
  const before = (a.syntax.lines[line]?.folded ?? "").slice(0, character);
  const idx = semanticIndex(a);
  const first = a.model.blocks[0];
  const firstHeading = first ? (first.kind === "section" ? first.section.line : first.indicator.line) : Infinity;
  const owner = idx.ownerOf(line);

  // Inside {{ … }}
  const open = before.lastIndexOf("{{");
  if (open >= 0 && !before.slice(open).includes("}}")) {
    const items: CompletionItem[] = [
      { label: "总分", kind: CompletionItemKind.Constant, detail: "计算的自评总分" },
      { label: "等级", kind: CompletionItemKind.Constant, detail: "计算的等级" },
    ];
    for (const name of a.model.data.keys()) items.push({ label: name, kind: CompletionItemKind.Variable, detail: "数据" });
    for (const ind of a.model.indicators) if (!ind.virtual) items.push({ label: `${ind.name}.得分`, kind: CompletionItemKind.Field, detail: "指标得分" });
    return items;
  }
  const field = /^\s*([^\s:：,;。、]+)\s*:(.*)$/.exec(before);
  if (field) {
    const key = field[1];
    const value = field[2];
    if (key === "评分" && value.trim() === "") {
      return RULE_TEMPLATES.map(([label, snippet, detail]) => ({ label, kind: CompletionItemKind.Snippet, insertText: snippet, insertTextFormat: InsertTextFormat.Snippet, detail }));
    }
    if (key === "结果" && owner?.rule) {
      return owner.rule.clauses.filter((c) => c.kind === "option").map((c) => ({ label: c.kind === "option" ? c.label : "", kind: CompletionItemKind.EnumMember, detail: "评分选项" }));
    }
    if (/\d\s*$/.test(value)) {
      return knownUnitNames().map((u) => ({ label: u, kind: CompletionItemKind.Unit, detail: "单位" }));
    }
    if (key === "公式" || value.includes("=")) {
      const names = new Set<string>([...(owner?.data.keys() ?? []), ...a.model.data.keys()]);
      return [...names].map((n) => ({
        label: n,
        kind: CompletionItemKind.Variable,
        insertText: /[\s+\-*/×÷()=<>:;,.%「」“”]/.test(n) ? `「${n}」` : n,
        detail: owner?.data.has(n) ? "本指标数据" : "共享数据",
      }));
    }
    return [];
  }
  if (before.trim().includes(" ") || before.trimStart().startsWith("#") || before.trimStart().startsWith("-")) return [];
  const snippets = line < firstHeading ? HEADER_SNIPPETS : owner ? INDICATOR_SNIPPETS : [];
  return snippets.map(([label, snippet, detail]) => ({ label, kind: CompletionItemKind.Property, insertText: snippet, insertTextFormat: InsertTextFormat.Snippet, detail }));
}
