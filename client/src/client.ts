/** Start the language server (dist/server.js) over IPC with vscode-languageclient 11. */
import * as vscode from "vscode";
import { t } from "./i18n";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

export const LANGUAGE_ID = "perf";

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, "dist", "server.js").fsPath;
  const serverOptions: ServerOptions = {
    // --expose-gc lets the server collect when the user pauses after editing a large file.
    run: { module, transport: TransportKind.ipc, options: { execArgv: ["--expose-gc"] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--expose-gc", "--nolazy", "--inspect=6019"] } },
  };
  const config = vscode.workspace.getConfiguration("perf");
  const locale = config.get<string>("locale", "auto");
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: "file" },
      { language: LANGUAGE_ID, scheme: "untitled" },
    ],
    // The server pulls `perf.hints` and `perf.locale` through
    // workspace/configuration; this only makes the client notify it of changes.
    synchronize: { configurationSection: "perf" },
    initializationOptions: {
      locale: locale === "auto" ? vscode.env.language : locale,
      hints: config.get("hints"),
    },
    outputChannel: output,
    // diagnosticPullOptions left at its default: pull on open and on change.
  };
  return new LanguageClient("perf", t("perf-eval Language Server"), serverOptions, clientOptions);
}
