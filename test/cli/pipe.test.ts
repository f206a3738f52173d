/**
 * `perf-eval … | head`: the reader closes the pipe after the lines it wants.
 * The CLI stops writing quietly (nothing on stderr) instead of crashing with
 * EPIPE, and ends with the command's own exit code, for each command that
 * writes to stdout. The file is large enough
 * that every output overflows the pipe, so the close always hits a write.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLI, cli, ensureBuilt, tempDir } from "./helpers";

const N = 3000;
/** N indicators, each with a warning (PE406: 偏差原因 missing). */
function bigFile(): string {
  const out = ["单位：甲镇人民政府", "年度：2023", `满分：${N}`, ""];
  for (let i = 1; i <= N; i++) out.push(`# 完成质量第${i}项（1分）`, "得分：0.8", "理由：评价人判断", "");
  return out.join("\n");
}

/** Run the CLI, read its first chunk of stdout, then close the pipe as `head -c` would. */
function headOf(args: string[]): Promise<{ status: number | null; signal: string | null; first: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let first = "";
    let stderr = "";
    child.stdout.once("data", (b: Buffer) => {
      first = b.toString("utf8");
      child.stdout.destroy();
    });
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ status, signal, first, stderr }));
  });
}

describe("cli: a closed stdout (… | head)", function () {
  this.timeout(120_000);
  let dir: string;
  let file: string;
  before(() => {
    ensureBuilt();
    dir = tempDir("perf-cli-pipe-");
    file = join(dir, "big.perf");
    writeFileSync(file, bigFile());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const commands: [string, string[]][] = [
    ["check", ["check"]],
    ["score", ["score"]],
    ["score --format json", ["score", "--format", "json"]],
    ["score --format csv", ["score", "--format", "csv"]],
    ["textconv", ["textconv"]],
    ["render -o -", ["render", "-o", "-"]],
    ["check --strict (fails: warnings)", ["check", "--strict"]],
  ];
  for (const [name, args] of commands) {
    it(`${name}: ends quietly, with its own exit code, after the lines the reader took`, async () => {
      const full = cli([...args, file]);
      assert.ok(Buffer.byteLength(full.stdout) > 128 * 1024, `${name} writes ${Buffer.byteLength(full.stdout)} bytes: not enough to overflow the pipe`);
      if (args.includes("--strict")) assert.equal(full.status, 1, "check --strict fails on the file's warnings");
      const r = await headOf([...args, file]);
      assert.ok(r.first.length > 0, "the first lines arrived");
      assert.equal(r.stderr, "", "nothing on stderr (no EPIPE stack)");
      assert.equal(r.signal, null);
      assert.equal(r.status, full.status, "the exit code the command has when its output is read to the end");
    });
  }
});
