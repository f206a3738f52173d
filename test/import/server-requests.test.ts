/** The editor's import and Excel export, through the real language server (dist/server.js loading dist/tables.js). */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { ensureBuilt } from "../cli/helpers";
import { startClient, type TestClient } from "../lsp/client";
import type { ImportTableResult } from "../../server/src/lsp/table-requests";
import { departmentScoreTable, xlsxBuffer } from "./fixtures";

describe("server: perf/importTable and perf/exportXlsx", function () {
  this.timeout(60_000);
  let client: TestClient;
  before(async () => {
    ensureBuilt();
    client = await startClient();
  });
  after(() => client.close());

  it("imports a workbook sent as base64 and answers with the draft and its summary", async () => {
    const data = (await xlsxBuffer(departmentScoreTable())).toString("base64");
    const r = await client.conn.sendRequest<ImportTableResult>("perf/importTable", { data, name: "评分表.xlsx" });
    assert.ok(r.ok);
    assert.match(r.text, /^单位：示范镇人民政府$/m);
    assert.match(r.summary, /读取 8 个指标；评分规则 4 条，其中 2 条可自动计分/);
  });
  it("answers a bad file with the message, not an error", async () => {
    const r = await client.conn.sendRequest<ImportTableResult>("perf/importTable", { data: Buffer.from("not a workbook").toString("base64"), name: "x.xls" });
    assert.deepEqual(r.ok, false);
    assert.match(!r.ok ? r.message : "", /另存为 \.xlsx/);
  });
  it("exports the open document's score table", async () => {
    const uri = "file:///tmp/002.perf";
    await client.open(uri, readFileSync(join(__dirname, "..", "..", "examples", "002-xiaolvzhai-2021.perf"), "utf8"));
    await client.waitForDiagnostics(uri);
    const b64 = await client.conn.sendRequest<string | null>("perf/exportXlsx", { uri });
    assert.ok(b64);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(b64, "base64") as unknown as ArrayBuffer);
    assert.equal(wb.worksheets[0].getCell("A4").value, "投入");
    assert.equal(wb.worksheets.length, 1);
    const withReview = await client.conn.sendRequest<string | null>("perf/exportXlsx", { uri, review: true });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(withReview ?? "", "base64") as unknown as ArrayBuffer);
    assert.deepEqual(wb2.worksheets.map((w) => w.name), ["巨鹿县小吕寨镇人民政府评分表", "巨鹿县小吕寨镇人民政府审核意见"]);
  });
});
