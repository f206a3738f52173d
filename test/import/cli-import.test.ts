/** `perf-eval import` and `--format xlsx` over the built CLI: summaries, refusing to overwrite, no partial writes. */
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, ensureBuilt, tempDir } from "../cli/helpers";
import { nationalProjectForm, xlsxBuffer } from "./fixtures";

describe("cli: import and --format xlsx", function () {
  this.timeout(120_000);
  let dir: string;
  before(async () => {
    ensureBuilt();
    dir = tempDir();
    writeFileSync(join(dir, "自评表.xlsx"), await xlsxBuffer(nationalProjectForm()));
    writeFileSync(join(dir, "旧表.xls"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(508)]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("imports next to the source, prints what it read and the check of the draft", () => {
    const r = cli(["import", "自评表.xlsx"], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /已导入 自评表\.perf：读取 14 个指标；评分规则 0 条，其中 0 条可自动计分；目标值 6 个、实际值 6 个；\d+ 个单元格保留为注释/);
    assert.match(readFileSync(join(dir, "自评表.perf"), "utf8"), /^项目：村道维修改造$/m);
    const check = cli(["check", "自评表.perf"], dir);
    assert.equal(check.status, 0, check.stdout);
  });
  it("refuses to overwrite an existing .perf without --force, and leaves it untouched", () => {
    writeFileSync(join(dir, "mine.perf"), "单位：我的\n");
    const r = cli(["import", "自评表.xlsx", "-o", "mine.perf"], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /mine\.perf 已存在；加 --force 覆盖/);
    assert.equal(readFileSync(join(dir, "mine.perf"), "utf8"), "单位：我的\n");
  });
  it("a bad input never replaces an existing file, even with --force", () => {
    writeFileSync(join(dir, "keep.perf"), "单位：保留\n");
    const r = cli(["import", "旧表.xls", "-o", "keep.perf", "--force"], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /请在 Excel \/ WPS 中另存为 \.xlsx（表格）或 \.docx（文档）后再导入/);
    assert.equal(readFileSync(join(dir, "keep.perf"), "utf8"), "单位：保留\n");
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith(".tmp")), []);
  });
  it("names the sheets to choose from when --sheet names none", () => {
    const r = cli(["import", "自评表.xlsx", "-o", "-", "--sheet", "没有这张表"], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /没有名为“没有这张表”的工作表；可选：项目支出绩效自评表/);
  });
  it("score --format xlsx --review adds the 审核意见 sheet", async () => {
    const ex = join(__dirname, "..", "..", "examples", "002-xiaolvzhai-2021.perf");
    assert.equal(cli(["score", ex, "--format", "xlsx", "--review", "-o", join(dir, "r.xlsx")]).status, 0);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "r.xlsx"));
    assert.deepEqual(wb.worksheets.map((w) => w.name), ["巨鹿县小吕寨镇人民政府评分表", "巨鹿县小吕寨镇人民政府审核意见"]);
    const text = cli(["score", ex, "--review"]);
    assert.equal(text.status, 2);
    assert.match(text.stderr, /--review 只用于 --format xlsx/);
  });
  it("score and summary write workbooks with -o, refuse stdout and existing files", () => {
    const ex = join(__dirname, "..", "..", "examples");
    assert.equal(cli(["score", join(ex, "002-xiaolvzhai-2021.perf"), "--format", "xlsx", "-o", join(dir, "s.xlsx")]).status, 0);
    assert.ok(existsSync(join(dir, "s.xlsx")));
    const again = cli(["score", join(ex, "002-xiaolvzhai-2021.perf"), "--format", "xlsx", "-o", join(dir, "s.xlsx")]);
    assert.equal(again.status, 1);
    const stdout = cli(["summary", ex, "--format", "xlsx"]);
    assert.equal(stdout.status, 2);
    assert.match(stdout.stderr, /不能写到标准输出/);
    assert.equal(cli(["summary", ex, "--format", "xlsx", "-o", join(dir, "sum.xlsx")]).status, 0);
    const back = cli(["import", join(dir, "s.xlsx"), "-o", "-"]);
    assert.equal(back.status, 0, back.stderr);
    assert.match(back.stdout, /^单位：巨鹿县小吕寨镇人民政府$/m);
  });
});
