/**
 * The rows around an indicator table: the title, labelled facts (单位名称,
 * 项目名称, 主管部门, 实施单位, 年度…), the national form's funding block
 * (项目资金: 年度资金总额 / 其中：本年财政拨款 / 上年结转资金 / 其他资金 by 年初预算数 /
 * 全年预算数 / 全年执行数) and its 年度总体目标 (预期目标 / 实际完成情况). What is not
 * recognised is kept, cell by cell, for the writer's comments.
 */
import { address, type Grid } from "./grid";
import { foldTitle } from "./roles";
import type { Funding, HeaderEntry, Kept } from "./types";
import { isBlank, numberIn, oneLine } from "./values";

export interface Blocks {
  meta: HeaderEntry[];
  funding?: Funding;
  statedTotal?: HeaderEntry;
  kept: Kept[];
  project: boolean;
}

const LABELS: [RegExp, string][] = [
  [/^(单位名称|被评价单位|填报单位|单位|部门名称|部门\(单位\)名称|预算单位)$/, "单位"],
  [/^(项目名称|项目)$/, "项目"],
  [/^(主管部门|主管部门及代码|主管单位)$/, "主管部门"],
  [/^(实施单位|项目实施单位)$/, "实施单位"],
  [/^(评价年度|年度|预算年度|所属年度)$/, "年度"],
  [/^(单位负责人|项目负责人|负责人)$/, "负责人"],
  [/^(联系人|填报人)$/, "联系人"],
  [/^(联系电话|电话)$/, "联系电话"],
  [/^(填报日期|评价日期|日期)$/, "评价日期"],
  [/^(自评总分|总分|自评得分)$/, "自评总分"],
  [/^(等级|评价等级|自评等级)$/, "等级"],
];

function labelKey(text: string): string | undefined {
  const t = foldTitle(text).replace(/:$/, "");
  for (const [re, key] of LABELS) if (re.test(t)) return key;
  return undefined;
}

const MONEY_COLS: [RegExp, string][] = [
  [/^年初预算数?$/, "年初预算数"],
  [/^全年预算数?$/, "全年预算数"],
  [/^全年执行数?$/, "全年执行数"],
];
const MONEY_ROWS: [RegExp, string, string][] = [
  [/^(年度资金总额|资金总额|合计|总额)$/, "年度资金总额", "年度资金总额"],
  [/^(其中:)?(本年)?财政拨款$/, "本年财政拨款", "其中：本年财政拨款"],
  [/^(其中:)?上年结转(资金)?$/, "上年结转资金", "上年结转资金"],
  [/^(其中:)?其他资金$/, "其他资金", "其他资金"],
];

export function readBlocks(grid: Grid, top: number, end: number, used: Set<string>): Blocks {
  const meta: HeaderEntry[] = [];
  let funding: Funding | undefined;
  const kept: Kept[] = [];
  let statedTotal: HeaderEntry | undefined;
  let project = false;
  const isUsed = (r: number, c: number) => used.has(`${r},${c}`);
  const mark = (r: number, c: number) => used.add(`${r},${c}`);
  const where = (r: number, c: number) => `${grid.name}!${address(r, c)}`;
  const outside = (r: number) => r < top || r >= end;
  const addMeta = (key: string, value: string, r: number, c: number) => {
    if (key === "自评总分") {
      const n = numberIn(value);
      if (n !== undefined && !statedTotal) statedTotal = { key, value: n, where: where(r, c) };
      else kept.push({ where: where(r, c), label: key, text: value });
    } else if (key === "单位" && unitCaption(value)) {
      // “单位：万元” is the caption of the money figures, not the unit evaluated: kept as printed.
      kept.push({ where: where(r, c), text: `单位：${oneLine(value)}` });
    } else if (!meta.some((m) => m.key === key)) meta.push({ key, value: oneLine(value), where: where(r, c) });
    else kept.push({ where: where(r, c), label: key, text: oneLine(value) });
  };

  for (let r = 0; r < grid.rows.length; r++) {
    if (!outside(r)) continue;
    const row = grid.rows[r];
    // The funding block: a row of money column titles, then the rows below it.
    const money = new Map<number, string>();
    row.forEach((cell, c) => {
      for (const [re, name] of MONEY_COLS) if (!cell.slave && re.test(foldTitle(cell.text))) money.set(c, name);
    });
    if (!funding && new Set(money.values()).size >= 2) {
      const unit = row.some((c) => /元/.test(c.text) && !/万元/.test(c.text)) && !grid.rows.slice(Math.max(0, r - 2), r + 1).some((rw) => rw.some((c) => /万元/.test(c.text))) ? "元" : "万元";
      const first = Math.min(...money.keys());
      const columns = [...money].sort((a, b) => a[0] - b[0]);
      const block: Funding = { unit, columns: columns.map(([, n]) => n), rows: [] };
      for (let rr = r + 1; rr < grid.rows.length && outside(rr); rr++) {
        const cells = grid.rows[rr];
        let found: { name: string; label: string } | undefined;
        for (let c = first - 1; c >= 0 && found === undefined; c--) {
          for (const [re, name, label] of MONEY_ROWS) {
            if (!found && re.test(foldTitle(cells[c].text).replace(/:$/, ""))) {
              found = { name, label };
              mark(rr, c);
            }
          }
        }
        if (found === undefined) break;
        const values = columns.map(([c]) => {
          const n = numberIn(cells[c].text);
          if (n === undefined) return undefined;
          mark(rr, c);
          return { value: n, where: where(rr, c) };
        });
        block.rows.push({ ...found, cells: values });
      }
      if (block.rows.length) {
        funding = block;
        project = true;
        for (const c of money.keys()) mark(r, c);
        continue;
      }
    }
    // 年度总体目标: 预期目标 / 实际完成情况 titles with the texts below them.
    const goals = row.map((cell, c) => ({ c, key: /^预期目标$/.test(foldTitle(cell.text)) ? "预期目标" : /^(实际完成情况|实际完成)$/.test(foldTitle(cell.text)) ? "实际完成情况" : "" })).filter((g) => g.key && !row[g.c].slave);
    if (goals.length === 2) {
      project = true;
      for (const g of goals) {
        mark(r, g.c);
        for (let rr = r + 1; rr < grid.rows.length && outside(rr); rr++) {
          const cell = grid.rows[rr][g.c];
          if (cell.slave || isBlank(cell.text)) continue;
          meta.push({ key: g.key, value: oneLine(cell.text), where: where(rr, g.c) });
          mark(rr, g.c);
          break;
        }
      }
      continue;
    }
    // Labelled facts: “项目名称：…” in one cell, or a label cell and its value to the right.
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell.slave || isUsed(r, c) || isBlank(cell.text)) continue;
      const inline = /^([^：:]{1,12})[：:]\s*(.*)$/s.exec(cell.text);
      const pieces = inline ? splitLabels(cell.text) : [];
      if (pieces.length) {
        for (const p of pieces) addMeta(p.key, p.value, r, c);
        mark(r, c);
        continue;
      }
      const key = labelKey(cell.text);
      if (key) {
        mark(r, c);
        if (key === "项目") project = true;
        for (let v = c + 1; v < row.length; v++) {
          const vc = row[v];
          if (vc.slave && vc.merge === cell.merge) continue;
          if (vc.slave || isBlank(vc.text)) continue;
          if (labelKey(vc.text)) break;
          addMeta(key, vc.text, r, v);
          mark(r, v);
          break;
        }
      }
    }
  }
  // Title rows: the first long text above the table; the year and the unit may be in it.
  for (let r = 0; r < top; r++) {
    for (let c = 0; c < grid.width; c++) {
      const cell = grid.rows[r][c];
      if (cell.slave || isUsed(r, c) || isBlank(cell.text)) continue;
      const t = oneLine(cell.text);
      const year = /((?:19|20)\d{2})\s*年/.exec(t);
      if (/(表|报告)([（(][^（）()]*[）)])?$/.test(t) && t.length <= 80 && !meta.some((m) => m.key === "标题")) {
        meta.push({ key: "标题", value: t, where: where(r, c) });
        if (/项目支出/.test(t) && !/部门整体/.test(t)) project = true;
        const unit = year ? t.slice(0, year.index).trim() : "";
        if (unit && !meta.some((m) => m.key === "单位")) meta.push({ key: "单位", value: unit, where: where(r, c) });
        mark(r, c);
      }
      if (year && !meta.some((m) => m.key === "年度")) {
        meta.push({ key: "年度", value: year[1], where: where(r, c) });
        mark(r, c);
      }
    }
  }
  for (let r = 0; r < grid.rows.length; r++) {
    if (!outside(r)) continue;
    grid.rows[r].forEach((cell, c) => {
      if (!cell.slave && !isUsed(r, c) && !isBlank(cell.text)) kept.push({ where: where(r, c), text: oneLine(cell.text) });
    });
  }
  if (meta.some((m) => m.key === "项目")) project = true;
  return { meta, funding, statedTotal, kept, project };
}

const UNIT_WORD = /^((人民币)?[十百千万亿]*元|%|％|个|人|人次|万人|项|次|天|日|月|年|公里|千米|米|吨|亩|平方米|万平方米|座|户|家|件|台|套|份)$/;

/** “万元”, “万元、%”, “元/人”: the value of a “单位：” that captions units of measure. */
export function unitCaption(value: string): boolean {
  const parts = oneLine(value).replace(/[（(）)]/g, "").split(/[、，,;；/\s]+/).filter(Boolean);
  return parts.length > 0 && parts.every((p) => UNIT_WORD.test(p));
}

/** “单位名称: 小吕寨镇人民政府 单位负责人: 张三” → the labelled pieces (only known labels). */
export function splitLabels(text: string): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  const re = /([^\s：:]{1,12})[：:]\s*/g;
  const marks: { key: string; start: number; end: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const key = labelKey(m[1]);
    if (key) marks.push({ key, start: m.index, end: m.index + m[0].length });
  }
  if (marks.length === 0 || marks[0].start !== 0) return [];
  marks.forEach((m, i) => {
    const value = text.slice(m.end, i + 1 < marks.length ? marks[i + 1].start : text.length).trim();
    if (value) out.push({ key: m.key, value });
  });
  return out;
}
