/**
 * A Word report (.docx) through mammoth: its HTML gives headings (by style, or
 * by the numbering Chinese reports print: 一、 （一） 1. （1）), paragraphs and
 * tables with their merged cells (colspan / rowspan). The largest indicator
 * table becomes the 评分表; other tables stay in the prose as pipe rows.
 */
import { basename } from "node:path";
import { ImportError } from "./container";
import { clean, type Grid, type GridCell, MAX_COLUMNS, MAX_ROWS } from "./grid";
import { splitLabels } from "./blocks";
import { readTable } from "./table";
import type { HeaderEntry, ImportedDocument, ImportedTable, ProseBlock } from "./types";
import type { ImportOptions } from "./index";

type Block = { kind: "heading"; level: number; text: string } | { kind: "p"; text: string } | { kind: "table"; grid: Grid };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const n = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** mammoth's HTML (well-formed, a small set of tags) as blocks. */
export function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const re = /<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g;
  let text = "";
  let heading = 0;
  let depth = 0; // table nesting
  let rows: { text: string; colspan: number; rowspan: number }[][] = [];
  let cell: { text: string; colspan: number; rowspan: number } | undefined;
  let tables = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[4] !== undefined) {
      const t = decode(m[4]);
      if (cell) cell.text += t;
      else text += t;
      continue;
    }
    const closing = m[1] === "/";
    const tag = m[2].toLowerCase();
    const attrs = m[3];
    if (tag === "table") {
      if (!closing && ++depth === 1) rows = [];
      if (closing && --depth === 0) blocks.push({ kind: "table", grid: layout(rows, `表${++tables}`) });
      continue;
    }
    if (depth > 0) {
      if (tag === "tr" && !closing && depth === 1) rows.push([]);
      else if ((tag === "td" || tag === "th") && depth === 1) {
        if (!closing) {
          const span = (name: string) => Math.max(1, Math.min(MAX_COLUMNS, Number.parseInt(new RegExp(`${name}="(\\d+)"`).exec(attrs)?.[1] ?? "1", 10) || 1));
          cell = { text: "", colspan: span("colspan"), rowspan: span("rowspan") };
          rows[rows.length - 1]?.push(cell);
        } else cell = undefined;
      } else if ((tag === "p" || tag === "br" || tag === "li") && cell && cell.text && (closing || tag === "br")) cell.text += "\n";
      continue;
    }
    if (/^h[1-6]$/.test(tag)) {
      if (!closing) {
        heading = Number(tag[1]);
        text = "";
      } else {
        if (clean(text)) blocks.push({ kind: "heading", level: heading, text: clean(text).replace(/\n/g, " ") });
        heading = 0;
        text = "";
      }
    } else if (tag === "p" || tag === "li") {
      if (closing) {
        if (clean(text)) blocks.push({ kind: "p", text: clean(text).replace(/\n/g, " ") });
        text = "";
      } else text = "";
    } else if (tag === "br") text += "\n";
  }
  return blocks;
}

/** HTML rows with colspan / rowspan as a grid whose covered cells are merge slaves. */
function layout(rows: { text: string; colspan: number; rowspan: number }[][], name: string): Grid {
  if (rows.length > MAX_ROWS) throw new ImportError(`${name}有 ${rows.length} 行，超过 ${MAX_ROWS} 行的上限 · table too long`);
  const grid: GridCell[][] = rows.map(() => []);
  let width = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r][c]) c++;
      const text = clean(cell.text);
      const merged = cell.colspan > 1 || cell.rowspan > 1;
      const id = `${name}:${r}:${c}`;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          grid[r + dr][c + dc] = merged ? { text, merge: id, slave: dr > 0 || dc > 0 } : { text };
        }
      }
      c += cell.colspan;
      width = Math.max(width, c);
    }
  });
  width = Math.min(width, MAX_COLUMNS);
  const full = grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? { text: "" }));
  return { name, rows: full, width };
}

const PATTERN_HEADINGS: [RegExp, number][] = [
  [/^[一二三四五六七八九十]+、/, 2],
  [/^[（(][一二三四五六七八九十]+[)）]/, 3],
  [/^\d+[.、．](?!\d)/, 4],
  [/^[（(]\d+[)）]/, 5],
];

const TITLE_END = /(报告|自评表|评价表|评分表)$/;

/**
 * The report's title: the first short paragraph (among the first few) ending like
 * one, joined with the short lines just above it that a title split over lines
 * (“巨鹿县小吕寨镇人民政府” / “2021年部门整体支出绩效评价报告”).
 */
function findTitle(blocks: Block[]): { first: number; last: number; text: string } | undefined {
  const text = (b: Block | undefined) => (b && b.kind !== "table" ? b.text : undefined);
  let last = -1;
  for (let i = 0, seen = 0; i < blocks.length && seen < 4; i++) {
    const t = text(blocks[i]);
    if (t === undefined) continue;
    seen++;
    if (t.length <= 60 && TITLE_END.test(t)) {
      last = i;
      break;
    }
  }
  if (last < 0) return undefined;
  let first = last;
  for (;;) {
    const t = text(blocks[first - 1]);
    if (t === undefined || t.length > 30 || /[。；;，,：:]/.test(t) || /^附件/.test(t)) break;
    first--;
  }
  return { first, last, text: blocks.slice(first, last + 1).map((b) => text(b) ?? "").join("") };
}

function titleMeta(text: string): HeaderEntry[] {
  const out: HeaderEntry[] = [{ key: "标题", value: text, where: "标题" }];
  const year = /((?:19|20)\d{2})\s*年/.exec(text);
  if (year) {
    out.push({ key: "年度", value: year[1], where: "标题" });
    const unit = text.slice(0, year.index).trim();
    if (unit) out.push({ key: "单位", value: unit, where: "标题" });
  }
  return out;
}

export async function readDocx(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportedDocument> {
  const mammoth = await import("mammoth");
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (e) {
    throw new ImportError(`无法读取 Word 文档（文件可能已损坏）：${e instanceof Error ? e.message : String(e)} · the document could not be read`);
  }
  const blocks = htmlBlocks(html);
  const tables: { table: ImportedTable; block: Block }[] = [];
  for (const b of blocks) {
    if (b.kind !== "table") continue;
    if (options.sheet !== undefined && b.grid.name !== options.sheet && b.grid.name !== `表${options.sheet}`) continue;
    const t = readTable(b.grid);
    if (t && t.rows > 0) tables.push({ table: t, block: b });
  }
  const best = tables.length ? tables.reduce((a, b) => (b.table.rows > a.table.rows ? b : a)) : undefined;
  const prose: ProseBlock[] = [];
  const meta: HeaderEntry[] = [];
  const title = findTitle(blocks);
  const titled = title !== undefined;
  if (title) meta.push(...titleMeta(title.text));
  let bodyStarted = false;
  blocks.forEach((b, i) => {
    if (b === best?.block) return;
    if (title && i >= title.first && i <= title.last) {
      if (i === title.first) prose.push({ kind: "heading", level: 1, text: title.text });
      return;
    }
    if (b.kind === "table") {
      for (const row of b.grid.rows) {
        const cells = row.map((c) => (c.slave ? "" : c.text.replace(/\n/g, " ").replace(/\|/g, "｜")));
        if (cells.some(Boolean)) prose.push({ kind: "text", text: `| ${cells.join(" | ")} |` });
      }
      return;
    }
    const short = b.text.length <= 60;
    // Labelled lines before the body (“单位名称：××　单位负责人：××”) are header facts.
    const labels = bodyStarted || b.kind !== "p" ? [] : splitLabels(b.text);
    if (labels.length) {
      for (const l of labels) if (!meta.some((m) => m.key === l.key)) meta.push({ key: l.key, value: l.value, where: "正文" });
      return;
    }
    if (b.kind === "heading") {
      bodyStarted = true;
      prose.push({ kind: "heading", level: Math.min(6, b.level + (titled ? 1 : 0)), text: b.text });
      return;
    }
    const pattern = short && !/[。；;]$/.test(b.text) ? PATTERN_HEADINGS.find(([re]) => re.test(b.text)) : undefined;
    if (pattern) bodyStarted = true;
    if (pattern) prose.push({ kind: "heading", level: titled ? pattern[1] : pattern[1] - 1, text: b.text });
    else prose.push({ kind: "text", text: b.text });
  });
  if (!best && prose.length === 0) throw new ImportError("文档中没有可导入的文字或指标表 · the document is empty");
  const table = best?.table;
  if (table) {
    for (const m of meta) {
      if (m.key === "自评总分") {
        if (!table.statedTotal) table.statedTotal = m;
      } else if (!table.meta.some((x) => x.key === m.key)) table.meta.push(m);
    }
  }
  return {
    source: basename(fileName),
    table,
    meta: table ? undefined : meta,
    prose,
    otherTables: tables.filter((t) => t !== best).map((t) => t.table.sheet),
  };
}
