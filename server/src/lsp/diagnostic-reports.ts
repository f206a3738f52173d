/**
 * Diagnostics as the client receives them. Each LSP diagnostic is made once per diagnostic of the core (a
 * diagnostic handed on by the next analysis is sent as the same object), and a pull whose client already holds
 * the very list (LSP 3.17: its `previousResultId` is the id of the last full report for the document, and the
 * list is equal, diagnostic by diagnostic) is answered "unchanged" instead of with the whole list again: typing
 * in a large file usually changes none of its thousands of diagnostics.
 */
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type Diagnostic as LspDiagnostic,
  type DocumentDiagnosticReport,
} from "vscode-languageserver/node";
import type { Diagnostic } from "../diagnostics/catalogue";
import type { Locale } from "../text/locale";

export class DiagnosticReports {
  private readonly sent = new Map<string, { resultId: string; list: readonly Diagnostic[]; locale: Locale }>();
  private made = new WeakMap<Diagnostic, LspDiagnostic>();
  private madeIn: Locale | undefined;
  private nextId = 0;
  /** Ids of this server's run only: a client holding an id from an earlier run never matches one of this run. */
  private readonly run = `${process.pid.toString(36)}${Date.now().toString(36)}`;

  /** The LSP form of a diagnostic, in the messages' language. */
  toLsp(d: Diagnostic, locale: Locale): LspDiagnostic {
    if (locale !== this.madeIn) {
      this.made = new WeakMap();
      this.madeIn = locale;
    }
    let out = this.made.get(d);
    if (out === undefined) {
      const severity = d.severity === "error" ? DiagnosticSeverity.Error : d.severity === "warning" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
      out = { range: d.range, severity, code: d.code, source: "perf-eval", message: locale === "en" ? d.messageEn : d.message, data: d.data };
      this.made.set(d, out);
    }
    return out;
  }

  all(list: readonly Diagnostic[], locale: Locale): LspDiagnostic[] {
    const out = new Array<LspDiagnostic>(list.length);
    for (let i = 0; i < list.length; i++) out[i] = this.toLsp(list[i], locale);
    return out;
  }

  /** The answer to a pull: "unchanged" when the client has this list already (by the id it sends), else the full list with a new id. */
  report(uri: string, list: readonly Diagnostic[], locale: Locale, previousResultId: string | undefined): DocumentDiagnosticReport {
    const last = this.sent.get(uri);
    if (last && previousResultId === last.resultId && last.locale === locale && sameDiagnostics(last.list, list)) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
    }
    const resultId = `${this.run}.${++this.nextId}`;
    this.sent.set(uri, { resultId, list, locale });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: this.all(list, locale) };
  }

  /** The document is closed: its next pull gets a full report. */
  forget(uri: string): void {
    this.sent.delete(uri);
  }
}

/** Whether two lists say the same to the user: each diagnostic the same object, or equal in every field. */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameDiagnostic(a[i], b[i])) return false;
  return true;
}

function sameDiagnostic(x: Diagnostic, y: Diagnostic): boolean {
  const [r, s] = [x.range, y.range];
  return (
    x.code === y.code &&
    x.severity === y.severity &&
    r.start.line === s.start.line &&
    r.start.character === s.start.character &&
    r.end.line === s.end.line &&
    r.end.character === s.end.character &&
    x.message === y.message &&
    x.messageEn === y.messageEn &&
    sameData(x.data, y.data)
  );
}

function sameData(x: Record<string, string> | undefined, y: Record<string, string> | undefined): boolean {
  if (x === y) return true;
  if (!x || !y) return false;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => Object.hasOwn(y, k) && x[k] === y[k]);
}
