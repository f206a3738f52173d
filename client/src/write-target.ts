/** Where an export or import may write: never over its own source, and over another file only when the user says so. */
import * as vscode from "vscode";
import { t } from "./i18n";

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `target` may be written: not the file the output is made from (the
 * .perf being exported, the workbook being imported), and, when it exists,
 * only after the user confirms the overwrite.
 */
export async function mayWrite(target: vscode.Uri, source: vscode.Uri): Promise<boolean> {
  if (target.toString() === source.toString()) {
    void vscode.window.showErrorMessage(t("{0} is the file being exported: choose another name.", vscode.workspace.asRelativePath(target)));
    return false;
  }
  if (!(await exists(target))) return true;
  const overwrite = t("Overwrite");
  const answer = await vscode.window.showWarningMessage(t("{0} already exists. Overwrite it?", vscode.workspace.asRelativePath(target)), { modal: true }, overwrite);
  return answer === overwrite;
}
