/** A minimal LSP client for protocol tests: spawns the real server over stdio. */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ClientCapabilities,
} from "vscode-languageserver-protocol/node";

export const SERVER = join(__dirname, "..", "..", "dist", "server.js");

export interface TestClient {
  conn: ProtocolConnection;
  proc: ChildProcess;
  stderr: () => string;
  published: PublishDiagnosticsParams[];
  waitForDiagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, version?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startClient(capabilities: ClientCapabilities = {}, args: string[] = [SERVER, "--stdio"], initializationOptions: unknown = {}): Promise<TestClient> {
  const proc = spawn(process.execPath, args, { stdio: ["pipe", "pipe", "pipe"] });
  let err = "";
  proc.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: (() => void)[] = [];
  conn.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of waiters.splice(0)) w();
  });
  conn.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) => p.items.map(() => null));
  conn.onRequest("client/registerCapability", () => null);
  conn.onRequest("workspace/inlayHint/refresh", () => null);
  conn.listen();
  await conn.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities, initializationOptions });
  await conn.sendNotification("initialized", {});
  const client: TestClient = {
    conn,
    proc,
    stderr: () => err,
    published,
    async waitForDiagnostics(uri, version, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = [...published].reverse().find((p) => p.uri === uri && (version === undefined || p.version === version));
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} v${version}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    async open(uri, text, version = 1) {
      await conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "perf", version, text } });
    },
    async close() {
      try {
        await Promise.race([conn.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 1000))]);
        await conn.sendNotification("exit");
      } catch {
        /* already gone */
      }
      conn.dispose();
      proc.kill();
    },
  };
  return client;
}
