/**
 * 新建绩效自评: pick a template, enter unit and year (and project), get a new
 * untitled .perf document. The templates are pure functions of the core
 * (server/src/templates); the client only asks and opens.
 */
import * as vscode from "vscode";
import { t } from "./i18n";
import { departmentTemplate, projectTemplate, type TemplateKind } from "../../server/src/templates";

interface TemplateItem extends vscode.QuickPickItem {
  template: TemplateKind;
}

export async function newEvaluation(): Promise<vscode.TextDocument | undefined> {
  const items: TemplateItem[] = [
    { template: "department", label: "部门整体支出", description: t("Department overall expenditure"), detail: t("The full three-level indicator system: 投入 10, 过程 45, 产出 25, 效果 20") },
    { template: "project", label: "项目支出", description: t("Project expenditure"), detail: t("The standard project table: 预算执行率 10, 产出 50, 效益 30, 满意度 10") },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: t("New Self-Evaluation: template"), placeHolder: t("Choose a template") });
  if (!pick) return undefined;
  const steps = pick.template === "project" ? 4 : 3;
  const unit = await vscode.window.showInputBox({
    title: t("New Self-Evaluation (2/{0}): unit", steps),
    prompt: t("The evaluated unit (单位)"),
    placeHolder: "巨鹿县小吕寨镇人民政府",
    validateInput: (v) => (v.trim() ? undefined : t("Enter the unit's name")),
  });
  if (unit === undefined) return undefined;
  const lastYear = String(new Date().getFullYear() - 1);
  const year = await vscode.window.showInputBox({
    title: t("New Self-Evaluation (3/{0}): year", steps),
    prompt: t("The budget year (年度)"),
    value: lastYear,
    validateInput: (v) => (/^\s*\d{4}\s*$/.test(v) ? undefined : t("Enter a four-digit year, e.g. {0}", lastYear)),
  });
  if (year === undefined) return undefined;
  let project = "";
  if (pick.template === "project") {
    const p = await vscode.window.showInputBox({
      title: t("New Self-Evaluation (4/4): project"),
      prompt: t("The project's name (项目)"),
      validateInput: (v) => (v.trim() ? undefined : t("Enter the project's name")),
    });
    if (p === undefined) return undefined;
    project = p;
  }
  const content = pick.template === "department" ? departmentTemplate(unit.trim(), year.trim()) : projectTemplate(unit.trim(), year.trim(), project.trim());
  const doc = await openUntitled(content, `${year.trim()}-${(project || unit).trim()}.perf`);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** An untitled .perf document, with a suggested file name in the workspace when there is one. */
async function openUntitled(content: string, fileName: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const safe = fileName.replace(/[\\/:*?"<>|\s]+/g, "-");
  if (folder && folder.scheme === "file") {
    const uri = vscode.Uri.joinPath(folder, safe).with({ scheme: "untitled" });
    const taken = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    let onDisk = false;
    try {
      await vscode.workspace.fs.stat(uri.with({ scheme: "file" }));
      onDisk = true;
    } catch {
      onDisk = false;
    }
    if (!taken && !onDisk) {
      const doc = await vscode.workspace.openTextDocument(uri);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), content);
      await vscode.workspace.applyEdit(edit);
      return doc.languageId === "perf" ? doc : vscode.languages.setTextDocumentLanguage(doc, "perf");
    }
  }
  return vscode.workspace.openTextDocument({ language: "perf", content });
}
