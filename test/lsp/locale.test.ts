/**
 * One language at a time in the server (issue 13, item 6): with perf.locale
 * `en` the hints, hover, hint tooltips and diagnostics are English; with
 * `zh-cn` (the default) Chinese. The author's own text (indicator and data
 * names, grade names, units) stays as written. Over the real server.
 */
import assert from "node:assert/strict";
import type { ClientCapabilities, Diagnostic, Hover, InlayHint } from "vscode-languageserver-protocol";
import { ensureBuilt } from "../cli/helpers";
import { startClient, type TestClient } from "./client";

const URI = "file:///tmp/locale.perf";
const SAMPLE = [
  "单位：测试镇人民政府", // 0
  "年度：2021", // 1
  "自评总分：96", // 2
  "年初预算数：1049.6 万元", // 3
  "年中追加数：159.94 万元", // 4
  "", // 5
  "## 投入（5分）", // 6
  "### 预算调整率（3分）", // 7
  "公式：年中追加数 ÷ 年初预算数", // 8
  "评分：=0% 满分；≥10% 0分", // 9
  "得分：3", // 10
  "", // 11
  "### 管理制度（2分）", // 12
  "评分：扣分 每项 1分", // 13
  "- 制度未及时修订", // 14
  "",
].join("\n");

const CAPS: ClientCapabilities = { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false }, inlayHint: {}, hover: { contentFormat: ["markdown"] } } };
const label = (h: InlayHint) => (typeof h.label === "string" ? h.label : h.label.map((p) => p.value).join("")).replace(/\u00a0/g, " ");
const CJK_OUTSIDE_NAMES = /[\u4e00-\u9fff]/;

async function hintsOf(client: TestClient): Promise<InlayHint[]> {
  return (await client.conn.sendRequest("textDocument/inlayHint", { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 16, character: 0 } } })) as InlayHint[];
}
async function hoverOf(client: TestClient, line: number): Promise<string> {
  const h = (await client.conn.sendRequest("textDocument/hover", { textDocument: { uri: URI }, position: { line, character: 5 } })) as Hover;
  return (h.contents as { value: string }).value;
}
async function diagnosticsOf(client: TestClient): Promise<Diagnostic[]> {
  return ((await client.conn.sendRequest("textDocument/diagnostic", { textDocument: { uri: URI } })) as { items: Diagnostic[] }).items;
}

describe("server: perf.locale picks the language of hints, hover and messages", function () {
  this.timeout(60_000);
  before(() => ensureBuilt());

  describe("perf.locale: en", () => {
    let client: TestClient;
    before(async () => {
      client = await startClient(CAPS, undefined, { locale: "en" });
      client.conn.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === "perf.locale" ? "en" : null)));
      await client.open(URI, SAMPLE);
    });
    after(() => client.close());

    it("hints: the computed total and a deduction label in English, the grade name as the file has it", async () => {
      const hints = await hintsOf(client);
      const at = (line: number) => hints.filter((h) => h.position.line === line).map(label);
      assert.deepEqual(at(2), ["computed 1 · 差"]);
      assert.deepEqual(at(13 - 1), ["1 deduction → 1/2"]);
    });

    it("hover: an English heading, table and scoring kind; the indicator's name as written", async () => {
      const md = await hoverOf(client, 7);
      assert.ok(md.includes("**Indicator: 预算调整率 (3 pts)**"), md);
      assert.ok(md.includes("| Input | Value |") && md.includes("Result: "), md);
      assert.match(md, /Scoring: /);
      assert.ok(!/指标：|输入|结果：|计分方式/.test(md), md);
    });

    it("the hint's tooltip (resolved trace) is English too", async () => {
      const h = (await hintsOf(client)).find((x) => x.position.line === 7)!;
      const resolved = (await client.conn.sendRequest("inlayHint/resolve", h)) as InlayHint;
      const md = (resolved.tooltip as { value: string }).value;
      assert.ok(md.includes("| Input | Value |"), md);
      assert.ok(!md.includes("输入"), md);
    });

    it("hover: the computation itself (rule, steps, result) reads in English, only the file's names stay Chinese", async () => {
      const md = await hoverOf(client, 7);
      assert.ok(md.includes("Rule: linear between bounds: =0% full score; ≥10% 0 pts; linear in between"), md);
      assert.match(md, /Result: \*\*[\d.]+\/3 pts\*\*/);
      assert.ok(!CJK_OUTSIDE_NAMES.test(md.replace(/预算调整率|年中追加数|年初预算数|万元/g, "")), md);
      const total = await hoverOf(client, 2);
      assert.ok(total.includes("total = the sum of the top-level indicators' scores"), total);
    });

    it("diagnostics: English messages", async () => {
      const stated = (await diagnosticsOf(client)).find((d) => d.code === "PE501")!;
      assert.ok(stated, "PE501 on the stated score");
      const message = String(stated.message);
      assert.ok(!CJK_OUTSIDE_NAMES.test(message.replace(/“[^”]*”|「[^」]*」|预算调整率/g, "")), message);
    });
  });

  describe("perf.locale: zh-cn (the default), then switched to en in the settings", () => {
    let client: TestClient;
    let locale: string | null = "zh-cn";
    before(async () => {
      client = await startClient(CAPS, undefined, { locale: "zh-cn" });
      client.conn.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === "perf.locale" ? locale : null)));
      await client.open(URI, SAMPLE);
    });
    after(() => client.close());

    it("Chinese hints and hover", async () => {
      const hints = await hintsOf(client);
      assert.deepEqual(hints.filter((h) => h.position.line === 2).map(label), ["计算 1 · 差"]);
      assert.deepEqual(hints.filter((h) => h.position.line === 12).map(label), ["扣分 1 项 → 1/2"]);
      const md = await hoverOf(client, 7);
      assert.ok(md.includes("**指标：预算调整率（3 分）**") && md.includes("| 输入 | 值 |"), md);
    });

    it("after the user sets perf.locale to en, the next hover and hints are English", async () => {
      locale = "en";
      await client.conn.sendNotification("workspace/didChangeConfiguration", { settings: null });
      const deadline = Date.now() + 5000;
      let md = await hoverOf(client, 7);
      while (!md.includes("Indicator:") && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        md = await hoverOf(client, 7);
      }
      assert.ok(md.includes("**Indicator: 预算调整率 (3 pts)**"), md);
      assert.deepEqual((await hintsOf(client)).filter((h) => h.position.line === 2).map(label), ["computed 1 · 差"]);
    });
  });
});
