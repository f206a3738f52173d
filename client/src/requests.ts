/** The server's custom requests (server/src/lsp/custom-requests.ts), as the client sees them. */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { ReportFormat, ReportParams, SummaryResult } from "../../server/src/lsp/protocol";

export type Summary = SummaryResult;
export type { ReportFormat };
export type ReportRequest = ReportParams;

export async function requestSummary(client: LanguageClient, doc: vscode.TextDocument): Promise<Summary | null> {
  return client.sendRequest<Summary | null>("perf/summary", { uri: doc.uri.toString(), decimals: reportSettings(doc).decimals });
}

/** The report settings (perf.report.*) as request parameters. */
export function reportSettings(doc: vscode.TextDocument): Pick<ReportRequest, "decimals" | "includeDiagnostics" | "headingNumbers" | "boldLevel3"> {
  const c = vscode.workspace.getConfiguration("perf.report", doc.uri);
  return {
    decimals: c.get<number>("decimals", 2),
    includeDiagnostics: c.get<boolean>("includeDiagnostics", false),
    headingNumbers: c.get<"gongwen" | "keep">("headingNumbers", "gongwen"),
    boldLevel3: c.get<boolean>("boldLevel3", true),
  };
}

export async function requestReport(client: LanguageClient, doc: vscode.TextDocument, params: Omit<ReportRequest, "uri">): Promise<string | null> {
  return client.sendRequest<string | null>("perf/report", { ...reportSettings(doc), ...params, uri: doc.uri.toString() });
}
