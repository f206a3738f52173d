/** docs/editors.md's Neovim configuration, run in a real (headless) Neovim when one is installed. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const hasNvim = spawnSync("nvim", ["--version"]).status === 0;

describe("Neovim with docs/editors/init.lua", function () {
  this.timeout(60000);
  before(function () {
    if (!hasNvim) this.skip();
  });

  it("starts the server and shows its diagnostics", () => {
    const dir = mkdtempSync(join(tmpdir(), "perf-nvim-"));
    try {
      const file = join(dir, "a.perf");
      writeFileSync(file, "单位：甲镇\n年度：2021\n满分：3\n# A（3分）\n公式：1 ÷ 2\n评分：比例\n得分：3\n");
      const check = join(dir, "check.lua");
      writeFileSync(
        check,
        [
          "local function done()",
          "  local ds = vim.diagnostic.get(0)",
          "  local codes = {}",
          "  for _, d in ipairs(ds) do table.insert(codes, tostring(d.code)) end",
          "  table.sort(codes)",
          "  io.stdout:write('codes=' .. table.concat(codes, ',') .. '\\n')",
          "  vim.cmd('qa!')",
          "end",
          "local tries = 0",
          "local function poll()",
          "  tries = tries + 1",
          "  if #vim.diagnostic.get(0) > 0 or tries > 100 then done() else vim.defer_fn(poll, 100) end",
          "end",
          "vim.defer_fn(poll, 100)",
        ].join("\n"),
      );
      const r = spawnSync("nvim", ["--headless", "-u", join(root, "docs", "editors", "init.lua"), "-c", `luafile ${check}`, file], {
        env: { ...process.env, PERF_EVAL_SERVER: join(root, "dist", "server.js") },
        encoding: "utf8",
        timeout: 45000,
      });
      const out = `${r.stdout}${r.stderr}`;
      assert.match(out, /codes=PE406,PE501/, out);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
