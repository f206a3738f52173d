/**
 * Requests beyond LSP that the VS Code client uses (status bar, report
 * preview and export). They answer from the cached analysis of the document's
 * current version: the client never parses.
 */
import type { Connection } from "vscode-languageserver/node";
import type { Analysis } from "../analysis";

export type WithDoc = <T>(uri: string, fallback: T, fn: (doc: { getText(): string; version: number }, a: Analysis) => T) => T;

export interface SummaryResult {
  version: number;
  total: string | null;
  grade: string | null;
  fullScore: string;
  errors: number;
  warnings: number;
}

export function registerCustomRequests(connection: Connection, withDoc: WithDoc): void {
  connection.onRequest("perf/summary", (params: { uri: string }): SummaryResult | null =>
    withDoc(params.uri, null, (doc, a) => ({
      version: doc.version,
      total: a.evaluation.total?.toString() ?? null,
      grade: a.evaluation.grade ?? null,
      fullScore: a.model.policy.fullScore.toString(),
      errors: a.evaluation.diagnostics.filter((d) => d.severity === "error").length,
      warnings: a.evaluation.diagnostics.filter((d) => d.severity === "warning").length,
    })),
  );
}
