/**
 * The indicator table of a sheet: its header row (found by its titles, on any
 * row, one or two rows deep), the level columns and their merged cells (the
 * tree), and one leaf per row. Rows above and below are read by blocks.ts.
 */
import { address, type Grid, type GridCell } from "./grid";
import { LEVEL_ROLES, ROLE_NAMES, foldTitle, roleOf, type Role } from "./roles";
import type { ImportedField, ImportedIndicator, ImportedTable, Kept } from "./types";
import { actualText, isBlank, numberIn, oneLine, splitWeight, targetText } from "./values";
import { readBlocks } from "./blocks";

export interface Header {
  /** First and last header rows (0-based). */
  top: number;
  bottom: number;
  /** Column → role. */
  roles: Map<number, Role>;
  /** Column → printed title. */
  titles: Map<number, string>;
  levels: number[];
}

const VALUE_ROLES: Role[] = ["weight", "score", "target", "targetAdjusted", "actual", "rule"];

function rowRoles(row: GridCell[]): Map<number, Role> {
  const m = new Map<number, Role>();
  const seen = new Set<Role>();
  row.forEach((c, i) => {
    const r = roleOf(c.text);
    if (r && !seen.has(r)) {
      m.set(i, r);
      seen.add(r);
    }
  });
  return m;
}

function levelColumns(roles: Map<number, Role>): number[] {
  const levels = LEVEL_ROLES.flatMap((lr) => [...roles].filter(([, r]) => r === lr).map(([c]) => c));
  const ind = [...roles].find(([, r]) => r === "indicator");
  if (ind && (levels.length === 0 || ind[0] > levels[levels.length - 1])) levels.push(ind[0]);
  return levels;
}

function isHeader(roles: Map<number, Role>): boolean {
  const rs = new Set(roles.values());
  return levelColumns(roles).length > 0 && VALUE_ROLES.some((r) => rs.has(r));
}

/** The first row (or pair of rows) whose titles make an indicator table. */
export function findHeader(grid: Grid, from = 0): Header | undefined {
  for (let r = from; r < grid.rows.length; r++) {
    const first = rowRoles(grid.rows[r]);
    if (first.size === 0) continue;
    const next = r + 1 < grid.rows.length ? rowRoles(grid.rows[r + 1]) : new Map<number, Role>();
    const combined = new Map(first);
    let lower = false;
    for (const [c, role] of next) {
      const cell = grid.rows[r + 1][c];
      const fromAbove = cell.slave && cell.merge !== undefined && cell.merge === grid.rows[r][c].merge;
      if (!fromAbove) lower = true;
      combined.set(c, role);
    }
    const useTwo = lower && isHeader(combined) && combined.size > first.size;
    const roles = useTwo ? dedupe(combined) : first;
    if (!isHeader(roles)) continue;
    const titles = new Map<number, string>();
    for (let c = 0; c < grid.width; c++) {
      const t = (useTwo ? grid.rows[r + 1][c].text || grid.rows[r][c].text : grid.rows[r][c].text).trim();
      if (t) titles.set(c, t);
    }
    return { top: r, bottom: useTwo ? r + 1 : r, roles, titles, levels: levelColumns(roles) };
  }
  return undefined;
}

function dedupe(roles: Map<number, Role>): Map<number, Role> {
  const out = new Map<number, Role>();
  const seen = new Set<Role>();
  for (const [c, r] of [...roles].sort((a, b) => a[0] - b[0])) {
    if (seen.has(r)) continue;
    seen.add(r);
    out.set(c, r);
  }
  return out;
}

const TOTAL = /^(合计|总计|总分|自评总分|综合得分|得分合计|总得分|评价总分|合计得分)$/;

/** The row is the table's total: the 得分 cell (or the last number in the row) is the stated total. */
function totalRow(row: GridCell[]): boolean {
  return row.some((c) => !c.slave && TOTAL.test(foldTitle(c.text)));
}

/** Read a sheet's indicator table; undefined when the sheet has none. */
export function readTable(grid: Grid): ImportedTable | undefined {
  const header = findHeader(grid);
  if (!header) return undefined;
  const used = new Set<string>();
  const mark = (r: number, c: number) => used.add(`${r},${c}`);
  for (let r = header.top; r <= header.bottom; r++) for (let c = 0; c < grid.width; c++) mark(r, c);
  const roots: ImportedIndicator[] = [];
  const nodes = new Map<string, ImportedIndicator>();
  const col = (role: Role) => [...header.roles].find(([, r]) => r === role)?.[0];
  const unitCol = col("unit");
  let prevPath: string[] = [];
  let last: ImportedIndicator | undefined;
  let statedTotal: ImportedTable["statedTotal"];
  let rows = 0;
  let end = grid.rows.length;
  for (let r = header.bottom + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (row.every((c) => c.slave || isBlank(c.text))) continue;
    if (totalRow(row)) {
      const sc = col("score");
      const scoreCell = sc !== undefined && numberIn(row[sc].text) !== undefined ? sc : lastNumber(row, header);
      if (scoreCell !== undefined) {
        statedTotal = { key: "自评总分", value: numberIn(row[scoreCell].text) ?? "", where: `${grid.name}!${address(r, scoreCell)}` };
        mark(r, scoreCell);
      }
      for (let c = 0; c < grid.width; c++) if (TOTAL.test(foldTitle(row[c].text)) || row[c].slave) mark(r, c);
      end = r + 1;
      break;
    }
    if (isHeader(rowRoles(row))) {
      // A header repeated at a page break.
      for (let c = 0; c < grid.width; c++) mark(r, c);
      continue;
    }
    const names: { text: string; c: number }[] = header.levels.map((c, i) => {
      const cell = row[c];
      const prev = i > 0 ? row[header.levels[i - 1]] : undefined;
      const continued = cell.merge !== undefined && prev?.merge === cell.merge;
      return { text: continued || isBlank(cell.text) ? "" : cell.text, c };
    });
    const deepest = names.reduce((d, n, i) => (n.text ? i : d), -1);
    if (deepest < 0) {
      // No indicator name on this row: a continuation of the row above.
      for (let c = 0; c < grid.width; c++) {
        const cell = row[c];
        if (cell.slave || isBlank(cell.text)) continue;
        (last?.kept ?? []).push({ where: `${grid.name}!${address(r, c)}`, label: header.titles.get(c), text: oneLine(cell.text) });
        mark(r, c);
      }
      if (!last) break;
      continue;
    }
    rows++;
    const path: string[] = [];
    let parent: ImportedIndicator | undefined;
    for (let i = 0; i <= deepest; i++) {
      const n = names[i];
      const cell = row[n.c];
      if (!n.text) {
        if (prevPath[i] === undefined) continue;
        path.push(prevPath[i]);
      } else path.push(n.text);
      const key = path.join("\u0001");
      let node = nodes.get(key);
      if (!node) {
        const { name, weight } = splitWeight(path[path.length - 1]);
        node = { name, weight, where: `${grid.name}!${address(r, n.c)}`, children: [], fields: [], kept: [] };
        nodes.set(key, node);
        (parent ? parent.children : roots).push(node);
      }
      if (n.text && !cell.slave) mark(r, n.c);
      if (cell.slave) mark(r, n.c);
      parent = node;
    }
    prevPath = path;
    if (!parent) continue;
    last = parent;
    readLeafCells(grid, header, r, parent, unitCol, mark);
  }
  const blocks = readBlocks(grid, header.top, end, used);
  const kept: Kept[] = blocks.kept;
  return {
    sheet: grid.name,
    scope: blocks.project ? "项目支出" : "部门整体支出",
    meta: blocks.meta,
    data: blocks.data,
    statedTotal: statedTotal ?? blocks.statedTotal,
    roots,
    kept,
    rows,
  };
}

function lastNumber(row: GridCell[], header: Header): number | undefined {
  for (let c = row.length - 1; c >= 0; c--) if (!row[c].slave && numberIn(row[c].text) !== undefined && !header.levels.includes(c)) return c;
  return undefined;
}

const FIELD_OF: Partial<Record<Role, ImportedField["key"]>> = {
  explain: "说明",
  target: "目标",
  targetAdjusted: "目标",
  actual: "实际",
  rule: "评分",
  score: "得分",
  reason: "偏差原因",
  evidence: "佐证",
  note: "备注",
};

function readLeafCells(grid: Grid, header: Header, r: number, leaf: ImportedIndicator, unitCol: number | undefined, mark: (r: number, c: number) => void): void {
  const row = grid.rows[r];
  const unit = unitCol === undefined ? "" : row[unitCol].text;
  if (unitCol !== undefined) mark(r, unitCol);
  const hasAdjusted = [...header.roles.values()].includes("targetAdjusted");
  for (let c = 0; c < grid.width; c++) {
    if (header.levels.includes(c) || c === unitCol) continue;
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
    const key = role === "targetStart" && !hasAdjusted ? "目标" : role ? FIELD_OF[role] : undefined;
    if (!key || leaf.fields.some((f) => f.key === key)) {
      leaf.kept.push({ where, label, text: raw });
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
    leaf.fields.push({ key, value, where, raw, label });
  }
  if (unit && !leaf.fields.some((f) => f.key === "目标" || f.key === "实际")) {
    leaf.kept.push({ where: `${grid.name}!${address(r, unitCol ?? 0)}`, label: "计量单位", text: unit });
  }
}
