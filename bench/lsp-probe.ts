/**
 * A small LSP client for the benchmarks: spawns a server over stdio, speaks
 * JSON-RPC by hand (no library between the timer and the pipe) and times
 * requests and diagnostics at the protocol level. Works with any server:
 * perf-eval's and the peer's.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };

export interface ProbeOptions {
  /** What to answer to `workspace/configuration` for a section (default: null). */
  configuration?: (section: string | undefined) => unknown;
  /** Sent as `workspace/didChangeConfiguration` after `initialized`. */
  settings?: unknown;
}

export class Probe {
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  /** Each publishDiagnostics, with when it came (ms, performance.now()). */
  readonly published: { at: number; uri: string; count: number }[] = [];
  private publishWaiters: (() => void)[] = [];
  capabilities: Record<string, unknown> = {};
  private version = 1;
  stderr = "";

  private constructor(
    readonly proc: ChildProcess,
    private readonly options: ProbeOptions,
  ) {
    proc.stderr!.on("data", (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-2000);
    });
    proc.stdout!.on("data", (chunk: Buffer) => this.receive(chunk));
  }

  static async start(command: string[], options: ProbeOptions = {}): Promise<Probe> {
    const probe = new Probe(spawn(command[0], command.slice(1), { stdio: ["pipe", "pipe", "pipe"] }), options);
    const init = (await probe.request("initialize", {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true },
          diagnostic: { dynamicRegistration: false },
          inlayHint: { dynamicRegistration: false, resolveSupport: { properties: ["tooltip"] } },
        },
        workspace: { configuration: true },
      },
    })) as { capabilities?: Record<string, unknown> };
    probe.capabilities = init.capabilities ?? {};
    probe.notify("initialized", {});
    if (options.settings !== undefined) probe.notify("workspace/didChangeConfiguration", { settings: options.settings });
    return probe;
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
    this.proc.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin!.write(body);
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    this.send({ id, method, params });
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result)));
    });
  }

  private receive(chunk: Buffer): void {
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      const headerEnd = this.buf.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, headerEnd).toString())?.[1]);
      if (this.buf.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buf.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8")) as Message;
      this.buf = this.buf.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(m: Message): void {
    if (m.id !== undefined && m.method === undefined) {
      const done = this.pending.get(m.id);
      this.pending.delete(m.id);
      done?.(m);
    } else if (m.method === "textDocument/publishDiagnostics") {
      const p = m.params as { uri: string; diagnostics: unknown[] };
      this.published.push({ at: performance.now(), uri: p.uri, count: p.diagnostics.length });
      for (const w of this.publishWaiters.splice(0)) w();
    } else if (m.id !== undefined && m.method === "workspace/configuration") {
      const items = (m.params as { items: { section?: string }[] }).items;
      this.send({ id: m.id, result: items.map((i) => this.options.configuration?.(i.section) ?? null) });
    } else if (m.id !== undefined && m.method) {
      this.send({ id: m.id, result: null }); // registerCapability, refresh, …
    }
  }

  /** The first diagnostics published for `uri` after `since` (ms). */
  async publishedAfter(uri: string, since: number, timeoutMs = 60_000): Promise<{ at: number; count: number }> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const hit = this.published.find((p) => p.uri === uri && p.at > since);
      if (hit) return hit;
      if (performance.now() > deadline) throw new Error(`no diagnostics for ${uri}: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        this.publishWaiters.push(resolve);
        setTimeout(resolve, 20);
      });
    }
  }

  /** Open a document and wait for its first diagnostics (pulled where the server supports it). */
  async open(uri: string, languageId: string, text: string): Promise<number> {
    const t0 = performance.now();
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId, version: this.version, text } });
    if (this.capabilities.diagnosticProvider) await this.request("textDocument/diagnostic", { textDocument: { uri } });
    else await this.publishedAfter(uri, t0);
    return performance.now() - t0;
  }

  change(uri: string, change: unknown): void {
    this.notify("textDocument/didChange", { textDocument: { uri, version: ++this.version }, contentChanges: [change] });
  }

  /** An edit, then at once the whole document's inlay hints: ms until they answer, and the hint labels on `line`. */
  async editThenHints(uri: string, change: unknown, lineCount: number, line: number): Promise<{ ms: number; labels: string[] }> {
    const t0 = performance.now();
    this.change(uri, change);
    const hints = (await this.request("textDocument/inlayHint", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } } })) as { position: { line: number }; label: string }[];
    const ms = performance.now() - t0;
    return { ms, labels: hints.filter((h) => h.position.line === line).map((h) => h.label) };
  }

  /** An edit, then the next diagnostics as the user sees them (pulled, or the first publish after the edit): ms. */
  async editThenDiagnostics(uri: string, change: unknown): Promise<number> {
    const t0 = performance.now();
    this.change(uri, change);
    if (this.capabilities.diagnosticProvider) {
      await this.request("textDocument/diagnostic", { textDocument: { uri } });
      return performance.now() - t0;
    }
    return (await this.publishedAfter(uri, t0)).at - t0;
  }

  /** Resident memory of the server, MB (Linux; NaN elsewhere). */
  rss(): number {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${this.proc.pid}/status`, "utf8"))![1]) / 1024;
    } catch {
      return Number.NaN;
    }
  }

  async close(): Promise<void> {
    await Promise.race([this.request("shutdown", null), new Promise((r) => setTimeout(r, 2000))]).catch(() => undefined);
    this.notify("exit", null);
    setTimeout(() => this.proc.kill(), 500).unref();
  }
}
