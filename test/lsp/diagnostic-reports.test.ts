/**
 * Pulled diagnostics with result ids: a pull whose client already holds the very list gets "unchanged", any
 * change to what the user would see (a message, a range, a code) gets the full list with a new id.
 */
import assert from "node:assert/strict";
import type { Diagnostic } from "vscode-languageserver-protocol";
import { startClient, type TestClient } from "./client";
import { sameDiagnostics } from "../../server/src/lsp/diagnostic-reports";
import { analyze } from "../../server/src/analysis";

const URI = "file:///tmp/diagnostic-reports.perf";
const doc = (value: number, note: string) =>
  ["单位：测试单位", "年度：2024", "编制数：56 人", "", "# 投入（2分）", "## 在职人员控制率（1分）", "公式：在职人员数 ÷ 编制数", `在职人员数：${value} 人`, "评分：≤100% 满分；≥115% 0分", `说明：${note}`, "", "## 预算执行率（1分）", "目标：100%", "实际：90%", "评分：完成率×分值", ""].join("\n");

type Report = { kind: "full"; resultId?: string; items: Diagnostic[] } | { kind: "unchanged"; resultId: string };

describe("pulled diagnostics: unchanged when the client has them already", () => {
  let client: TestClient;
  let version = 1;
  const pull = (previousResultId?: string) => client.conn.sendRequest("textDocument/diagnostic", { textDocument: { uri: URI }, previousResultId }) as Promise<Report>;
  const change = (text: string) => client.conn.sendNotification("textDocument/didChange", { textDocument: { uri: URI, version: ++version }, contentChanges: [{ text }] });

  before(async () => {
    client = await startClient({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    await client.open(URI, doc(60, "人员超编"));
  });
  after(async () => client.close());

  it("answers a first pull in full, with an id, and the same pull again as unchanged", async () => {
    const first = await pull();
    assert.equal(first.kind, "full");
    assert.ok(first.kind === "full" && first.items.some((d) => d.code === "PE406"), JSON.stringify(first));
    assert.ok(first.resultId);
    const again = await pull(first.resultId);
    assert.deepEqual(again, { kind: "unchanged", resultId: first.resultId });
  });

  it("stays unchanged after an edit that changes no diagnostic, and answers in full after one that does", async () => {
    const before = await pull();
    await change(doc(60, "人员超编，已说明"));
    const same = await pull(before.resultId);
    assert.equal(same.kind, "unchanged");
    await change(doc(62, "人员超编，已说明"));
    const changed = await pull(same.resultId);
    assert.equal(changed.kind, "full");
    assert.notEqual(changed.resultId, before.resultId);
    const fresh = await pull();
    assert.ok(changed.kind === "full" && fresh.kind === "full");
    assert.deepEqual(changed.items, fresh.items);
    assert.notDeepEqual(changed.items, before.kind === "full" ? before.items : []);
  });

  it("answers in full to an id it did not give for this list, and after the document is closed and opened again", async () => {
    const last = await pull();
    assert.equal((await pull("no-such-id")).kind, "full");
    await client.conn.sendNotification("textDocument/didClose", { textDocument: { uri: URI } });
    await client.open(URI, doc(62, "人员超编，已说明"), ++version);
    assert.equal((await pull(last.resultId)).kind, "full");
  });

  it("sameDiagnostics: equal lists are the same, a moved range or another message is not", () => {
    const a = analyze(doc(60, "甲")).evaluation.diagnostics;
    const b = analyze(doc(60, "乙")).evaluation.diagnostics;
    const c = analyze(doc(61, "甲")).evaluation.diagnostics;
    const d = analyze(`\n${doc(60, "甲")}`).evaluation.diagnostics;
    assert.ok(a.length > 0);
    assert.ok(sameDiagnostics(a, b));
    assert.ok(!sameDiagnostics(a, c));
    assert.ok(!sameDiagnostics(a, d));
    assert.ok(!sameDiagnostics(a, [...a, ...a]));
  });
});
