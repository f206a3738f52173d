/** `perf-eval summary`: the table, band counts, budget/spending lookup, 极值法 across a cohort, workers. */
import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cohortFile, type CohortFileSpec } from "../../bench/summary";
import { cli, ensureBuilt, tempDir } from "./helpers";

interface SummaryJson {
  files: { path: string; unit: string; total: number | null; grade: string | null; budget: { name: string; value: string; unit: string } | null; spending: { name: string; value: string; unit: string } | null; cohortTotal?: number | null; cohortGrade?: string | null }[];
  totals: { files: number; budget: { value: string; files: number }; spending: { value: string; files: number } };
  bands: { high: number; middle: number; low: number; unscored: number };
  cohort?: {
    indicators: { name: string; lowerIsBetter: boolean; count: number; min: string; max: string }[];
    bands: { high: number; middle: number; low: number; unscored: number };
    files: { path: string; total: number; cohortTotal: number; grade: string; cohortGrade: string; scores: { name: string; bandScore: number; cohortScore: number }[] }[];
  };
}

function write(dir: string, name: string, spec: CohortFileSpec): void {
  writeFileSync(join(dir, name), cohortFile(spec));
}

describe("cli: summary", function () {
  this.timeout(180_000);
  before(() => ensureBuilt());

  describe("band counts and figures", () => {
    let dir: string;
    before(() => {
      dir = tempDir();
      // totals: 100, 95 (judged 35), 70 (checked 1 → 20, judged 30), 45 (checked 0, judged 25, adjust 10% → 0, pay 80% → 0)
      write(dir, "a.perf", { unit: "甲镇", budget: "100", spent: "100", adjust: "0" });
      write(dir, "b.perf", { unit: "乙镇", budget: "200", spent: "200", adjust: "0", judged: "35" });
      write(dir, "c.perf", { unit: "丙镇", budget: "300", spent: "300", adjust: "0", checked: 1, judged: "30" });
      write(dir, "d.perf", { unit: "丁镇", budget: "400", spent: "320", adjust: "40", checked: 0, judged: "25" });
      writeFileSync(join(dir, "e.perf"), "单位：戊镇\n年度：2023\n预算安排数：1118.478178 万元\n执行资金：1078.43843 万元\n");
      mkdirSync(join(dir, "sub"));
      writeFileSync(join(dir, "sub", "f.perf"), "单位：己镇\n年度：2023\n年初预算数：50 万元\n预算数：60 万元\n支出总额：5000000 元\n");
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("counts ≥90, 60–90, <60 and unscored", () => {
      const r = cli(["summary", "--format", "json", "."], dir);
      assert.equal(r.status, 0, r.stderr);
      const j = JSON.parse(r.stdout) as SummaryJson;
      assert.deepEqual(j.files.map((f) => [f.path, f.total, f.grade]), [
        ["a.perf", 100, "优"],
        ["b.perf", 95, "优"],
        ["c.perf", 70, "中"],
        ["d.perf", 45, "差"],
        ["e.perf", null, null],
        [join("sub", "f.perf"), null, null],
      ]);
      assert.deepEqual(j.bands, { high: 2, middle: 1, low: 1, unscored: 2 });
    });

    it("reads budget and spending by the documented lookup order, in 万元", () => {
      const j = JSON.parse(cli(["summary", "--format", "json", "."], dir).stdout) as SummaryJson;
      const byPath = new Map(j.files.map((f) => [f.path, f]));
      assert.deepEqual(byPath.get("a.perf")!.budget, { name: "全年预算数", value: "100", unit: "万元" });
      assert.deepEqual(byPath.get("e.perf")!.budget, { name: "预算安排数", value: "1118.478178", unit: "万元" });
      assert.deepEqual(byPath.get("e.perf")!.spending, { name: "执行资金", value: "1078.43843", unit: "万元" });
      // 预算数 comes before 年初预算数; 支出总额 in 元 is shown in 万元.
      assert.deepEqual(byPath.get(join("sub", "f.perf"))!.budget, { name: "预算数", value: "60", unit: "万元" });
      assert.deepEqual(byPath.get(join("sub", "f.perf"))!.spending, { name: "支出总额", value: "500", unit: "万元" });
      assert.deepEqual(j.totals.budget, { value: "2178.478178", files: 6 });
    });

    it("prints a table with the band line; csv on stdout has a header row and no BOM", () => {
      const t = cli(["summary", "."], dir);
      assert.equal(t.status, 0);
      assert.match(t.stdout, /^文件\s+单位\s+年度\s+类型\s+总分\s+等级/);
      assert.match(t.stdout, /得分区间：90 分及以上 2 个；60–90 分 1 个；60 分以下 1 个；未计分 2 个/);
      const c = cli(["summary", "--format", "csv", "."], dir);
      assert.ok(c.stdout.startsWith("文件,单位,年度,类型,项目,总分,等级,满分,得分区间,预算数据名,预算,预算单位,执行数据名,执行,执行单位,执行率,错误,警告\r\n"));
      assert.equal(c.stdout.trimEnd().split("\r\n").length, 7);
      assert.match(c.stdout, /\r\nd\.perf,丁镇,2023,部门整体支出,,45,差,100,<60,全年预算数,400,万元,全年执行数,320,万元,80%,0,0\r\n/);
    });
  });

  describe("--cohort (极值法)", () => {
    let dir: string;
    before(() => {
      dir = tempDir();
      // 预算调整率 X = 2%, 5%, 8% (lower is better, band ≤0% 满分 ≥10% 0分, w = 10);
      // 支付进度率 X = 90%, 95%, 100% (higher is better, band ≥100% 满分 ≤80% 0分, w = 10).
      write(dir, "a.perf", { unit: "甲镇", budget: "100", spent: "90", adjust: "2", judged: "30" });
      write(dir, "b.perf", { unit: "乙镇", budget: "100", spent: "95", adjust: "5", judged: "35" });
      write(dir, "c.perf", { unit: "丙镇", budget: "100", spent: "100", adjust: "8", judged: "40" });
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("scores by max/min across the files and recomputes the totals (by hand)", () => {
      const r = cli(["summary", "--cohort", "--format", "json", "."], dir);
      assert.equal(r.status, 0, r.stderr);
      const j = JSON.parse(r.stdout) as SummaryJson;
      const c = j.cohort!;
      assert.deepEqual(
        c.indicators.map((i) => [i.name, i.lowerIsBetter, i.count, i.min, i.max]),
        [
          ["支付进度率", false, 3, "0.9", "1"],
          ["预算调整率", true, 3, "0.02", "0.08"],
        ],
      );
      const scores = (p: string) => Object.fromEntries(c.files.find((f) => f.path === p)!.scores.map((s) => [s.name, [s.bandScore, s.cohortScore]]));
      // within the band: 调整率 (10 − X%) ÷ 10 × 10; 进度率 (X% − 80) ÷ 20 × 10.
      // 极值法: 调整率 10 × (8 − X) ÷ (8 − 2); 进度率 10 × (X − 90) ÷ (100 − 90).
      assert.deepEqual(scores("a.perf"), { 预算调整率: [8, 10], 支付进度率: [5, 0] });
      assert.deepEqual(scores("b.perf"), { 预算调整率: [5, 5], 支付进度率: [7.5, 5] });
      assert.deepEqual(scores("c.perf"), { 预算调整率: [2, 0], 支付进度率: [10, 10] });
      // own totals: 8+5+40+30 = 83, 5+7.5+40+35 = 87.5, 2+10+40+40 = 92;
      // cohort totals: 10+0+40+30 = 80, 5+5+40+35 = 85, 0+10+40+40 = 90.
      assert.deepEqual(c.files.map((f) => [f.path, f.total, f.grade, f.cohortTotal, f.cohortGrade]), [
        ["a.perf", 83, "良", 80, "良"],
        ["b.perf", 87.5, "良", 85, "良"],
        ["c.perf", 92, "优", 90, "优"],
      ]);
      assert.deepEqual(c.bands, { high: 1, middle: 2, low: 0, unscored: 0 });
      const t = cli(["summary", "--cohort", "."], dir);
      assert.match(t.stdout, /极值法（跨文件）/);
      assert.match(t.stdout, /预算调整率：3 个文件，越低越好，min 2%，max 8%/);
    });

    it("all-equal values get full marks; an indicator in one file only is left alone", () => {
      const d = tempDir();
      try {
        write(d, "a.perf", { unit: "甲镇", budget: "100", spent: "90", adjust: "5" });
        write(d, "b.perf", { unit: "乙镇", budget: "200", spent: "180", adjust: "10" });
        writeFileSync(join(d, "c.perf"), "单位：丙镇\n年度：2023\n满分：10\n\n# 独有指标（10分）\n实际：5%\n评分：≤0% 满分；≥10% 0分\n偏差原因：无\n");
        const j = JSON.parse(cli(["summary", "--cohort", "--format", "json", "."], d).stdout) as SummaryJson;
        const c = j.cohort!;
        assert.deepEqual(c.indicators.map((i) => i.name), ["支付进度率", "预算调整率"]);
        for (const p of ["a.perf", "b.perf"]) {
          const f = c.files.find((x) => x.path === p)!;
          assert.deepEqual(f.scores.map((s) => [s.name, s.cohortScore]), [["预算调整率", 10], ["支付进度率", 10]]);
          assert.equal(f.cohortTotal, 100);
        }
        const only = c.files.find((x) => x.path === "c.perf")!;
        assert.deepEqual(only.scores, []);
        assert.equal(only.cohortTotal, only.total);
        assert.equal(only.total, 5);
      } finally {
        rmSync(d, { recursive: true, force: true });
      }
    });
  });

  describe("workers", () => {
    it("over 200 files, -j 2 gives the same result as -j 1, with nothing on stderr", () => {
      const d = tempDir();
      try {
        for (let i = 0; i < 210; i++) write(d, `${String(i).padStart(3, "0")}.perf`, { unit: `镇${i}`, budget: String(100 + i), spent: String(90 + (i % 11)), adjust: String(i % 13), judged: String(25 + (i % 16)) });
        const one = cli(["summary", "--cohort", "--format", "json", "-j", "1", "."], d);
        const two = cli(["summary", "--cohort", "--format", "json", "-j", "2", "."], d);
        assert.equal(one.status, 0, one.stderr);
        assert.equal(two.status, 0, two.stderr);
        assert.equal(two.stderr, "");
        assert.equal(two.stdout, one.stdout);
        const chk1 = cli(["check", "--format", "json", "-j", "1", "."], d);
        const chk2 = cli(["check", "--format", "json", "-j", "2", "."], d);
        assert.equal(chk2.stdout, chk1.stdout);
        assert.equal(chk2.status, chk1.status);
      } finally {
        rmSync(d, { recursive: true, force: true });
      }
    });
  });
});
