/**
 * The language server: a thin adapter between the LSP connection and the
 * core. It keeps open documents (incremental sync), caches one analysis per
 * document version, publishes or serves diagnostics, and maps each request to
 * a feature function. No language decisions are made here.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  DocumentDiagnosticReportKind,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type InitializeResult,
  LSPErrorCodes,
  ResponseError,
  IPCMessageReader,
  IPCMessageWriter,
} from "vscode-languageserver/node";
import { cancelQueued, flowControlled, flowControlledStdio } from "./flow";
import { TextDocument } from "vscode-languageserver-textdocument";
import { analyze, type Analysis } from "../analysis";
import { DiagnosticReports } from "./diagnostic-reports";
import { inlayHints, resolveInlayHint, DEFAULT_HINTS, type HintSettings } from "../features/hints";
import { hover } from "../features/hover";
import { completions } from "../features/completion";
import { documentSymbols, foldingRanges } from "../features/symbols";
import { semanticTokens, TOKEN_TYPES, TOKEN_MODIFIERS } from "../features/semantic-tokens";
import { codeActions } from "../features/actions";
import { formatText } from "../features/format";
import { definition, references, prepareRename, rename, renameProblem } from "../features/navigation";
import { registerCustomRequests } from "./custom-requests";
import { registerTableRequests } from "./table-requests";
import { DEFAULT_LOCALE, localeOf, type Locale } from "../text/locale";
import pkg from "../../../package.json";

/**
 * Each version of a large document leaves arrays and objects that live until
 * the next edit: they outlive young-generation collections, and V8 then
 * collects the old generation late, so memory climbs while the user types.
 * When the process has `--expose-gc` (the VS Code client starts it so), a
 * full collection runs once the user pauses, and also while typing, after
 * the answer is sent, whenever the heap has grown past a budget. Without the
 * flag nothing happens.
 */
const IDLE_GC_LINES = 5_000;
const IDLE_GC_MS = 1_500;
/** Heap in use (MB) past which a burst of typing in a large file gets a full collection. */
const TYPING_HEAP_BUDGET_MB = 88;

/** Push diagnostics this long after the last change (when the client cannot pull). */
export const PUSH_DEBOUNCE_MS = 100;

export interface ServerOptions {
  connection?: Connection;
}

/** Run work that blocks the process once the replies being written are out (flow.ts); the next turn without flow control. */
let afterWrites: (fn: () => void) => void = (fn) => setImmediate(fn);

/**
 * Over stdio (the default, and `--stdio`): flow-controlled streams with back-pressure (lsp/flow.ts). Over Node
 * IPC (`--node-ipc`, how VS Code starts it): the same superseding; the channel cannot be paused. Other transports:
 * the library's own.
 */
function defaultConnection(): Connection {
  if (process.argv.some((a) => a.startsWith("--pipe") || a.startsWith("--socket"))) return createConnection(ProposedFeatures.all);
  const flow = process.argv.includes("--node-ipc") ? flowControlled(new IPCMessageReader(process), new IPCMessageWriter(process)) : flowControlledStdio(process.stdin, process.stdout);
  const { reader, writer } = flow;
  afterWrites = flow.afterWrites;
  return createConnection(ProposedFeatures.all, reader, writer, { connectionStrategy: cancelQueued });
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, "请求已取消 · request cancelled");

export function startServer(options: ServerOptions = {}): Connection {
  const connection = options.connection ?? defaultConnection();
  const documents = new TextDocuments(TextDocument);
  // Keyed by the text itself (with the version): a client that reuses a version number, or opens a
  // document again at the same version with other text, never gets answers about the old text.
  const cache = new Map<string, { version: number; text: string; analysis: Analysis }>();
  const timers = new Map<string, NodeJS.Timeout>();
  let pull = false;
  /** perf.locale: the language of messages, hints and hovers (the author's text stays as written). */
  let locale: Locale = DEFAULT_LOCALE;
  /** The client's display language at start: what `perf.locale: auto` means. */
  let displayLocale: Locale = DEFAULT_LOCALE;
  let hintSettings: HintSettings = { ...DEFAULT_HINTS };
  let configurable = false;

  const analysisOf = (doc: TextDocument): Analysis => {
    const hit = cache.get(doc.uri);
    const text = doc.getText();
    if (hit && hit.version === doc.version && hit.text === text) return hit.analysis;
    const analysis = analyze(text, hit?.analysis);
    cache.set(doc.uri, { version: doc.version, text, analysis });
    if (analysis.syntax.lines.length > IDLE_GC_LINES) collectWhenIdle();
    return analysis;
  };

  const gc = (globalThis as { gc?: () => void }).gc;
  let idleTimer: NodeJS.Timeout | undefined;
  let collecting = false;
  const collectWhenIdle = () => {
    if (!gc) return;
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(gc, IDLE_GC_MS);
    idleTimer.unref();
    if (!collecting && process.memoryUsage().heapUsed > TYPING_HEAP_BUDGET_MB * 1024 * 1024) {
      // Once the answer in hand is written out: a reply of a megabyte (a large file's hints) takes several
      // turns to go through the pipe, and a full collection in between would hold it back.
      collecting = true;
      afterWrites(() => {
        collecting = false;
        gc();
      });
    }
  };

  // Each hint carries one small number (its `data`) standing for the document and version it was made for, so that
  // resolving it finds that analysis again and a hint of an older version (or of a closed document) gets no tooltip.
  // One tag per open document: a new version's hints get a new number and the old one is forgotten.
  const hintDocs = new Map<number, { uri: string; version: number }>();
  const hintTagOf = new Map<string, number>();
  let nextHintTag = 0;
  const hintTag = (uri: string, version: number): number => {
    const tag = hintTagOf.get(uri);
    if (tag !== undefined && hintDocs.get(tag)?.version === version) return tag;
    if (tag !== undefined) hintDocs.delete(tag);
    hintDocs.set(nextHintTag, { uri, version });
    hintTagOf.set(uri, nextHintTag);
    return nextHintTag++;
  };
  const forgetHintTag = (uri: string) => {
    const tag = hintTagOf.get(uri);
    if (tag !== undefined) hintDocs.delete(tag);
    hintTagOf.delete(uri);
  };

  const withDoc = <T>(uri: string, fallback: T, fn: (doc: TextDocument, a: Analysis) => T): T => {
    const doc = documents.get(uri);
    if (!doc) return fallback;
    try {
      return fn(doc, analysisOf(doc));
    } catch (e) {
      connection.console.error(`perf-eval: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };

  const reports = new DiagnosticReports();
  const diagnosticsOf = (uri: string): LspDiagnostic[] => withDoc(uri, [], (_doc, a) => reports.all(a.evaluation.diagnostics, locale));

  const schedulePush = (uri: string) => {
    if (pull) return;
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        const doc = documents.get(uri);
        if (!doc) return;
        void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: diagnosticsOf(uri) });
      }, PUSH_DEBOUNCE_MS),
    );
  };

  const loadSettings = async () => {
    if (!configurable) return;
    try {
      const [hints, setLocale, decimals] = (await connection.workspace.getConfiguration([{ section: "perf.hints" }, { section: "perf.locale" }, { section: "perf.report.decimals" }])) as [
        Partial<HintSettings> | null,
        string | null,
        number | null,
      ];
      hintSettings = { ...DEFAULT_HINTS, ...(hints ?? {}), decimals: typeof decimals === "number" ? decimals : undefined };
      locale = typeof setLocale === "string" && setLocale !== "auto" ? localeOf(setLocale) : displayLocale;
    } catch {
      hintSettings = { ...DEFAULT_HINTS };
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pull = Boolean(caps.textDocument?.diagnostic);
    configurable = Boolean(caps.workspace?.configuration);
    const init = (params.initializationOptions ?? {}) as { locale?: string; hints?: Partial<HintSettings> };
    displayLocale = localeOf(params.locale ?? init.locale);
    locale = init.locale && init.locale !== "auto" ? localeOf(init.locale) : displayLocale;
    hintSettings = { ...DEFAULT_HINTS, ...(init.hints ?? {}) };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        diagnosticProvider: pull ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
        inlayHintProvider: { resolveProvider: true },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ["：", ":", "{", "=", " ", "÷", "×"] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
        codeActionProvider: true,
        documentFormattingProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
      },
      serverInfo: { name: "perf-eval", version: pkg.version },
    };
  });

  connection.onInitialized(() => {
    void loadSettings();
  });

  connection.onDidChangeConfiguration(() => {
    void loadSettings().then(() => {
      try {
        connection.languages.inlayHint.refresh();
      } catch {
        /* client without refresh support */
      }
      if (!pull) for (const d of documents.all()) schedulePush(d.uri);
    });
  });

  documents.onDidOpen((e) => schedulePush(e.document.uri));
  documents.onDidChangeContent((e) => schedulePush(e.document.uri));
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    forgetHintTag(e.document.uri);
    reports.forget(e.document.uri);
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params, token) => {
    if (token.isCancellationRequested) throw cancelled();
    const { uri } = params.textDocument;
    // An unknown document (or a failed analysis) has no diagnostics: a full, empty report, as before.
    return withDoc(uri, undefined, (_d, a) => reports.report(uri, a.evaluation.diagnostics, locale, params.previousResultId)) ?? { kind: DocumentDiagnosticReportKind.Full, items: [] };
  });
  connection.languages.inlayHint.on((params, token) =>
    withDoc(params.textDocument.uri, [], (d, a) => (token.isCancellationRequested ? [] : inlayHints(a, params.range, hintSettings, hintTag(d.uri, d.version), locale))),
  );
  // A hint's tooltip (its trace) is made when the client asks for it, from the analysis the hint came from.
  connection.languages.inlayHint.resolve((h) => {
    const made = typeof h.data === "number" ? hintDocs.get(h.data) : undefined;
    if (made === undefined) return h;
    return withDoc(made.uri, h, (d, a) => (d.version === made.version ? resolveInlayHint(a, h, locale) : h));
  });
  connection.onHover((params) => withDoc(params.textDocument.uri, null, (_d, a) => hover(a, params.position.line, params.position.character, locale)));
  connection.onCompletion((params) => withDoc(params.textDocument.uri, [], (_d, a) => completions(a, params.position.line, params.position.character)));
  connection.onDocumentSymbol((params) => withDoc(params.textDocument.uri, [], (_d, a) => documentSymbols(a)));
  connection.onFoldingRanges((params) => withDoc(params.textDocument.uri, [], (_d, a) => foldingRanges(a)));
  connection.languages.semanticTokens.on((params) => withDoc(params.textDocument.uri, { data: [] }, (_d, a) => ({ data: semanticTokens(a) })));
  connection.onCodeAction((params) => withDoc(params.textDocument.uri, [], (_d, a) => codeActions(a, params.textDocument.uri, params.range, params.context.diagnostics)));
  connection.onDocumentFormatting((params) =>
    withDoc(params.textDocument.uri, [], (doc, a) => {
      const text = doc.getText();
      const formatted = formatText(text, a);
      if (formatted === text) return [];
      return [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, newText: formatted }];
    }),
  );
  connection.onDefinition((params) => withDoc(params.textDocument.uri, null, (_d, a) => definition(a, params.textDocument.uri, params.position.line, params.position.character)));
  connection.onReferences((params) => withDoc(params.textDocument.uri, [], (_d, a) => references(a, params.textDocument.uri, params.position.line, params.position.character, params.context.includeDeclaration)));
  connection.onPrepareRename((params) => withDoc(params.textDocument.uri, null, (_d, a) => prepareRename(a, params.position.line, params.position.character)));
  connection.onRenameRequest((params) => {
    const { uri } = params.textDocument;
    const { line, character } = params.position;
    const problem = withDoc(uri, undefined, (_d, a) => renameProblem(a, line, character, params.newName));
    // Refused with a message the editor shows, instead of an edit that breaks the file.
    if (problem) throw new ResponseError(LSPErrorCodes.RequestFailed, locale === "en" ? problem.en : problem.zh);
    return withDoc(uri, null, (_d, a) => rename(a, uri, line, character, params.newName));
  });

  registerCustomRequests(connection, withDoc);
  registerTableRequests(connection, withDoc);

  documents.listen(connection);
  connection.listen();
  return connection;
}
