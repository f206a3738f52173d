/** The command-line adapter: `perf-eval check|score|…`. Decides nothing about the language. */
import { run } from "./cli/main";
import { isPerfWorker, serveWorker } from "./cli/parallel";

/**
 * A reader that stops reading (`perf-eval check … | head`) closes stdout: the
 * lines written were wanted, the rest were not. The CLI stops writing (no
 * EPIPE stack) and still ends with the command's own exit code, so that
 * `check --strict … | head` under `set -o pipefail` fails as the check does.
 * Any other stdout error ends it with 2.
 */
function endWhenStdoutCloses(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") return;
    process.stderr.write(`perf-eval: stdout: ${e.code ?? e.message}\n`);
    process.exit(2);
  });
}

if (isPerfWorker()) serveWorker();
else {
  endWhenStdoutCloses();
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`perf-eval: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
