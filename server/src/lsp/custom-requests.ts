/**
 * Requests beyond LSP that the VS Code client uses (status bar, report
 * preview and export). They answer from the cached analysis of the document's
 * current version: the client never parses.
 */
import type { Connection } from "vscode-languageserver/node";
import type { Analysis } from "../analysis";
import { renderReport, type RenderOptions } from "../report";
import type { ReportParams, SummaryParams, SummaryResult } from "./protocol";
import { formatScore } from "../quantity/decimal";
import { countBlanks } from "../diagnostics/blanks";

export type { ReportParams, SummaryResult } from "./protocol";

export type WithDoc = <T>(uri: string, fallback: T, fn: (doc: { getText(): string; version: number }, a: Analysis) => T) => T;

export function registerCustomRequests(connection: Connection, withDoc: WithDoc): void {
  connection.onRequest("perf/summary", (params: SummaryParams): SummaryResult | null =>
    withDoc(params.uri, null, (doc, a) => summaryOf(a, doc.version, params.decimals)),
  );
  registerReportRequest(connection, withDoc);
}

/** The status bar's summary of an analysis: scores formatted as every other surface formats them. */
export function summaryOf(a: Analysis, version: number, decimals?: number): SummaryResult {
  const ds = a.evaluation.diagnostics;
  return {
    version,
    total: a.evaluation.total === undefined ? null : formatScore(a.evaluation.total, decimals),
    grade: a.evaluation.grade ?? null,
    fullScore: formatScore(a.model.policy.fullScore, decimals),
    errors: ds.filter((d) => d.severity === "error").length,
    warnings: ds.filter((d) => d.severity === "warning").length,
    blanks: countBlanks(ds),
  };
}

/**
 * `perf/report`: the rendered report of the document's current version — HTML
 * or Markdown as text, Word (.docx) as base64. The renderer escapes every
 * user value and puts the CSP first; the client only shows or saves it.
 */
export function registerReportRequest(connection: Connection, withDoc: WithDoc): void {
  connection.onRequest("perf/report", async (params: ReportParams): Promise<string | null> => {
    const pending = withDoc<Promise<string | null> | null>(params.uri, null, (_doc, a) => {
      const decimals = typeof params.decimals === "number" && Number.isInteger(params.decimals) && params.decimals >= 0 && params.decimals <= 6 ? params.decimals : undefined;
      const options: RenderOptions = {
        decimals,
        includeDiagnostics: params.includeDiagnostics === true,
        review: params.review === true,
        headingNumbers: params.headingNumbers === "keep" ? "keep" : undefined,
        boldLevel3: params.boldLevel3 === false ? false : undefined,
        csp: params.cspSource ? { webview: { cspSource: params.cspSource, nonce: params.nonce } } : "export",
        theme: params.theme ?? (params.cspSource ? "vscode" : "light"),
      };
      if (params.format === "docx") return renderReport(a, "docx", options).then((b) => b.toString("base64"));
      if (params.format === "html" || params.format === "md") return Promise.resolve(renderReport(a, params.format, options));
      return Promise.resolve(null);
    });
    if (!pending) return null;
    try {
      return await pending;
    } catch (e) {
      connection.console.error(`perf-eval: perf/report: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return null;
    }
  });
}
