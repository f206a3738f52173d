/**
 * Work that blocks the server (a full garbage collection while typing in a
 * large file) waits until the replies being written are out: a reply of a
 * megabyte (a large file's inlay hints) takes several turns to go through
 * the pipe, and the client would wait for the collection too.
 */
import assert from "node:assert/strict";
import { Emitter, type Message, type MessageReader, type MessageWriter } from "vscode-languageserver/node";
import { flowControlled } from "../../server/src/lsp/flow";

/** A writer whose writes finish when the test says so. */
function slowWriter(): { writer: MessageWriter; finish: () => void } {
  const waiting: (() => void)[] = [];
  const writer: MessageWriter = {
    onError: new Emitter<[Error, Message | undefined, number | undefined]>().event,
    onClose: new Emitter<void>().event,
    end: () => undefined,
    dispose: () => undefined,
    write: () => new Promise<void>((resolve) => waiting.push(resolve)),
  };
  const finish = (): void => {
    for (const r of waiting.splice(0)) r();
  };
  return { writer, finish };
}

const reader = {} as MessageReader;
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("language server: flow of replies", () => {
  /** Blocking work asked for before or after a reply starts being written: it runs only once the reply is out. */
  async function waitsForReply(order: "work first" | "reply first"): Promise<void> {
    const { writer, finish } = slowWriter();
    const flow = flowControlled(reader, writer);
    let ran = false;
    const askForWork = () =>
      flow.afterWrites(() => {
        ran = true;
      });
    if (order === "work first") askForWork();
    const written = flow.writer.write({ jsonrpc: "2.0", id: 1, result: [] } as Message);
    if (order === "reply first") askForWork();
    await turn();
    await turn();
    assert.equal(ran, false, "ran while the reply was still being written");
    finish();
    await written;
    await turn();
    assert.equal(ran, true);
  }

  it("runs blocking work only once the reply being written is out", () => waitsForReply("reply first"));

  it("waits for a reply written after it was asked for in the same turn (a request's reply follows its handler)", () => waitsForReply("work first"));

  it("runs it at the next turn when nothing is being written", async () => {
    const { writer } = slowWriter();
    const flow = flowControlled(reader, writer);
    let ran = false;
    flow.afterWrites(() => {
      ran = true;
    });
    assert.equal(ran, false, "ran before the turn in hand ended");
    await turn();
    assert.equal(ran, true);
  });
});
