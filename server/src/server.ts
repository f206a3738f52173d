/** Entry point of the language server: `node dist/server.js --stdio` (or --node-ipc). */
import { startServer } from "./lsp/server";

// A bug in one handler must not take the server down: log and carry on.
process.on("uncaughtException", (e) => process.stderr.write(`perf-eval server: ${e.stack ?? e.message}\n`));
startServer();
