/** Shared pieces of the new-evaluation templates (新建绩效自评). */

export interface TemplateParams {
  /** 单位 */
  unit: string;
  /** 年度 */
  year: string;
}

/** One line of the header, the value cleaned so that it stays on one line. */
export function oneLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, " ").trim();
}

export function headerLines(p: TemplateParams, scope: "部门整体支出" | "项目支出"): string[] {
  return [`单位：${oneLine(p.unit)}`, `年度：${oneLine(p.year)}`, `类型：${scope}`];
}
