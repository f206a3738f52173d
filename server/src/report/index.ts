/**
 * The report stage's front door: analysis → report model → one of the
 * writers. `renderReport` is what the CLI and the webview call; with
 * `review: true` it renders the review (审核意见) instead of the report.
 */
import type { Analysis } from "../analysis";
import { buildReport, buildReviewDocument } from "./model";
import type { ReportDocument, ReportOptions, ReviewDocument } from "./types";
import { renderHtml, renderReviewHtml, type CspMode } from "./html";
import { renderMarkdown, renderReviewMarkdown } from "./markdown";
import { renderDocx, renderReviewDocx } from "./docx";

export type ReportFormat = "html" | "md" | "docx";

export interface RenderOptions extends ReportOptions {
  /** Render the review (审核意见) alone instead of the report. */
  review?: boolean;
  /** HTML only: the CSP mode. Default `export`. */
  csp?: CspMode;
  /** HTML only: the colour theme. Default `light`. */
  theme?: "vscode" | "light";
}

export function renderReport(analysis: Analysis, format: "html" | "md", options?: RenderOptions): string;
export function renderReport(analysis: Analysis, format: "docx", options?: RenderOptions): Promise<Buffer>;
export function renderReport(analysis: Analysis, format: ReportFormat, options?: RenderOptions): string | Promise<Buffer>;
export function renderReport(analysis: Analysis, format: ReportFormat, options: RenderOptions = {}): string | Promise<Buffer> {
  const html = { csp: options.csp ?? "export", theme: options.theme ?? "light" } as const;
  if (options.review) {
    const review = buildReviewDocument(analysis, options);
    if (format === "html") return renderReviewHtml(review, html);
    if (format === "md") return renderReviewMarkdown(review);
    return renderReviewDocx(review);
  }
  const report = buildReport(analysis, options);
  switch (format) {
    case "html":
      return renderHtml(report, html);
    case "md":
      return renderMarkdown(report);
    case "docx":
      return renderDocx(report);
  }
}

export { buildReport, buildReviewDocument, renderHtml, renderMarkdown, renderDocx };
export type { ReportDocument, ReviewDocument, ReportOptions, CspMode };
export type * from "./types";
