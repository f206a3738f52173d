/** Where the CLI writes: never over its own input, never with an internal exception for a message. */
import { existsSync, statSync, writeFileSync } from "node:fs";
import { t } from "./lang";

/** True when both paths name one file (the same inode: symbolic and hard links included). */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export type WriteCheck = { ok: true } | { ok: false; exit: 1 | 2; message: string };

/**
 * May `out` be written? Never when it is one of `inputs` (even with --force:
 * the source would be lost); not when it exists, unless `force`.
 */
export function checkOutput(out: string, inputs: readonly string[], force: boolean | undefined): WriteCheck {
  const input = inputs.find((i) => sameFile(i, out));
  if (input !== undefined) {
    return { ok: false, exit: 2, message: t(`perf-eval: 输出文件 ${out} 就是输入文件 ${input}，拒绝覆盖（--force 也不行）`, `perf-eval: the output ${out} is the input ${input}; refusing to overwrite it (even with --force)`) };
  }
  if (existsSync(out) && !force) return { ok: false, exit: 1, message: t(`perf-eval: ${out} 已存在；加 --force 覆盖`, `perf-eval: ${out} exists; use --force to overwrite`) };
  if (existsSync(out) && !statSync(out).isFile()) return { ok: false, exit: 2, message: t(`perf-eval: ${out} 不是普通文件，不能写入`, `perf-eval: ${out} is not a regular file; not written`) };
  return { ok: true };
}

/** Write a file; on failure, the message to print (the OS error code in it), else undefined. */
export function writeOut(path: string, data: string | Uint8Array): string | undefined {
  try {
    writeFileSync(path, data);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return t(`perf-eval: 无法写入 ${path}（${code}）`, `perf-eval: cannot write ${path} (${code})`);
  }
}
