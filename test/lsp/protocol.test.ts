/** Protocol tests: the real server over stdio, driven as an editor drives it. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, InlayHint, Location, TextEdit, WorkspaceEdit } from "vscode-languageserver-protocol";
import { startClient, type TestClient } from "./client";

const URI = "file:///tmp/test.perf";

const SAMPLE = [
  "单位：测试镇人民政府", // 0
  "年度：2021", // 1
  "自评总分：96", // 2
  "年初预算数：1049.6 万元", // 3
  "年中追加数：159.94 万元", // 4
  "", // 5
  "# 一、基本情况", // 6
  "自评得分 {{总分}} 分，等级 {{等级}}。", // 7
  "", // 8
  "# 附件：评分表", // 9
  "## 投入（4分）", // 10
  "### 在职人员控制率（1分）", // 11
  "公式：在职人员数 ÷ 编制数", // 12
  "在职人员数：55 人", // 13
  "编制数：56 人", // 14
  "评分：≤100% 满分；≥115% 0分", // 15
  "", // 16
  "### 预算调整率（3分）", // 17
  "公式：年中追加数 ÷ 年初预算数", // 18
  "评分：=0% 满分；≥10% 0分", // 19
  "得分：3", // 20
  "",
].join("\n");

describe("language server over stdio", () => {
  let client: TestClient;

  before(async () => {
    client = await startClient({ textDocument: { diagnostic: { dynamicRegistration: false }, inlayHint: {}, hover: { contentFormat: ["markdown"] } } });
    await client.open(URI, SAMPLE);
  });
  after(async () => client.close());

  it("serves pulled diagnostics with codes, ranges and Chinese messages", async () => {
    const report = (await client.conn.sendRequest("textDocument/diagnostic", { textDocument: { uri: URI } })) as { kind: string; items: Diagnostic[] };
    assert.equal(report.kind, "full");
    const codes = report.items.map((d) => `${d.code}@${d.range.start.line}`);
    assert.ok(codes.includes("PE501@20"), codes.join(" "));
    assert.ok(codes.includes("PE502@2"), codes.join(" "));
    const stated = report.items.find((d) => d.code === "PE501")!;
    assert.match(String(stated.message), /填报得分 3 分，按规则应得 0 分/);
  });

  it("shows the measured value and score after a leaf heading, subtotal after a parent, computed total after 自评总分", async () => {
    const hints = (await client.conn.sendRequest("textDocument/inlayHint", { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 21, character: 0 } } })) as InlayHint[];
    const at = (line: number) => hints.filter((h) => h.position.line === line).map((h) => (typeof h.label === "string" ? h.label : h.label.map((p) => p.value).join("")));
    assert.deepEqual(at(11), ["98.21% → 1/1"]);
    assert.deepEqual(at(17), ["15.24% → 0/3"]);
    assert.deepEqual(at(10), ["1/4"]);
    assert.deepEqual(at(2), ["计算 1 · 差"]);
    assert.deepEqual(at(7), ["= 1", "= 差"]);
    // every hint sits at the end of its line or right after a placeholder
    const lines = SAMPLE.split("\n");
    for (const h of hints) {
      const text = lines[h.position.line];
      assert.ok(h.position.character === text.length || text.slice(0, h.position.character).endsWith("}}"), `hint inside text on line ${h.position.line}`);
    }
    // The tooltip (the trace) comes when the hint is resolved, not with the whole document's hints.
    const unresolved = hints.find((h) => h.position.line === 11)!;
    assert.equal(unresolved.tooltip, undefined);
    const resolved = (await client.conn.sendRequest("inlayHint/resolve", unresolved)) as InlayHint;
    assert.match((resolved.tooltip as unknown as { value: string }).value, /在职人员数/);
  });

  it("explains a score on hover, with inputs and the rule", async () => {
    const h = (await client.conn.sendRequest("textDocument/hover", { textDocument: { uri: URI }, position: { line: 17, character: 5 } })) as Hover;
    const md = (h.contents as { value: string }).value;
    assert.match(md, /预算调整率/);
    assert.match(md, /年中追加数/);
    assert.match(md, /159\.94 万元/);
    assert.match(md, /区间线性计分/);
    assert.match(md, /0\/3 分/);
  });

  it("hovers a data name inside a formula", async () => {
    const h = (await client.conn.sendRequest("textDocument/hover", { textDocument: { uri: URI }, position: { line: 12, character: 4 } })) as Hover;
    assert.match((h.contents as { value: string }).value, /在职人员数/);
  });

  it("completes rule templates after 评分：, data names in 公式, options after 结果：", async () => {
    await client.conn.sendNotification("textDocument/didChange", {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 16, character: 0 }, end: { line: 16, character: 0 } }, text: "评分：" }],
    });
    const items = (await client.conn.sendRequest("textDocument/completion", { textDocument: { uri: URI }, position: { line: 16, character: 3 } })) as CompletionItem[];
    const labels = items.map((i) => i.label);
    for (const k of ["选项", "要点清单", "区间线性（越低越好）", "分档", "超出扣分", "比例", "扣分"]) assert.ok(labels.includes(k), k);
    await client.conn.sendNotification("textDocument/didChange", {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ range: { start: { line: 16, character: 0 }, end: { line: 16, character: 3 } }, text: "" }],
    });
    const names = (await client.conn.sendRequest("textDocument/completion", { textDocument: { uri: URI }, position: { line: 12, character: 3 } })) as CompletionItem[];
    assert.ok(names.some((i) => i.label === "编制数"));
    assert.ok(names.some((i) => i.label === "年初预算数"));
  });

  it("offers a quick fix that sets the stated score to the computed one", async () => {
    const report = (await client.conn.sendRequest("textDocument/diagnostic", { textDocument: { uri: URI } })) as { items: Diagnostic[] };
    const d = report.items.find((x) => x.code === "PE501")!;
    const actions = (await client.conn.sendRequest("textDocument/codeAction", { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const fix = actions.find((a) => a.title.includes("计算值 0"))!;
    assert.ok(fix, actions.map((a) => a.title).join(";"));
    const edits = (fix.edit as WorkspaceEdit).changes![URI];
    assert.equal(edits[0].newText, "0");
    assert.equal(edits[0].range.start.line, 20);
  });

  it("formats the document without changing its scores", async () => {
    const edits = (await client.conn.sendRequest("textDocument/formatting", { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
    // The sample is already in the house style except for nothing: formatting is a no-op or keeps all lines.
    if (edits.length) assert.ok(edits[0].newText.includes("预算调整率（3分）"));
  });

  it("goes to the definition of a data name and finds its references", async () => {
    const def = (await client.conn.sendRequest("textDocument/definition", { textDocument: { uri: URI }, position: { line: 18, character: 4 } })) as Location;
    assert.equal(def.range.start.line, 4);
    const refs = (await client.conn.sendRequest("textDocument/references", { textDocument: { uri: URI }, position: { line: 4, character: 1 }, context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(refs.map((r) => r.range.start.line), [4, 18]);
  });

  it("renames a data name everywhere", async () => {
    const edit = (await client.conn.sendRequest("textDocument/rename", { textDocument: { uri: URI }, position: { line: 13, character: 1 }, newName: "在职人数" })) as WorkspaceEdit;
    const lines = edit.changes![URI].map((e) => e.range.start.line).sort((a, b) => a - b);
    assert.deepEqual(lines, [12, 13]);
  });

  it("lists the indicator tree with weights and scores as document symbols", async () => {
    const syms = (await client.conn.sendRequest("textDocument/documentSymbol", { textDocument: { uri: URI } })) as DocumentSymbol[];
    const annex = syms.find((s) => s.name === "附件：评分表")!;
    const input = annex.children!.find((s) => s.name === "投入")!;
    assert.equal(input.detail, "1/4");
    assert.deepEqual(input.children!.map((c) => c.name), ["在职人员控制率", "预算调整率"]);
  });

  it("answers for unknown documents without failing", async () => {
    const hints = await client.conn.sendRequest("textDocument/inlayHint", { textDocument: { uri: "file:///nope.perf" }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } });
    assert.deepEqual(hints, []);
    const h = await client.conn.sendRequest("textDocument/hover", { textDocument: { uri: URI }, position: { line: 9999, character: 9999 } });
    assert.equal(h, null);
  });
});

describe("language server: pushed diagnostics", () => {
  it("pushes diagnostics for the current version after edits, when the client cannot pull", async () => {
    const client = await startClient({});
    try {
      await client.open(URI, SAMPLE, 1);
      const first = await client.waitForDiagnostics(URI, 1);
      assert.ok(first.diagnostics.some((d) => d.code === "PE501"));
      // fix the stated score: the warning goes away in the next push
      for (let v = 2; v <= 6; v++) {
        await client.conn.sendNotification("textDocument/didChange", {
          textDocument: { uri: URI, version: v },
          contentChanges: [{ range: { start: { line: 20, character: 3 }, end: { line: 20, character: 4 } }, text: v === 6 ? "0" : String(v) }],
        });
      }
      const last = await client.waitForDiagnostics(URI, 6);
      assert.ok(!last.diagnostics.some((d) => d.code === "PE501"), JSON.stringify(last.diagnostics.map((d) => d.code)));
      // debounced: the rapid edits 2..5 were not each published
      assert.ok(client.published.filter((p) => p.uri === URI).length <= 3, `published ${client.published.length} times`);
    } finally {
      await client.close();
    }
  });

  it("starts with `perf-eval lsp --stdio` too", async () => {
    const client = await startClient({}, [join(__dirname, "..", "..", "dist", "cli.js"), "lsp", "--stdio"]);
    try {
      const text = readFileSync(join(__dirname, "..", "..", "examples", "001-ansu-2023.perf"), "utf8");
      await client.open("file:///tmp/001.perf", text);
      const d = await client.waitForDiagnostics("file:///tmp/001.perf", 1);
      assert.ok(Array.isArray(d.diagnostics));
    } finally {
      await client.close();
    }
  });
});
