/**
 * The VS Code API suite in code-server's extension host (when VS Code desktop
 * cannot be downloaded): the packaged perf-eval .vsix and the test host
 * (test/extension/host) are installed, the workbench is opened in Chromium,
 * the host runs the bundled suite and writes its counts to a file.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { CODE_SERVER_ENTRY, NODE24, PLAYWRIGHT_DIR, REPO_ROOT, packageVsix, sleep, tmpDir, withCodeServer, type CodeServerOptions, type Workbench } from "../e2e/harness";
import type { SuiteResult } from "./index";

export function codeServerAvailable(): boolean {
  return [CODE_SERVER_ENTRY, NODE24, PLAYWRIGHT_DIR].every((p) => fs.existsSync(p));
}

/** Build the minified bundles and package the real .vsix (as `npm run package`). */
export function packageExtension(outFile: string): void {
  execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts", "build.mjs"), "--minify"], { cwd: REPO_ROOT, stdio: "inherit" });
  execFileSync(
    process.execPath,
    [path.join(REPO_ROOT, "node_modules", "@vscode", "vsce", "vsce"), "package", "--no-dependencies", "--allow-missing-repository", "--no-rewrite-relative-links", "--out", outFile],
    { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_OPTIONS: "" } },
  );
}

/** The test host .vsix (packaged from a copy: vsce writes nothing into the source folder). */
export async function packageTestHost(work: string): Promise<string> {
  const dir = path.join(work, "test-host");
  fs.cpSync(path.join(REPO_ROOT, "test", "extension", "host"), dir, { recursive: true });
  return packageVsix(dir, path.join(work, "perf-eval-test-host.vsix"));
}

/** What code-server needs to run the suite in its extension host: install both, point the host at the suite. */
export function suiteOptions(suite: string, results: string, hostVsix: string, startFile?: string): Pick<CodeServerOptions, "env"> & { vsix: string } {
  const env: Record<string, string> = { PERF_EVAL_SUITE: suite, PERF_EVAL_SUITE_RESULTS: results };
  if (startFile) env.PERF_EVAL_SUITE_START = startFile;
  return { vsix: hostVsix, env };
}

/** Wait for the test host's results file. */
export async function suiteResults(results: string, timeoutMs = Number(process.env.PERF_EVAL_SUITE_TIMEOUT_MS ?? 300_000)): Promise<SuiteResult> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(results)) {
    if (Date.now() > deadline) return { passed: 0, failed: 1, failures: [{ title: "the API suite in code-server", error: `no results after ${timeoutMs / 1000} s` }] };
    await sleep(500);
  }
  return JSON.parse(fs.readFileSync(results, "utf8")) as SuiteResult;
}

/** Run the bundled suite in its own code-server start. */
export async function runSuiteInCodeServer(suite: string, after?: (wb: Workbench) => Promise<void>): Promise<SuiteResult> {
  const work = tmpDir("perf-eval-vscode-suite-");
  try {
    const vsix = path.join(work, "perf-eval.vsix");
    packageExtension(vsix);
    const host = await packageTestHost(work);
    const ws = path.join(work, "ws");
    fs.mkdirSync(ws);
    const results = path.join(work, "results.json");
    const o = suiteOptions(suite, results, host);
    return await withCodeServer({ workspace: ws, vsix: [vsix, o.vsix], env: o.env }, async (wb, cs) => {
      const r = await suiteResults(results);
      if (r.failed > 0 && r.passed === 0) console.log(cs.log().split("\n").slice(-30).join("\n"));
      if (after) await after(wb);
      return r;
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
