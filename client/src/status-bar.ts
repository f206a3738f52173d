/** The status bar item: the active .perf file's total and grade (from `perf/summary`); click → preview. */
import * as vscode from "vscode";
import { t } from "./i18n";
import type { LanguageClient } from "vscode-languageclient/node";
import { requestSummary, type Summary } from "./requests";

export class ScoreStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("perf.score", vscode.StatusBarAlignment.Right, 100);
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.item.name = t("Self-evaluation score");
    this.item.command = "perf.renderReport";
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration("perf.statusBar") || e.affectsConfiguration("perf.report.decimals") || e.affectsConfiguration("perf.locale")) this.schedule(0);
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
    const view = statusView(summary);
    this.item.text = view.text;
    this.item.tooltip = new vscode.MarkdownString(view.tooltip.join("\n\n"));
    this.item.backgroundColor = view.warn ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/**
 * What the status bar shows for a summary. While blanks (待填写) remain the
 * file is unfinished: the item counts them and shows no grade (a fresh
 * template is not "差"); errors turn it to warning colours.
 */
export function statusView(summary: Summary): { text: string; tooltip: string[]; warn: boolean } {
  const total = summary.total ?? "—";
  const counts = t("{0} errors, {1} warnings", summary.errors, summary.warnings);
  if (summary.blanks > 0) {
    return {
      text: `$(edit) ${t("{0} blanks to fill", summary.blanks)}`,
      tooltip: [t("{0} blanks to fill: the grade is shown once every blank is filled", summary.blanks), t("Total so far {0} of {1}", total, summary.fullScore), counts, t("Click to open the report preview")],
      warn: summary.errors > 0,
    };
  }
  return {
    text: summary.grade ? `$(graph) ${t("{0} pts · {1}", total, summary.grade)}` : `$(graph) ${t("{0} pts", total)}`,
    tooltip: [t("Total {0} of {1}, grade {2}", total, summary.fullScore, summary.grade ?? "—"), counts, t("Click to open the report preview")],
    warn: summary.errors > 0,
  };
}
