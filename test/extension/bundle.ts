/** Bundle the VS Code API suite (test/extension/index.ts) to plain JS for an extension host. */
import * as path from "node:path";
import { build } from "esbuild";

export const SUITE_OUT_DIR = path.resolve(__dirname, "..", "..", ".vscode-test", "out");

/** Writes .vscode-test/out/index.js (vscode and mocha stay external) and returns its path. */
export async function bundleSuite(): Promise<string> {
  const outfile = path.join(SUITE_OUT_DIR, "index.js");
  await build({
    entryPoints: [path.join(__dirname, "index.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["vscode", "mocha"],
    logLevel: "warning",
  });
  return outfile;
}
