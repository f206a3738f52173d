/**
 * File encodings as Chinese users have them: UTF-8 (with or without a BOM),
 * UTF-16 LE/BE with a BOM (Notepad's “Unicode”), and GB18030/GBK (the default
 * of Notepad and WPS on Chinese Windows). A file is read as UTF-8 when its bytes
 * are valid UTF-8, else as GB18030 (a superset of GBK and GB2312).
 *
 * Decoding never invents U+FFFD: bytes that are neither valid UTF-8 nor valid
 * GB18030 are an error, and `encodeText(decodeBytes(b).text, …)` gives `b`
 * back byte for byte, so a writer can keep the file's encoding and BOM.
 *
 * iconv-lite encodes GB18030 (Node's TextDecoder only decodes it) and UTF-16 BE.
 */
import iconv from "iconv-lite";

export type FileEncoding = "utf8" | "utf8bom" | "utf16le" | "utf16be" | "gb18030";

export interface DecodedText {
  text: string;
  encoding: FileEncoding;
}

/** Bytes that no supported encoding reads without a replacement character. */
export class UndecodableError extends Error {
  /** `offset`: the first byte that breaks the round trip, or -1 when not known. */
  constructor(readonly offset: number) {
    super(offset >= 0 ? `undecodable byte at offset ${offset}` : "undecodable bytes");
    this.name = "UndecodableError";
  }
}

const UTF8_STRICT = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Display names, the same in both languages. */
export const ENCODING_NAMES: Record<FileEncoding, string> = {
  utf8: "UTF-8",
  utf8bom: "UTF-8 (BOM)",
  utf16le: "UTF-16 LE",
  utf16be: "UTF-16 BE",
  gb18030: "GB18030",
};

function startsWith(buf: Uint8Array, ...bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

function validUtf8(buf: Uint8Array): boolean {
  try {
    UTF8_STRICT.decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** The text of a file's bytes and the encoding it was read in. Throws UndecodableError. */
export function decodeBytes(buf: Uint8Array): DecodedText {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (startsWith(b, 0xef, 0xbb, 0xbf)) {
    const body = b.subarray(3);
    if (!validUtf8(body)) throw new UndecodableError(-1);
    return { text: body.toString("utf8"), encoding: "utf8bom" };
  }
  if (startsWith(b, 0xff, 0xfe)) {
    if (b.length % 2 !== 0) throw new UndecodableError(b.length - 1);
    return { text: b.subarray(2).toString("utf16le"), encoding: "utf16le" };
  }
  if (startsWith(b, 0xfe, 0xff)) {
    if (b.length % 2 !== 0) throw new UndecodableError(b.length - 1);
    const swapped = Buffer.from(b.subarray(2));
    swapped.swap16();
    return { text: swapped.toString("utf16le"), encoding: "utf16be" };
  }
  if (validUtf8(b)) return { text: b.toString("utf8"), encoding: "utf8" };
  const text = iconv.decode(b, "gb18030");
  // GB18030 maps every valid sequence to a character, U+FFFD included only as
  // the four bytes 84 31 A4 37; a replacement anywhere else means bad bytes.
  // The round trip is the check that holds for both.
  if (!iconv.encode(text, "gb18030").equals(b)) throw new UndecodableError(firstMismatch(text, b));
  return { text, encoding: "gb18030" };
}

/** The bytes of `text` in `encoding`, with its BOM. */
export function encodeText(text: string, encoding: FileEncoding): Buffer {
  switch (encoding) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "utf8bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "utf16be": {
      const body = Buffer.from(text, "utf16le");
      body.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
    }
    case "gb18030":
      return iconv.encode(text, "gb18030");
  }
}

/** True when `text` can be written in `encoding` and read back as the same text (lone surrogates cannot be UTF-8 or GB18030). */
export function canEncode(text: string, encoding: FileEncoding): boolean {
  if (encoding === "utf16le" || encoding === "utf16be") return true;
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text) && (encoding !== "gb18030" || iconv.decode(iconv.encode(text, "gb18030"), "gb18030") === text);
}

function firstMismatch(text: string, b: Buffer): number {
  const again = iconv.encode(text, "gb18030");
  let i = 0;
  while (i < again.length && i < b.length && again[i] === b[i]) i++;
  return i;
}
