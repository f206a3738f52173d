/**
 * The table module (tables.ts) on demand. In the bundles (dist/cli.js,
 * dist/server.js) it is dist/tables.js next to them; run from source (tests,
 * tsx) it is the TypeScript module itself.
 */
import { join } from "node:path";

export type Tables = typeof import("./tables");

declare const PERF_EVAL_BUNDLED: boolean | undefined;

let loaded: Tables | undefined;

export function loadTables(): Tables {
  if (loaded) return loaded;
  // A computed path: the bundler must not inline the module.
  const path = typeof PERF_EVAL_BUNDLED !== "undefined" && PERF_EVAL_BUNDLED ? join(__dirname, "tables.js") : join(__dirname, "tables");
  loaded = require(path) as Tables;
  return loaded;
}
