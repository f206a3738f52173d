/** `perf/report` through the real language server: the report, the review, the heading-number setting. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ensureBuilt } from "../cli/helpers";
import { startClient, type TestClient } from "../lsp/client";
import { documentXml } from "./unzip";

describe("server: perf/report (report and review)", function () {
  this.timeout(60_000);
  let client: TestClient;
  const uri = "file:///tmp/report-002.perf";
  before(async () => {
    ensureBuilt();
    client = await startClient();
    await client.open(uri, readFileSync(join(__dirname, "..", "..", "examples", "002-xiaolvzhai-2021.perf"), "utf8"));
    await client.waitForDiagnostics(uri);
  });
  after(() => client.close());

  it("answers the report without review wording, and the review when asked", async () => {
    const report = await client.conn.sendRequest<string | null>("perf/report", { uri, format: "html" });
    assert.ok(report?.includes("评分表"));
    assert.ok(!report?.includes("填报与计算不一致"));
    const review = await client.conn.sendRequest<string | null>("perf/report", { uri, format: "html", review: true });
    assert.ok(review?.includes("<h2>二、填报与计算不一致</h2>"));
    assert.ok(!review?.includes("score-table"));
  });

  it("keeps the author's heading numbers when the setting says so", async () => {
    const md = await client.conn.sendRequest<string | null>("perf/report", { uri, format: "md", headingNumbers: "keep" });
    assert.match(md ?? "", /^### \(一\)部门主要职责职能和部门组织架构$/m);
  });

  it("answers Word as base64 in 公文 styles, the review as a Word document of its own", async () => {
    const b64 = await client.conn.sendRequest<string | null>("perf/report", { uri, format: "docx", review: true });
    const xml = documentXml(Buffer.from(b64 ?? "", "base64"));
    assert.match(xml, /<w:pStyle w:val="Title"\/>/);
    assert.ok(xml.includes("审核意见") && xml.includes("计分依据"));
  });
});
