/**
 * What kind of file an import was given, checked before any library reads it:
 * OOXML (.xlsx, .docx) is a zip; the older binary formats (.xls, .doc, WPS .et /
 * .wps) and password-protected OOXML are OLE compound files. The zip's central
 * directory is read to bound what a library would inflate (a zip bomb, or a
 * sheet far bigger than a score table, is refused before it is unpacked).
 */

/** An import refused with a message for the user (Chinese first, English after “·”). */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

export type Container = "xlsx" | "docx";

/** Largest input file read at all. */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;
/** Largest total of uncompressed entries a workbook or document may unpack to. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** Largest total of the XML that is parsed into cells or paragraphs (sheets, shared strings, the document body). */
export const MAX_TEXT_XML_BYTES = 64 * 1024 * 1024;

const SAVE_AS = "请在 Excel / WPS 中另存为 .xlsx（表格）或 .docx（文档）后再导入 · save it as .xlsx / .docx first";

export function sniffContainer(bytes: Uint8Array, name: string): Container {
  const lower = name.toLowerCase();
  if (bytes.length > MAX_FILE_BYTES) {
    throw new ImportError(`文件过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB），不像评分表或自评报告 · file too large`);
  }
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    const legacy = /\.(xls|doc|et|wps|dps|ett|wpt)$/.test(lower);
    throw new ImportError(
      legacy
        ? `不支持旧版或 WPS 格式（${lower.slice(lower.lastIndexOf("."))}）：${SAVE_AS}`
        : `文件是加密的 Office 文档或旧版（.xls / .doc）格式：请先取消密码，${SAVE_AS}`,
    );
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    if (/\.(xls|doc|et|wps)$/.test(lower)) throw new ImportError(`不支持的格式：${SAVE_AS}`);
    throw new ImportError(`不是 .xlsx 或 .docx 文件（无法识别的内容）：${SAVE_AS}`);
  }
  const entries = zipEntries(bytes);
  if (entries.some((e) => e.name === "EncryptedPackage")) throw new ImportError(`文件已加密：请先取消密码，${SAVE_AS}`);
  const total = entries.reduce((s, e) => s + e.size, 0);
  if (total > MAX_UNPACKED_BYTES) {
    throw new ImportError(`文件解压后过大（${Math.round(total / 1048576)} MB，上限 ${MAX_UNPACKED_BYTES / 1048576} MB）· unpacked content too large`);
  }
  const xml = entries.filter((e) => /^(xl\/worksheets\/|xl\/sharedStrings\.xml$|word\/document\.xml$)/.test(e.name)).reduce((s, e) => s + e.size, 0);
  if (xml > MAX_TEXT_XML_BYTES) {
    throw new ImportError(`表格或文档内容过大（解压后 ${Math.round(xml / 1048576)} MB，上限 ${MAX_TEXT_XML_BYTES / 1048576} MB），不像评分表或自评报告 · too much content`);
  }
  if (entries.some((e) => e.name === "xl/workbook.xml")) return "xlsx";
  if (entries.some((e) => e.name === "word/document.xml")) return "docx";
  throw new ImportError(`压缩包中没有 Excel 工作簿或 Word 文档：${SAVE_AS}`);
}

/** Names and uncompressed sizes from a zip's central directory. */
function zipEntries(b: Uint8Array): { name: string; size: number }[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const corrupt = () => new ImportError("文件已损坏（不是完整的 .xlsx / .docx 压缩包），请在 Excel / Word 中打开后重新保存 · the file is damaged");
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out: { name: string; size: number }[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) throw corrupt();
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen > b.length) throw corrupt();
    out.push({ name: decoder.decode(b.subarray(p + 46, p + 46 + nameLen)), size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
