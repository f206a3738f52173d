/**
 * The report stage's front door: analysis → report model → one of the
 * writers. `renderReport` is what the CLI and the webview call.
 */
import type { Analysis } from "../analysis";
import { buildReport, type ReportDocument, type ReportOptions } from "./model";
import { renderHtml, type CspMode } from "./html";
import { renderMarkdown } from "./markdown";
import { renderDocx } from "./docx";

export type ReportFormat = "html" | "md" | "docx";

export interface RenderOptions extends ReportOptions {
  /** HTML only: the CSP mode. Default `export`. */
  csp?: CspMode;
  /** HTML only: the colour theme. Default `light`. */
  theme?: "vscode" | "light";
}

export function renderReport(analysis: Analysis, format: "html" | "md", options?: RenderOptions): string;
export function renderReport(analysis: Analysis, format: "docx", options?: RenderOptions): Promise<Buffer>;
export function renderReport(analysis: Analysis, format: ReportFormat, options?: RenderOptions): string | Promise<Buffer>;
export function renderReport(analysis: Analysis, format: ReportFormat, options: RenderOptions = {}): string | Promise<Buffer> {
  const report = buildReport(analysis, options);
  switch (format) {
    case "html":
      return renderHtml(report, { csp: options.csp ?? "export", theme: options.theme ?? "light" });
    case "md":
      return renderMarkdown(report);
    case "docx":
      return renderDocx(report);
  }
}

export { buildReport, renderHtml, renderMarkdown, renderDocx };
export type { ReportDocument, ReportOptions, CspMode };
export type * from "./model";
