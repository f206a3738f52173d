/**
 * Inlay hints carry one small number each (`data`), which the server maps back to the document and version they
 * were made for: resolving a hint finds that document's analysis, and a hint of an older version, or of a closed
 * document, gets no tooltip rather than the trace of whatever now stands at its place.
 */
import assert from "node:assert/strict";
import type { InlayHint } from "vscode-languageserver-protocol";
import { startClient, type TestClient } from "./client";

const doc = (name: string, data: string, value: number) =>
  ["单位：测试单位", "年度：2024", `编制数：56 人`, "", "# 投入（1分）", `## ${name}（1分）`, `公式：${data} ÷ 编制数`, `${data}：${value} 人`, "评分：≤100% 满分；≥115% 0分", ""].join("\n");

const A = "file:///tmp/hint-tags-a.perf";
const B = "file:///tmp/hint-tags-b.perf";
const everything = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };

describe("inlay hint tags over the protocol", () => {
  let client: TestClient;
  const hints = async (uri: string) => (await client.conn.sendRequest("textDocument/inlayHint", { textDocument: { uri }, range: everything })) as InlayHint[];
  const leafHint = async (uri: string) => (await hints(uri)).find((h) => h.position.line === 5)!;
  const tooltip = async (h: InlayHint) => {
    const r = (await client.conn.sendRequest("inlayHint/resolve", h)) as InlayHint;
    return r.tooltip === undefined ? undefined : (r.tooltip as { value: string }).value;
  };
  const change = (uri: string, version: number, text: string) =>
    client.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });

  before(async () => {
    client = await startClient({ textDocument: { inlayHint: { resolveSupport: { properties: ["tooltip"] } } } });
    await client.open(A, doc("在职人员控制率", "在职人员数", 55));
    await client.open(B, doc("聘用人员控制率", "聘用人员数", 60));
  });
  after(async () => client.close());

  it("each hint's data is one number, the same for the hints of one version of a document", async () => {
    const [a, b] = [await hints(A), await hints(B)];
    assert.ok(a.length >= 2 && b.length >= 2);
    for (const h of [...a, ...b]) assert.equal(typeof h.data, "number");
    assert.equal(new Set(a.map((h) => h.data)).size, 1);
    assert.notEqual(a[0].data, b[0].data);
  });

  it("resolves each document's hint with that document's trace", async () => {
    const [a, b] = [await leafHint(A), await leafHint(B)];
    assert.match((await tooltip(a)) ?? "", /在职人员数/);
    assert.match((await tooltip(b)) ?? "", /聘用人员数/);
  });

  it("gives no tooltip for a hint of an older version; the new version's hints and the other document's still resolve", async () => {
    const [oldA, b] = [await leafHint(A), await leafHint(B)];
    await change(A, 2, doc("在职人员控制率", "在职人员总数", 57));
    assert.equal(await tooltip(oldA), undefined);
    const newA = await leafHint(A);
    assert.notEqual(newA.data, oldA.data);
    assert.equal(await tooltip(oldA), undefined);
    assert.match((await tooltip(newA)) ?? "", /在职人员总数/);
    assert.match((await tooltip(b)) ?? "", /聘用人员数/);
  });

  it("gives no tooltip for a hint of a closed document, nor after it is opened again at the same version", async () => {
    const b = await leafHint(B);
    await client.conn.sendNotification("textDocument/didClose", { textDocument: { uri: B } });
    assert.equal(await tooltip(b), undefined);
    await client.open(B, doc("聘用人员控制率", "临时人员数", 60));
    assert.equal(await tooltip(b), undefined);
    assert.match((await tooltip(await leafHint(B))) ?? "", /临时人员数/);
  });

  it("gives no tooltip for a hint whose data is not a tag of the server", async () => {
    const a = await leafHint(A);
    assert.equal(await tooltip({ ...a, data: 999_999 }), undefined);
    assert.equal(await tooltip({ ...a, data: [0, 2] }), undefined);
    assert.equal(await tooltip({ ...a, data: undefined }), undefined);
  });
});
