/**
 * Runner of the VS Code API suite (`npm run test:vscode`): downloads VS Code
 * desktop with @vscode/test-electron 2.5 and runs test/extension/suite.ts in
 * its extension host against this folder as the extension under development.
 *
 * Where VS Code cannot be downloaded (no network, a proxy that refuses the
 * update server, a download that fails), it says so and exits 0 with
 * "skipped: …" instead of failing: the end-to-end suite (npm run test:e2e)
 * covers the same ground in code-server.
 */
import * as path from "node:path";
import * as https from "node:https";
import { build } from "esbuild";

const ROOT = path.resolve(__dirname, "..", "..");
const PROBE_URL = "https://update.code.visualstudio.com/api/releases/stable";
const PROBE_TIMEOUT_MS = 5_000;

function skip(reason: string): never {
  console.log(`skipped: VS Code desktop tests (${reason})`);
  console.log("0 passed, 0 failed");
  process.exit(0);
}

/** Can the update server be reached at all? Resolves with an error message when not. */
function probe(): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = https.get(PROBE_URL, { timeout: PROBE_TIMEOUT_MS }, (res) => {
      res.resume();
      resolve(res.statusCode && res.statusCode < 400 ? undefined : `update server answered HTTP ${res.statusCode}`);
    });
    req.on("timeout", () => {
      req.destroy();
      resolve(`no answer from ${new URL(PROBE_URL).host} within ${PROBE_TIMEOUT_MS / 1000} s`);
    });
    req.on("error", (e) => resolve(`cannot reach ${new URL(PROBE_URL).host}: ${e.message}`));
  });
}

async function main(): Promise<void> {
  if (process.env.PERF_EVAL_SKIP_VSCODE_TESTS === "1") skip("PERF_EVAL_SKIP_VSCODE_TESTS=1");
  const problem = await probe();
  if (problem) skip(problem);

  // The suite runs inside VS Code's extension host: bundle it to plain JS.
  const outDir = path.join(ROOT, ".vscode-test", "out");
  await build({
    entryPoints: [path.join(__dirname, "index.ts")],
    outfile: path.join(outDir, "index.js"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["vscode", "mocha"],
    logLevel: "warning",
  });

  const { downloadAndUnzipVSCode, runTests } = await import("@vscode/test-electron");
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version: "stable", timeout: 30_000 });
  } catch (e) {
    skip(`download failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(outDir, "index.js"),
    launchArgs: [path.join(ROOT, "examples"), "--disable-extensions", "--disable-workspace-trust"],
  });
  process.exit(code);
}

main().catch((e) => {
  console.error(e);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
