/**
 * Runner of the VS Code API suite (`npm run test:vscode`): runs
 * test/extension/suite.ts in a real extension host and prints its mocha
 * counts ("N passed, M failed").
 *
 * 1. VS Code desktop, downloaded with @vscode/test-electron 2.5, with this
 *    folder as the extension under development.
 * 2. Where VS Code cannot be downloaded (no network, a refusing proxy, a
 *    failed download): code-server's extension host (test/e2e/harness.ts,
 *    after `bash scripts/e2e-setup.sh`). The packaged .vsix is installed with
 *    a small test host extension (test/extension/host) that loads the bundled
 *    suite when the workbench has started in Chromium and writes the results
 *    to a file this runner reads.
 * 3. Only when neither host exists: "skipped: …", exit 0.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as https from "node:https";
import { bundleSuite } from "./bundle";
import { runSuiteInCodeServer, codeServerAvailable } from "./code-server";

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

  // The suite runs inside an extension host: bundle it to plain JS.
  const suite = await bundleSuite();
  const outDir = path.dirname(suite);
  let problem = process.env.PERF_EVAL_VSCODE_HOST === "code-server" ? "PERF_EVAL_VSCODE_HOST=code-server" : await probe();
  let vscodeExecutablePath = "";
  if (!problem) {
    const { downloadAndUnzipVSCode } = await import("@vscode/test-electron");
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({ version: "stable", timeout: 30_000 });
    } catch (e) {
      problem = `download failed: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  if (problem) {
    if (!codeServerAvailable()) skip(`${problem}; and no code-server: run bash scripts/e2e-setup.sh`);
    console.log(`VS Code desktop unavailable (${problem}): running the suite in code-server's extension host`);
    fs.mkdirSync(outDir, { recursive: true });
    const r = await runSuiteInCodeServer(suite);
    for (const f of r.failures) console.log(`  ✗ ${f.title}\n${f.error.split("\n").slice(0, 6).join("\n")}`);
    console.log(`${r.passed} passed, ${r.failed} failed`);
    process.exit(r.failed > 0 ? 1 : 0);
  }
  const { runTests } = await import("@vscode/test-electron");
  const code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
    launchArgs: [path.join(ROOT, "examples"), "--disable-extensions", "--disable-workspace-trust"],
  });
  process.exit(code);
}

main().catch((e) => {
  console.error(e);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
