/**
 * perf-eval beside its peer, at the protocol level, on the same content
 * (bench/peer-content.ts) and the same edit (one data value, 50 → 57 and
 * back): perf-eval's edit → the whole document's inlay hints (fresh: the
 * hint of the edited indicator is checked), and yaml-language-server's
 * edit → diagnostics as its users see them (its default settings, so its
 * 200 ms validation delay included; schema store off). Printed as ratios.
 *
 * The peer is installed on demand into bench/peer/ (its own package.json):
 * it is no dependency of the extension.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Probe } from "./lsp-probe";
import { firstValueAt, peerPerf, peerYaml } from "./peer-content";

/** The pause after each measured edit, the same for both servers: a user types, then reads. */
const SETTLE_MS = 100;

/** Targets of issue 14: edit → hints at least this many times faster than the peer's edit → diagnostics. */
const TARGETS: Record<number, number> = { 1000: 30, 10000: 20 };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function spread(xs: number[]): string {
  return `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
}

/** The peer's server script, installed into bench/peer/ when missing; undefined when it cannot be. */
function peerServer(root: string): string | undefined {
  const dir = join(root, "bench", "peer");
  const bin = join(dir, "node_modules", "yaml-language-server", "bin", "yaml-language-server");
  if (!existsSync(bin)) {
    console.log("(installing the peer, yaml-language-server, into bench/peer/ …)");
    try {
      execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "inherit" });
    } catch (e) {
      console.log(`peer not installed (${e instanceof Error ? e.message : String(e)}): skipped`);
      return undefined;
    }
  }
  return existsSync(bin) ? bin : undefined;
}

/** Replace the first indicator's two-digit value (50 as generated, or 57 after the previous edit) with `to`. */
function valueEdit(text: string, to: string): unknown {
  const [line, character] = firstValueAt(text);
  return { range: { start: { line, character }, end: { line, character: character + 2 } }, text: to };
}

async function ours(root: string, n: number, runs: number): Promise<{ times: number[]; stale: number; rss: number }> {
  const text = peerPerf(n);
  const lineCount = text.split("\n").length;
  const [valueLine] = firstValueAt(text);
  const headingLine = valueLine - 3;
  const probe = await Probe.start([process.execPath, "--expose-gc", join(root, "dist", "server.js"), "--stdio"]);
  const uri = "file:///bench-peer.perf";
  await probe.open(uri, "perf", text);
  const times: number[] = [];
  let stale = 0;
  let rss = 0;
  for (let k = 0; k < runs + 3; k++) {
    const to = k % 2 === 0 ? "57" : "50";
    const r = await probe.editThenHints(uri, valueEdit(text, to), lineCount, headingLine);
    // 57 人 of 56: 101.79 %; 50 人: 89.29 %. A stale answer would show the other.
    const expected = to === "57" ? "101.79%" : "89.29%";
    if (!r.labels.some((l) => l.includes(expected))) stale++;
    if (k >= 3) times.push(r.ms);
    rss = Math.max(rss, probe.rss());
    // The same cadence as the peer's runs below (a user types, then reads).
    await new Promise((r) => setTimeout(r, SETTLE_MS));
  }
  await probe.close();
  return { times, stale, rss };
}

async function peer(bin: string, n: number, runs: number): Promise<number[]> {
  const text = peerYaml(n);
  const probe = await Probe.start([process.execPath, bin, "--stdio"], {
    configuration: (section) => (section === "yaml" ? { schemaStore: { enable: false }, validate: true } : null),
    settings: { yaml: { schemaStore: { enable: false }, validate: true } },
  });
  const uri = "file:///bench-peer.yaml";
  await probe.open(uri, "yaml", text);
  const times: number[] = [];
  for (let k = 0; k < runs + 1; k++) {
    const to = k % 2 === 0 ? "57" : "50";
    const ms = await probe.editThenDiagnostics(uri, valueEdit(text, to));
    if (k >= 1) times.push(ms);
    // Let the peer settle (a user types, then reads).
    await new Promise((r) => setTimeout(r, SETTLE_MS));
  }
  await probe.close();
  return times;
}

export async function peerComparison(root: string): Promise<void> {
  console.log("\n== beside the peer: same content, same edit, at the protocol level (ms: median (min–max)) ==");
  console.log("perf-eval: edit → whole-document inlay hints; yaml-language-server 2.0.0: edit → diagnostics as its users see them (default 200 ms validation delay included)");
  const bin = peerServer(root);
  const head = ["indicators", "perf-eval", "peer", "peer − 200", "ratio", "target", "stale", "RSS MB"];
  console.log(head.map((h, i) => (i === 0 ? h.padEnd(12) : h.padStart(i === 1 || i === 2 ? 24 : 12))).join(""));
  for (const n of [1000, 10000]) {
    const mine = await ours(root, n, n >= 10000 ? 10 : 20);
    const theirs = bin ? await peer(bin, n, n >= 10000 ? 6 : 10) : [];
    const ratio = theirs.length ? median(theirs) / median(mine.times) : Number.NaN;
    const computation = theirs.length ? median(theirs.map((t) => t - 200)) / median(mine.times) : Number.NaN;
    console.log(
      [
        String(n).padEnd(12),
        spread(mine.times).padStart(24),
        (theirs.length ? spread(theirs) : "—").padStart(24),
        (theirs.length ? `${computation.toFixed(1)}×` : "—").padStart(12),
        (theirs.length ? `${ratio.toFixed(1)}×` : "—").padStart(12),
        `≥ ${TARGETS[n]}×`.padStart(12),
        String(mine.stale).padStart(12),
        mine.rss.toFixed(0).padStart(12),
      ].join(""),
    );
  }
  console.log("ratio: the peer's median ÷ perf-eval's; peer − 200: the same without the peer's validation delay (its computation). stale: answers without the edited value (must be 0).");
}
