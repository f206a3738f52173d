/** Entry point of the VS Code API suite inside the extension host (bundled by run.ts). */
import * as path from "node:path";
import Mocha from "mocha";
import { registerSuite } from "./suite";

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", timeout: 60_000, color: false });
  mocha.suite.emit("pre-require", globalThis, path.join(__dirname, "suite"), mocha);
  registerSuite();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log(`${mocha.suite.total() - failures} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
