/**
 * Benchmark of `perf-eval summary`: generate N evaluation files (default
 * 2,000) in a temp dir — varied units, budgets, spending, adjustment rates,
 * checklists, judged scores and prose length — then time the summary
 * in-process (sequential) and through the built CLI (dist/cli.js) with 1 and
 * 2 worker threads. `npm run bench:summary [-- N]`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { runTask } from "../server/src/cli/tasks";
import { cohortScores } from "../server/src/summary/cohort";
import { countScoreBands } from "../server/src/summary/summary";

export interface CohortFileSpec {
  unit: string;
  year?: number;
  /** 全年预算数, 万元 */
  budget: string;
  /** 全年执行数, 万元 */
  spent: string;
  /** 调整数, 万元 (预算调整率 = 调整数 ÷ 全年预算数: lower is better, band ≤0% full, ≥10% zero) */
  adjust: string;
  /** Points checked of the two (履职完成情况, 40 分). */
  checked?: 0 | 1 | 2;
  /** 完成质量 (40 分): the evaluator's score. */
  judged?: string;
  /** Prose paragraphs (file size). */
  paragraphs?: number;
}

/** A small but complete department evaluation with two linear-band indicators. */
export function cohortFile(s: CohortFileSpec): string {
  const checked = s.checked ?? 2;
  const prose = Array.from({ length: s.paragraphs ?? 1 }, (_, i) => `第 ${i + 1} 段：本镇围绕年度目标推进各项工作，全年预算 {{全年预算数}}，执行 {{全年执行数}}，资金使用规范，管理制度健全，项目按计划实施。`);
  return [
    `单位：${s.unit}`,
    `年度：${s.year ?? 2023}`,
    `全年预算数：${s.budget} 万元`,
    `全年执行数：${s.spent} 万元`,
    "",
    "# 一、基本情况",
    "",
    ...prose.flatMap((p) => [p, ""]),
    "# 投入（20分）",
    "",
    "## 预算调整率（10分）",
    "公式：调整数 ÷ 全年预算数",
    `调整数：${s.adjust} 万元`,
    "评分：≤0% 满分；≥10% 0分",
    "偏差原因：年中追加",
    "",
    "## 支付进度率（10分）",
    "公式：全年执行数 ÷ 全年预算数",
    "评分：≥100% 满分；≤80% 0分",
    "偏差原因：部分项目跨年",
    "",
    "# 产出（80分）",
    "",
    "## 履职完成情况（40分）",
    `- [${checked >= 1 ? "x" : " "}] 按计划完成重点工作`,
    `- [${checked >= 2 ? "x" : " "}] 完成上级交办任务`,
    "评分：全部符合 满分；其中一项不符合 20；其余 0",
    "偏差原因：按实际情况",
    "",
    "## 完成质量（40分）",
    `得分：${s.judged ?? "40"}`,
    "理由：评价人判断",
    "偏差原因：按实际情况",
    "",
  ].join("\n");
}

const COUNTIES = ["巨鹿县", "徐水区", "常宁市", "嘉鱼县", "定州市", "清苑区", "望都县", "唐县"];
const TOWNS = ["苏家营", "安肃", "荫田", "高铁岭", "小吕寨", "西关", "东城", "南营", "北庄", "柳林"];

/** Deterministic pseudo-random numbers (so runs are comparable). */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

export function generateCohort(dir: string, n: number): string[] {
  const r = rng(20240318);
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const budget = 300 + Math.floor(r() * 270000) / 100;
    const spent = Math.round(budget * (0.7 + r() * 0.35) * 100) / 100;
    const adjust = Math.round(budget * r() * 0.15 * 100) / 100;
    const spec: CohortFileSpec = {
      unit: `${COUNTIES[i % COUNTIES.length]}${TOWNS[Math.floor(i / COUNTIES.length) % TOWNS.length]}镇人民政府（${i + 1}）`,
      year: 2021 + (i % 3),
      budget: budget.toFixed(2),
      spent: spent.toFixed(2),
      adjust: adjust.toFixed(2),
      checked: r() < 0.1 ? 0 : r() < 0.2 ? 1 : 2,
      judged: String(Math.floor(20 + r() * 21)),
      paragraphs: 1 + Math.floor(r() * 40),
    };
    const p = join(dir, `${String(i + 1).padStart(4, "0")}.perf`);
    writeFileSync(p, cohortFile(spec));
    paths.push(p);
  }
  return paths;
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, (performance.now() - t0) / 1000];
}

function main(): void {
  const n = Number(process.argv[2] ?? 2000);
  const dir = mkdtempSync(join(tmpdir(), "perf-summary-"));
  try {
    const [paths, tg] = time(() => generateCohort(dir, n));
    console.log(`${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(2)).join(" ")} (other processes compete for the cores)`);
    console.log(`generated ${n} files in ${tg.toFixed(2)} s (${dir})`);
    const [rows, t1] = time(() => paths.flatMap((p) => runTask("summary", p).result ?? []));
    const [cohort, tc] = time(() => cohortScores(rows));
    const bands = countScoreBands(rows);
    console.log(`in-process, sequential: ${t1.toFixed(2)} s, ${(n / t1).toFixed(0)} files/s; cohort (极值法) ${(tc * 1000).toFixed(1)} ms over ${cohort.indicators.length} indicators`);
    console.log(`bands: ≥90 ${bands.high}, 60–90 ${bands.middle}, <60 ${bands.low}, unscored ${bands.unscored}`);
    for (const jobs of [1, 2]) {
      const [res, t] = time(() => spawnSync(process.execPath, ["dist/cli.js", "summary", "--cohort", "--format", "json", "-j", String(jobs), dir], { encoding: "utf8", maxBuffer: 1 << 28 }));
      if (res.status !== 0) throw new Error(`cli failed: ${res.stderr}`);
      console.log(`CLI dist/cli.js summary --cohort -j ${jobs}: ${t.toFixed(2)} s, ${(n / t).toFixed(0)} files/s (process start included)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) main();
