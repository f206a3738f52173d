/**
 * End-to-end test of the perf-eval extension in a real VS Code (code-server +
 * Chromium, through test/e2e/harness.ts). Run after `bash scripts/e2e-setup.sh`:
 *
 *   npm run test:e2e
 *
 * It packages the real .vsix (minified bundles, as `npm run package`),
 * installs it into code-server, opens examples/002-xiaolvzhai-2021.perf and
 * checks what a user sees: the inlay hint after an indicator heading, the
 * problem counts, a hover, the status bar total, the report preview with the
 * total and grade, and a Word export whose document.xml holds the scoring
 * table. Screenshots go to docs/screenshots/; the activation time measured by
 * the extension is printed.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT, sleep, tmpDir, withCodeServer, type Workbench } from "./harness";
import { analyze } from "../../server/src/analysis";
import { formatScore } from "../../server/src/quantity/decimal";
import { chinesePass } from "./chinese.e2e";
import { bundleSuite } from "../extension/bundle";

const EXAMPLE = "002-xiaolvzhai-2021.perf";
const SHOTS = path.join(REPO_ROOT, "docs", "screenshots");

function packageExtension(outFile: string): void {
  execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts", "build.mjs"), "--minify"], { cwd: REPO_ROOT, stdio: "inherit" });
  execFileSync(
    process.execPath,
    [path.join(REPO_ROOT, "node_modules", "@vscode", "vsce", "vsce"), "package", "--no-dependencies", "--allow-missing-repository", "--no-rewrite-relative-links", "--out", outFile],
    { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_OPTIONS: "" } },
  );
}

async function goToLine(wb: Workbench, line: number): Promise<void> {
  await wb.page.keyboard.press("Control+G");
  await wb.page.locator(".quick-input-widget .quick-input-box input").waitFor({ state: "visible" });
  await wb.page.keyboard.insertText(String(line));
  await wb.page.keyboard.press("Enter");
  await sleep(300);
}

async function waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`e2e: timed out waiting for ${what}`);
    await sleep(250);
  }
}

let passed = 0;

async function main(): Promise<void> {
  const t0 = Date.now();
  const lap = (what: string) => console.log(`  ${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const check = async (name: string, fn: () => Promise<void>) => {
    await fn();
    passed++;
    lap(`ok ${name}`);
  };
  const work = tmpDir("perf-eval-ext-e2e-");
  try {
    const vsix = path.join(work, "perf-eval.vsix");
    packageExtension(vsix);
    console.log(`  vsix: ${(fs.statSync(vsix).size / 1024).toFixed(1)} KB`);
    lap("packaged vsix");

    const ws = path.join(work, "ws");
    fs.mkdirSync(ws);
    const text = fs.readFileSync(path.join(REPO_ROOT, "examples", EXAMPLE), "utf8");
    fs.writeFileSync(path.join(ws, EXAMPLE), text);
    const SECOND = "004-gaotieling-2021.perf";
    fs.copyFileSync(path.join(REPO_ROOT, "examples", SECOND), path.join(ws, SECOND));
    const a = analyze(text);
    const want = {
      errors: a.evaluation.diagnostics.filter((d) => d.severity === "error").length,
      warnings: a.evaluation.diagnostics.filter((d) => d.severity === "warning").length,
    };
    // The status bar, hints and preview all show the score as formatScore does (perf.report.decimals, 2 by default).
    const total = formatScore(a.evaluation.total);
    const grade = a.evaluation.grade ?? "";
    const timingFile = path.join(work, "timing.jsonl");
    const headingLine = text.split("\n").findIndex((l) => l.startsWith("#### 在职人员控制率")) + 1;

    await withCodeServer({ vsix, workspace: ws, env: { PERF_EVAL_TIMING_FILE: timingFile }, width: 1600, height: 1000 }, async (wb) => {
      lap("code-server up, workbench loaded");
      await wb.openFile(EXAMPLE);

      await check("inlay hint after the indicator heading", async () => {
        await goToLine(wb, headingLine + 8);
        await goToLine(wb, headingLine);
        const lines = await wb.waitForViewLineText("98.21% → 1/1", 90_000);
        const line = lines.find((l) => l.includes("在职人员控制率"));
        assert.ok(line?.includes("98.21% → 1/1"), `hint on the heading line: ${line}`);
      });

      await check(`problem counts ${JSON.stringify(want)}`, async () => {
        await wb.waitForProblems(want, 60_000);
      });

      await check("hover on the indicator heading", async () => {
        const hover = await wb.hoverText("在职人员控制率");
        assert.match(hover, /98\.21/, hover);
        fs.mkdirSync(SHOTS, { recursive: true });
        await wb.screenshot(path.join(SHOTS, "hover.png"));
        await wb.page.keyboard.press("Escape");
        await wb.page.mouse.move(5, 500);
      });

      await check(`status bar shows ${total} · ${grade}`, async () => {
        const item = wb.page.locator(".statusbar-item").filter({ hasText: `${total} pts · ${grade}` }).first();
        await item.waitFor({ state: "visible", timeout: 30_000 });
      });

      await wb.dismissNotifications();
      await sleep(500);
      await wb.screenshot(path.join(SHOTS, "editor-hints.png"));

      await check("Render Report opens the preview with the total and grade", async () => {
        await wb.runCommand("Perf: Render Report");
        await wb.waitForTab("Report Preview");
        const body = await waitFor("the report in the preview", async () => {
          const t = await wb.webviewText("body", 60_000).catch(() => "");
          return t.includes(total) && t.includes("在职人员控制率") ? t : undefined;
        }, 60_000);
        assert.ok(body.includes(grade), "grade shown");
        const csp = await wb.webview('meta[http-equiv="Content-Security-Policy"]').first().getAttribute("content");
        assert.match(csp ?? "", /default-src 'none'/);
      });
      await sleep(500);
      await wb.screenshot(path.join(SHOTS, "report-preview.png"));

      await check("the preview follows typing (debounced)", async () => {
        await wb.page.locator(".editor-group-container").first().click({ timeout: 5_000 }).catch(() => undefined);
        await goToLine(wb, 1);
        await wb.page.keyboard.press("End");
        await wb.page.keyboard.type("（改）");
        await waitFor("the edited unit in the preview", async () => {
          const t = await wb.webviewText("body", 10_000).catch(() => "");
          return t.includes("（改）") ? t : undefined;
        }, 30_000);
        await wb.page.keyboard.press("Control+Z");
      });

      await check("export to Word (.docx) holds the scoring table", async () => {
        const target = path.join(ws, EXAMPLE.replace(/\.perf$/, ".docx"));
        await wb.page.locator(".editor-group-container").first().click({ timeout: 5_000 }).catch(() => undefined);
        // The export acts on the active editor: make sure it is this file's (openFile returns as soon as its tab exists).
        const active = wb.page.locator(".editor-group-container .tabs-container .tab.active").filter({ hasText: EXAMPLE }).first();
        for (let i = 0; i < 3 && !(await active.isVisible().catch(() => false)); i++) {
          await wb.openFile(EXAMPLE);
          await sleep(1000);
        }
        await active.waitFor({ state: "visible", timeout: 30_000 });
        await wb.runCommand("Perf: Export Report as Word (.docx)");
        const input = wb.page.locator(".quick-input-widget .quick-input-box input");
        await input.waitFor({ state: "visible", timeout: 30_000 });
        await sleep(500);
        const value = await wb.page.evaluate<string>(`document.querySelector('.quick-input-widget .quick-input-box input').value`);
        assert.match(value, /\.docx$/, `save dialog path: ${value}`);
        await wb.page.keyboard.press("Enter");
        await waitFor("the .docx file", () => (fs.existsSync(target) && fs.statSync(target).size > 0 ? true : undefined), 30_000);
        await sleep(500);
        const xml = execFileSync("unzip", ["-p", target, "word/document.xml"]).toString("utf8");
        assert.match(xml, /<w:tbl>/);
        for (const name of ["职责明确", "在职人员控制率", "服务对象满意度"]) assert.ok(xml.includes(name), `${name} in document.xml`);
      });

      await check("the preview follows the active .perf editor, and toggles to the review", async () => {
        await wb.page.locator(".editor-group-container").first().click({ timeout: 5_000 }).catch(() => undefined);
        await wb.openFile(SECOND);
        await waitFor("the second file in the preview", async () => {
          const t = await wb.webviewText("body", 10_000).catch(() => "");
          return t.includes("高铁岭") ? t : undefined;
        }, 60_000);
        await wb.runCommand("Perf: Toggle Report / Review");
        await wb.waitForTab("Review: ", 30_000);
        await waitFor("the review in the preview", async () => {
          const t = await wb.webviewText("body", 10_000).catch(() => "");
          return t.includes("填报与计算不一致") && t.includes("计分依据") ? t : undefined;
        }, 60_000);
        await wb.runCommand("Perf: Toggle Report / Review");
        await wb.waitForTab("Report Preview", 30_000);
        // Back to the first file by its tab: the preview follows again.
        await wb.page.locator(".tabs-container .tab").filter({ hasText: EXAMPLE }).first().click({ timeout: 10_000 });
        await waitFor("the first file in the preview again", async () => {
          const t = await wb.webviewText("body", 10_000).catch(() => "");
          return t.includes("小吕寨") && t.includes("评分表") ? t : undefined;
        }, 60_000);
      });

      await check("New Self-Evaluation creates a 项目支出 document from the template", async () => {
        await wb.runCommand("Perf: New Self-Evaluation");
        const pickRow = wb.page.locator(".quick-input-widget .monaco-list-row").filter({ hasText: "项目支出" }).first();
        await pickRow.waitFor({ state: "visible", timeout: 30_000 });
        await pickRow.click();
        for (const value of ["测试单位", "2024", "测试项目"]) {
          const input = wb.page.locator(".quick-input-widget .quick-input-box input");
          await input.waitFor({ state: "visible", timeout: 30_000 });
          await sleep(300);
          await wb.page.keyboard.press("Control+A");
          await wb.page.keyboard.insertText(value);
          await wb.page.keyboard.press("Enter");
        }
        await wb.waitForTab("2024-测试项目.perf", 30_000);
        await wb.waitForViewLineText("项目：测试项目", 30_000);
        // The template's score hints appear once the server has analysed it.
        await wb.waitForViewLineText(/产出指标（50分）\s*0\/50/, 30_000);
      });
      await wb.screenshot(path.join(SHOTS, "new-evaluation.png"));

      const timing = fs.existsSync(timingFile) ? fs.readFileSync(timingFile, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, number>) : [];
      console.log(`  activation timing (ms, from the extension): ${JSON.stringify(timing)}`);
    });
    lap("English pass shut down");

    // Second start: Chinese display language, with the VS Code API suite run first in the same code-server.
    const suite = process.env.PERF_EVAL_E2E_SUITE === "0" ? undefined : await bundleSuite();
    const api = await chinesePass(work, vsix, suite, check);
    lap("Chinese pass shut down");
    const apiPassed = api?.passed ?? 0;
    const apiFailed = api?.failed ?? 0;
    if (api) console.log(`  (the counts include the VS Code API suite: ${apiPassed} passed, ${apiFailed} failed)`);
    console.log(`extension.e2e: ${passed + apiPassed} passed, ${apiFailed} failed`);
    if (apiFailed > 0) process.exitCode = 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  console.log(`extension.e2e: ${passed} passed, 1 failed`);
  process.exit(1);
});
