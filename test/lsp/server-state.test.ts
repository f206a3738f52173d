/**
 * The language server's state and flow (issue #12, item 8), at the protocol
 * level over the real server (dist/server.js --stdio):
 *
 * - answers come from the current text: a change that reuses a version
 *   number, and a second didOpen of the same document, replace what is analysed;
 * - superseded requests (a newer request of the same kind, or a change of the
 *   document) are answered with RequestCancelled;
 * - a client that stops reading its replies makes the server stop reading
 *   (its memory stays flat and the client's writes block), and once the
 *   client reads again every request gets its reply — none is dropped;
 * - rename refuses clashing, reserved and malformed names with a message.
 */
import assert from "node:assert/strict";
import { fork, spawn, type ChildProcess } from "node:child_process";
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter } from "vscode-languageserver-protocol/node";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DocumentSymbol } from "vscode-languageserver-protocol";
import { SERVER, startClient } from "./client";
import { ensureBuilt } from "../cli/helpers";

const EXAMPLE = readFileSync(join(__dirname, "..", "..", "examples", "002-xiaolvzhai-2021.perf"), "utf8");
const doc = (name: string) => `单位：甲镇\n年度：2023\n满分：10\n\n# ${name}（10分）\n得分：10\n理由：评价人判断\n`;

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
}

/** A bare JSON-RPC peer over the server's stdio: whole buffers written at once, replies parsed by hand. */
class RawPeer {
  readonly proc: ChildProcess;
  private buf = Buffer.alloc(0);
  readonly replies = new Map<number, { result?: unknown; error?: { code: number; message: string } }>();
  private waiters: (() => void)[] = [];
  constructor() {
    this.proc = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "ignore"] });
    this.proc.stdout!.on("data", (d: Buffer) => this.onData(d));
  }
  static frame(m: object): Buffer {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...m }));
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
  }
  /** Write messages as one buffer (one read on the server's side when small). Resolves false when the pipe is full. */
  write(...ms: object[]): boolean {
    return this.proc.stdin!.write(Buffer.concat(ms.map((m) => RawPeer.frame(m))));
  }
  private onData(d: Buffer) {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const sep = this.buf.indexOf("\r\n\r\n");
      if (sep < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, sep).toString())![1]);
      if (this.buf.length < sep + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString()) as { id?: number; method?: string; result?: unknown; error?: { code: number; message: string } };
      this.buf = this.buf.subarray(sep + 4 + len);
      if (msg.id !== undefined && msg.method === undefined) {
        assert.ok(!this.replies.has(msg.id), `reply ${msg.id} twice`);
        this.replies.set(msg.id, { result: msg.result, error: msg.error });
      } else if (msg.id !== undefined && msg.method) this.write({ id: msg.id, result: null }); // server → client requests
      for (const w of this.waiters.splice(0)) w();
    }
  }
  async until(pred: () => boolean, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > deadline) throw new Error("timed out");
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }
  async start(text: string, uri = "file:///a.perf"): Promise<void> {
    this.write({ id: 0, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
    await this.until(() => this.replies.has(0));
    this.write({ method: "initialized", params: {} }, { method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "perf", version: 1, text } } });
  }
}

const REQUEST_CANCELLED = -32800;

describe("language server: state and flow (issue #12)", function () {
  this.timeout(60_000);
  before(() => ensureBuilt());

  it("a change that reuses the version number is analysed (the cache is keyed by the text)", async () => {
    const c = await startClient();
    try {
      const uri = "file:///reuse.perf";
      await c.open(uri, doc("甲指标"), 1);
      const names = async () => ((await c.conn.sendRequest("textDocument/documentSymbol", { textDocument: { uri } })) as DocumentSymbol[]).flatMap((s) => [s.name, ...(s.children ?? []).map((x) => x.name)]);
      assert.ok((await names()).some((n) => n.includes("甲指标")));
      await c.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version: 1 }, contentChanges: [{ text: doc("乙指标") }] });
      const after = await names();
      assert.ok(after.some((n) => n.includes("乙指标")), JSON.stringify(after));
      assert.ok(!after.some((n) => n.includes("甲指标")));
    } finally {
      await c.close();
    }
  });

  it("a second didOpen of the same document at the same version replaces its text", async () => {
    const c = await startClient();
    try {
      const uri = "file:///reopen.perf";
      await c.open(uri, doc("甲指标"), 3);
      const summary = async () => (await c.conn.sendRequest("perf/summary", { uri })) as { total: string | null };
      assert.equal((await summary()).total, "10");
      await c.open(uri, doc("乙指标").replace("得分：10", "得分：4\n偏差原因：x"), 3);
      assert.equal((await summary()).total, "4");
    } finally {
      await c.close();
    }
  });

  it("a burst of hovers: the older ones are answered RequestCancelled, the newest with a result", async () => {
    const p = new RawPeer();
    try {
      await p.start(doc("甲指标"));
      const ids = [11, 12, 13, 14, 15, 16, 17, 18];
      p.write(...ids.map((id) => ({ id, method: "textDocument/hover", params: { textDocument: { uri: "file:///a.perf" }, position: { line: 4, character: 3 } } })));
      await p.until(() => ids.every((id) => p.replies.has(id)));
      const last = p.replies.get(18)!;
      assert.equal(last.error, undefined);
      assert.ok(last.result, "the newest hover is answered");
      const cancelled = ids.slice(0, -1).filter((id) => p.replies.get(id)!.error?.code === REQUEST_CANCELLED);
      assert.deepEqual(cancelled, ids.slice(0, -1));
    } finally {
      p.proc.kill();
    }
  });

  it("a request followed by a change of its document is answered RequestCancelled; later requests see the new text", async () => {
    const p = new RawPeer();
    try {
      const uri = "file:///a.perf";
      await p.start(doc("甲指标"), uri);
      p.write(
        { id: 21, method: "textDocument/documentSymbol", params: { textDocument: { uri } } },
        { method: "textDocument/didChange", params: { textDocument: { uri, version: 2 }, contentChanges: [{ text: doc("乙指标") }] } },
        { id: 22, method: "textDocument/documentSymbol", params: { textDocument: { uri } } },
      );
      await p.until(() => p.replies.has(21) && p.replies.has(22));
      assert.equal(p.replies.get(21)!.error?.code, REQUEST_CANCELLED);
      assert.match(JSON.stringify(p.replies.get(22)!.result), /乙指标/);
    } finally {
      p.proc.kill();
    }
  });

  it("over Node IPC (how VS Code starts the server): every request of a burst is answered once, the newest with a result", async () => {
    const child = fork(SERVER, ["--node-ipc"], { stdio: ["ignore", "ignore", "ignore", "ipc"] });
    const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    conn.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => null));
    conn.listen();
    try {
      await conn.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
      await conn.sendNotification("initialized", {});
      const uri = "file:///ipc.perf";
      await conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "perf", version: 1, text: doc("甲指标") } });
      const hovers = Array.from({ length: 8 }, () =>
        conn.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 4, character: 3 } }).then(
          (r) => ({ r }),
          (e: { code?: number }) => ({ code: e.code }),
        ),
      );
      const answers = await Promise.all(hovers);
      for (const a of answers) assert.ok("r" in a || a.code === REQUEST_CANCELLED, JSON.stringify(a));
      assert.ok("r" in answers[answers.length - 1] && answers[answers.length - 1], "the newest hover is answered");
      const symbols = (await conn.sendRequest("textDocument/documentSymbol", { textDocument: { uri } })) as DocumentSymbol[];
      assert.match(JSON.stringify(symbols), /甲指标/);
    } finally {
      conn.dispose();
      child.kill();
    }
  });

  it("rename to a name that exists is refused with a message (RequestFailed), a fresh name gives edits", async () => {
    const c = await startClient();
    try {
      const uri = "file:///rename.perf";
      await c.open(uri, "单位：甲镇\n年度：2021\n满分：1\n执行数：9 万元\n预算数：10 万元\n# 执行率（1分）\n公式：执行数 ÷ 预算数\n评分：比例\n");
      await assert.rejects(c.conn.sendRequest("textDocument/rename", { textDocument: { uri }, position: { line: 3, character: 1 }, newName: "预算数" }), (e: { code?: number; message?: string }) => {
        assert.equal(e.code, -32803);
        assert.match(e.message ?? "", /已被本文件中的其他数据或指标使用/);
        return true;
      });
      const ok = (await c.conn.sendRequest("textDocument/rename", { textDocument: { uri }, position: { line: 3, character: 1 }, newName: "实际执行数" })) as { changes: Record<string, unknown[]> };
      assert.equal(ok.changes[uri].length, 2);
    } finally {
      await c.close();
    }
  });

  it("a client that stops reading: the server stops reading too (flat memory, the client's writes block); every reply arrives once it reads again", async () => {
    const p = new RawPeer();
    try {
      await p.start(EXAMPLE);
      await p.until(() => p.replies.has(0));
      p.proc.stdout!.pause();
      const base = rssMb(p.proc.pid!);
      let id = 1000;
      const t0 = Date.now();
      // Send definition requests (not superseded: each must get its own answer) until the pipe blocks for good.
      let blockedFor = 0;
      while (Date.now() - t0 < 15_000) {
        const ok = p.write({ id: id++, method: "textDocument/references", params: { textDocument: { uri: "file:///a.perf" }, position: { line: 40, character: 2 }, context: { includeDeclaration: true } } });
        if (!ok) {
          const drained = await Promise.race([new Promise((r) => p.proc.stdin!.once("drain", () => r(true))), new Promise((r) => setTimeout(() => r(false), 1500))]);
          if (!drained) {
            blockedFor = Date.now() - t0;
            break;
          }
        }
      }
      assert.ok(blockedFor > 0, "the client's writes never blocked: the server kept reading");
      const sent = id - 1000;
      const peak = rssMb(p.proc.pid!);
      assert.ok(peak - base < 100, `server RSS grew from ${base.toFixed(0)} to ${peak.toFixed(0)} MB`);
      p.proc.stdout!.resume();
      p.proc.stdin!.removeAllListeners("drain");
      await p.until(() => p.replies.size >= sent + 1, 30_000);
      for (let k = 1000; k < id; k++) assert.ok(p.replies.has(k), `no reply to ${k}`);
      const answered = [...p.replies.entries()].filter(([k, r]) => k >= 1000 && r.result !== undefined).length;
      assert.equal(answered, sent, "references are not superseded: each request gets its result");
    } finally {
      p.proc.kill();
    }
  });
});
