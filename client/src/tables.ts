/**
 * 从 Excel / Word 导入 and 导出评分表为 Excel. The server reads and writes the
 * tables (perf/importTable, perf/exportXlsx); the client picks the files, asks
 * which table when a workbook holds several, and saves through the save dialog
 * (which confirms an overwrite), so an existing .perf is never replaced unasked.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { ImportTableResult } from "../../server/src/lsp/table-requests";
import { t } from "./i18n";
import { mayWrite } from "./write-target";

/**
 * 从 Excel / Word 导入. Called programmatically with `(sourceUri, targetUri)`, it
 * asks nothing but a modal confirmation before replacing an existing target.
 */
export async function importTable(client: LanguageClient, source?: vscode.Uri, given?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const picked =
    source ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { [t("Excel workbook or Word document")]: ["xlsx", "docx"] },
        title: t("Import from Excel / Word"),
      })
    )?.[0];
  if (!picked) return undefined;
  const bytes = await vscode.workspace.fs.readFile(picked);
  const name = picked.path.split("/").pop() ?? "table.xlsx";
  const ask = (sheet?: string) =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t("Importing {0}…", name) }, () =>
      client.sendRequest<ImportTableResult>("perf/importTable", { data: Buffer.from(bytes).toString("base64"), name, sheet }),
    );
  let result = await ask();
  if (!result.ok) {
    void vscode.window.showErrorMessage(t("Could not import {0}: {1}", name, result.message));
    return undefined;
  }
  if (result.otherTables.length && result.sheet) {
    const choice = await vscode.window.showQuickPick([result.sheet, ...result.otherTables], { title: t("Several sheets hold an indicator table: which one?") });
    if (!choice) return undefined;
    if (choice !== result.sheet) {
      result = await ask(choice);
      if (!result.ok) {
        void vscode.window.showErrorMessage(t("Could not import {0}: {1}", name, result.message));
        return undefined;
      }
    }
  }
  if (given && !(await mayWrite(given, picked))) return undefined;
  const target =
    given ??
    (await vscode.window.showSaveDialog({
      defaultUri: picked.with({ path: `${picked.path.replace(/\.[^./]+$/, "")}.perf` }),
      filters: { [t("Self-evaluation (.perf)")]: ["perf"] },
      saveLabel: t("Save"),
      title: t("Save the imported draft"),
    }));
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.text, "utf8"));
  await vscode.window.showTextDocument(target);
  void vscode.window.showInformationMessage(t("Imported: {0}", result.summary));
  return target;
}


export async function exportXlsx(client: LanguageClient, doc: vscode.TextDocument, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: doc.uri.scheme === "file" ? doc.uri.with({ path: doc.uri.path.replace(/(\.perf)?$/, ".xlsx") }) : undefined,
      filters: { [t("Excel workbook")]: ["xlsx"] },
      saveLabel: t("Export"),
      title: t("Export the score table to Excel"),
    }));
  if (!uri) return undefined;
  if ((target || uri.toString() === doc.uri.toString()) && !(await mayWrite(uri, doc.uri))) return undefined;
  // With perf.report.includeDiagnostics the workbook carries the 审核意见 sheet too, as the report carries its review notes.
  const review = vscode.workspace.getConfiguration("perf.report", doc.uri).get<boolean>("includeDiagnostics", false);
  const data = await client.sendRequest<string | null>("perf/exportXlsx", { uri: doc.uri.toString(), review });
  if (data === null) {
    void vscode.window.showErrorMessage(t("The language server could not write the workbook."));
    return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, Buffer.from(data, "base64"));
  const open = t("Open");
  void vscode.window.showInformationMessage(t("Score table exported to {0}", vscode.workspace.asRelativePath(uri)), open).then((a) => {
    if (a === open) void vscode.env.openExternal(uri);
  });
  return uri;
}
