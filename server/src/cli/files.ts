/**
 * The files a command works on: arguments expanded to .perf files (sorted),
 * and each file read in its own encoding. Nothing here stops a run: a file
 * that cannot be used becomes a `FileNote` (shown on stderr by the command)
 * and the run goes on with the others.
 *
 * - A dangling symbolic link, a missing or unreadable file, bytes in no
 *   supported encoding: an error for that file (the command exits 2 at the end).
 * - A FIFO, a device (a link to /dev/zero), a socket: skipped with a warning,
 *   never opened (reading one can hang or never end).
 * - A file not in UTF-8: a note saying which encoding was read.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { join } from "node:path";
import { decodeBytes, ENCODING_NAMES, UndecodableError, type FileEncoding } from "../text/encoding";
import { t } from "./lang";

export type FileNote =
  | { path: string; kind: "encoding"; encoding: FileEncoding }
  | { path: string; kind: "special" }
  | { path: string; kind: "missing"; dangling: boolean }
  | { path: string; kind: "undecodable"; offset: number }
  | { path: string; kind: "unreadable"; reason: string };

/** True for notes that make the run fail (exit 2); the others are information or warnings. */
export function isFileError(n: FileNote): boolean {
  return n.kind === "missing" || n.kind === "undecodable" || n.kind === "unreadable";
}

/** The note as one line for stderr, in the CLI's language. */
export function noteText(n: FileNote): string {
  switch (n.kind) {
    case "encoding":
      return t(`perf-eval: ${n.path}：按 ${ENCODING_NAMES[n.encoding]} 编码读取`, `perf-eval: ${n.path}: read as ${ENCODING_NAMES[n.encoding]}`);
    case "special":
      return t(`perf-eval: 警告：${n.path} 不是普通文件（管道、设备或套接字），已跳过`, `perf-eval: warning: ${n.path} is not a regular file (a FIFO, device or socket); skipped`);
    case "missing":
      return n.dangling
        ? t(`perf-eval: 错误：${n.path} 是失效的符号链接（目标不存在）`, `perf-eval: error: ${n.path} is a dangling symbolic link`)
        : t(`perf-eval: 错误：${n.path} 不存在`, `perf-eval: error: ${n.path} does not exist`);
    case "undecodable":
      return t(
        `perf-eval: 错误：${n.path} 的编码无法识别（不是 UTF-8、带 BOM 的 UTF-16 或 GB18030/GBK${n.offset >= 0 ? `；第 ${n.offset} 字节起无法解码` : ""}），未读取`,
        `perf-eval: error: ${n.path}: unknown encoding (not UTF-8, UTF-16 with a BOM, or GB18030/GBK${n.offset >= 0 ? `; undecodable from byte ${n.offset}` : ""}); not read`,
      );
    case "unreadable":
      return t(`perf-eval: 错误：无法读取 ${n.path}（${n.reason}）`, `perf-eval: error: cannot read ${n.path} (${n.reason})`);
  }
}

/** The status of a path (following links), or the note that says why it cannot be used. */
function statOrNote(path: string): Stats | FileNote {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      let dangling = false;
      try {
        dangling = lstatSync(path).isSymbolicLink();
      } catch {
        /* not there at all */
      }
      return { path, kind: "missing", dangling };
    }
    return { path, kind: "unreadable", reason: code ?? String(e) };
  }
}

function isStats(x: Stats | FileNote): x is Stats {
  return !("kind" in x);
}

export interface Expanded {
  files: string[];
  notes: FileNote[];
}

/** Expand file and directory arguments to .perf files, sorted; what cannot be used is a note. */
export function expandPaths(args: string[]): Expanded {
  const files: string[] = [];
  const notes: FileNote[] = [];
  // Directories already walked, by real path: a link back to a parent is not followed twice.
  const seen = new Set<string>();
  const walk = (p: string, explicit: boolean) => {
    const st = statOrNote(p);
    if (!isStats(st)) {
      // A path inside a directory is only a .perf file's business.
      if (explicit || p.endsWith(".perf")) notes.push(st);
      return;
    }
    if (st.isDirectory()) {
      let names: string[];
      try {
        const real = realpathSync(p);
        if (seen.has(real)) return;
        seen.add(real);
        names = readdirSync(p).sort();
      } catch (e) {
        notes.push({ path: p, kind: "unreadable", reason: (e as NodeJS.ErrnoException).code ?? String(e) });
        return;
      }
      for (const name of names) {
        if (name === "node_modules" || name.startsWith(".")) continue;
        const child = join(p, name);
        const cst = statOrNote(child);
        if (isStats(cst) && cst.isDirectory()) walk(child, false);
        else if (name.endsWith(".perf")) {
          if (!isStats(cst)) notes.push(cst);
          else if (cst.isFile()) files.push(child);
          else notes.push({ path: child, kind: "special" });
        }
      }
    } else if (st.isFile()) files.push(p);
    else notes.push({ path: p, kind: "special" });
  };
  for (const a of args) walk(a, true);
  return { files, notes };
}

export interface ReadFile {
  text: string;
  encoding: FileEncoding;
}

/** A file's text in its own encoding, or the note that says why not (a special file is never opened). */
export function readPerfFile(path: string): ReadFile | FileNote {
  const st = statOrNote(path);
  if (!isStats(st)) return st;
  if (!st.isFile()) return { path, kind: "special" };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { path, kind: "unreadable", reason: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  try {
    return decodeBytes(bytes);
  } catch (e) {
    if (e instanceof UndecodableError) return { path, kind: "undecodable", offset: e.offset };
    throw e;
  }
}

export function isNote(x: ReadFile | FileNote): x is FileNote {
  return "kind" in x;
}
