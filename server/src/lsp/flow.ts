/**
 * Flow control between the client and the server (stdio transport).
 *
 * - **Back-pressure.** A reply is queued in the writer until the client reads
 *   it. When more than `HIGH_WRITES` replies wait, or more than
 *   `MAX_PENDING` requests are read but not answered, the server stops reading
 *   its input (the client's writes then block in the pipe) and starts again
 *   once the backlog is under half. Replies are never dropped; memory is
 *   bounded by the backlog instead of growing with what a client that does not
 *   read keeps sending.
 * - **Superseded requests.** A request about a document's state (hover,
 *   completion, inlay hints, semantic tokens, symbols, folding, code actions,
 *   pulled diagnostics…) is superseded by a newer request of the same method
 *   for the same document, and every request about a document by a change,
 *   re-open or close of it. A superseded request still waiting in the queue is
 *   answered at once with RequestCancelled (as if the client had sent
 *   `$/cancelRequest`); one already running sees its token cancelled.
 */
import {
  LSPErrorCodes,
  StreamMessageReader,
  StreamMessageWriter,
  type ConnectionStrategy,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
  type RequestMessage,
  type ResponseMessage,
} from "vscode-languageserver/node";

export const HIGH_WRITES = 64;
export const MAX_PENDING = 1_000;

/** Methods answered from a document's current state: a newer request of the same method makes an older one useless. */
const SUPERSEDABLE: readonly string[] = [
  "textDocument/hover",
  "textDocument/completion",
  "textDocument/inlayHint",
  "textDocument/semanticTokens/full",
  "textDocument/documentSymbol",
  "textDocument/foldingRange",
  "textDocument/codeAction",
  "textDocument/diagnostic",
  "textDocument/documentHighlight",
  "perf/summary",
];

/** Notifications that replace a document's text (every pending request about it is then stale). */
const DOCUMENT_CHANGES: readonly string[] = ["textDocument/didChange", "textDocument/didOpen", "textDocument/didClose"];

type Id = number | string;

interface Pending {
  method: string;
  uri?: string;
  cancelled?: boolean;
}

function uriOf(params: unknown): string | undefined {
  const p = params as { textDocument?: { uri?: unknown }; uri?: unknown } | undefined;
  const uri = p?.textDocument?.uri ?? p?.uri;
  return typeof uri === "string" ? uri : undefined;
}

const isRequest = (m: Message): m is RequestMessage => "method" in m && "id" in m && (m as RequestMessage).id !== null && (m as RequestMessage).id !== undefined;
const isResponse = (m: Message): m is ResponseMessage => !("method" in m) && "id" in m;

/** The strategy that answers a cancelled request still in the queue with RequestCancelled instead of running it. */
export const cancelQueued: ConnectionStrategy = {
  cancelUndispatched: (message) => ({
    jsonrpc: "2.0",
    id: (message as RequestMessage).id,
    error: { code: LSPErrorCodes.RequestCancelled, message: "请求已取消（被更新的请求或文档修改取代）· request cancelled (superseded)" },
  }),
};

export interface FlowStreams {
  reader: MessageReader;
  writer: MessageWriter;
  /** For tests and logs: whether input is paused now, and how often it was. */
  stats(): { paused: boolean; pauses: number; pending: number; writing: number };
  /**
   * Run `fn` once no message is being written (at the next turn when none
   * is): work that blocks the process, such as a full garbage collection,
   * then never holds back a reply the client is still reading.
   */
  afterWrites(fn: () => void): void;
}

/** Pausing the input, where the transport allows it (a stream does; a Node IPC channel does not). */
export interface Pausable {
  pause(): void;
  resume(): void;
}

/**
 * `reader` and `writer` with superseding and, when `input` can be paused,
 * back-pressure (see the module comment). Wraps any transport's reader and
 * writer: stdio streams, or the Node IPC channel VS Code uses.
 */
export function flowControlled(reader: MessageReader, writer: MessageWriter, input?: Pausable): FlowStreams {
  const pending = new Map<Id, Pending>();
  let writing = 0;
  let paused = false;
  let pauses = 0;
  let whenWritten: (() => void)[] = [];
  let flushing = false;
  // At the next turn, not now: the reply to the request in hand is written after its handler returns.
  const flushWhenWritten = () => {
    if (flushing || writing > 0 || whenWritten.length === 0) return;
    flushing = true;
    setImmediate(() => {
      flushing = false;
      if (writing > 0) return; // the last write's end calls again
      const due = whenWritten;
      whenWritten = [];
      for (const fn of due) fn();
    });
  };

  const update = () => {
    if (!input) return;
    if (!paused && (writing > HIGH_WRITES || pending.size > MAX_PENDING)) {
      paused = true;
      pauses++;
      input.pause();
    } else if (paused && writing <= HIGH_WRITES / 2 && pending.size <= MAX_PENDING / 2) {
      paused = false;
      input.resume();
    }
  };

  const watch = (callback: DataCallback): DataCallback => {
    const cancel = (id: Id, p: Pending) => {
      if (p.cancelled) return;
      p.cancelled = true;
      callback({ jsonrpc: "2.0", method: "$/cancelRequest", params: { id } } as Message);
    };
    return (message: Message) => {
      const m = message as Message & { method?: string; params?: unknown };
      if (isRequest(message)) {
        const uri = uriOf(message.params);
        if (uri !== undefined && SUPERSEDABLE.includes(message.method)) {
          for (const [id, p] of pending) if (p.uri === uri && p.method === message.method) cancel(id, p);
        }
        pending.set(message.id as Id, { method: message.method, uri });
      } else if (typeof m.method === "string" && DOCUMENT_CHANGES.includes(m.method)) {
        const uri = uriOf(m.params);
        if (uri !== undefined) for (const [id, p] of pending) if (p.uri === uri) cancel(id, p);
      }
      callback(message);
      update();
    };
  };

  const watchedReader: MessageReader = {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    listen: (callback: DataCallback): Disposable => reader.listen(watch(callback)),
    dispose: () => reader.dispose(),
  };

  const watchedWriter: MessageWriter = {
    onError: writer.onError,
    onClose: writer.onClose,
    end: () => writer.end(),
    dispose: () => writer.dispose(),
    async write(message: Message): Promise<void> {
      writing++;
      if (isResponse(message) && message.id !== null) pending.delete(message.id);
      update();
      try {
        await writer.write(message);
      } finally {
        writing--;
        update();
        flushWhenWritten();
      }
    },
  };

  const afterWrites = (fn: () => void) => {
    whenWritten.push(fn);
    flushWhenWritten();
  };
  return { reader: watchedReader, writer: watchedWriter, stats: () => ({ paused, pauses, pending: pending.size, writing }), afterWrites };
}

/** Over stdio: the streams' reader and writer, with back-pressure (stdin is paused while replies wait). */
export function flowControlledStdio(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): FlowStreams {
  return flowControlled(new StreamMessageReader(input), new StreamMessageWriter(output), input);
}
