/** Reserved keys (保留字段) of the header and of indicators. */

/** Header keys that are not data. */
export const HEADER_KEYS = new Set([
  "单位", "年度", "类型", "项目", "主管部门", "实施单位", "负责人", "评价日期", "联系人", "联系电话",
  "自评总分", "等级", "满分", "等级划分",
  "反向算法", "超额预警", "执行率封顶", "得分精度", "定性区间",
  "预期目标", "实际完成情况", "标题",
]);

export const REQUIRED_HEADER_KEYS = ["单位", "年度"];

/** Indicator keys whose values are text. */
export const TEXT_KEYS = new Set([
  "说明", "理由", "偏差原因", "改进措施", "佐证", "评分标准", "结果", "备注", "指标解释",
  // the national form's columns (scoring/national.ts reads them)
  "指标性质", "指标方向", "核心指标", "是否核心指标", "度量单位", "得分系数",
]);

/** Indicator keys with a parsed value. */
export const VALUE_KEYS = new Set(["公式", "目标", "实际", "完成率", "评分", "得分", "年度指标值", "年初指标值", "调整指标值", "实际完成值"]);

/**
 * The national form's target and actual columns, as 目标 / 实际 with a
 * priority: the adjusted value (调整指标值) is the target when present, then
 * 目标 / 年度指标值, then the value at the start of the year (年初指标值).
 */
export const TARGET_ALIASES: Readonly<Partial<Record<string, { readonly as: "目标" | "实际"; readonly priority: number }>>> = {
  目标: { as: "目标", priority: 2 },
  年度指标值: { as: "目标", priority: 2 },
  调整指标值: { as: "目标", priority: 3 },
  年初指标值: { as: "目标", priority: 1 },
  实际: { as: "实际", priority: 2 },
  实际完成值: { as: "实际", priority: 2 },
};

/** Indicator keys whose values go into its score (the parsed values, and 结果 for 选项计分): their lines show the computation. */
export const SCORE_INPUT_KEYS = new Set([...VALUE_KEYS, "结果"]);

/** Keys that make a heading without a weight a measure (考核指标). */
export const MEASURE_KEYS = new Set(["目标", "实际", "完成率", "公式"]);

export function isIndicatorKey(key: string): boolean {
  return TEXT_KEYS.has(key) || VALUE_KEYS.has(key);
}

/**
 * The start rule a field's value is parsed with, judged by its key alone
 * (where the field stands can change this: the model decides). Used to parse
 * a new file's values in one batch before the model asks for them one by one.
 */
export function valueRuleForKey(key: string): "DataValue" | "Score" | "Expression" | "Target" | "Rule" | undefined {
  switch (key) {
    case "公式":
      return "Expression";
    case "目标":
    case "实际":
    case "年度指标值":
    case "年初指标值":
    case "调整指标值":
    case "实际完成值":
      return "Target";
    case "评分":
    case "执行率封顶":
      return "Rule";
    case "得分":
    case "自评总分":
    case "满分":
      return "Score";
    default:
      return TEXT_KEYS.has(key) || HEADER_KEYS.has(key) ? undefined : "DataValue";
  }
}
