/**
 * One indicator row's cells as fields: which printed target is the 目标 (调整指标值
 * when printed, else 年度指标值, else 年初指标值), what 指标性质 says about a target
 * printed without a comparator, and where each other cell goes (a field the
 * language reads, or a comment naming its cell).
 */
import { address, type Grid } from "./grid";
import { ROLE_NAMES, type Role } from "./roles";
import type { Header } from "./table";
import type { ImportedField, ImportedIndicator } from "./types";
import { actualText, isBlank, numberIn, oneLine, targetText, unitWord } from "./values";

/** Columns of provincial forms the language is learning to read as fields (see write-perf.ts). */
const LATER_FIELDS: Partial<Record<Role, string>> = {
  targetStart: "年初指标值",
  targetAdjusted: "调整指标值",
  nature: "指标性质",
  coefficient: "得分系数",
  core: "核心指标",
};

const FIELD_OF: Partial<Record<Role, ImportedField["key"]>> = {
  explain: "说明",
  actual: "实际",
  rule: "评分",
  score: "得分",
  reason: "偏差原因",
  evidence: "佐证",
  note: "备注",
};

const TARGET_ROLES: Role[] = ["targetAdjusted", "target", "targetStart"];

/** The column whose cell is this row's 目标: the first printed of 调整指标值, 年度指标值, 年初指标值. */
function targetColumn(grid: Grid, header: Header, r: number): number | undefined {
  for (const role of TARGET_ROLES) {
    for (const [c, cr] of header.roles) if (cr === role && !isBlank(grid.rows[r][c].text) && !grid.rows[r][c].slave) return c;
  }
  return undefined;
}

/** The comparator 指标性质 gives a target printed without one (“≥”, “反向”, “正向”). */
function natureComparator(nature: string): string | undefined {
  const t = nature.replace(/\s+/g, "");
  if (/^(≥|>=|≧|＞＝)$/.test(t) || /^(正向|越高越好|越大越好)/.test(t)) return "≥";
  if (/^(≤|<=|≦|＜＝)$/.test(t) || /^(反向|逆向|越低越好|越小越好)/.test(t)) return "≤";
  if (/^(=|＝)$/.test(t)) return "=";
  if (/^(>|＞)$/.test(t)) return ">";
  if (/^(<|＜)$/.test(t)) return "<";
  return undefined;
}

/**
 * What one cell of the row says about another: 指标性质 gives a target printed
 * without a comparator its comparator; an actual printed as a bare number takes
 * the target's unit (“12.5” against “≥12公里”; “93” against “≥90%”).
 */
function completeValues(leaf: ImportedIndicator, nature: string): void {
  const target = leaf.fields.find((f) => f.key === "目标");
  const actual = leaf.fields.find((f) => f.key === "实际");
  const cmp = natureComparator(nature);
  if (target && /^\d/.test(target.value) && cmp) target.value = `${cmp} ${target.value}`;
  if (target && actual && /^-?\d+(\.\d+)?$/.test(actual.value)) {
    const unit = /\d\s*([^\d\s.,，][^\d]*)$/.exec(target.value)?.[1]?.trim();
    if (unit === "%" || unit === "％") {
      if (Math.abs(Number(actual.value)) > 1.5) actual.value = `${actual.value}%`;
    } else if (unit && !/[）)]$/.test(unit)) actual.value = `${actual.value}${unit}`;
  }
}

export function readLeafCells(grid: Grid, header: Header, r: number, leaf: ImportedIndicator, unitCol: number | undefined, mark: (r: number, c: number) => void): void {
  const row = grid.rows[r];
  const unit = unitCol === undefined ? "" : row[unitCol].text;
  const unitShown = unitWord(unit);
  if (unitCol !== undefined) mark(r, unitCol);
  const natureCol = [...header.roles].find(([, role]) => role === "nature")?.[0];
  const targetCol = targetColumn(grid, header, r);
  for (let c = 0; c < grid.width; c++) {
    if (header.levels.includes(c) || c === unitCol || [...header.levelWeights.values()].includes(c)) continue;
    const cell = row[c];
    mark(r, c);
    if (cell.slave || isBlank(cell.text)) continue;
    const where = `${grid.name}!${address(r, c)}`;
    const role = header.roles.get(c);
    const label = header.titles.get(c) ?? (role ? ROLE_NAMES[role] : "");
    const raw = oneLine(cell.text);
    if (role === "seq") continue;
    if (role === "weight") {
      const w = numberIn(cell.text);
      if (w !== undefined && leaf.weight === undefined) leaf.weight = w;
      else if (w === undefined || w !== leaf.weight) leaf.kept.push({ where, label, text: raw });
      continue;
    }
    const isTarget = role !== undefined && TARGET_ROLES.includes(role);
    const key = isTarget ? (c === targetCol ? "目标" : undefined) : role ? FIELD_OF[role] : undefined;
    if (!key || leaf.fields.some((f) => f.key === key)) {
      // A target column that is not the 目标 (年初指标值 under a printed 调整指标值) is written as a target would be.
      const value = isTarget ? targetText(cell.text, unit) : undefined;
      leaf.kept.push({ where, label, text: raw, field: role ? LATER_FIELDS[role] : undefined, value });
      continue;
    }
    let value = raw;
    if (key === "目标") value = targetText(cell.text, unit);
    else if (key === "实际") value = actualText(cell.text, unit);
    else if (key === "得分") {
      const n = numberIn(cell.text);
      if (n === undefined) {
        leaf.kept.push({ where, label, text: raw });
        continue;
      }
      value = n;
    }
    // The comment a value falls back to keeps the unit it was given from the 计量单位 column.
    const printed = (key === "目标" || key === "实际") && unitShown && value.includes(unitShown) && !raw.includes(unitShown) ? `${raw}（计量单位：${unit.trim()}）` : raw;
    leaf.fields.push({ key, value, where, raw: printed, label });
  }
  completeValues(leaf, natureCol === undefined ? "" : row[natureCol].text);
  // A printed wording written as the format's word (“部分达成预期指标并具有一定效果” → 部分达成) is kept as printed too.
  for (const f of leaf.fields) {
    if ((f.key === "目标" || f.key === "实际") && /^(达成|部分达成|未达成)$/.test(f.value) && f.raw !== f.value) leaf.kept.push({ where: f.where, label: f.label, text: f.raw });
  }
  // The unit is kept as a comment unless a target or an actual took it.
  if (unit && !isBlank(unit) && !leaf.fields.some((f) => (f.key === "目标" || f.key === "实际") && f.value.includes(unitShown))) {
    leaf.kept.push({ where: `${grid.name}!${address(r, unitCol ?? 0)}`, label: "计量单位", text: unit });
  }
}
