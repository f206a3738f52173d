/**
 * A one-line counter on stderr (`[123/2000] path`) for long runs, shown only
 * when both stdout and stderr are terminals; nothing otherwise (pipes, CI,
 * files). Redrawn at most every 50 ms; `clear()` before writing to stdout.
 */
import { visible } from "./visible";

export interface Progress {
  tick(done: number, path: string): void;
  clear(): void;
  done(): void;
}

const NONE: Progress = { tick: () => undefined, clear: () => undefined, done: () => undefined };

export function createProgress(total: number, minFiles = 20): Progress {
  const enabled = process.stdout.isTTY === true && process.stderr.isTTY === true && process.env.PERF_EVAL_PROGRESS !== "0";
  if (!enabled || total < minFiles) return NONE;
  let last = 0;
  let shown = false;
  const width = () => Math.max(20, (process.stderr.columns ?? 80) - 1);
  return {
    tick(done, path) {
      const now = Date.now();
      if (done < total && now - last < 50) return;
      last = now;
      const line = `[${done}/${total}] ${visible(path)}`;
      process.stderr.write(`\r\x1b[K${line.length > width() ? line.slice(0, width()) : line}`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write("\r\x1b[K");
      shown = false;
    },
    done() {
      this.clear();
    },
  };
}
