/**
 * Entry point of the VS Code API suite inside an extension host (bundled by
 * run.ts): VS Code desktop calls `run` (@vscode/test-electron); the test host
 * extension in code-server calls `runSuite` and writes its counts to a file.
 */
import * as path from "node:path";
import Mocha from "mocha";
import { registerSuite } from "./suite";

export interface SuiteResult {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
}

export function runSuite(): Promise<SuiteResult> {
  const mocha = new Mocha({ ui: "bdd", timeout: 60_000, color: false });
  mocha.suite.emit("pre-require", globalThis, path.join(__dirname, "suite"), mocha);
  registerSuite();
  const failures: SuiteResult["failures"] = [];
  return new Promise((resolve) => {
    const runner = mocha.run((failed) => {
      const passed = mocha.suite.total() - failed;
      console.log(`${passed} passed, ${failed} failed`);
      resolve({ passed, failed, failures });
    });
    runner.on("fail", (test, err: Error) => failures.push({ title: test.fullTitle(), error: err?.stack ?? String(err) }));
  });
}

export async function run(): Promise<void> {
  const r = await runSuite();
  if (r.failed > 0) throw new Error(`${r.failed} test(s) failed`);
}
