// The test host: when the workbench has started, load the bundled API suite
// (PERF_EVAL_SUITE, built by test/extension/run.ts), run it in this extension
// host, and write the mocha counts and failures as JSON to
// PERF_EVAL_SUITE_RESULTS, where the runner reads them. Does nothing without
// those variables.
const fs = require("node:fs");

exports.activate = function activate() {
  const suite = process.env.PERF_EVAL_SUITE;
  const out = process.env.PERF_EVAL_SUITE_RESULTS;
  if (!suite || !out) return;
  const write = (result) => fs.writeFileSync(out + ".tmp", JSON.stringify(result)) || fs.renameSync(out + ".tmp", out);
  setTimeout(() => {
    let pending;
    try {
      const m = require(suite);
      pending = (m.runSuite || m.run)();
    } catch (e) {
      pending = Promise.reject(e);
    }
    Promise.resolve(pending).then(
      (r) => write(r),
      (e) => write({ passed: 0, failed: 1, failures: [{ title: "loading the suite", error: String((e && e.stack) || e) }] }),
    );
  }, 500);
};

exports.deactivate = function deactivate() {};
