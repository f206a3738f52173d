/**
 * Robustness of the language server process (issue #6): the real server over
 * stdio survives malformed JSON-RPC, requests for unknown documents, positions
 * out of range, cancellation and 10,000 rapid incremental edits — after which
 * its diagnostics equal a fresh analysis of the final text and its memory has
 * not kept growing.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CancellationTokenSource, type ClientCapabilities, type Diagnostic, type TextDocumentContentChangeEvent } from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";
import { SERVER, startClient, type TestClient } from "../lsp/client";
import { analyze } from "../../server/src/analysis";

const EXAMPLE = readFileSync(join(__dirname, "..", "..", "examples", "002-xiaolvzhai-2021.perf"), "utf8");
const PULL: ClientCapabilities = { textDocument: { diagnostic: { dynamicRegistration: false }, inlayHint: {}, hover: { contentFormat: ["markdown"] } } };

/** Resident set size of a process, in KB (Linux). */
function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error("no VmRSS");
  return Number(m[1]);
}

async function pullDiagnostics(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const r = (await client.conn.sendRequest("textDocument/diagnostic", { textDocument: { uri } })) as { items: Diagnostic[] };
  return r.items;
}

/** The server answers a request (it is alive and its reader is in sync). */
async function assertAlive(client: TestClient, uri: string): Promise<void> {
  assert.equal(client.proc.exitCode, null, `server exited: ${client.stderr()}`);
  const hover = await Promise.race([
    client.conn.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 0 } }).then(() => "answered"),
    new Promise((r) => setTimeout(() => r("timeout"), 5000)),
  ]);
  assert.equal(hover, "answered", `no answer: ${client.stderr()}`);
}

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

describe("robustness: the language server process", function () {
  this.timeout(120_000);

  describe("malformed input and odd requests", () => {
    let client: TestClient;
    const uri = "file:///robust/a.perf";
    before(async () => {
      client = await startClient(PULL);
      await client.open(uri, EXAMPLE);
    });
    after(async () => client.close());

    it("survives a message whose body is not JSON", async () => {
      client.proc.stdin!.write(frame('{"jsonrpc":"2.0","id":9001,"method":'));
      client.proc.stdin!.write(frame("\u0000\uFFFD\uD800 not json at all"));
      await assertAlive(client, uri);
    });

    it("survives valid JSON that is not JSON-RPC (array, number, missing method, wrong types)", async () => {
      for (const body of ["[]", "42", "null", '{"jsonrpc":"2.0"}', '{"jsonrpc":"2.0","id":{},"method":7}', '{"jsonrpc":"1.0","id":1,"method":"textDocument/hover","params":"x"}']) client.proc.stdin!.write(frame(body));
      await assertAlive(client, uri);
    });

    it("answers unknown methods with MethodNotFound and ignores unknown notifications", async () => {
      await assert.rejects(client.conn.sendRequest("perf/noSuchMethod", { a: 1 }), (e: { code?: number }) => e.code === -32601);
      await client.conn.sendNotification("perf/noSuchNotification", { a: 1 });
      await client.conn.sendNotification("$/noSuchThing", {});
      await assertAlive(client, uri);
    });

    it("returns empty results for requests about unknown documents", async () => {
      const other = { textDocument: { uri: "file:///nowhere.perf" } };
      const position = { line: 0, character: 0 };
      const range = { start: position, end: position };
      assert.equal(await client.conn.sendRequest("textDocument/hover", { ...other, position }), null);
      assert.deepEqual(await client.conn.sendRequest("textDocument/completion", { ...other, position }), []);
      assert.deepEqual(await client.conn.sendRequest("textDocument/inlayHint", { ...other, range }), []);
      assert.deepEqual(await client.conn.sendRequest("textDocument/documentSymbol", other), []);
      assert.deepEqual(await client.conn.sendRequest("textDocument/codeAction", { ...other, range, context: { diagnostics: [] } }), []);
      assert.deepEqual(await client.conn.sendRequest("textDocument/formatting", { ...other, options: { tabSize: 2, insertSpaces: true } }), []);
      assert.deepEqual(((await client.conn.sendRequest("textDocument/diagnostic", other)) as { items: unknown[] }).items, []);
      // Edits and closes of documents never opened.
      await client.conn.sendNotification("textDocument/didChange", { textDocument: { uri: "file:///nowhere.perf", version: 2 }, contentChanges: [{ text: "x" }] });
      await client.conn.sendNotification("textDocument/didClose", { textDocument: { uri: "file:///nowhere.perf" } });
      await assertAlive(client, uri);
    });

    it("answers requests at positions out of range (negative, past the end, huge)", async () => {
      const lines = EXAMPLE.split("\n").length;
      const positions = [
        { line: -1, character: 0 },
        { line: 0, character: -5 },
        { line: lines + 10, character: 0 },
        { line: 3, character: 1e6 },
        { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
      ];
      for (const position of positions) {
        const td = { textDocument: { uri } };
        await client.conn.sendRequest("textDocument/hover", { ...td, position });
        await client.conn.sendRequest("textDocument/completion", { ...td, position });
        await client.conn.sendRequest("textDocument/definition", { ...td, position });
        await client.conn.sendRequest("textDocument/references", { ...td, position, context: { includeDeclaration: true } });
        await client.conn.sendRequest("textDocument/prepareRename", { ...td, position });
        await client.conn.sendRequest("textDocument/rename", { ...td, position, newName: "新名" });
        await client.conn.sendRequest("textDocument/inlayHint", { ...td, range: { start: position, end: { line: 2 ** 31 - 1, character: 0 } } });
        await client.conn.sendRequest("textDocument/codeAction", {
          ...td,
          range: { start: position, end: position },
          context: { diagnostics: [{ range: { start: position, end: position }, message: "x", code: "PE406" }, { range: { start: position, end: position }, message: "x", code: "PE504", data: { computed: "1" } }] },
        });
      }
      assert.equal(client.stderr(), "", "the server logged an error");
      await assertAlive(client, uri);
    });

    it("honours $/cancelRequest (cancelled or answered, never stuck) and ignores cancels of unknown ids", async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () => {
          const source = new CancellationTokenSource();
          const p = client.conn.sendRequest("textDocument/inlayHint", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } } }, source.token);
          source.cancel();
          return p;
        }),
      );
      for (const r of results) if (r.status === "rejected") assert.equal((r.reason as { code?: number }).code, -32800, String(r.reason));
      await client.conn.sendNotification("$/cancelRequest", { id: 123456789 });
      await client.conn.sendNotification("$/cancelRequest", { id: "nope" });
      await client.conn.sendNotification("$/cancelRequest", {});
      await assertAlive(client, uri);
    });

    it("survives a bad Content-Length and raw garbage, then resynchronises", async () => {
      // A header that is no number, a header line without a colon, a length
      // shorter than the body: the reader may drop what follows, but the
      // process stays up and a later well-formed message is answered.
      client.proc.stdin!.write("Content-Length: abc\r\n\r\n{}");
      client.proc.stdin!.write("garbage without a header\r\n\r\n");
      client.proc.stdin!.write("Content-Length: 3\r\n\r\n" + '{"jsonrpc":"2.0","method":"x"}');
      client.proc.stdin!.write(Buffer.from([0xff, 0xfe, 0x00, 0x0d, 0x0a, 0x0d, 0x0a]));
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(client.proc.exitCode, null, `server exited: ${client.stderr()}`);
      assert.equal(client.proc.killed, false);
    });
  });

  describe("10,000 rapid incremental edits", () => {
    let client: TestClient;
    const uri = "file:///robust/edits.perf";
    let doc: TextDocument;

    before(async () => {
      // Old space capped at 64 MB: an unconstrained V8 lets RSS grow with the
      // allocation rate long before it collects (measured: 88 → 139 MB over
      // 10,000 edits, flat from 3,000 on), which says nothing about leaks. With
      // the cap, RSS tracks the live set, and a leak shows as growth or as the
      // server dying of OOM. Override with PERF_SERVER_NODE_FLAGS.
      const flags = process.env.PERF_SERVER_NODE_FLAGS ?? "--max-old-space-size=64";
      client = await startClient(PULL, [...flags.split(" ").filter(Boolean), SERVER, "--stdio"]);
      await client.open(uri, EXAMPLE);
      doc = TextDocument.create(uri, "perf", 1, EXAMPLE);
    });
    after(async () => client.close());

    it("ends with the diagnostics of a fresh analysis of the final text, and flat memory", async () => {
      const lines = EXAMPLE.split("\n");
      // Lines to type into: data values and prose.
      const targets = lines.map((l, i) => [l, i] as const).filter(([l]) => /：\s*\d/.test(l)).map(([, i]) => i);
      assert.ok(targets.length > 5);
      let version = 1;
      let rssAfter1000 = 0;
      const samples: number[] = [];
      let seed = 42;
      const rnd = (n: number) => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      const TOTAL = 10_000;
      const BATCH = 50;
      for (let done = 0; done < TOTAL; ) {
        for (let k = 0; k < BATCH; k++, done++) {
          const line = targets[rnd(targets.length)];
          const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, "");
          let change: TextDocumentContentChangeEvent;
          const r = rnd(10);
          if (r < 5) {
            // type a digit at the end of the line
            change = { range: { start: { line, character: text.length }, end: { line, character: text.length } }, text: String(rnd(10)) };
          } else if (r < 9 && text.length > 4) {
            // delete the last character
            change = { range: { start: { line, character: text.length - 1 }, end: { line, character: text.length } }, text: "" };
          } else {
            // replace a line's value part and occasionally split/join lines
            const colon = Math.max(text.indexOf("："), 0);
            change = { range: { start: { line, character: colon + 1 }, end: { line, character: text.length } }, text: rnd(2) ? `${rnd(1000)} 万元` : `${rnd(100)}%\n说明：插入的行` };
          }
          version++;
          doc = TextDocument.update(doc, [change], version);
          void client.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [change] });
        }
        // Every batch: pull diagnostics and hints, as an editor does while typing.
        await pullDiagnostics(client, uri);
        await client.conn.sendRequest("textDocument/inlayHint", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } } });
        if (done === 1000) rssAfter1000 = rssKb(client.proc.pid!);
        if (done % 1000 === 0) samples.push(rssKb(client.proc.pid!));
      }
      const final = await pullDiagnostics(client, uri);
      const fresh = analyze(doc.getText()).evaluation.diagnostics;
      const norm = (ds: readonly { code?: string | number; range: unknown; message: unknown }[]) => ds.map((d) => JSON.stringify([d.code, d.range, d.message]));
      assert.deepEqual(norm(final), norm(fresh));
      const rssEnd = rssKb(client.proc.pid!);
      // Reported by the test so the figures can be quoted (docs/robustness.md).
      console.log(`      RSS after 1,000 edits ${(rssAfter1000 / 1024).toFixed(1)} MB, after 10,000 ${(rssEnd / 1024).toFixed(1)} MB (${(rssEnd / rssAfter1000).toFixed(2)}×); per 1,000: ${samples.map((s) => (s / 1024).toFixed(0)).join(" ")} MB`);
      assert.ok(rssEnd < 1.5 * rssAfter1000, `RSS grew from ${rssAfter1000} kB to ${rssEnd} kB`);
      assert.equal(client.stderr(), "");
    });
  });
});
