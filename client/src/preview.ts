/**
 * 报告预览: a webview beside the editor showing the rendered report of the
 * active .perf document — it follows the editor when the user switches files —
 * re-rendered (debounced) as the user types. A toggle (command
 * perf.togglePreviewReview, in the preview's title bar) switches between the
 * report and the review (审核意见). The HTML comes
 * whole from the server's `perf/report` (CSP first, every user value escaped,
 * theme from var(--vscode-*)); the webview runs no script.
 */
import * as vscode from "vscode";
import { randomBytes } from "node:crypto";
import type { LanguageClient } from "vscode-languageclient/node";
import { requestReport } from "./requests";
import { t } from "./i18n";

export const PREVIEW_VIEW_TYPE = "perf.reportPreview";

function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A minimal page for states without a report (loading, errors), under the same strict CSP. */
function messagePage(message: string): string {
  return [
    "<!DOCTYPE html><html><head>",
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none';">`,
    '<meta charset="utf-8"></head>',
    `<body><p>${escapeText(message)}</p></body></html>`,
  ].join("");
}

class Preview implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  /** Show the review (审核意见) instead of the report. */
  review = false;
  private seq = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    public document: vscode.TextDocument,
    private readonly client: LanguageClient,
    private readonly onDispose: () => void,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration("perf.report")) this.schedule(0);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) this.panel.webview.html = messagePage(t("The document was closed."));
      }),
    );
  }

  schedule(delay?: number): void {
    if (this.timer) clearTimeout(this.timer);
    const ms = delay ?? vscode.workspace.getConfiguration("perf.preview").get<number>("debounceMs", 300);
    this.timer = setTimeout(() => void this.render(), ms);
  }

  async render(): Promise<void> {
    this.timer = undefined;
    const mine = ++this.seq;
    try {
      const html = await requestReport(this.client, this.document, {
        format: "html",
        cspSource: this.panel.webview.cspSource,
        nonce: randomBytes(18).toString("base64"),
        theme: "vscode",
        review: this.review,
      });
      if (mine !== this.seq) return; // a newer render is on its way
      this.panel.webview.html = html ?? messagePage(t("The language server has no report for this document yet."));
    } catch (e) {
      if (mine !== this.seq) return;
      this.panel.webview.html = messagePage(t("Could not render the report: {0}", e instanceof Error ? e.message : String(e)));
    }
  }

  /** Show another document (the user switched editors). */
  follow(doc: vscode.TextDocument): void {
    if (doc === this.document) return;
    this.document = doc;
    this.retitle();
    this.schedule(0);
  }

  retitle(): void {
    const name = this.document.uri.path.split("/").pop() ?? this.document.uri.toString();
    this.panel.title = this.review ? t("Review: {0}", name) : t("Report Preview: {0}", name);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDispose();
  }
}

export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, Preview>();
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    // The preview follows the active .perf editor.
    this.listener = vscode.window.onDidChangeActiveTextEditor((editor) => {
      const doc = editor?.document;
      if (doc?.languageId !== "perf") return;
      const preview = this.current();
      if (!preview || preview.document === doc) return;
      this.previews.delete(preview.document.uri.toString());
      preview.follow(doc);
      this.previews.set(doc.uri.toString(), preview);
    });
  }

  /** The preview panel (there is one; it follows the active editor). */
  private current(): Preview | undefined {
    return [...this.previews.values()][0];
  }

  /** Switch the preview between the report and the review (审核意见). */
  toggleReview(): void {
    const p = this.current();
    if (!p) return;
    p.review = !p.review;
    p.retitle();
    p.schedule(0);
  }

  /** Open (or reveal) the preview of `doc` beside its editor. */
  show(doc: vscode.TextDocument, review = false): void {
    const key = doc.uri.toString();
    const existing = this.previews.get(key) ?? this.current();
    if (existing) {
      if (existing.document !== doc) {
        this.previews.delete(existing.document.uri.toString());
        existing.follow(doc);
        this.previews.set(key, existing);
      }
      if (existing.review !== review) this.toggleReview();
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      existing.schedule(0);
      return;
    }
    const name = doc.uri.path.split("/").pop() ?? doc.uri.toString();
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      t("Report Preview: {0}", name),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: false,
        enableForms: false,
        enableCommandUris: false,
        retainContextWhenHidden: false,
        localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, "media")],
      },
    );
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, "media", "perf-file.svg");
    panel.webview.html = messagePage(t("Rendering the report…"));
    const preview = new Preview(panel, doc, this.client, () => {
      for (const [k, v] of this.previews) if (v === preview) this.previews.delete(k);
    });
    preview.review = review;
    preview.retitle();
    this.previews.set(key, preview);
    void preview.render();
  }

  /** The document of the preview that is active, if any (commands run from the preview). */
  activeDocument(): vscode.TextDocument | undefined {
    for (const p of this.previews.values()) if (p.panel.active) return p.document;
    return undefined;
  }

  dispose(): void {
    this.listener.dispose();
    for (const p of [...this.previews.values()]) p.panel.dispose();
  }
}
