/**
 * Benchmarks (`npm run bench`): parse + evaluate of every example and of a
 * generated 10,000-indicator file, then the language server at the protocol
 * level (edit → diagnostics, inlay hints for a 100-line viewport, memory).
 *
 * - cold: a file analysed for the first time: the parse caches are cleared
 *   and the heap is collected before each run (`gc()`), so that one run does
 *   not pay for collecting the garbage of the runs before it (a file opened
 *   in a fresh editor session). The collections that the run itself causes
 *   are in its time.
 * - cold, back to back: the same runs without the collection in between
 *   (each run also pays, at random, for collecting the analyses before it):
 *   the worst case, shown for comparison.
 * - edit: a one-line edit analysed with the previous analysis (what the
 *   server does on a keystroke).
 *
 * Prints a table of figures; no pass/fail (targets are in the README).
 * `npm run bench` bundles this file with esbuild and runs the bundle under
 * `node --expose-gc`, so the figures are those of the shipped code (not of
 * the tsx test loader).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../server/src/analysis";
import { clearParseCaches } from "../server/src/syntax/parse";
import { generateLarge } from "./generate";
import { startClient } from "../test/lsp/client";

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

/** A full collection, when the bench runs under --expose-gc (npm run bench does). */
function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function row(name: string, ...cols: (string | number)[]): void {
  console.log(name.padEnd(44) + cols.map((c) => String(typeof c === "number" ? c.toFixed(2) : c).padStart(12)).join(""));
}

async function core(): Promise<void> {
  console.log("\n== core: parse + evaluate (ms) ==");
  if (!(globalThis as { gc?: unknown }).gc) console.log("(run under node --expose-gc for the cold figures: npm run bench does)");
  row("file", "KB", "cold median", "back-to-back", "edit median");
  const measure = (name: string, text: string, runs: number, edit: (lines: string[], k: number) => void) => {
    for (let i = 0; i < Math.max(3, Math.min(20, runs)); i++) {
      clearParseCaches(); // JIT warm-up of the cold path too
      analyze(text);
    }
    const cold = time(() => analyze(text), runs, () => {
      clearParseCaches();
      collect();
    });
    const backToBack = time(() => analyze(text), runs, clearParseCaches);
    const lines = text.split("\n");
    let k = 0;
    let prev = analyze(text);
    const warm = time(() => {
      edit(lines, k++);
      prev = analyze(lines.join("\n"), prev);
    }, Math.min(30, runs));
    row(name, Buffer.byteLength(text) / 1024, cold.median, backToBack.median, warm.median);
  };
  for (const f of readdirSync(join(root, "examples")).filter((n) => n.endsWith(".perf")).sort()) {
    const text = readFileSync(join(root, "examples", f), "utf8");
    measure(f, text, 50, (lines, k) => {
      lines[lines.length - 2] = `// edit ${k}`;
    });
  }
  measure("generated 10,000 indicators", generateLarge(10_000), 11, (lines, k) => {
    lines[8] = `本文件由基准测试生成，第 ${k} 次编辑。`;
  });
}

async function lsp(): Promise<void> {
  console.log("\n== language server over stdio (ms, round trip incl. JSON-RPC) ==");
  const files: [string, string][] = [
    ["002 example", readFileSync(join(root, "examples", readdirSync(join(root, "examples")).find((n) => n.startsWith("002")) ?? "000-sujiaying-2022.perf"), "utf8")],
    ["generated 10,000 indicators", generateLarge(10_000)],
  ];
  row("file", "edit→diag", "hints 100 ln", "RSS MB");
  for (const [name, text] of files) {
    const client = await startClient({ textDocument: { diagnostic: {}, inlayHint: {} } }, [join(root, "dist", "server.js"), "--stdio"]);
    const uri = "file:///bench.perf";
    await client.open(uri, text, 1);
    await client.conn.sendRequest("textDocument/diagnostic", { textDocument: { uri } });
    const lines = text.split("\n");
    const editLine = Math.min(8, lines.length - 1);
    const edits: number[] = [];
    for (let v = 2; v < 32; v++) {
      const t0 = performance.now();
      await client.conn.sendNotification("textDocument/didChange", {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line: editLine, character: 0 }, end: { line: editLine, character: 0 } }, text: "x" }],
      });
      await client.conn.sendRequest("textDocument/diagnostic", { textDocument: { uri } });
      edits.push(performance.now() - t0);
    }
    const hints: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = (i * 97) % Math.max(1, lines.length - 100);
      const t0 = performance.now();
      await client.conn.sendRequest("textDocument/inlayHint", { textDocument: { uri }, range: { start: { line: start, character: 0 }, end: { line: start + 100, character: 0 } } });
      hints.push(performance.now() - t0);
    }
    let rss = NaN;
    try {
      const status = readFileSync(`/proc/${client.proc.pid}/status`, "utf8");
      rss = Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
    } catch {
      /* not Linux */
    }
    row(name, median(edits), median(hints), rss);
    await client.close();
  }
}

(async () => {
  console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
  await core();
  await lsp();
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
