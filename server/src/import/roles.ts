/**
 * Column titles of real score tables and what each column holds. A title is
 * matched after folding spaces, line breaks and full-width brackets, so
 * “分 值”, “分值\n（分）” and “权重(%)” are recognised alike.
 */

export type Role =
  | "level1"
  | "level2"
  | "level3"
  | "level4"
  | "indicator"
  | "weight"
  | "explain"
  | "rule"
  | "score"
  | "target"
  | "targetStart"
  | "targetAdjusted"
  | "actual"
  | "unit"
  | "reason"
  | "nature"
  | "coefficient"
  | "core"
  | "rate"
  | "evidence"
  | "note"
  | "seq";

/** What each role is called in a message or a comment. */
export const ROLE_NAMES: Record<Role, string> = {
  level1: "一级指标",
  level2: "二级指标",
  level3: "三级指标",
  level4: "四级指标",
  indicator: "指标",
  weight: "分值",
  explain: "指标解释",
  rule: "评分标准",
  score: "得分",
  target: "年度指标值",
  targetStart: "年初指标值",
  targetAdjusted: "调整指标值",
  actual: "实际完成值",
  unit: "计量单位",
  reason: "偏差原因",
  nature: "指标性质",
  coefficient: "得分系数",
  core: "核心指标",
  rate: "完成率",
  evidence: "佐证材料",
  note: "备注",
  seq: "序号",
};

const PATTERNS: [RegExp, Role][] = [
  [/^一级(指标|评价指标)?(名称)?$/, "level1"],
  [/^二级(指标|评价指标)?(名称)?$/, "level2"],
  [/^三级(指标|评价指标)?(名称)?$/, "level3"],
  [/^四级(指标|评价指标)?(名称)?$/, "level4"],
  [/^(评价|绩效|考核)?指标(名称|内容)?$/, "indicator"],
  [/^(指标)?(分值|权重|权重分|标准分|满分|分数|指标分值|指标权重)(\(分\)|\(%\))?$/, "weight"],
  [/^(指标解释|指标说明|指标内涵|说明|指标定义|评价内容|考核内容|评价要点)$/, "explain"],
  [/^(评分标准|评分细则|评分办法|评分方法|计分方法|评分规则|评价标准|考核标准|评分依据|计分规则)$/, "rule"],
  [/^(自评|评价|考核|实际|单位自评)?得分(\(分\))?$/, "score"],
  [/^(年度|全年)?(指标值|目标值|预期指标值|绩效指标值)$/, "target"],
  [/^年初(指标值|目标值)$/, "targetStart"],
  [/^(调整|调整后|年中调整)(指标值|目标值)$/, "targetAdjusted"],
  [/^(实际完成值|完成值|全年实际值|实际值|实际完成情况|全年完成值|完成情况)$/, "actual"],
  [/^(计量单位|度量单位|单位)$/, "unit"],
  // 偏差原因分析及改进措施, 扣分原因和其他说明, 扣分理由, 未完成原因分析…: a column that says why points were lost.
  [/^((偏差|扣分|失分|未完成|未达标|未达成)(原因|理由|说明)|原因|理由)(分析)?([及和与、].{0,8})?$/, "reason"],
  [/^(指标性质|指标方向|指标属性)$/, "nature"],
  [/^得分系数$/, "coefficient"],
  [/^(是否核心指标|核心指标)$/, "core"],
  [/^(完成率|完成比例|指标完成率)(\(%\))?$/, "rate"],
  [/^(佐证材料|佐证|佐证资料|证明材料)$/, "evidence"],
  [/^备注$/, "note"],
  [/^序号$/, "seq"],
];

/** Fold a title for matching: no spaces or line breaks, half-width brackets. */
export function foldTitle(s: string): string {
  return s.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":");
}

export function roleOf(title: string): Role | undefined {
  if (title.length > 40 || title.length === 0) return undefined;
  const t = foldTitle(title);
  if (!t || t.length > 16) return undefined;
  for (const [re, role] of PATTERNS) if (re.test(t)) return role;
  return undefined;
}

export const LEVEL_ROLES: Role[] = ["level1", "level2", "level3", "level4"];
