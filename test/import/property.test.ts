/**
 * Random tables made of the words real ones use (titles, names, numbers with
 * and without units, rules, blanks, merges): the reader never throws, and the
 * draft never carries an error of the import's own making — a value the
 * language cannot read (PE1xx, PE201–PE203, PE408) or a rule read against its
 * weight (PE401) — and nothing printed in the table is missing from it.
 */
import assert from "node:assert/strict";
import { analyze } from "../../server/src/analysis";
import type { Grid, GridCell } from "../../server/src/import/grid";
import { roleOf } from "../../server/src/import/roles";
import { readTable } from "../../server/src/import/table";
import { writePerf } from "../../server/src/import/write-perf";

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TITLES = ["一级指标", "二级指标", "三级指标", "分值", "权重", "指标解释", "评分标准", "得分", "年度指标值", "实际完成值", "计量单位", "偏差原因", "备注", "指标性质", "得分系数"];
const WORDS = ["产出指标", "数量指标", "投入", "过程", "预算执行率", "群众满意度", "#标题", "// 注释", "- 列表", "{{总分}}", "=SUM(A1)", "合计", "单位名称：某镇", "2023年度", "（50分）", "达成预期指标", "部分达成", "是", "正向", "反向", "<<<<<<< HEAD", "资金来源", "年初预算数"];
const VALUES = ["≥90%", "100%", "0.95", "38508人", "不少于12种", "≤11个月", "5", "5分", "3.5", "/", "—", "", "1,234.5万元", "12..5", "一百", "≥ 1e3", "=0，计8分", "≥95% 满分；≤85% 0分", "符合 2；不符合 0", "每超过一个百分点扣0.5分，扣完为止", "1.目标明确得1分；\n2.可衡量得1分。"];

function randomGrid(rand: () => number): Grid {
  const width = 3 + Math.floor(rand() * 9);
  const height = 2 + Math.floor(rand() * 25);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const rows: GridCell[][] = [];
  const headerAt = Math.floor(rand() * 4);
  for (let r = 0; r < height; r++) {
    const row: GridCell[] = [];
    for (let c = 0; c < width; c++) {
      let text: string;
      if (r === headerAt) text = c < 3 ? TITLES[c] : pick(TITLES);
      else if (rand() < 0.15) text = "";
      else text = rand() < 0.5 ? pick(WORDS) : pick(VALUES);
      row.push({ text });
    }
    rows.push(row);
  }
  // A few vertical merges in the level columns.
  for (let k = 0; k < 3; k++) {
    const c = Math.floor(rand() * Math.min(3, width));
    const r0 = headerAt + 1 + Math.floor(rand() * Math.max(1, height - headerAt - 2));
    const span = 1 + Math.floor(rand() * 3);
    if (r0 + span >= height) continue;
    const id = `m${k}`;
    for (let r = r0; r <= r0 + span; r++) {
      if (rows[r][c].merge) continue;
      rows[r][c] = { text: rows[r0][c].text, merge: id, slave: r !== r0 };
    }
  }
  return { name: "表", rows, width };
}

const OWN = /^PE(10[124-9]|1[1-9]\d|20[123]|401|408)$/; // PE103 (no 单位 / 年度 in the table) is the table's own

describe("import: random tables (property)", function () {
  this.timeout(120_000);
  it("never throws, never leaves an error of its own making, and drops no printed text", () => {
    const rand = prng(20241201);
    let tables = 0;
    for (let i = 0; i < 300; i++) {
      const grid = randomGrid(rand);
      const table = readTable(grid);
      if (!table) continue;
      tables++;
      const { text } = writePerf({ source: "随机.xlsx", table, prose: [], otherTables: [] });
      const own = analyze(text).evaluation.diagnostics.filter((d) => d.severity === "error" && OWN.test(d.code));
      assert.deepEqual(own.map((d) => `${d.code} ${text.split("\n")[d.range.start.line]}`), [], `table ${i}:\n${text}`);
      for (const row of grid.rows) {
        for (const cell of row) {
          // Column titles and the 合计 label are the table's structure, not its content.
          if (cell.slave || roleOf(cell.text) || /^(合计|总计|总分)$/.test(cell.text) || !/[\u4e00-\u9fff]{2,}/.test(cell.text)) continue;
          // A labelled cell (“单位名称：某镇”) becomes a header line (“单位：某镇”): its value must be there.
          // An actual's comparator copied from the target is dropped on purpose (“不少于12种” → 12种).
          const value = cell.text.replace(/^[^：:]{1,12}[：:]/, "").replace(/^(不低于|不少于|不高于|不超过|不多于|大于等于|小于等于|大于|小于|高于|低于|多于|少于|超过|达到|至少|至多|等于)/, "");
          const word = /[\u4e00-\u9fff]{2,}/.exec(value)?.[0];
          // The national form's achievement wording is written as the format's word (达成预期指标 → 达成).
          if (!word || /^(部分|基本|未)?(达成|达到|完成|实现)/.test(value)) continue;
          assert.ok(text.includes(word), `“${cell.text}” of table ${i} is missing:\n${grid.rows.map((r) => r.map((c) => (c.slave ? "^" : c.text)).join(" | ")).join("\n")}\n${text}`);
        }
      }
    }
    assert.ok(tables > 100, `only ${tables} random tables had a header`);
  });
});
