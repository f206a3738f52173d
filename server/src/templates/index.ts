/** New-evaluation templates (新建绩效自评): pure functions of unit, year (and project). */
export { departmentTemplate } from "./department";
export { projectTemplate } from "./project";

export type TemplateKind = "department" | "project";
