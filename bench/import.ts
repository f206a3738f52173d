/**
 * Benchmark of `perf-eval import` and `score --format xlsx`: a generated
 * 10,000-row 评分表 (three levels, units, rules as printed, two-row header),
 * imported through the built CLI (time and peak memory, from /usr/bin/time
 * when present, else wall time only), and the 002 example exported.
 * `node -r tsx/cjs bench/import.ts [rows]`; build first (`npm run build`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

const ROOT = join(__dirname, "..");
const CLI = join(ROOT, "dist", "cli.js");

async function bigWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("评分表");
  ws.getCell("A1").value = "示范县2024年部门整体支出绩效评价指标体系评分表";
  ws.getRow(3).values = ["评价指标", null, null, "分值", "年度指标值", "实际完成值", "计量单位", "评分标准", "得分"];
  ws.getRow(4).values = ["一级指标", "二级指标", "三级指标"];
  ws.mergeCells("A3:C3");
  const weight = 100 / rows;
  for (let i = 0; i < rows; i++) {
    ws.getRow(5 + i).values = [`一级${Math.floor(i / 1000)}`, `二级${Math.floor(i / 100)}`, `指标${i}`, weight, `≥${90 + (i % 10)}`, 95, "%", "≥95% 满分；≤85% 0分", weight];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function timed(args: string[]): { seconds: number; peakMB?: number; status: number | null } {
  const time = existsSync("/usr/bin/time");
  const t0 = performance.now();
  const r = time
    ? spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, CLI, ...args], { encoding: "utf8" })
    : spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  const seconds = (performance.now() - t0) / 1000;
  const kb = time ? Number(/(\d+)\s*$/.exec(r.stderr)?.[1]) : Number.NaN;
  return { seconds, peakMB: Number.isFinite(kb) ? Math.round(kb / 1024) : undefined, status: r.status };
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 10000);
  const dir = mkdtempSync(join(tmpdir(), "perf-import-bench-"));
  try {
    const xlsx = join(dir, "big.xlsx");
    writeFileSync(xlsx, await bigWorkbook(rows));
    console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    for (let run = 1; run <= 3; run++) {
      const r = timed(["import", xlsx, "-o", join(dir, "big.perf"), "--force"]);
      console.log(`import ${rows} rows: ${r.seconds.toFixed(2)} s${r.peakMB ? `, peak ${r.peakMB} MB` : ""} (exit ${r.status})`);
    }
    for (let run = 1; run <= 3; run++) {
      const r = timed(["score", join(ROOT, "examples", "002-xiaolvzhai-2021.perf"), "--format", "xlsx", "-o", join(dir, "002.xlsx"), "--force"]);
      console.log(`score --format xlsx (002): ${r.seconds.toFixed(2)} s${r.peakMB ? `, peak ${r.peakMB} MB` : ""}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
