/**
 * 项目支出 template: the standard project self-evaluation table (项目支出绩效
 * 自评表): the funds block (年初预算数 / 全年预算数 / 全年执行数), the
 * automatic 预算执行率 row (10 分, added by the model), 产出 50 (数量 / 质量 /
 * 时效 / 成本), 效益 30 (经济 / 社会 / 生态 / 可持续影响) and 满意度 10. Each
 * second-level indicator holds one third-level indicator for the author to
 * name, with its target and actual left to fill.
 */
import { headerLines, oneLine, type TemplateParams } from "./common";

interface Leaf {
  group: string;
  weight: number;
  name: string;
  hint: string;
  /** The fields left blank for the author (待填写). */
  blanks: string[];
}

const TARGET_HINT = "// 目标写“≥ 数值 单位”（越多越好）或“≤ 数值 单位”（越少越好），实际写完成值：按目标完成程度计分。";

function leaves(group: string, weight: number, name: string, hint = TARGET_HINT, blanks = ["目标：", "实际："]): Leaf {
  return { group, weight, name, hint, blanks };
}

const OUTPUT: Leaf[] = [
  leaves("数量指标", 20, "数量指标一"),
  leaves("质量指标", 10, "质量指标一"),
  leaves("时效指标", 10, "时效指标一"),
  leaves("成本指标", 10, "成本指标一"),
];

const BENEFIT: Leaf[] = [
  leaves("经济效益指标", 5, "经济效益指标一"),
  leaves("社会效益指标", 15, "社会效益指标一"),
  leaves("生态效益指标", 5, "生态效益指标一"),
  leaves("可持续影响指标", 5, "可持续影响指标一", "// 定性指标：实际写“达成”“部分达成”或“未达成”，得分按等级区间填写。", ["目标：达成", "实际：", "得分："]),
];

const SATISFACTION: Leaf[] = [leaves("服务对象满意度指标", 10, "服务对象满意度", "// 目标如“≥ 90%”，实际写调查所得的满意度。")];

function block(title: string, weight: number, items: Leaf[]): string[] {
  const out = [`## ${title}（${weight}分）`, ""];
  for (const l of items) {
    out.push(`### ${l.group}（${l.weight}分）`, "", `#### ${l.name}（${l.weight}分）`, "说明：", l.hint, ...l.blanks, "");
  }
  return out;
}

export function projectTemplate(unit: string, year: string | number, project: string): string {
  const p: TemplateParams = { unit: oneLine(unit), year: oneLine(String(year)) };
  const name = oneLine(project) || "（项目名称）";
  return [
    ...headerLines(p, "项目支出"),
    `项目：${name}`,
    "主管部门：",
    "实施单位：",
    "// 资金（填写数值和单位，如 120 万元）：预算执行率 = 全年执行数 ÷ 全年预算数，按 10 分自动计分。",
    "年初预算数：",
    "全年预算数：",
    "全年执行数：",
    "// 年度总体目标",
    "预期目标：",
    "实际完成情况：",
    "",
    `# ${p.year} 年度${name}绩效自评报告`,
    "",
    "## 一、项目基本情况",
    "",
    "// 项目立项依据、资金安排和实施情况。",
    "",
    "## 二、绩效自评结论",
    "",
    "经自评，本项目绩效自评得分 {{总分}} 分，等级为“{{等级}}”。",
    "",
    "## 三、偏差原因分析及改进措施",
    "",
    "// 未完成目标或得分低于分值的指标，逐项说明原因和改进措施。",
    "",
    "# 附件：项目支出绩效自评表",
    "",
    ...block("产出指标", 50, OUTPUT),
    ...block("效益指标", 30, BENEFIT),
    ...block("满意度指标", 10, SATISFACTION),
  ].join("\n");
}
