/** The command-line adapter: `perf-eval check|score|…`. Decides nothing about the language. */
import { run } from "./cli/main";
import { isPerfWorker, serveWorker } from "./cli/parallel";

/**
 * A reader that stops reading (`perf-eval check … | head`) closes stdout: the
 * lines written were wanted, the rest were not, so the CLI ends quietly with
 * exit code 0 instead of an unhandled EPIPE. Any other stdout error ends it with 2.
 */
function endWhenStdoutCloses(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") process.exit(0);
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
