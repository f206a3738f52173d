/** The status bar item: the active .perf file's total and grade (from `perf/summary`); click → preview. */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { requestSummary } from "./requests";

export class ScoreStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("perf.score", vscode.StatusBarAlignment.Right, 100);
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.item.name = vscode.l10n.t("Self-evaluation score");
    this.item.command = "perf.renderReport";
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration("perf.statusBar")) this.schedule(0);
      }),
    );
  }

  schedule(delay = 300): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  async refresh(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    const mine = ++this.seq;
    if (doc?.languageId !== "perf" || !vscode.workspace.getConfiguration("perf.statusBar").get<boolean>("enabled", true)) {
      this.item.hide();
      return;
    }
    let summary: Awaited<ReturnType<typeof requestSummary>> | null;
    try {
      summary = await requestSummary(this.client, doc);
    } catch {
      summary = null;
    }
    if (mine !== this.seq) return;
    if (!summary) {
      this.item.hide();
      return;
    }
    // The answer may be for an older version: ask again shortly.
    if (summary.version !== doc.version) this.schedule();
    const total = summary.total ?? "—";
    this.item.text = summary.grade ? `$(graph) ${vscode.l10n.t("{0} pts · {1}", total, summary.grade)}` : `$(graph) ${vscode.l10n.t("{0} pts", total)}`;
    const tip = new vscode.MarkdownString(
      [
        vscode.l10n.t("Total {0} of {1}, grade {2}", total, summary.fullScore, summary.grade ?? "—"),
        vscode.l10n.t("{0} errors, {1} warnings", summary.errors, summary.warnings),
        vscode.l10n.t("Click to open the report preview"),
      ].join("\n\n"),
    );
    this.item.tooltip = tip;
    this.item.backgroundColor = summary.errors > 0 ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
