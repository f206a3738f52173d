/** CSV output (RFC 4180), with a UTF-8 BOM so that Excel reads the Chinese. */

export const BOM = "\uFEFF";

export function csvField(v: string | number | boolean | undefined | null): string {
  const s = v === undefined || v === null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text: BOM, header row, CRLF line ends. */
export function toCsv(header: string[], rows: (string | number | boolean | undefined | null)[][]): string {
  return `${BOM + [header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}
