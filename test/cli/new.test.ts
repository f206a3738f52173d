/** `perf-eval new`: the templates of the extension's 新建绩效自评, from the command line. */
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../../server/src/analysis";
import { cli, ensureBuilt, tempDir } from "./helpers";

describe("cli new", () => {
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = tempDir();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a 部门整体支出 evaluation whose weights add up and which still has values to fill", () => {
    const r = cli(["new", "--unit", "甲镇人民政府", "--year", "2024"], dir);
    assert.equal(r.status, 0, r.stderr);
    const file = join(dir, "2024-甲镇人民政府.perf");
    const a = analyze(readFileSync(file, "utf8"));
    assert.equal(a.model.header.get("单位")?.value, "甲镇人民政府");
    assert.deepEqual(a.model.roots.map((r) => `${r.name}${r.weight?.toString()}`), ["投入10", "过程45", "产出25", "效果20"]);
    assert.ok(!a.evaluation.diagnostics.some((d) => d.code === "PE301" || d.code === "PE302"));
  });

  it("writes a 项目支出 evaluation with the 预算执行率 row, and refuses to overwrite", () => {
    assert.equal(cli(["new", "--type", "项目支出", "--unit", "甲镇", "--year", "2024", "--project", "道路"], dir).status, 0);
    const file = join(dir, "2024-道路.perf");
    assert.ok(existsSync(file));
    const a = analyze(readFileSync(file, "utf8"));
    assert.equal(a.model.scope, "项目支出");
    assert.ok(a.model.roots.some((r) => r.name === "预算执行率"));
    const again = cli(["new", "--type", "项目支出", "--unit", "甲镇", "--year", "2024", "--project", "道路"], dir);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /已存在/);
  });
});
