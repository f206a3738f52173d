/**
 * Run a per-file task over many files, in order, sequentially or on worker
 * threads. Workers are used only from the built CLI (dist/cli.js, which is
 * also the worker script), for more than `threshold` files, with `jobs`
 * workers; each takes chunks of files from a shared queue.
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { runTask, type TaskName, type TaskOutcome, type TaskResults } from "./tasks";
import type { Progress } from "./progress";

export interface ParallelOptions {
  jobs: number;
  threshold: number;
  progress: Progress;
}

interface Request {
  id: number;
  task: TaskName;
  paths: string[];
}
type Reply<K extends TaskName> = { id: number; results: TaskOutcome<TaskResults[K]>[] } | { id: number; error: string };

const CHUNK = 25;

/** True when this module runs inside the bundled CLI (so `__filename` can be a worker script). */
export function canUseWorkers(): boolean {
  return __filename.endsWith(".js");
}

export async function mapFiles<K extends TaskName>(task: K, paths: string[], opts: ParallelOptions): Promise<TaskOutcome<TaskResults[K]>[]> {
  if (opts.jobs <= 1 || paths.length <= opts.threshold || !canUseWorkers()) {
    const out: TaskOutcome<TaskResults[K]>[] = [];
    paths.forEach((p, i) => {
      out.push(runTask(task, p));
      opts.progress.tick(i + 1, p);
    });
    return out;
  }
  const results: TaskOutcome<TaskResults[K]>[] = new Array<TaskOutcome<TaskResults[K]>>(paths.length);
  const chunks: { start: number; paths: string[] }[] = [];
  for (let i = 0; i < paths.length; i += CHUNK) chunks.push({ start: i, paths: paths.slice(i, i + CHUNK) });
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.min(opts.jobs, chunks.length) }, () => new Worker(__filename, { workerData: { perfEvalWorker: true } }));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= chunks.length) return resolve();
              const id = next++;
              const req: Request = { id, task, paths: chunks[id].paths };
              w.postMessage(req);
            };
            w.on("message", (m: Reply<K>) => {
              if ("error" in m) return reject(new Error(m.error));
              const c = chunks[m.id];
              m.results.forEach((r, k) => {
                results[c.start + k] = r;
              });
              done += c.paths.length;
              opts.progress.tick(done, c.paths[c.paths.length - 1]);
              send();
            });
            w.on("error", reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** True in a worker started by `mapFiles`. */
export function isPerfWorker(): boolean {
  return !isMainThread && (workerData as { perfEvalWorker?: boolean } | null)?.perfEvalWorker === true;
}

/** The worker side: answer requests until terminated. */
export function serveWorker(): void {
  parentPort?.on("message", (req: Request) => {
    try {
      const results = req.paths.map((p) => runTask(req.task, p));
      parentPort?.postMessage({ id: req.id, results });
    } catch (e) {
      parentPort?.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
}
