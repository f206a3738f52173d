/**
 * The extension's run-time strings in one language: perf.locale decides
 * (`zh-cn`, `en`), and with `auto` VS Code's display language does (through
 * vscode.l10n, which also picks package.nls for command titles and settings).
 * The message keys are the English text of l10n/bundle.l10n.json.
 */
import * as vscode from "vscode";
import { readFileSync } from "node:fs";
import { join } from "node:path";

let chinese: Record<string, string> = {};

/** Load the Chinese bundle once, at activation. */
export function initI18n(extensionPath: string): void {
  try {
    chinese = JSON.parse(readFileSync(join(extensionPath, "l10n", "bundle.l10n.zh-cn.json"), "utf8")) as Record<string, string>;
  } catch {
    chinese = {};
  }
}

/** The language the extension speaks now: `zh-cn` or `en`. */
export function currentLocale(): "zh-cn" | "en" {
  const set = vscode.workspace.getConfiguration("perf").get<string>("locale", "auto");
  if (set === "zh-cn" || set === "en") return set;
  return vscode.env.language.toLowerCase().startsWith("zh") ? "zh-cn" : "en";
}

function fill(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
}

/** A run-time string in the current language; `{0}`… are filled with args. */
export function t(message: string, ...args: (string | number)[]): string {
  const set = vscode.workspace.getConfiguration("perf").get<string>("locale", "auto");
  if (set === "en") return fill(message, args);
  if (set === "zh-cn") return fill(chinese[message] ?? message, args);
  return vscode.l10n.t(message, ...args);
}
