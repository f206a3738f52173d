/**
 * `perf/importTable` and `perf/exportXlsx`: the editor's 从 Excel / Word 导入 and
 * 导出评分表为 Excel. Bytes travel as base64; the client chooses the files and
 * writes them, so the server never touches the user's disk here.
 */
import type { Connection } from "vscode-languageserver/node";
import type { WithDoc } from "./custom-requests";
import { loadTables } from "../load-tables";

export interface ImportTableParams {
  /** The file's bytes, base64. */
  data: string;
  /** The file's name (its extension decides the message for old formats). */
  name: string;
  sheet?: string;
}

export type ImportTableResult =
  | { ok: true; text: string; summary: string; sheet?: string; otherTables: string[] }
  | { ok: false; message: string };

export function registerTableRequests(connection: Connection, withDoc: WithDoc): void {
  connection.onRequest("perf/importTable", async (params: ImportTableParams): Promise<ImportTableResult> => {
    const { importBuffer, summaryText, ImportError } = loadTables();
    try {
      const r = await importBuffer(Buffer.from(String(params.data ?? ""), "base64"), String(params.name ?? ""), { sheet: params.sheet });
      return { ok: true, text: r.text, summary: summaryText(r), sheet: r.sheet, otherTables: r.otherTables };
    } catch (e) {
      if (e instanceof ImportError) return { ok: false, message: e.message };
      connection.console.error(`perf-eval: perf/importTable: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return { ok: false, message: `导入失败：${e instanceof Error ? e.message : String(e)}` };
    }
  });
  connection.onRequest("perf/exportXlsx", async (params: { uri: string; review?: boolean }): Promise<string | null> => {
    const pending = withDoc<Promise<Buffer> | null>(params.uri, null, (_doc, a) =>
      Promise.resolve().then(() => loadTables().scoreWorkbook([{ path: params.uri, analysis: a }], { review: params.review === true })),
    );
    if (!pending) return null;
    try {
      return (await pending).toString("base64");
    } catch (e) {
      connection.console.error(`perf-eval: perf/exportXlsx: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return null;
    }
  });
}
