/** The command-line adapter: `perf-eval check|score|…`. Decides nothing about the language. */
import { run } from "./cli/main";

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`perf-eval: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
