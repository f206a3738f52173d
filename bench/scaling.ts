/**
 * Scaling benchmark (issue #6): analyze time per KB from 10 KB to 5 MB, for a
 * generated normal file and for adversarial ones. Cold parses (caches cleared
 * before each run), median of a few runs. The cost is linear when ms/KB stays
 * flat as the size grows; the last column is ms/KB at the size over ms/KB at
 * the smallest size (a flat curve stays near 1).
 *
 *   npm run bench:scaling [-- --max-kb 5120 --runs 3 --json out.json]
 */
import { writeFileSync } from "node:fs";
import { analyze } from "../server/src/analysis";
import { clearAllCaches } from "../server/src/caches";
import { generateLarge } from "./generate";

const args = process.argv.slice(2);
const arg = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const MAX_KB = arg("--max-kb", 5120);
const RUNS = arg("--runs", 3);
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : undefined;
const SIZES_KB = [10, 50, 100, 500, 1024, 2048, 5120].filter((k) => k <= MAX_KB);

const HEADER = "单位：扩展性测试镇人民政府\n年度：2024\n预算数：1000 万元\n执行数：980 万元\n";

/** Repeat `unit(i)` lines until the text reaches `bytes` (UTF-8). */
function fill(head: string, bytes: number, unit: (i: number) => string): string {
  const out: string[] = [head];
  let size = Buffer.byteLength(head);
  for (let i = 0; size < bytes; i++) {
    const l = unit(i);
    out.push(l);
    size += Buffer.byteLength(l) + 1;
  }
  return out.join("\n");
}

/** Normal: the generator's valid evaluation, sized by its number of leaves. */
function normal(bytes: number): string {
  // ~110 bytes per leaf; grow until big enough.
  let leaves = Math.max(10, Math.floor(bytes / 110));
  let t = generateLarge(leaves);
  while (Buffer.byteLength(t) < bytes) {
    leaves = Math.ceil(leaves * 1.1);
    t = generateLarge(leaves);
  }
  return t;
}

const KINDS: Record<string, (bytes: number) => string> = {
  normal,
  /** One line holding all the text (prose). */
  "huge-line": (bytes) => `${HEADER}# 一、正文\n${"这是很长的一行正文，含数字 1,234.5 万元。".repeat(Math.ceil(bytes / 57))}`,
  /** Headings nested as deep as the size allows (levels beyond 6 are not headings: `#######…` is text), then weighted chains. */
  "deep-nesting": (bytes) =>
    fill(`${HEADER}自评总分：90\n`, bytes, (i) => {
      const d = (i % 6) + 1;
      return `${"#".repeat(d)} 指标${i}（${7 - d}分）${d === 6 ? "\n评分：符合 1；不符合 0\n结果：符合" : ""}`;
    }),
  /** Prose full of placeholders, known and unknown. */
  placeholders: (bytes) => fill(`${HEADER}# 一、正文\n`, bytes, (i) => `第${i}段 {{执行数}} {{总分}} {{等级}} {{未知${i}}} {{指标${i}.得分}} 结束。`),
  /** Derived data citing names that do not exist (a diagnostic each). */
  "unknown-names": (bytes) => fill(HEADER, bytes, (i) => `数据${i}：${i} 万元 = 未知甲${i} + 未知乙${i} × 预算数`),
  /** Every line a diagnostic: unparsable values, duplicated keys, weights that do not add up, misplaced fields. */
  "many-diagnostics": (bytes) =>
    fill(`${HEADER}自评总分：1\n# 指标（100分）\n`, bytes, (i) =>
      [`## 子指标${i}（${(i % 9) + 1}分）`, `评分：≥ 满分；每超个百分点扣分`, `实际：一百二十${i}`, `得分：${i % 3 === 0 ? "abc" : 99}`, `目标：≥100% ≥`, `单位：重复`, `- [x] 要点`].join("\n"),
    ),
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const gc = (globalThis as { gc?: () => void }).gc;

interface Row {
  kind: string;
  kb: number;
  ms: number;
  msPerKb: number;
  diagnostics: number;
}

const rows: Row[] = [];
// Warm the JIT so the first size is not charged for it.
for (const make of Object.values(KINDS)) analyze(make(20 * 1024));
/** A size is skipped when the one before took longer than this (the curve is already known to be steep). */
const SKIP_AFTER_MS = arg("--skip-after-ms", 30_000);
console.log(`analyze() cost per KB, cold caches, median of ${RUNS} runs${gc ? "" : " (run with --expose-gc for steadier figures)"}`);
for (const [kind, make] of Object.entries(KINDS)) {
  console.log(`\n${kind}`);
  console.log("    size        ms      ms/KB   ×(10 KB)   diagnostics");
  let base: number | undefined;
  let lastMs = 0;
  for (const kb of SIZES_KB) {
    if (lastMs > SKIP_AFTER_MS) {
      console.log(`${(kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${kb} KB`).padStart(8)}   skipped (the previous size took ${(lastMs / 1000).toFixed(0)} s)`);
      continue;
    }
    const text = make(kb * 1024);
    const realKb = Buffer.byteLength(text) / 1024;
    const times: number[] = [];
    let diagnostics = 0;
    for (let r = 0; r < RUNS; r++) {
      clearAllCaches();
      gc?.();
      const t0 = performance.now();
      const a = analyze(text);
      times.push(performance.now() - t0);
      diagnostics = a.evaluation.diagnostics.length;
    }
    const ms = median(times);
    lastMs = ms;
    const per = ms / realKb;
    base ??= per;
    rows.push({ kind, kb: realKb, ms, msPerKb: per, diagnostics });
    console.log(`${(realKb >= 1024 ? `${(realKb / 1024).toFixed(1)} MB` : `${realKb.toFixed(0)} KB`).padStart(8)} ${ms.toFixed(1).padStart(9)} ${per.toFixed(4).padStart(10)} ${(per / base).toFixed(2).padStart(10)} ${String(diagnostics).padStart(13)}`);
  }
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 2));
