// The test host: when the workbench has started, load the bundled API suite
// (PERF_EVAL_SUITE, built by test/extension/run.ts), run it in this extension
// host, and write the mocha counts and failures as JSON to
// PERF_EVAL_SUITE_RESULTS, where the runner reads them. Does nothing without
// those variables. With PERF_EVAL_SUITE_START it waits until that file exists
// (an e2e run sharing this code-server goes first, in a clean workbench).
const fs = require("node:fs");

exports.activate = function activate() {
  const suite = process.env.PERF_EVAL_SUITE;
  const out = process.env.PERF_EVAL_SUITE_RESULTS;
  if (!suite || !out) return;
  const write = (result) => {
    fs.writeFileSync(`${out}.tmp`, JSON.stringify(result));
    fs.renameSync(`${out}.tmp`, out);
  };
  const start = process.env.PERF_EVAL_SUITE_START;
  const whenStarted = (fn) => {
    if (!start || fs.existsSync(start)) return setTimeout(fn, 500);
    const timer = setInterval(() => {
      if (!fs.existsSync(start)) return;
      clearInterval(timer);
      fn();
    }, 500);
  };
  whenStarted(() => {
    let pending;
    try {
      const m = require(suite);
      pending = (m.runSuite || m.run)();
    } catch (e) {
      pending = Promise.reject(e);
    }
    Promise.resolve(pending).then(
      (r) => write(r),
      (e) => write({ passed: 0, failed: 1, failures: [{ title: "loading the suite", error: String(e?.stack || e) }] }),
    );
  });
};

exports.deactivate = function deactivate() {};
