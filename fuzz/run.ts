/**
 * Fuzz harness (issue #6). Mutates the examples and drives each result
 * through the core, every feature, the formatter and the report writers; see
 * fuzz/check.ts for what is asserted.
 *
 *   npm run fuzz -- [--seconds 60] [--seed N] [--docx-every 25] [--case I] [--replay file.perf]
 *
 * Case i of seed S is a pure function of (S, i): a failure prints the command
 * that reproduces it and writes the input to fuzz/crashes/. The cases run in
 * a worker; the main thread is a watchdog that reports a case taking more than
 * --hang-ms (default 60 s) as a hang, with its input.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { loadExamples, makeRng, mutate, pick, SEED_SCORED, type Rng } from "./mutate";
import { checkInput, type Failure } from "./check";

interface Options {
  seconds: number;
  seed: number;
  docxEvery: number;
  hangMs: number;
  caseIndex?: number;
  replay?: string;
  maxFailures: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { seconds: 60, seed: Date.now() % 1_000_000_007, docxEvery: 25, hangMs: 60_000, maxFailures: 5 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${a} needs a value`);
      return x;
    };
    if (a === "--seconds") o.seconds = Number(v());
    else if (a === "--seed") o.seed = Number(v());
    else if (a === "--docx-every") o.docxEvery = Number(v());
    else if (a === "--hang-ms") o.hangMs = Number(v());
    else if (a === "--case") o.caseIndex = Number(v());
    else if (a === "--replay") o.replay = v();
    else if (a === "--max-failures") o.maxFailures = Number(v());
    else if (a === "--help" || a === "-h") {
      console.log("npm run fuzz -- [--seconds 60] [--seed N] [--docx-every 25] [--hang-ms 20000] [--case I] [--replay file.perf] [--max-failures 5]");
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isFinite(o.seconds) || !Number.isFinite(o.seed)) throw new Error("--seconds and --seed must be numbers");
  return o;
}

const CRASH_DIR = join(__dirname, "crashes");

// ───────────────────────── cases ─────────────────────────

export interface FuzzCase {
  index: number;
  base: string;
  applied: string[];
  text: string;
  previousText: string;
  docx: boolean;
  rng: Rng;
}

const BASES = [...loadExamples(), { name: "seed-scored", text: SEED_SCORED }];

/** Case i of seed S: deterministic. */
export function makeCase(seed: number, index: number, docxEvery: number): FuzzCase {
  const rng = makeRng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const base = pick(rng, BASES);
  const m = mutate(base.text, rng);
  // `previous`: the base, or a one-step mutation of the result (an edit).
  const previousText = rng() < 0.5 ? base.text : mutate(m.text, rng, undefined, 1).text;
  const docx = docxEvery > 0 && index % docxEvery === 0 && m.text.length < 300_000;
  return { index, base: base.name, applied: m.applied, text: m.text, previousText, docx, rng };
}

function reproduce(seed: number, c: { index: number; base: string; applied: string[]; text: string; previousText: string }, failures: Failure[], kind: string): string {
  mkdirSync(CRASH_DIR, { recursive: true });
  const stem = join(CRASH_DIR, `${kind}-${seed}-${c.index}`);
  writeFileSync(`${stem}.perf`, c.text);
  writeFileSync(`${stem}.previous.perf`, c.previousText);
  writeFileSync(`${stem}.json`, JSON.stringify({ seed, case: c.index, base: c.base, mutators: c.applied, failures }, null, 2));
  const rel = relative(process.cwd(), stem);
  return [
    `  ${kind.toUpperCase()} in case ${c.index} (base ${c.base}, mutators ${c.applied.join(" → ")}, ${c.text.length} chars)`,
    ...failures.map((f) => `    [${f.stage}] ${f.message.split("\n").slice(0, 8).join("\n      ")}`),
    `    input:     ${rel}.perf`,
    `    reproduce: npm run fuzz -- --seed ${seed} --case ${c.index}`,
    `           or: npm run fuzz -- --replay ${rel}.perf`,
  ].join("\n");
}

// ───────────────────────── worker ─────────────────────────

type ToMain =
  | { type: "start"; index: number }
  | { type: "done"; index: number; chars: number; failures: Failure[]; ms: number; docx: boolean }
  | { type: "finished" };

async function workerMain(o: Options): Promise<void> {
  const post = (m: ToMain) => parentPort!.postMessage(m);
  const deadline = Date.now() + o.seconds * 1000;
  const only = o.caseIndex;
  for (let i = only ?? 0; only !== undefined ? i === only : Date.now() < deadline; i++) {
    post({ type: "start", index: i });
    const c = makeCase(o.seed, i, o.docxEvery);
    const t0 = performance.now();
    const failures = await checkInput(c.text, c.rng, { previousText: c.previousText, docx: c.docx || only !== undefined });
    post({ type: "done", index: i, chars: c.text.length, failures, ms: performance.now() - t0, docx: c.docx });
  }
  post({ type: "finished" });
}

// ───────────────────────── main ─────────────────────────

async function replay(file: string): Promise<number> {
  const text = readFileSync(file, "utf8");
  let previousText: string | undefined;
  try {
    previousText = readFileSync(file.replace(/\.perf$/, ".previous.perf"), "utf8");
  } catch {
    previousText = undefined;
  }
  const failures = await checkInput(text, makeRng(1), { previousText, docx: true, positions: 64 });
  for (const f of failures) console.log(`[${f.stage}] ${f.message}`);
  console.log(failures.length ? `${failures.length} failure(s)` : "ok: no failures");
  return failures.length ? 1 : 0;
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  if (o.replay) {
    void replay(o.replay).then((code) => process.exit(code));
    return;
  }
  console.log(`fuzz: seed ${o.seed}, ${o.caseIndex !== undefined ? `case ${o.caseIndex}` : `${o.seconds} s`}, ${BASES.length} bases, docx every ${o.docxEvery} cases`);
  const worker = new Worker(`require("tsx/cjs"); require(${JSON.stringify(__filename)});`, { eval: true, workerData: o });
  const started = performance.now();
  let current = -1;
  let currentSince = Date.now();
  let cases = 0;
  let chars = 0;
  let docx = 0;
  let slowest = { ms: 0, index: -1, chars: 0 };
  const failed: string[] = [];
  const stats = new Map<string, number>();
  const finish = (code: number) => {
    clearInterval(watchdog);
    const secs = (performance.now() - started) / 1000;
    console.log("");
    console.log(`cases:      ${cases} in ${secs.toFixed(1)} s (${(cases / secs).toFixed(1)} inputs/s, ${(chars / 1024 / 1024 / secs).toFixed(2)} MB/s of input, ${docx} with docx)`);
    console.log(`slowest:    case ${slowest.index}, ${slowest.ms.toFixed(0)} ms, ${slowest.chars} chars`);
    console.log(`failures:   ${failed.length}${failed.length ? "" : " (none)"}`);
    for (const [k, v] of [...stats].sort((x, y) => y[1] - x[1]).slice(0, 10)) console.log(`  ${v} × ${k}`);
    process.exit(code);
  };
  const watchdog = setInterval(() => {
    if (current >= 0 && Date.now() - currentSince > o.hangMs) {
      const c = makeCase(o.seed, current, o.docxEvery);
      failed.push(reproduce(o.seed, c, [{ stage: "hang", message: `no result after ${o.hangMs} ms` }], "hang"));
      console.log(failed[failed.length - 1]);
      void worker.terminate();
      finish(1);
    }
  }, 500);
  worker.on("message", (m: ToMain) => {
    if (m.type === "start") {
      current = m.index;
      currentSince = Date.now();
    } else if (m.type === "done") {
      current = -1;
      cases++;
      chars += m.chars;
      if (m.docx) docx++;
      if (m.ms > slowest.ms) slowest = { ms: m.ms, index: m.index, chars: m.chars };
      if (m.failures.length) {
        const c = makeCase(o.seed, m.index, o.docxEvery);
        const report = reproduce(o.seed, c, m.failures, "crash");
        failed.push(report);
        console.log(report);
        for (const f of m.failures) {
          const key = `[${f.stage.replace(/@.*/, "")}] ${f.message.split("\n")[0].replace(/\d+/g, "N").slice(0, 100)}`;
          stats.set(key, (stats.get(key) ?? 0) + 1);
        }
        if (failed.length >= o.maxFailures) {
          void worker.terminate();
          finish(1);
        }
      } else if (cases % 100 === 0) process.stdout.write(".");
    } else if (m.type === "finished") {
      void worker.terminate();
      finish(failed.length ? 1 : 0);
    }
  });
  worker.on("error", (e) => {
    console.error(`worker died: ${e.stack ?? e.message}`);
    if (current >= 0) console.log(reproduce(o.seed, makeCase(o.seed, current, o.docxEvery), [{ stage: "worker", message: String(e) }], "crash"));
    finish(1);
  });
}

if (!isMainThread && workerData) void workerMain(workerData as Options);
else if (require.main === module) main();
