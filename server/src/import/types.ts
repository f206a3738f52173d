/** What an import read, before it is written as a `.perf` draft. */

/** A cell whose content could not be mapped: written as `// 表!D14 标题：内容`. */
export interface Kept {
  where: string;
  label?: string;
  text: string;
}

/** A field of an indicator, with the cell it came from. */
export interface ImportedField {
  key: "说明" | "目标" | "实际" | "评分" | "得分" | "偏差原因" | "佐证" | "备注";
  value: string;
  where: string;
  /** The cell's text as printed (kept in the comment if the value does not read). */
  raw: string;
  label: string;
}

export interface ImportedIndicator {
  name: string;
  weight?: string;
  where: string;
  children: ImportedIndicator[];
  fields: ImportedField[];
  kept: Kept[];
}

export interface HeaderEntry {
  key: string;
  value: string;
  where: string;
}

export interface ImportedTable {
  sheet: string;
  scope: "部门整体支出" | "项目支出";
  meta: HeaderEntry[];
  /** Shared data (the funding block): name → quantity text. */
  data: HeaderEntry[];
  statedTotal?: HeaderEntry;
  roots: ImportedIndicator[];
  /** Cells outside the indicator rows that were not mapped. */
  kept: Kept[];
  /** Number of indicator rows read. */
  rows: number;
}

/** A Word report's prose, in order. */
export type ProseBlock = { kind: "heading"; level: number; text: string } | { kind: "text"; text: string };

export interface ImportedDocument {
  source: string;
  table?: ImportedTable;
  /** Header facts found outside a table (a Word report's title). */
  meta?: HeaderEntry[];
  prose: ProseBlock[];
  /** Other sheets (or Word tables) that also hold an indicator table. */
  otherTables: string[];
}
