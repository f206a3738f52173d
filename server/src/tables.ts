/**
 * Tables in and out (.xlsx, .docx): everything that needs exceljs or mammoth.
 * Built as a bundle of its own (dist/tables.js) and loaded on first use
 * (load-tables.ts), so `check`, `textconv` and the language server do not pay
 * for parsing 3 MB of spreadsheet code they rarely need.
 */
export { importBuffer, summaryText, ImportError } from "./import/index";
export type { ImportResult, ImportOptions } from "./import/index";
export { MAX_FILE_BYTES } from "./import/container";
export { scoreWorkbook } from "./export/xlsx-score";
export { summaryWorkbook } from "./export/xlsx-summary";
