/**
 * 导出报告: HTML (self-contained), Markdown, Word (.docx). The server renders;
 * the client asks where to save (the save dialog confirms an overwrite) and
 * writes the bytes. A target given programmatically that already exists is
 * only overwritten after a modal confirmation.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { requestReport, type ReportFormat } from "./requests";
import { t } from "./i18n";
import { mayWrite } from "./write-target";

const EXTENSIONS: Record<ReportFormat, string> = { html: "html", md: "md", docx: "docx" };

function filterFor(format: ReportFormat): Record<string, string[]> {
  switch (format) {
    case "html":
      return { [t("HTML document")]: ["html", "htm"] };
    case "md":
      return { [t("Markdown document")]: ["md"] };
    case "docx":
      return { [t("Word document")]: ["docx"] };
  }
}

/** The suggested file next to the .perf file (or in the first workspace folder for an untitled one). */
function defaultTarget(doc: vscode.TextDocument, format: ReportFormat): vscode.Uri | undefined {
  const ext = EXTENSIONS[format];
  if (doc.uri.scheme === "file") return doc.uri.with({ path: doc.uri.path.replace(/(\.perf)?$/, `.${ext}`) });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const base = (doc.uri.path.split("/").pop() ?? "report").replace(/\.perf$/, "");
  return folder ? vscode.Uri.joinPath(folder, `${base}.${ext}`) : undefined;
}

/**
 * Export the report, or with `review` the review (审核意见: diagnostics, stated vs
 * computed, missing reasons) as a document of its own, next to the .perf file
 * as `名称.审核意见.docx`.
 */
export async function exportReport(client: LanguageClient, doc: vscode.TextDocument, format: ReportFormat, target?: vscode.Uri, review = false): Promise<vscode.Uri | undefined> {
  let uri = target;
  if (uri) {
    if (!(await mayWrite(uri, doc.uri))) return undefined;
  } else {
    const suggested = defaultTarget(doc, format);
    uri = await vscode.window.showSaveDialog({
      defaultUri: review && suggested ? suggested.with({ path: suggested.path.replace(/(\.[a-z]+)$/, ".审核意见$1") }) : suggested,
      filters: filterFor(format),
      saveLabel: t("Export"),
      title: review ? t("Export the review notes") : t("Export the report"),
    });
    if (!uri || (uri.toString() === doc.uri.toString() && !(await mayWrite(uri, doc.uri)))) return undefined;
  }
  const content = await requestReport(client, doc, { format, theme: "light", review });
  if (content === null) {
    void vscode.window.showErrorMessage(t("The language server could not render the report."));
    return undefined;
  }
  const bytes = format === "docx" ? Buffer.from(content, "base64") : Buffer.from(content, "utf8");
  await vscode.workspace.fs.writeFile(uri, bytes);
  const open = t("Open");
  void vscode.window.showInformationMessage(t("Report exported to {0}", vscode.workspace.asRelativePath(uri)), open).then((a) => {
    if (a !== open) return;
    if (format === "docx") void vscode.env.openExternal(uri);
    else void vscode.window.showTextDocument(uri);
  });
  return uri;
}
