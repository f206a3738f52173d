/**
 * Git integration in a real temporary repository: `*.perf diff=perf` with
 * `perf-eval textconv` shows how an indicator's score and the total changed;
 * the sample pre-commit hook refuses a staged file with warnings.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, chmodSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cohortFile } from "../../bench/summary";
import { CLI, ROOT, ensureBuilt, tempDir } from "./helpers";

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" };

describe("cli: git", function () {
  this.timeout(120_000);
  let repo: string;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, env: ENV, encoding: "utf8" });
  before(() => {
    ensureBuilt();
    repo = tempDir("perf-git-");
    git("init", "-q");
    writeFileSync(join(repo, ".gitattributes"), "*.perf diff=perf\n");
    git("config", "diff.perf.textconv", `"${process.execPath}" "${CLI}" textconv`);
    git("config", "diff.perf.cachetextconv", "true");
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it("git diff shows the old and new score of the indicator and the total", () => {
    writeFileSync(join(repo, "a.perf"), cohortFile({ unit: "甲镇人民政府", budget: "100", spent: "100", adjust: "0", judged: "40" }));
    git("add", ".");
    git("commit", "-q", "-m", "first");
    writeFileSync(join(repo, "a.perf"), cohortFile({ unit: "甲镇人民政府", budget: "100", spent: "100", adjust: "0", judged: "32" }));
    const diff = git("diff", "--no-color");
    const changed = diff.split("\n").filter((l) => /^[-+][^-+]/.test(l));
    assert.deepEqual([...changed].sort(), [
      "-指标 产出 | 分值 80 | 实际 — | 得分 80",
      "-指标 产出 / 履职完成情况 | 分值 40 | 实际 2/2 项 | 得分 40",
      "-指标 产出 / 完成质量 | 分值 40 | 实际 — | 得分 40",
      "-总分 100 | 等级 优",
      "+指标 产出 | 分值 80 | 实际 — | 得分 72",
      "+指标 产出 / 履职完成情况 | 分值 40 | 实际 2/2 项 | 得分 40",
      "+指标 产出 / 完成质量 | 分值 40 | 实际 — | 得分 32",
      "+总分 92 | 等级 优",
    ].filter((l) => !l.includes("履职完成情况")).sort());
    // `git diff --no-textconv` still shows the raw line.
    assert.match(git("diff", "--no-color", "--no-textconv"), /^\+得分：32$/m);
  });

  it("the sample pre-commit hook refuses a staged file with warnings", () => {
    const hook = join(repo, ".git", "hooks", "pre-commit");
    copyFileSync(join(ROOT, "hooks", "pre-commit"), hook);
    chmodSync(hook, 0o755);
    const env = { ...ENV, PERF_EVAL: `${process.execPath} ${CLI}` /* split on spaces by the hook */ };
    writeFileSync(join(repo, "b.perf"), "单位：乙镇\n年度：2023\n满分：10\n\n# 完成质量（10分）\n得分：8\n理由：评价人判断\n");
    git("add", "b.perf");
    const refused = spawnSync("git", ["commit", "-q", "-m", "warn"], { cwd: repo, env, encoding: "utf8" });
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /^b\.perf:5:3: warning PE406 /m);
    writeFileSync(join(repo, "b.perf"), "单位：乙镇\n年度：2023\n满分：10\n\n# 完成质量（10分）\n得分：8\n理由：评价人判断\n偏差原因：部分工作未完成\n");
    git("add", "b.perf");
    const ok = spawnSync("git", ["commit", "-q", "-m", "fixed"], { cwd: repo, env, encoding: "utf8" });
    assert.equal(ok.status, 0, ok.stderr);
  });
});
