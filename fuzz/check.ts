/**
 * The fuzz oracle: drive one input through the core, every feature and the
 * report writers, and return what went wrong (empty when all is well).
 */
import type { Diagnostic as LspDiagnostic, Range } from "vscode-languageserver-types";
import { analyze, type Analysis } from "../server/src/analysis";
import { foldWidth } from "../server/src/text/normalize";
import { inlayHints } from "../server/src/features/hints";
import { hover } from "../server/src/features/hover";
import { completions } from "../server/src/features/completion";
import { documentSymbols, foldingRanges } from "../server/src/features/symbols";
import { semanticTokens } from "../server/src/features/semantic-tokens";
import { codeActions } from "../server/src/features/actions";
import { formatText } from "../server/src/features/format";
import { definition, references, prepareRename, rename } from "../server/src/features/navigation";
import { renderReport } from "../server/src/report/index";
import { formatDecimal } from "../server/src/quantity/decimal";
import type { Diagnostic } from "../server/src/diagnostics/catalogue";
import { int, pick, type Rng } from "./mutate";

export const URI = "file:///fuzz.perf";

export interface Failure {
  stage: string;
  message: string;
}

export interface CheckOptions {
  /** Render docx too (slow). */
  docx?: boolean;
  /** Analysis of a related text to pass as `previous`. */
  previousText?: string;
  /** Random feature positions to try. */
  positions?: number;
}

const BAD_TOKENS = ["NaN", "Infinity", "undefined"] as const;

export function toLsp(d: Diagnostic): LspDiagnostic {
  return { range: d.range, severity: d.severity === "error" ? 1 : d.severity === "warning" ? 2 : 3, code: d.code, source: "perf-eval", message: d.message, data: d.data };
}

/** A random position: mostly inside the document, sometimes far out of it or negative. */
export function randomPosition(a: Analysis, rng: Rng): { line: number; character: number } {
  const n = a.syntax.lines.length;
  const r = rng();
  if (r < 0.05) return { line: -1 - int(rng, 5), character: int(rng, 10) };
  if (r < 0.1) return { line: int(rng, n), character: -1 - int(rng, 10) };
  if (r < 0.15) return { line: n + int(rng, 1000), character: int(rng, 10) };
  if (r < 0.2) return { line: int(rng, n), character: 1e9 };
  if (r < 0.22) return { line: 2 ** 31 - 1, character: 2 ** 31 - 1 };
  const line = int(rng, n);
  return { line, character: int(rng, (a.syntax.lines[line]?.text.length ?? 0) + 2) };
}

/** Every string inside a JSON-able value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
  return out;
}

function scoreSignature(a: Analysis): string {
  const ev = a.evaluation;
  const parts = [`total=${ev.total === undefined ? "-" : formatDecimal(ev.total, 6)}`, `grade=${ev.grade ?? "-"}`];
  for (const ind of a.model.indicators) {
    const r = ev.results.get(ind);
    parts.push(`${ind.name}=${r?.score === undefined ? "-" : formatDecimal(r.score, 6)}`);
  }
  return parts.join("|");
}

/** What the user sees of the results besides scores: labels (hints, outline), placeholders, and (small inputs) traces. */
function shownSignature(a: Analysis, traces: boolean): string {
  const ev = a.evaluation;
  const parts = [`total=${ev.totalText ?? "-"}`];
  for (const ind of [...a.model.indicators, ...a.model.measures]) {
    const r = ev.results.get(ind);
    parts.push(`${ind.line}:${r?.label ?? "-"}${traces ? ` ${JSON.stringify(r?.trace ?? null)}` : ""}`);
  }
  for (const p of ev.placeholders) parts.push(`{${p.value}}`);
  return parts.join("|");
}

function diagSignature(a: Analysis): string {
  return JSON.stringify(a.evaluation.diagnostics.map((d) => [d.code, d.range, d.message, d.data ?? null]));
}

export async function checkInput(text: string, rng: Rng, options: CheckOptions = {}): Promise<Failure[]> {
  const failures: Failure[] = [];
  // Tokens the input itself holds are not a sign of a bug when echoed back.
  // A token the input writes itself, full-width too (ＮａＮ is echoed folded as NaN in a message), is no failure.
  const folded = foldWidth(text);
  const banned = BAD_TOKENS.filter((t) => !text.includes(t) && !folded.includes(t));
  const scan = (stage: string, value: unknown) => {
    for (const s of strings(value)) {
      for (const t of banned) {
        const at = s.indexOf(t);
        if (at >= 0) {
          failures.push({ stage, message: `output contains “${t}”: …${s.slice(Math.max(0, at - 60), at + 40)}…` });
          return;
        }
      }
    }
  };
  const guard = async <T>(stage: string, fn: () => T | Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (e) {
      failures.push({ stage, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      return undefined;
    }
  };

  const a = await guard("analyze", () => analyze(text));
  if (!a) return failures;
  const lines = a.syntax.lines;
  if (lines.map((l) => l.text).join("") !== text.replace(/\r\n|\r|\n/g, "")) failures.push({ stage: "analyze", message: "the syntax lines lost text" });

  // Diagnostics: messages clean, ranges inside the document.
  scan("diagnostics", a.evaluation.diagnostics.map((d) => [d.message, d.messageEn, d.data ?? {}]));
  for (const d of a.evaluation.diagnostics) {
    const { start, end } = d.range;
    const ok =
      [start.line, start.character, end.line, end.character].every((x) => Number.isInteger(x) && x >= 0) &&
      start.line < lines.length &&
      end.line < lines.length &&
      start.character <= lines[start.line].text.length &&
      end.character <= lines[end.line].text.length &&
      (start.line < end.line || (start.line === end.line && start.character <= end.character));
    if (!ok) failures.push({ stage: "diagnostics", message: `${d.code} has a bad range ${JSON.stringify(d.range)} (lines ${lines.length}, line length ${lines[start.line]?.text.length})` });
  }

  // Incremental analysis gives the same result as a fresh one.
  if (options.previousText !== undefined) {
    const prev = await guard("analyze(previous)", () => analyze(options.previousText!));
    if (prev) {
      const inc = await guard("analyze(text, previous)", () => analyze(text, prev));
      if (inc) {
        if (scoreSignature(inc) !== scoreSignature(a)) failures.push({ stage: "analyze(text, previous)", message: `scores differ from a fresh analysis:\n  fresh ${scoreSignature(a).slice(0, 300)}\n  incr  ${scoreSignature(inc).slice(0, 300)}` });
        if (diagSignature(inc) !== diagSignature(a)) failures.push({ stage: "analyze(text, previous)", message: "diagnostics differ from a fresh analysis" });
        const traces = text.length < 60_000;
        const [shownInc, shownFresh] = [shownSignature(inc, traces), shownSignature(a, traces)];
        if (shownInc !== shownFresh) {
          const k = [...shownFresh].findIndex((ch, i) => ch !== shownInc[i]);
          failures.push({ stage: "analyze(text, previous)", message: `labels, placeholders or traces differ from a fresh analysis:\n  fresh …${shownFresh.slice(Math.max(0, k - 80), k + 200)}\n  incr  …${shownInc.slice(Math.max(0, k - 80), k + 200)}` });
        }
      }
    }
  }

  // Features at random positions.
  const positions = options.positions ?? 8;
  const n = lines.length;
  const fullRange: Range = { start: { line: 0, character: 0 }, end: { line: n, character: 0 } };
  scan("inlayHints", await guard("inlayHints", () => inlayHints(a, fullRange)));
  scan("documentSymbols", await guard("documentSymbols", () => documentSymbols(a)));
  await guard("foldingRanges", () => foldingRanges(a));
  const toks = await guard("semanticTokens", () => semanticTokens(a));
  if (toks?.some((x) => !Number.isInteger(x) || x < 0)) failures.push({ stage: "semanticTokens", message: "negative or non-integer token data" });
  const lspDiags = a.evaluation.diagnostics.map(toLsp);
  const actions = await guard("codeActions(all)", () => codeActions(a, URI, fullRange, lspDiags));
  scan("codeActions", actions?.map((x) => x.title));
  for (let i = 0; i < positions; i++) {
    const p = randomPosition(a, rng);
    const q = randomPosition(a, rng);
    const range: Range = { start: p, end: q };
    const where = `@${p.line}:${p.character}`;
    scan(`inlayHints${where}`, await guard(`inlayHints${where}`, () => inlayHints(a, range)));
    scan(`hover${where}`, await guard(`hover${where}`, () => hover(a, p.line, p.character)));
    scan(`completions${where}`, await guard(`completions${where}`, () => completions(a, p.line, p.character)));
    await guard(`definition${where}`, () => definition(a, URI, p.line, p.character));
    await guard(`references${where}`, () => references(a, URI, p.line, p.character, rng() < 0.5));
    await guard(`prepareRename${where}`, () => prepareRename(a, p.line, p.character));
    await guard(`rename${where}`, () => rename(a, URI, p.line, p.character, pick(rng, ["新名", "a b", "", " ", "<x>", "「q」"])));
    const some = lspDiags.length ? [pick(rng, lspDiags)] : [];
    scan(`codeActions${where}`, (await guard(`codeActions${where}`, () => codeActions(a, URI, range, some)))?.map((x) => x.title));
  }

  // Formatter: no throw; the formatted text scores the same.
  const formatted = await guard("formatText", () => formatText(text));
  if (formatted !== undefined) {
    const fa = await guard("analyze(formatText(x))", () => analyze(formatted));
    if (fa && scoreSignature(fa) !== scoreSignature(a)) {
      failures.push({ stage: "formatText", message: `scores change after formatting:\n  before ${scoreSignature(a).slice(0, 400)}\n  after  ${scoreSignature(fa).slice(0, 400)}` });
    }
    const again = await guard("formatText(formatText(x))", () => formatText(formatted));
    if (again !== undefined && again !== formatted) failures.push({ stage: "formatText", message: "not idempotent" });
  }

  // Reports.
  scan("report html", await guard("report html", () => renderReport(a, "html", { includeDiagnostics: true })));
  scan("report html (webview)", await guard("report html (webview)", () => renderReport(a, "html", { csp: { webview: { cspSource: "vscode-webview://x", nonce: "bm9uY2Utbm9uY2Utbm9uY2U=" } }, theme: "vscode" })));
  scan("report md", await guard("report md", () => renderReport(a, "md", { includeDiagnostics: true })));
  if (options.docx) {
    const buf = await guard("report docx", () => renderReport(a, "docx"));
    if (buf && !(buf instanceof Buffer && buf.length > 0)) failures.push({ stage: "report docx", message: "empty docx" });
  }
  return failures;
}
