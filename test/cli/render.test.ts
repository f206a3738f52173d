/** `perf-eval render`: the review apart (--review), appended (--include-diagnostics), and --to pdf. */
import assert from "node:assert/strict";
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { documentXml } from "../report/unzip";
import { ROOT, cli, ensureBuilt, tempDir } from "./helpers";

const EXAMPLE = "002-xiaolvzhai-2021.perf";

describe("cli: render (report, review, PDF)", function () {
  this.timeout(60_000);
  let dir = "";
  before(() => {
    ensureBuilt();
    dir = tempDir();
    copyFileSync(join(ROOT, "examples", EXAMPLE), join(dir, EXAMPLE));
  });

  it("renders the report without review wording, and --review renders the review alone next to it", () => {
    const report = cli(["render", EXAMPLE, "--to", "md", "-o", "-"], dir);
    assert.equal(report.status, 0, report.stderr);
    for (const word of ["填报", "与计算不符", "未填写", "审核意见"]) assert.ok(!report.stdout.includes(word), word);
    const review = cli(["render", EXAMPLE, "--to", "docx", "--review"], dir);
    assert.equal(review.status, 0, review.stderr);
    const file = join(dir, "002-xiaolvzhai-2021.审核意见.docx");
    assert.ok(existsSync(file), "default name: 名称.审核意见.docx");
    const xml = documentXml(readFileSync(file));
    for (const part of ["审核意见", "填报与计算不一致", "自评总分", "预算调整率", "缺少偏差原因", "诊断", "PE502", "计分依据"]) assert.ok(xml.includes(part), part);
    assert.ok(!xml.includes("指标解释"), "the review is not the report");
  });

  it("--include-diagnostics appends the review after the report", () => {
    const r = cli(["render", EXAMPLE, "--to", "md", "-o", "-", "--include-diagnostics"], dir);
    assert.equal(r.status, 0, r.stderr);
    const at = r.stdout.indexOf("审核意见");
    assert.ok(at > r.stdout.indexOf("| 一级指标 |"), "after the 评分表");
    assert.ok(r.stdout.slice(at).includes("| 96 | 82 |"), "stated 96, computed 82 in the review");
  });

  it("--keep-numbering keeps the author's heading numbers", () => {
    const gongwen = cli(["render", EXAMPLE, "--to", "md", "-o", "-"], dir).stdout;
    const kept = cli(["render", EXAMPLE, "--to", "md", "-o", "-", "--keep-numbering"], dir).stdout;
    assert.match(gongwen, /^### （一）部门主要职责职能和部门组织架构$/m);
    assert.match(kept, /^### \(一\)部门主要职责职能和部门组织架构$/m);
  });

  it("--to pdf without LibreOffice says what to install and exits 2, writing nothing", () => {
    const r = cli(["render", EXAMPLE, "--to", "pdf", "-o", "x.pdf"], dir, { PERF_EVAL_SOFFICE: join(dir, "no-soffice"), PATH: "" });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /LibreOffice/);
    assert.match(r.stderr, /libreoffice-writer-nogui/);
    assert.ok(!existsSync(join(dir, "x.pdf")));
    const stdout = cli(["render", EXAMPLE, "--to", "pdf", "-o", "-"], dir);
    assert.equal(stdout.status, 2, "a PDF never goes to stdout");
  });
});
