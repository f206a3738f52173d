/**
 * The custom requests between the VS Code client and the server, as types
 * shared by both sides (the client imports these types only).
 */

/** `perf/summary` → the total and grade of the document's current version (status bar). */
export interface SummaryResult {
  version: number;
  /** 总分 as shown (formatScore with the requested decimals). */
  total: string | null;
  grade: string | null;
  fullScore: string;
  errors: number;
  warnings: number;
  /** 待填写: blanks (PE130) still in the file; while any remain the file is unfinished. */
  blanks: number;
}

/** `perf/summary` parameters. */
export interface SummaryParams {
  uri: string;
  /** perf.report.decimals (default 2). */
  decimals?: number;
}

export type ReportFormat = "html" | "md" | "docx";

/** `perf/report` → the rendered report: HTML or Markdown as text, Word as base64. */
export interface ReportParams {
  uri: string;
  format: ReportFormat;
  /** Webview only: the webview's `cspSource`; without it the HTML is a self-contained export. */
  cspSource?: string;
  nonce?: string;
  /** Default: `vscode` in a webview, `light` for an export. */
  theme?: "vscode" | "light";
  decimals?: number;
  includeDiagnostics?: boolean;
  /** The review (审核意见) instead of the report. */
  review?: boolean;
  /** perf.report.headingNumbers */
  headingNumbers?: "gongwen" | "keep";
  /** perf.report.boldLevel3 */
  boldLevel3?: boolean;
}
