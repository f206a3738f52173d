/** What an import read, before it is written as a `.perf` draft. */

/** A cell whose content could not be mapped: written as `// 表!D14 标题：内容`. */
export interface Kept {
  where: string;
  label?: string;
  text: string;
  /** The indicator field this cell is, once the language reads that field (年初指标值, 指标性质, 得分系数, 核心指标). */
  field?: string;
  /** The cell as that field's value (a target with its unit), when it differs from the printed text. */
  value?: string;
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

/** The project form's funding block (项目资金), by row and column. */
export interface Funding {
  /** 万元 or 元. */
  unit: string;
  /** 年初预算数 / 全年预算数 / 全年执行数, as found. */
  columns: string[];
  rows: {
    /** 年度资金总额, 本年财政拨款, 上年结转资金, 其他资金. */
    name: string;
    /** Row label as the national form prints it (其中：本年财政拨款). */
    label: string;
    cells: ({ value: string; where: string } | undefined)[];
  }[];
}

export interface ImportedTable {
  sheet: string;
  scope: "部门整体支出" | "项目支出";
  meta: HeaderEntry[];
  funding?: Funding;
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
