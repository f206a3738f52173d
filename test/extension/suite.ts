/**
 * The VS Code API suite: what the extension contributes and does, seen
 * through the `vscode` API of a real VS Code desktop (run by run.ts).
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as vscode from "vscode";
import { departmentTemplate } from "../../server/src/templates";

const EXAMPLE = path.resolve(__dirname, "..", "..", "examples", "002-xiaolvzhai-2021.perf");

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

    it("creates a new evaluation from the 部门整体支出 template", async () => {
      const text = departmentTemplate("测试单位", 2024);
      const created = await vscode.workspace.openTextDocument({ language: "perf", content: text });
      assert.equal(created.languageId, "perf");
      const diags = await until("template diagnostics", () => {
        const d = vscode.languages.getDiagnostics(created.uri);
        return d.length ? d : undefined;
      });
      const codes = new Set(diags.map((d) => String(typeof d.code === "object" ? d.code.value : d.code)));
      for (const c of codes) assert.ok(["PE403", "PE601", "PE304", "PE406"].includes(c), c);
    });
  });
}
