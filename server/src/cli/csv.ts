/**
 * CSV output (RFC 4180, CRLF line ends).
 *
 * Cells are neutralised against formula injection as OWASP recommends
 * (https://owasp.org/www-community/attacks/CSV_Injection): a cell that begins
 * with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe,
 * so a spreadsheet shows it as text instead of running it; plain numbers
 * (`-5`, `+3.5`, `-12.5%`) are left as they are. Invisible and control
 * characters become visible markers (see visible.ts).
 *
 * A CSV written to a file starts with a UTF-8 BOM so that Excel reads the
 * Chinese; on standard output there is none (it would end up inside a pipe).
 */
import { visible } from "./visible";

export const BOM = "\uFEFF";

const PLAIN_NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text that no spreadsheet evaluates: apostrophe before a formula-like start (plain numbers excepted). */
export function neutralise(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

export function csvField(v: string | number | boolean | undefined | null): string {
  const raw = v === undefined || v === null ? "" : String(v);
  // Neutralise on the raw text (a leading tab or CR is what Excel reads), then make controls visible.
  const s = visible(neutralise(raw));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text: header row, CRLF line ends; a BOM first when `bom` (for a file). */
export function toCsv(header: string[], rows: (string | number | boolean | undefined | null)[][], bom = false): string {
  return `${(bom ? BOM : "") + [header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}
