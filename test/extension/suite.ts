/**
 * The VS Code API suite: what the extension contributes and does, seen
 * through the `vscode` API of a real VS Code desktop (run by run.ts).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import { departmentTemplate, projectTemplate } from "../../server/src/templates";
import { initI18n, t } from "../../client/src/i18n";
import { statusView } from "../../client/src/status-bar";

const EXAMPLE = path.resolve(__dirname, "..", "..", "examples", "002-xiaolvzhai-2021.perf");

/** A .perf file on disk (not untitled: closing it later asks nothing), opened. */
async function openFile(name: string, content: string): Promise<vscode.TextDocument> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-suite-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  const doc = await vscode.workspace.openTextDocument(file);
  // Diagnostics are pulled for documents in an editor: show it.
  await vscode.window.showTextDocument(doc);
  return doc;
}

async function until<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function registerSuite(): void {
  describe("perf-eval extension", () => {
    let doc: vscode.TextDocument;

    before(async () => {
      doc = await vscode.workspace.openTextDocument(EXAMPLE);
      await vscode.window.showTextDocument(doc);
    });


    it("gives .perf files the perf language", () => {
      assert.equal(doc.languageId, "perf");
    });

    it("activates and registers its commands", async () => {
      const ext = vscode.extensions.all.find((e) => e.packageJSON.name === "perf-eval");
      assert.ok(ext, "extension present");
      await until("activation", () => (ext.isActive ? true : undefined));
      const commands = await vscode.commands.getCommands(true);
      for (const c of ["perf.renderReport", "perf.exportHtml", "perf.exportMarkdown", "perf.exportDocx", "perf.exportXlsx", "perf.importTable", "perf.newEvaluation"]) {
        assert.ok(commands.includes(c), c);
      }
    });

    it("shows the server's diagnostics", async () => {
      const diags = await until("diagnostics", () => {
        const d = vscode.languages.getDiagnostics(doc.uri);
        return d.length ? d : undefined;
      });
      assert.ok(diags.some((d) => d.code === "PE502"), "stated total mismatch reported");
    });

    it("shows the score hint after an indicator heading", async () => {
      const line = doc.getText().split("\n").findIndex((l) => l.startsWith("#### 在职人员控制率"));
      const range = new vscode.Range(line, 0, line + 1, 0);
      const hints = await until("inlay hints", async () => {
        const h = await vscode.commands.executeCommand<vscode.InlayHint[]>("vscode.executeInlayHintProvider", doc.uri, range);
        return h?.length ? h : undefined;
      });
      const labels = hints.map((h) => (typeof h.label === "string" ? h.label : h.label.map((p) => p.value).join("")));
      assert.ok(labels.some((l) => l.includes("98.21% → 1/1")), labels.join(" | "));
    });

    it("opens the report preview", async () => {
      await vscode.commands.executeCommand("perf.renderReport");
      await until("the preview tab", () =>
        vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith("perf.reportPreview")) ? true : undefined,
      );
    });

    it("exports the report as Markdown to a given path", async () => {
      const target = vscode.Uri.file(path.join(path.dirname(EXAMPLE), "..", ".vscode-test", "export-test.md"));
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>("perf.exportMarkdown", doc.uri, target);
      assert.equal(written?.toString(), target.toString());
      const md = Buffer.from(await vscode.workspace.fs.readFile(target)).toString("utf8");
      assert.match(md, /在职人员控制率/);
    });

    it("refuses to export a report over its own .perf file", async () => {
      const text = "单位：甲镇\n年度：2023\n满分：1\n# 指标（1分）\n得分：1\n理由：x\n";
      const src = await openFile("export-over-source.perf", text);
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>("perf.exportHtml", src.uri, src.uri);
      assert.equal(written, undefined);
      assert.equal(Buffer.from(await vscode.workspace.fs.readFile(src.uri)).toString("utf8"), text, "the .perf is unchanged");
    });

    it("exports the score table to Excel and imports it back to a .perf", async () => {
      const dir = path.join(path.dirname(EXAMPLE), "..", ".vscode-test");
      const xlsx = vscode.Uri.file(path.join(dir, "export-test.xlsx"));
      const perf = vscode.Uri.file(path.join(dir, "import-test.perf"));
      for (const u of [xlsx, perf]) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>("perf.exportXlsx", doc.uri, xlsx);
      assert.equal(written?.toString(), xlsx.toString());
      const bytes = await vscode.workspace.fs.readFile(xlsx);
      assert.equal(Buffer.from(bytes.subarray(0, 2)).toString("latin1"), "PK");
      const imported = await vscode.commands.executeCommand<vscode.Uri | undefined>("perf.importTable", xlsx, perf);
      assert.equal(imported?.toString(), perf.toString());
      const text = Buffer.from(await vscode.workspace.fs.readFile(perf)).toString("utf8");
      assert.match(text, /^单位：巨鹿县小吕寨镇人民政府$/m);
      assert.match(text, /^#### 在职人员控制率（1分）$/m);
    });

    it("a fresh 部门整体支出 template shows no error or warning, only 待填写 on each blank", async () => {
      const text = departmentTemplate("测试单位", 2024);
      const created = await openFile("部门.perf", text);
      assert.equal(created.languageId, "perf");
      const diags = await until("template diagnostics", () => {
        const d = vscode.languages.getDiagnostics(created.uri);
        return d.length ? d : undefined;
      });
      for (const d of diags) {
        assert.equal(String(typeof d.code === "object" ? d.code.value : d.code), "PE130", d.message);
        assert.equal(d.severity, vscode.DiagnosticSeverity.Information, d.message);
        assert.match(created.lineAt(d.range.start.line).text, /^[^：:]+[：:]\s*$|^- \[ \]/, d.message);
      }
    });

    it("a fresh 项目支出 template marks 全年执行数 on its own line, not on line 3", async () => {
      const created = await openFile("项目.perf", projectTemplate("测试单位", 2024, "测试项目"));
      const diags = await until("template diagnostics", () => {
        const d = vscode.languages.getDiagnostics(created.uri);
        return d.length ? d : undefined;
      });
      const line = created.getText().split("\n").indexOf("全年执行数：");
      assert.ok(diags.some((d) => d.range.start.line === line && d.message.includes("全年执行数")), diags.map((d) => d.message).join("\n"));
      assert.ok(!diags.some((d) => d.severity === vscode.DiagnosticSeverity.Error), "no error");
    });

    it("filling a blank removes its mark", async () => {
      const text = projectTemplate("测试单位", 2024, "测试项目");
      const created = await openFile("填写.perf", text);
      const editor = await vscode.window.showTextDocument(created);
      const line = text.split("\n").indexOf("全年执行数：");
      await until("the blank", () => (vscode.languages.getDiagnostics(created.uri).some((d) => d.range.start.line === line) ? true : undefined));
      await editor.edit((e) => e.insert(new vscode.Position(line, "全年执行数：".length), "96 万元"));
      await until("the mark gone", () => (vscode.languages.getDiagnostics(created.uri).some((d) => d.range.start.line === line) ? undefined : true));
      await created.save();
    });

    it("the status bar counts blanks and shows no grade while any remain; else the rounded total", () => {
      const base = { version: 1, total: "0", grade: "差", fullScore: "100", errors: 0, warnings: 0, blanks: 25 };
      const withBlanks = statusView(base);
      assert.doesNotMatch(withBlanks.text, /差/);
      assert.match(withBlanks.text, /25/);
      assert.equal(withBlanks.warn, false);
      const done = statusView({ ...base, total: "94.29", grade: "优", blanks: 0 });
      assert.match(done.text, /94\.29/);
      assert.match(done.text, /优/);
    });

    it("run-time strings follow perf.locale (zh-cn, en) and VS Code's language with auto", async () => {
      const ext = vscode.extensions.all.find((e) => e.packageJSON.name === "perf-eval");
      assert.ok(ext);
      initI18n(ext.extensionPath);
      const config = vscode.workspace.getConfiguration("perf");
      const before = config.inspect<string>("locale")?.globalValue;
      try {
        await config.update("locale", "zh-cn", vscode.ConfigurationTarget.Global);
        assert.equal(t("{0} blanks to fill", 3), "待填 3 项");
        assert.equal(t("{0} pts · {1}", "94.29", "优"), "94.29 分 · 优");
        await config.update("locale", "en", vscode.ConfigurationTarget.Global);
        assert.equal(t("{0} blanks to fill", 3), "3 blanks to fill");
        await config.update("locale", "auto", vscode.ConfigurationTarget.Global);
        const zh = vscode.env.language.toLowerCase().startsWith("zh");
        assert.equal(t("{0} blanks to fill", 3), zh ? "待填 3 项" : "3 blanks to fill");
      } finally {
        await config.update("locale", before, vscode.ConfigurationTarget.Global);
      }
    });
  });
}
