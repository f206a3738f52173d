/**
 * Benchmarks (`npm run bench`): parse + evaluate of every example and of a
 * generated 10,000-indicator file, then the language server at the protocol
 * level (edit → diagnostics, inlay hints for a 100-line viewport, memory).
 *
 * Each file is measured in a process of its own (so that one file's garbage
 * and heap growth do not land in another's figures):
 * - first: the first analysis in the new process (code not yet optimised by
 *   the JIT: what a freshly started server pays for the first file opened);
 * - cold: after warm-up runs, a file analysed as if for the first time (the
 *   parse caches cleared before each run); runs are back to back, so a run
 *   also pays for collecting the garbage of the runs before it;
 * - edit: a one-line edit analysed with the previous analysis (what the
 *   server does on a keystroke).
 *
 * Then perf-eval beside its peer, yaml-language-server, on the same content
 * (bench/peer.ts; the peer is installed into bench/peer/ on first use;
 * `--no-peer` skips it). `--only core|lsp|peer` runs one part.
 *
 * Prints a table of figures; no pass/fail (targets are in the README).
 * `npm run bench` bundles this file with esbuild and runs the bundle, so the
 * figures are those of the shipped code (not of the tsx test loader).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../server/src/analysis";
import { clearAllCaches } from "../server/src/caches";
import { generateLarge } from "./generate";
import { startClient } from "../test/lsp/client";
import { peerComparison } from "./peer";

const root = join(__dirname, "..");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number, before?: () => void): { median: number; min: number } {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return { median: median(xs), min: Math.min(...xs) };
}

function row(name: string, ...cols: (string | number)[]): void {
  console.log(name.padEnd(44) + cols.map((c) => String(typeof c === "number" ? c.toFixed(2) : c).padStart(12)).join(""));
}

const GENERATED = "generated 10,000 indicators";

/** One file's figures, in this process (`--core NAME`): printed as JSON. */
function coreOne(name: string): void {
  const text = name === GENERATED ? generateLarge(10_000) : readFileSync(join(root, "examples", name), "utf8");
  const runs = name === GENERATED ? 11 : 50;
  const t0 = performance.now();
  analyze(text);
  const first = performance.now() - t0;
  for (let i = 0; i < (name === GENERATED ? 5 : 100); i++) {
    clearAllCaches(); // JIT warm-up of the cold path too
    analyze(text);
  }
  const cold = time(() => analyze(text), runs, clearAllCaches);
  const lines = text.split("\n");
  let k = 0;
  let prev = analyze(text);
  const edit = time(() => {
    if (name === GENERATED) lines[8] = `本文件由基准测试生成，第 ${k++} 次编辑。`;
    else lines[lines.length - 2] = `// edit ${k++}`;
    prev = analyze(lines.join("\n"), prev);
  }, Math.min(30, runs));
  console.log(JSON.stringify({ kb: Buffer.byteLength(text) / 1024, first, cold: cold.median, edit: edit.median }));
}

async function core(): Promise<void> {
  console.log("\n== core: parse + evaluate (ms; each file in a process of its own) ==");
  row("file", "KB", "first", "cold median", "edit median");
  const names = [...readdirSync(join(root, "examples")).filter((n) => n.endsWith(".perf")).sort(), GENERATED];
  for (const name of names) {
    const out = execFileSync(process.execPath, [...process.execArgv, __filename, "--core", name], { encoding: "utf8" });
    const r = JSON.parse(out.trim().split("\n").pop()!) as { kb: number; first: number; cold: number; edit: number };
    row(name, r.kb, r.first, r.cold, r.edit);
  }
}

/** The server's resident memory, MB (Linux; NaN elsewhere). */
function rssOf(pid: number | undefined): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
  } catch {
    return NaN;
  }
}

async function lsp(): Promise<void> {
  console.log("\n== language server over stdio (ms, round trip incl. JSON-RPC; memory: RSS MB) ==");
  console.log("(the server runs with --expose-gc, as the VS Code client starts it: it collects when the user pauses)");
  const files: [string, string][] = [
    ["002 example", readFileSync(join(root, "examples", readdirSync(join(root, "examples")).find((n) => n.startsWith("002")) ?? "000-sujiaying-2022.perf"), "utf8")],
    ["generated 10,000 indicators", generateLarge(10_000)],
  ];
  row("file", "edit→diag", "hints 100 ln", "RSS open", "RSS typing", "RSS paused");
  for (const [name, text] of files) {
    const client = await startClient({ textDocument: { diagnostic: {}, inlayHint: {} } }, ["--expose-gc", join(root, "dist", "server.js"), "--stdio"]);
    const uri = "file:///bench.perf";
    await client.open(uri, text, 1);
    await client.conn.sendRequest("textDocument/diagnostic", { textDocument: { uri } });
    const rssOpen = rssOf(client.proc.pid);
    const lines = text.split("\n");
    const editLine = Math.min(8, lines.length - 1);
    const edits: number[] = [];
    let rssTyping = 0;
    for (let v = 2; v < 32; v++) {
      const t0 = performance.now();
      await client.conn.sendNotification("textDocument/didChange", {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line: editLine, character: 0 }, end: { line: editLine, character: 0 } }, text: "x" }],
      });
      await client.conn.sendRequest("textDocument/diagnostic", { textDocument: { uri } });
      edits.push(performance.now() - t0);
      rssTyping = Math.max(rssTyping, rssOf(client.proc.pid));
    }
    const hints: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = (i * 97) % Math.max(1, lines.length - 100);
      const t0 = performance.now();
      await client.conn.sendRequest("textDocument/inlayHint", { textDocument: { uri }, range: { start: { line: start, character: 0 }, end: { line: start + 100, character: 0 } } });
      hints.push(performance.now() - t0);
    }
    // The server collects 1.5 s after the last edit.
    await new Promise((r) => setTimeout(r, 2500));
    row(name, median(edits), median(hints), rssOpen, rssTyping, rssOf(client.proc.pid));
    await client.close();
  }
}

const coreArg = process.argv.indexOf("--core");
if (coreArg >= 0) {
  coreOne(process.argv[coreArg + 1]);
} else {
  (async () => {
    console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
    const only = (name: string) => !process.argv.includes("--only") || process.argv.includes(name);
    if (only("core")) await core();
    if (only("lsp")) await lsp();
    if (only("peer") && !process.argv.includes("--no-peer")) await peerComparison(root);
  })().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
