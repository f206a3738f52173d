/**
 * The 项目支出绩效自评表 as a grid, for the writers that draw real tables
 * (Word, HTML): one label column, the three level columns, then the
 * form's columns (`ProjectForm.columns`). The header, funding and goal blocks
 * are laid over the same grid, merged as the national form merges them.
 */
import type { ProjectColumnKey, ProjectForm } from "./types";

export interface FormCell {
  text: string;
  /** First grid column (0-based) and how many it spans. */
  col: number;
  span: number;
  /** Rows it spans downwards (the rows below leave its column out). */
  rowSpan?: number;
  head?: boolean;
  centred?: boolean;
}

export interface FormLayout {
  /** Grid column count: label + 3 levels + the form's columns. */
  columns: number;
  /** Key of each grid column from the fourth on (the first four are label and levels). */
  keys: ProjectColumnKey[];
  rows: FormCell[][];
}

/** Split `n` grid columns into `k` spans, the extra ones to the first three (the money columns). */
function spans(n: number, k: number): number[] {
  const out = new Array<number>(k).fill(1);
  for (let extra = n - k, i = 0; extra > 0; extra--, i++) out[i % Math.min(3, k)]++;
  return out;
}

export function projectLayout(f: ProjectForm): FormLayout {
  const n = 4 + f.columns.length;
  const rows: FormCell[][] = [];
  const head = (text: string, col: number, span: number, rowSpan?: number): FormCell => ({ text, col, span, rowSpan, head: true, centred: true });
  const cell = (text: string, col: number, span: number, centred = false): FormCell => ({ text, col, span, centred });

  rows.push([head("项目名称", 0, 2), cell(f.project, 2, n - 2)]);
  const mid = Math.floor((n + 1) / 2);
  rows.push([head("主管部门", 0, 2), cell(f.department, 2, mid - 2), head("实施单位", mid, 2), cell(f.unit, mid + 2, n - mid - 2)]);

  // 项目资金（万元）: 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分 over the columns from the third level on.
  const widths = spans(n - 3, 6);
  const starts = widths.map((_, i) => 3 + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const fundHead = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
  rows.push([head("项目资金（万元）", 0, 1, 1 + f.funding.length), head("", 1, 2), ...fundHead.map((h, i) => head(h, starts[i], widths[i]))]);
  f.funding.forEach((r, i) => {
    const tail = i === 0 ? [f.execution.weight, f.execution.rate, f.execution.score] : ["—", "", "—"];
    const values = [r.initial, r.annual, r.spent, ...tail];
    rows.push([cell(r.label, 1, 2), ...values.map((v, k) => cell(v, starts[k], widths[k], true))]);
  });

  // 年度总体目标: 预期目标 | 实际完成情况.
  const m = 1 + Math.floor((n - 1) / 2);
  rows.push([head("年度总体目标", 0, 1, 2), head("预期目标", 1, m - 1), head("实际完成情况", m, n - m)]);
  rows.push([cell(f.goal.expected, 1, m - 1), cell(f.goal.achieved, m, n - m)]);

  // 绩效指标: the label merged down over the column heads and every indicator row.
  rows.push([head("绩效指标", 0, 1, 1 + f.rows.length), ...["一级指标", "二级指标", "三级指标"].map((h, i) => head(h, 1 + i, 1)), ...f.columns.map((c, i) => head(c.label, 4 + i, 1))]);
  for (const r of f.rows) {
    const cells: FormCell[] = [];
    r.tiers.forEach((slot, i) => {
      if (slot.kind === "covered") return;
      const c = slot.cell;
      cells.push({ text: c.name, col: 1 + i, span: c.colSpan, rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined, centred: !c.leaf });
    });
    r.values.forEach((v, i) => {
      cells.push(cell(v, 4 + i, 1, f.columns[i].centred));
    });
    rows.push(cells);
  }

  // 总分: the label up to 分值, then 满分 under 分值 and the total under 得分.
  const weightAt = 4 + f.columns.findIndex((c) => c.key === "weight");
  const total: FormCell[] = [head("总分", 0, weightAt)];
  f.columns.forEach((c, i) => {
    if (4 + i < weightAt) return;
    total.push(cell(c.key === "weight" ? f.fullScore : c.key === "score" ? f.total : "", 4 + i, 1, true));
  });
  rows.push(total);
  return { columns: n, keys: f.columns.map((c) => c.key), rows };
}
