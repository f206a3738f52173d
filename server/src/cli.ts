/** The command-line adapter: `perf-eval check|score|…`. Decides nothing about the language. */
import { run } from "./cli/main";
import { isPerfWorker, serveWorker } from "./cli/parallel";

if (isPerfWorker()) serveWorker();
else
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`perf-eval: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
