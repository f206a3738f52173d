/**
 * The indicator table of a sheet: its header row (found by its titles, on any
 * row, one or two rows deep), the level columns and their merged cells (the
 * tree), and one leaf per row. Rows above and below are read by blocks.ts.
 */
import { address, type Grid, type GridCell } from "./grid";
import { LEVEL_ROLES, foldTitle, roleOf, type Role } from "./roles";
import type { ImportedIndicator, ImportedTable, Kept } from "./types";
import { isBlank, numberIn, oneLine, splitWeight, targetText } from "./values";
import { readBlocks } from "./blocks";
import { readLeafCells } from "./leaf";

export interface Header {
  /** First and last header rows (0-based). */
  top: number;
  bottom: number;
  /** Column → role. */
  roles: Map<number, Role>;
  /** Column → printed title. */
  titles: Map<number, string>;
  levels: number[];
  /** Level index → the 分值 column printed right after that level's column (not the deepest level's). */
  levelWeights: Map<number, number>;
}

const VALUE_ROLES: Role[] = ["weight", "score", "target", "targetAdjusted", "actual", "rule"];

function rowRoles(row: GridCell[]): Map<number, Role> {
  const m = new Map<number, Role>();
  const seen = new Set<Role>();
  row.forEach((c, i) => {
    const r = roleOf(c.text);
    // Several 分值 columns: one after each level column (一级指标 | 分值 | 二级指标 | 分值 | …).
    if (r && (!seen.has(r) || r === "weight")) {
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
    const levels = levelColumns(roles);
    return { top: r, bottom: useTwo ? r + 1 : r, roles: leafWeight(roles, levels), titles, levels, levelWeights: levelWeights(roles, levels) };
  }
  return undefined;
}

/** For each weight column, the level column nearest to its left. */
function weightOwners(roles: Map<number, Role>, levels: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [c, r] of roles) {
    if (r !== "weight") continue;
    const owner = levels.reduce((best, lc, i) => (lc < c ? i : best), -1);
    out.push([c, owner]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function levelWeights(roles: Map<number, Role>, levels: number[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const [c, owner] of weightOwners(roles, levels)) if (owner >= 0 && owner < levels.length - 1 && !m.has(owner)) m.set(owner, c);
  return m;
}

/** Only one column keeps the role “weight”: the leaf's, after the deepest level (or the first when none is). */
function leafWeight(roles: Map<number, Role>, levels: number[]): Map<number, Role> {
  const owners = weightOwners(roles, levels);
  if (owners.length <= 1) return roles;
  const leaf = owners.find(([, o]) => o === levels.length - 1) ?? owners.find(([, o]) => o < 0) ?? owners[owners.length - 1];
  const out = new Map(roles);
  for (const [c] of owners) if (c !== leaf[0]) out.delete(c);
  return out;
}

function dedupe(roles: Map<number, Role>): Map<number, Role> {
  const out = new Map<number, Role>();
  const seen = new Set<Role>();
  for (const [c, r] of [...roles].sort((a, b) => a[0] - b[0])) {
    if (seen.has(r) && r !== "weight") continue;
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
  const hasTargetColumn = [...header.roles.values()].some((r) => r === "target" || r === "targetStart" || r === "targetAdjusted");
  let prevPath: string[] = [];
  let last: ImportedIndicator | undefined;
  let statedTotal: ImportedTable["statedTotal"];
  const tableKept: Kept[] = [];
  let rows = 0;
  let end = grid.rows.length;
  const rowLeaf = new Map<number, ImportedIndicator>();
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
      for (let c = 0; c < grid.width; c++) {
        const cell = row[c];
        if (used.has(`${r},${c}`) || cell.slave || TOTAL.test(foldTitle(cell.text)) || isBlank(cell.text)) continue;
        // The 合计 row's other figures (the weights' sum, a note) are kept as printed.
        tableKept.push({ where: `${grid.name}!${address(r, c)}`, label: header.titles.get(c), text: oneLine(cell.text) });
      }
      for (let c = 0; c < grid.width; c++) mark(r, c);
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
        // Before the first indicator, kept with the table's own comments.
        (last?.kept ?? tableKept).push({ where: `${grid.name}!${address(r, c)}`, label: header.titles.get(c), text: oneLine(cell.text) });
        mark(r, c);
      }
      continue;
    }
    rows++;
    const path: string[] = [];
    let parent: ImportedIndicator | undefined;
    for (let i = 0; i <= deepest; i++) {
      const n = names[i];
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
      mark(r, n.c);
      const wc = header.levelWeights.get(i);
      if (wc !== undefined) {
        const cell = row[wc];
        const w = numberIn(cell.text);
        if (w !== undefined && node.weight === undefined) node.weight = w;
        else if (!cell.slave && !isBlank(cell.text) && w !== node.weight) {
          // A level's 分值 that is not a number, or disagrees with the one already read: kept as printed.
          node.kept.push({ where: `${grid.name}!${address(r, wc)}`, label: header.titles.get(wc), text: oneLine(cell.text) });
        }
        mark(r, wc);
      }
      parent = node;
    }
    prevPath = path;
    if (!parent) continue;
    last = parent;
    rowLeaf.set(r, parent);
    readLeafCells(grid, header, r, parent, unitCol, mark);
    if (!hasTargetColumn) splitNamedTarget(parent);
  }
  const blocks = readBlocks(grid, header.top, end, used);
  const kept: Kept[] = [...blocks.kept, ...tableKept, ...errorCells(grid, header, end, rowLeaf)];
  return {
    sheet: grid.name,
    scope: blocks.project ? "项目支出" : "部门整体支出",
    meta: blocks.meta,
    funding: blocks.funding,
    statedTotal: statedTotal ?? blocks.statedTotal,
    roots,
    kept,
    rows,
  };
}

/**
 * A table without a target column may print the target in the name cell
 * (“足额保障率=100%”, “科目调整次数≤10次”): the name and the 目标 are split.
 */
function splitNamedTarget(leaf: ImportedIndicator): void {
  if (leaf.children.length || leaf.fields.some((f) => f.key === "目标")) return;
  const m = /^(.+?)\s*(≥|≤|>=|<=|=|＝|＞|＜|>|<)\s*(\d[\d,.]*\s*[^\d\s]{0,4})$/.exec(leaf.name);
  if (!m || /[≥≤=<>]/.test(m[1])) return;
  const printed = leaf.name;
  leaf.name = m[1].trim();
  leaf.fields.unshift({ key: "目标", value: targetText(`${m[2]}${m[3]}`), where: leaf.where, raw: printed, label: "指标名称" });
}

/**
 * Cells whose value is an error (#DIV/0!, #REF!, #VALUE!, #N/A: a formula that
 * failed in Excel) have no text to import; each is kept as a comment naming its
 * cell and the error, under the indicator of its row or with the table's own.
 */
function errorCells(grid: Grid, header: Header, end: number, rowLeaf: Map<number, ImportedIndicator>): Kept[] {
  const out: Kept[] = [];
  grid.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell.error || cell.slave) return;
      const inTable = r > header.bottom && r < end;
      const k: Kept = { where: `${grid.name}!${address(r, c)}`, label: inTable ? header.titles.get(c) : undefined, text: `${cell.error}（公式结果为错误值，未导入；请在原表核对）` };
      const leaf = rowLeaf.get(r);
      (leaf ? leaf.kept : out).push(k);
    });
  });
  return out;
}

function lastNumber(row: GridCell[], header: Header): number | undefined {
  for (let c = row.length - 1; c >= 0; c--) if (!row[c].slave && numberIn(row[c].text) !== undefined && !header.levels.includes(c)) return c;
  return undefined;
}

