/**
 * PDF: the Word report converted by LibreOffice (`soffice --headless
 * --convert-to pdf`), where it is installed. The Word layout is the canonical
 * one; LibreOffice is a helper, never needed for Word or HTML output.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";

export const LIBREOFFICE_MISSING =
  "生成 PDF 需要 LibreOffice：Debian/Ubuntu 上 apt-get install libreoffice-writer-nogui，其他系统从 https://www.libreoffice.org/ 安装；或设置 PERF_EVAL_SOFFICE 为 soffice 的路径。也可导出 Word（--to docx）后在 Word 或 WPS 中另存为 PDF · PDF needs LibreOffice: apt-get install libreoffice-writer-nogui (Debian/Ubuntu) or https://www.libreoffice.org/; or set PERF_EVAL_SOFFICE to soffice's path";

/** The LibreOffice executable: PERF_EVAL_SOFFICE, else soffice or libreoffice on the PATH; undefined when none. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.PERF_EVAL_SOFFICE;
  if (given) return existsSync(given) ? given : undefined;
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    for (const n of names) if (existsSync(join(dir, n))) return join(dir, n);
  }
  if (process.platform === "win32") {
    const pf = join(env.ProgramFiles ?? "C:\\Program Files", "LibreOffice", "program", "soffice.exe");
    if (existsSync(pf)) return pf;
  }
  if (process.platform === "darwin" && existsSync("/Applications/LibreOffice.app/Contents/MacOS/soffice")) return "/Applications/LibreOffice.app/Contents/MacOS/soffice";
  return undefined;
}

export class PdfUnavailableError extends Error {}

/** Convert a .docx to PDF bytes. Throws PdfUnavailableError when LibreOffice is missing, Error when it fails. */
export function docxToPdf(docx: Buffer, timeoutMs = 120_000): Buffer {
  const soffice = findSoffice();
  if (!soffice) throw new PdfUnavailableError(LIBREOFFICE_MISSING);
  const dir = mkdtempSync(join(tmpdir(), "perf-eval-pdf-"));
  try {
    const input = join(dir, "report.docx");
    writeFileSync(input, docx);
    // A profile of its own, so a running LibreOffice (or another conversion) does not block this one.
    const profile = pathToFileURL(join(dir, "profile")).href;
    const r = spawnSync(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, input], { encoding: "utf8", timeout: timeoutMs });
    const output = join(dir, "report.pdf");
    if (r.error || !existsSync(output)) throw new Error(`LibreOffice 转换失败 · LibreOffice could not convert the report: ${r.error?.message ?? (r.stderr || r.stdout || `exit ${r.status}`).trim()}`);
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
