/**
 * The VS Code adapter: starts the language server, registers the commands,
 * the report preview and the status bar item. No language logic lives here:
 * scores, diagnostics, hints and the report all come from the server.
 */
import * as vscode from "vscode";
import { initI18n, t } from "./i18n";
import { appendFileSync } from "node:fs";
import type { LanguageClient } from "vscode-languageclient/node";
import { createClient, LANGUAGE_ID } from "./client";
import { PreviewManager } from "./preview";
import { exportReport } from "./export";
import { newEvaluation } from "./new-evaluation";
import { exportXlsx, importTable } from "./tables";
import { ScoreStatus } from "./status-bar";
import type { ReportFormat } from "./requests";

const moduleLoadedAt = performance.now();
let client: LanguageClient | undefined;

/** The .perf document a command acts on: its argument, the active editor, the active preview, or a visible editor. */
function targetDocument(resource: unknown, previews: PreviewManager): vscode.TextDocument | undefined {
  if (resource instanceof vscode.Uri) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource.toString());
    if (open) return open;
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === LANGUAGE_ID) return active;
  return previews.activeDocument() ?? vscode.window.visibleTextEditors.find((e) => e.document.languageId === LANGUAGE_ID)?.document;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const t0 = performance.now();
  initI18n(context.extensionPath);
  const output = vscode.window.createOutputChannel("perf-eval", { log: true });
  context.subscriptions.push(output);
  const c = createClient(context, output);
  client = c;
  const previews = new PreviewManager(context, c);
  const status = new ScoreStatus(c);
  context.subscriptions.push(previews, status);

  const withDoc = (fn: (doc: vscode.TextDocument) => unknown) => async (resource?: unknown) => {
    const resolved = resource instanceof vscode.Uri && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === resource.toString()) ? await vscode.workspace.openTextDocument(resource) : undefined;
    const doc = resolved ?? targetDocument(resource, previews);
    if (!doc) {
      void vscode.window.showWarningMessage(t("Open a .perf file first."));
      return undefined;
    }
    return fn(doc);
  };
  const exporter = (format: ReportFormat) => async (resource?: unknown, target?: unknown) =>
    withDoc((doc) => exportReport(c, doc, format, target instanceof vscode.Uri ? target : typeof target === "string" ? vscode.Uri.file(target) : undefined))(resource);

  context.subscriptions.push(
    vscode.commands.registerCommand("perf.renderReport", withDoc((doc) => previews.show(doc))),
    vscode.commands.registerCommand("perf.exportHtml", exporter("html")),
    vscode.commands.registerCommand("perf.exportMarkdown", exporter("md")),
    vscode.commands.registerCommand("perf.exportDocx", exporter("docx")),
    vscode.commands.registerCommand("perf.exportReview", async (resource?: unknown, target?: unknown) =>
      withDoc((doc) => exportReport(c, doc, "docx", target instanceof vscode.Uri ? target : typeof target === "string" ? vscode.Uri.file(target) : undefined, true))(resource),
    ),
    vscode.commands.registerCommand("perf.togglePreviewReview", () => previews.toggleReview()),
    vscode.commands.registerCommand("perf.newEvaluation", () => newEvaluation()),
    vscode.commands.registerCommand("perf.importTable", (resource?: unknown, target?: unknown) =>
      importTable(c, resource instanceof vscode.Uri ? resource : undefined, target instanceof vscode.Uri ? target : typeof target === "string" ? vscode.Uri.file(target) : undefined),
    ),
    vscode.commands.registerCommand("perf.exportXlsx", async (resource?: unknown, target?: unknown) =>
      withDoc((doc) => exportXlsx(c, doc, target instanceof vscode.Uri ? target : typeof target === "string" ? vscode.Uri.file(target) : undefined))(resource),
    ),
    vscode.commands.registerCommand("perf.restartServer", async () => {
      await c.restart();
      status.schedule(0);
    }),
    vscode.commands.registerCommand("perf.showOutput", () => output.show(true)),
  );

  const tRegistered = performance.now();
  await c.start();
  const tStarted = performance.now();
  status.schedule(0);
  const timing = {
    loadToActivateMs: +(t0 - moduleLoadedAt).toFixed(1),
    registerMs: +(tRegistered - t0).toFixed(1),
    serverStartMs: +(tStarted - tRegistered).toFixed(1),
    activateMs: +(tStarted - t0).toFixed(1),
  };
  output.info(
    `perf-eval activated in ${timing.activateMs} ms (commands and views ${timing.registerMs} ms, language server ready after ${timing.serverStartMs} ms more)`,
  );
  // For the end-to-end test: where to write the timing as one JSON line.
  const timingFile = process.env.PERF_EVAL_TIMING_FILE;
  if (timingFile) {
    try {
      appendFileSync(timingFile, `${JSON.stringify(timing)}\n`);
    } catch {
      /* best effort */
    }
  }
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
