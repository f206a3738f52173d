/**
 * The Chinese pass of the end-to-end suite. code-server ignores
 * `--locale zh-cn` without a language pack (vscode.env.language stays `en`,
 * measured), so this pass sets `perf.locale: zh-cn` instead. The same start
 * runs the VS Code API suite first (test/extension, through the test host):
 * one code-server start for both. Then it checks that what the extension says
 * at run time is Chinese: status bar, hover, diagnostics, the new
 * evaluation's prompts and its 待填 count.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT, sleep, withCodeServer, type Workbench } from "./harness";
import { packageTestHost, suiteOptions, suiteResults } from "../extension/code-server";
import type { SuiteResult } from "../extension";
import { analyze } from "../../server/src/analysis";
import { formatScore } from "../../server/src/quantity/decimal";
import { projectTemplate } from "../../server/src/templates";

const EXAMPLE = "002-xiaolvzhai-2021.perf";
const SHOTS = path.join(REPO_ROOT, "docs", "screenshots");

/** Latin words in a run-time string (file names, the source perf-eval, codes like PE130 and VS Code's own “[Ln 1, Col 2]” and “file results” excepted). */
function englishWords(text: string): string[] {
  return (text.replace(/\S*\.perf\d*/g, "").replace(/\[Ln \d+, Col \d+\]/g, "").replace(/perf-eval/g, "").replace(/file results/g, "").replace(/\bPE\d{3}\b/g, "").match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !["HTML", "Markdown", "Word", "docx"].includes(w));
}

export async function chinesePass(work: string, vsix: string, suite: string | undefined, check: (name: string, fn: () => Promise<void>) => Promise<void>): Promise<SuiteResult | undefined> {
  const ws = path.join(work, "ws-zh");
  fs.mkdirSync(ws, { recursive: true });
  const text = fs.readFileSync(path.join(REPO_ROOT, "examples", EXAMPLE), "utf8");
  fs.writeFileSync(path.join(ws, EXAMPLE), text);
  const a = analyze(text);
  const total = formatScore(a.evaluation.total);
  const grade = a.evaluation.grade ?? "";
  const results = path.join(work, "suite-results.json");
  const startFile = path.join(work, "suite-start");
  const host = suite ? suiteOptions(suite, results, await packageTestHost(work), startFile) : undefined;

  return withCodeServer(
    { vsix: host ? [vsix, host.vsix] : vsix, workspace: ws, env: host?.env, settings: { "perf.locale": "zh-cn" }, width: 1600, height: 1000 },
    async (wb: Workbench) => {
      await wb.openFile(EXAMPLE);

      await check("zh: the status bar reads “总分 分 · 等级” in Chinese", async () => {
        const item = wb.page.locator(".statusbar-item").filter({ hasText: `${total} 分 · ${grade}` }).first();
        await item.waitFor({ state: "visible", timeout: 90_000 });
        const label = (await item.textContent()) ?? "";
        assert.deepEqual(englishWords(label), [], label);
      });

      await check("zh: the hover on an indicator is Chinese", async () => {
        const heading = text.split("\n").findIndex((l) => l.startsWith("#### 在职人员控制率")) + 1;
        const hover = await wb.hoverAt(heading, 7);
        assert.match(hover, /在职人员控制率/);
        assert.deepEqual(englishWords(hover), [], hover);
        await wb.page.keyboard.press("Escape");
      });

      await check("zh: the Problems panel lists the diagnostics in Chinese, each naming its indicator", async () => {
        await wb.page.keyboard.press("Control+Shift+M");
        const row = wb.page.locator(".markers-panel .monaco-list-row").filter({ hasText: "填报自评总分" }).first();
        await row.waitFor({ state: "visible", timeout: 30_000 });
        const named = wb.page.locator(".markers-panel .monaco-list-row").filter({ hasText: "“预算调整率”：填报得分" }).first();
        await named.waitFor({ state: "visible", timeout: 30_000 });
        const rows = await wb.page.locator(".markers-panel .monaco-list-row").allTextContents();
        assert.deepEqual(rows.flatMap(englishWords), [], rows.join("\n"));
        await wb.page.keyboard.press("Control+J");
      });

      await check("zh: the report preview, its tab titled 报告预览", async () => {
        await wb.runCommand("Perf: Render Report");
        const body = await wb.webviewText("body", 60_000);
        assert.match(body, /自评总分/);
        await wb.waitForTab("报告预览", 30_000);
      });
      await sleep(500);
      fs.mkdirSync(SHOTS, { recursive: true });
      await wb.screenshot(path.join(SHOTS, "zh-report-preview.png"));

      await check("zh: a new evaluation asks in Chinese and the status bar counts its blanks (待填 N 项)", async () => {
        await wb.page.locator(".editor-group-container").first().click({ timeout: 5_000 }).catch(() => undefined);
        await wb.runCommand("Perf: New Self-Evaluation");
        const title = wb.page.locator(".quick-input-widget .quick-input-title").first();
        await title.waitFor({ state: "visible", timeout: 30_000 });
        assert.match((await title.textContent()) ?? "", /新建绩效自评/);
        const pickRow = wb.page.locator(".quick-input-widget .monaco-list-row").filter({ hasText: "项目支出" }).first();
        await pickRow.waitFor({ state: "visible", timeout: 30_000 });
        const rowText = (await pickRow.textContent()) ?? "";
        assert.deepEqual(englishWords(rowText), [], rowText);
        await pickRow.click();
        for (const value of ["测试单位", "2024", "测试项目"]) {
          const input = wb.page.locator(".quick-input-widget .quick-input-box input");
          await input.waitFor({ state: "visible", timeout: 30_000 });
          await sleep(300);
          // Our title and prompt (VS Code's own “(Press 'Enter' to confirm or 'Escape' to cancel)” aside).
          const title = (await wb.page.locator(".quick-input-widget .quick-input-title").first().textContent()) ?? "";
          const message = (await wb.page.locator(".quick-input-widget .quick-input-message").first().textContent()) ?? "";
          const prompt = `${title} ${message}`.replace(/\(Press 'Enter' to confirm or 'Escape' to cancel\)/, "");
          assert.match(title, /新建绩效自评/);
          assert.deepEqual(englishWords(prompt), [], prompt);
          await wb.page.keyboard.press("Control+A");
          await wb.page.keyboard.insertText(value);
          await wb.page.keyboard.press("Enter");
        }
        await wb.waitForTab("2024-测试项目.perf", 30_000);
        const blanks = analyze(projectTemplate("测试单位", "2024", "测试项目")).evaluation.diagnostics.filter((d) => d.code === "PE130").length;
        const item = wb.page.locator(".statusbar-item").filter({ hasText: `待填 ${blanks} 项` }).first();
        await item.waitFor({ state: "visible", timeout: 60_000 });
        // The Problems counts are workspace-wide: the example's own, plus the new file's blanks (information only).
        const own = (sev: string) => a.evaluation.diagnostics.filter((d) => d.severity === sev).length;
        await wb.waitForProblems({ errors: own("error"), warnings: own("warning"), infos: own("info") + blanks }, 60_000);
      });

      await check("zh: the preview follows the new file and shows 待填 N 项 where the grade goes, no grade", async () => {
        const blanks = analyze(projectTemplate("测试单位", "2024", "测试项目")).evaluation.diagnostics.filter((d) => d.code === "PE130").length;
        const deadline = Date.now() + 60_000;
        let body = "";
        while (!body.includes(`待填 ${blanks} 项`) && Date.now() < deadline) {
          body = await wb.webviewText("body", 30_000).catch(() => "");
          if (!body.includes(`待填 ${blanks} 项`)) await sleep(500);
        }
        assert.ok(body.includes(`待填 ${blanks} 项`), body.slice(0, 400));
      });
      await sleep(500);
      await wb.screenshot(path.join(SHOTS, "zh-new-evaluation.png"));

      // Then the VS Code API suite, in this same code-server (the test host waits for this file).
      if (!host) return undefined;
      fs.writeFileSync(startFile, "");
      const api = await suiteResults(results);
      console.log(`  VS Code API suite in the same code-server: ${api.passed} passed, ${api.failed} failed`);
      for (const f of api.failures) console.log(`  ✗ ${f.title}\n${f.error.split("\n").slice(0, 6).join("\n")}`);
      return api;
    },
  );
}
