/**
 * The model stage: syntax tree → model. Decides what each line is in its
 * place (header field, data item, indicator field, prose), nests indicators
 * by heading level, parses field values, and checks the structure (weights,
 * duplicates, required header keys). Never throws: what is wrong becomes a
 * diagnostic and the rest is built.
 */
import type Decimal from "decimal.js";
import { parseDecimal } from "../quantity/decimal";
import { Quantity } from "../quantity/quantity";
import { parseValue, prefetchValues, type SyntaxTree, type ValueRequest } from "../syntax/parse";
import type { DataValueNode, ExprNode, FieldLine, QuantityNode, ScoreNode, TargetNode } from "../syntax/ast";
import { makeDiagnostic, lineRange, type Diagnostic } from "../diagnostics/catalogue";
import { readRuleValue } from "../scoring/rules/printed";
import { TARGET_ALIASES } from "./keys";
import { FUNDING_ALIASES, readTables } from "./tables";
import { HEADER_KEYS, MEASURE_KEYS, REQUIRED_HEADER_KEYS, TEXT_KEYS, VALUE_KEYS, isIndicatorKey, valueRuleForKey } from "./keys";
import type { Block, DataItem, Field, PerfModel, Placeholder, Section } from "./types";
import { BuiltBlock, EMPTY, LineField, add } from "./block-indicator";
import { type BlockCache, type PreviousBuild, PreviousBlocks, keepBlocks, newBlockCache, previousBuild } from "./reuse";
import { UnchangedLines } from "./unchanged";
import { looksNumeric, proseNumbers } from "./numbers";
import { ModelLines, TreeIndicator, TreeLinks } from "./tree-indicator";
import { HeaderReader } from "./header";
import { StructureChecks, blocksInOrder } from "./structure";

export { parseGrades } from "./header";

/**
 * Build the model. With `previous` (the model of the same document before an
 * edit), indicator blocks whose lines are unchanged (same text at the same
 * place) are reused instead of rebuilt: a keystroke rebuilds one block.
 */
export function buildModel(syntax: SyntaxTree, previous?: PerfModel): PerfModel {
  return new ModelBuilder(syntax, previousBuild(previous)).build();
}

class ModelBuilder {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly header = new Map<string, Field>();
  private readonly data = new Map<string, DataItem>();
  // Filled by index (`dataCount`, `rootCount`, `indicatorCount`) from arrays as long as the previous build's, cut
  // to the count when the walk is done: a keystroke in a file of 10,000 indicators does not grow them push by push.
  private readonly allData: DataItem[];
  private dataCount = 0;
  private readonly roots: TreeIndicator[];
  private rootCount = 0;
  private readonly indicators: TreeIndicator[];
  private indicatorCount = 0;
  private readonly measures: TreeIndicator[] = [];
  private readonly sections: Section[] = [];
  private placeholders: Placeholder[] = [];

  private blockCache!: BlockCache;
  private blockCount = 0;
  private readonly previousBlocks: PreviousBlocks;
  private readonly unchanged: UnchangedLines;

  constructor(
    private readonly syntax: SyntaxTree,
    private readonly previous: PreviousBuild | undefined,
  ) {
    this.allData = previous ? new Array(previous.allData.length) : [];
    this.indicators = previous ? new Array(previous.indicatorCount) : [];
    this.roots = previous ? new Array(previous.rootCount) : [];
    this.previousBlocks = new PreviousBlocks(previous);
    this.unchanged = new UnchangedLines(syntax, previous);
  }

  build(): PerfModel {
    const { lines, conflictLines } = this.syntax;
    this.prefetch();
    // Where each block ends: the line before the next heading.
    const headingLines = this.unchanged.headings();
    this.blockCache = newBlockCache(this.previous, headingLines);

    const firstHeading = headingLines.length ? headingLines[0] : lines.length;
    for (let i = 0; i < firstHeading; i++) this.headerLine(i);

    const source = new ModelLines(lines, conflictLines);
    const tree = new TreeLinks();
    for (let h = 0; h < headingLines.length; h++) {
      const start = headingLines[h];
      const end = (h + 1 < headingLines.length ? headingLines[h + 1] : lines.length) - 1;
      // A block the previous build had, on the same line objects, is what its heading and lines make now: its
      // heading node need not be read again.
      let block = this.reusedBlock(start, end);
      if (!block) {
        const node = lines[start].node;
        if (node.kind !== "heading") continue;
        if (node.weight === null && !this.hasMeasureFields(start + 1, end)) {
          tree.parentAt(node.level);
          const section: Section = { title: this.syntax.lines[start].text.slice(node.titleSpan[0], node.titleSpan[1]), level: node.level, line: start, endLine: end, titleSpan: node.titleSpan };
          this.sections.push(section);
          for (let i = start + 1; i <= end; i++) this.proseLine(i);
          continue;
        }
        block = this.newBlock(start, end);
      }
      const open = tree.parentAt(block.level);
      const ind = new TreeIndicator(block, block.weight !== null ? open : undefined, source);
      if (ind.weight !== null) {
        if (!ind.parent) this.roots[this.rootCount++] = ind;
        this.indicators[this.indicatorCount++] = ind;
        tree.add(ind);
      } else {
        this.measures.push(ind);
      }
    }
    tree.closeAll();
    this.placeholders = this.unchanged.placeholders();
    this.tables(firstHeading);
    this.allData.length = this.dataCount;
    this.indicators.length = this.indicatorCount;
    this.roots.length = this.rootCount;

    const headerReader = new HeaderReader(this.syntax, this.header, this.diagnostics);
    headerReader.checkYear();
    const statedTotal = headerReader.statedTotal();
    const scope = headerReader.scope();
    const policy = headerReader.policy();
    const structure = new StructureChecks(source, this.roots, this.indicators, this.data, this.header, this.diagnostics, this.blockCache.weightSums, this.blockCache.cleanSiblings);
    if (scope === "项目支出") structure.addExecutionRow(policy);
    structure.checkStructure(policy);
    for (const key of REQUIRED_HEADER_KEYS) {
      if (!this.header.has(key)) this.diagnostics.push(makeDiagnostic("PE103", lineRange(0, 0, lines[0]?.text.length ?? 0), { key }));
    }
    const { sections, indicators, measures } = this;
    let blocks: Block[] | undefined;
    const model: PerfModel = {
      syntax: this.syntax,
      header: this.header,
      scope,
      policy,
      statedTotal,
      data: this.data,
      allData: this.allData,
      roots: this.roots,
      indicators: this.indicators,
      measures: this.measures,
      sections: this.sections,
      // Built when first read (the report and the outline read it; scoring does not).
      get blocks(): Block[] {
        blocks ??= blocksInOrder(sections, indicators, measures);
        return blocks;
      },
      placeholders: this.placeholders,
      diagnostics: this.diagnostics,
    };
    this.blockCache.blocks.length = this.blockCount;
    if (conflictLines.size === 0) keepBlocks(model, this.blockCache);
    return model;
  }

  /**
   * Parse the values of lines never parsed before in one batch (a cold file: one Peggy call instead of one per
   * field). The lines the previous build had were offered to it then.
   */
  private prefetch(): void {
    const requests: ValueRequest[] = [];
    const lines = this.syntax.lines;
    for (let i = this.unchanged.from; i < this.unchanged.to; i++) {
      const line = lines[i];
      const node = line.node;
      if (node.kind !== "field" || line.valueRule !== undefined) continue;
      const rule = valueRuleForKey(node.key.text);
      if (rule === undefined || node.value.span[0] === node.value.span[1]) continue;
      requests.push({ line, rule, start: node.value.span[0], end: node.value.span[1] });
    }
    prefetchValues(requests);
  }

  /**
   * The previous build's block from `start` to `end` when its lines are the same objects (the previous model is not
   * changed), with the diagnostics and data items it gave; else undefined.
   */
  private reusedBlock(start: number, end: number): BuiltBlock | undefined {
    const at = this.previousBlocks.find(start, end);
    if (at < 0 || !this.unchanged.sameAt(start, end)) return undefined;
    const previous = this.previous!;
    const cache = this.blockCache;
    const k = this.blockCount++;
    const diagnostics = previous.cache.diagnostics[at];
    if (diagnostics) {
      this.diagnostics.push(...diagnostics);
      cache.diagnostics[k] = diagnostics;
    }
    // Its data items, from where they stand in the previous model's list (one array read in order).
    const a0 = this.dataCount;
    const data = previous.allData;
    for (let j = previous.cache.dataRanges[2 * at], to = previous.cache.dataRanges[2 * at + 1]; j < to; j++) this.allData[this.dataCount++] = data[j];
    cache.dataRanges[2 * k] = a0;
    cache.dataRanges[2 * k + 1] = this.dataCount;
    const reused = previous.cache.blocks[at];
    cache.blocks[k] = reused;
    return reused;
  }

  /** A block built from its lines, kept for the next build with the diagnostics and data items it gave. */
  private newBlock(start: number, end: number): BuiltBlock {
    const cache = this.blockCache;
    const k = this.blockCount++;
    const d0 = this.diagnostics.length;
    const a0 = this.dataCount;
    const block = this.block(start, end);
    if (this.diagnostics.length > d0) cache.diagnostics[k] = this.diagnostics.slice(d0);
    cache.dataRanges[2 * k] = a0;
    cache.dataRanges[2 * k + 1] = this.dataCount;
    cache.blocks[k] = block;
    return block;
  }

  // ── lines by place ──

  private field(i: number, node: FieldLine): Field {
    const text = this.syntax.lines[i].text;
    return new LineField(node.key.text, i, node.key.span, node.value.span, text);
  }

  private folded(i: number, node: FieldLine): string {
    return this.syntax.lines[i].folded.slice(node.value.span[0], node.value.span[1]);
  }

  private headerLine(i: number): void {
    if (this.syntax.conflictLines.has(i)) return;
    const node = this.syntax.lines[i].node;
    if (node.kind !== "field") return;
    const f = this.field(i, node);
    if (HEADER_KEYS.has(f.key)) {
      if (this.header.has(f.key)) this.diagnostics.push(makeDiagnostic("PE104", lineRange(i, f.keySpan[0], f.keySpan[1]), { key: f.key }));
      else this.header.set(f.key, f);
      return;
    }
    if (isIndicatorKey(f.key)) {
      this.diagnostics.push(makeDiagnostic("PE105", lineRange(i, f.keySpan[0], f.keySpan[1]), { key: f.key, where: "指标标题之下", whereEn: "an indicator" }));
      return;
    }
    if (!this.dataLine(i, node, undefined, true)) {
      // Metadata in words (e.g. 单位名称：…): kept for the report, not data.
      if (!this.header.has(f.key)) this.header.set(f.key, f);
    }
  }

  private proseLine(i: number): void {
    if (this.syntax.conflictLines.has(i)) return;
    const node = this.syntax.lines[i].node;
    if (node.kind === "field" && !HEADER_KEYS.has(node.key.text) && !isIndicatorKey(node.key.text)) {
      if (this.dataLine(i, node, undefined, false)) return;
    }
    if (node.kind === "text" || node.kind === "field" || node.kind === "item") proseNumbers(this.syntax.lines[i].folded, i, this.diagnostics);
  }

  /**
   * A `key：quantity [= expression]` line as a data item. `strict`: a value that
   * starts like a number but does not parse is an error (header, indicators);
   * otherwise (prose) the line simply stays text. Returns whether the line
   * was taken as data (or diagnosed as bad data).
   */
  private dataLine(i: number, node: FieldLine, scope: BuiltBlock | undefined, strict: boolean): boolean {
    const folded = this.folded(i, node);
    if (folded.length === 0) return false;
    const parsed = parseValue<DataValueNode>("DataValue", folded, i, node.value.span[0], this.syntax.lines[i]);
    if (!parsed.ok) {
      if (strict && looksNumeric(folded)) {
        this.diagnostics.push(parsed.diagnostic);
        return true;
      }
      return false;
    }
    const f = this.field(i, node);
    const q = parsed.value.quantity;
    const stated = q ? this.quantity(q, i) : undefined;
    if (q && !stated && !parsed.value.derivation) return true;
    const item: DataItem = { name: f.key, field: f, node: parsed.value, stated, scope };
    if (scope && scope.data === EMPTY) scope.data = new Map();
    const map = scope ? scope.data : this.data;
    const prior = map.get(f.key);
    if (prior) {
      this.diagnostics.push(makeDiagnostic("PE604", lineRange(i, f.keySpan[0], f.keySpan[1]), { name: f.key, line: prior.field.line + 1 }));
      return true;
    }
    map.set(f.key, item);
    this.allData[this.dataCount++] = item;
    return true;
  }

  /** Pipe tables of the header and the prose sections: their cells are shared data (model/tables.ts). */
  private tables(firstHeading: number): void {
    const ranges: [number, number][] = [[0, firstHeading - 1], ...this.sections.map((s): [number, number] => [s.line + 1, s.endLine])];
    const t = readTables(this.syntax, ranges);
    this.diagnostics.push(...t.diagnostics);
    for (const item of t.items) {
      if (this.data.has(item.name)) continue;
      this.data.set(item.name, item);
      this.allData[this.dataCount++] = item;
    }
    for (const [alias, cells] of FUNDING_ALIASES) {
      const item = cells.map((c) => this.data.get(c)).find((x) => x !== undefined);
      if (item && !this.data.has(alias)) this.data.set(alias, { ...item, name: alias });
    }
  }

  /** A quantity node to a Quantity, diagnosing an unknown unit. */
  private quantity(q: QuantityNode, line: number): Quantity | undefined {
    const unit = q.unit?.text ?? null;
    const result = Quantity.fromWritten(q.value, unit, q.approx);
    if (!result && q.unit) this.diagnostics.push(makeDiagnostic("PE203", lineRange(line, q.unit.span[0], q.unit.span[1]), { unit: q.unit.text }));
    return result;
  }

  private hasMeasureFields(from: number, to: number): boolean {
    for (let i = from; i <= to; i++) {
      const n = this.syntax.lines[i].node;
      if (n.kind === "field" && MEASURE_KEYS.has(n.key.text)) return true;
    }
    return false;
  }

  /** Reserved keys seen in the block being built (a repeated one is PE104). */
  private readonly seenKeys = new Set<string>();
  /** Which of 目标's columns gave an indicator its target (TARGET_ALIASES). */
  private readonly targetPriority = new WeakMap<BuiltBlock, number>();

  private block(start: number, end: number): BuiltBlock {
    const node = this.syntax.lines[start].node;
    if (node.kind !== "heading") throw new Error("not a heading");
    let weight: Decimal | null = null;
    if (node.weight) weight = parseDecimal(node.weight.value);
    const ind = new BuiltBlock(
      this.syntax.lines[start].text.slice(node.titleSpan[0], node.titleSpan[1]),
      node.level,
      start,
      end,
      node.titleSpan,
      weight,
      node.weight?.value ?? null,
      node.weight?.span ?? null,
    );
    this.seenKeys.clear();
    for (let i = start + 1; i <= end; i++) {
      if (this.syntax.conflictLines.has(i)) continue;
      const line = this.syntax.lines[i];
      const n = line.node;
      switch (n.kind) {
        case "check":
          add(ind, "checks", { text: line.text.slice(n.text.span[0], n.text.span[1]), checked: n.checked, line: i });
          break;
        case "item":
          add(ind, "findings", { text: line.text.slice(n.text.span[0], n.text.span[1]), line: i });
          break;
        case "text":
          add(ind, "textLines", i);
          proseNumbers(this.syntax.lines[i].folded, i, this.diagnostics);
          break;
        case "field":
          this.indicatorField(ind, i, n);
          break;
        default:
          break;
      }
    }
    return ind;
  }

  private indicatorField(ind: BuiltBlock, i: number, n: FieldLine): void {
    const key = n.key.text;
    if (TEXT_KEYS.has(key) || VALUE_KEYS.has(key)) {
      if (this.seenKeys.has(key)) {
        this.diagnostics.push(makeDiagnostic("PE104", lineRange(i, n.key.span[0], n.key.span[1]), { key }));
        return;
      }
      this.seenKeys.add(key);
    }
    // A text field is in the indicator's `fields` (made when read); nothing to parse.
    if (TEXT_KEYS.has(key)) return;
    const f = this.field(i, n);
    const folded = this.folded(i, n);
    const at = n.value.span[0];
    const alias = TARGET_ALIASES[key];
    switch ((alias?.as ?? key) as string) {
      case "公式": {
        const r = parseValue<ExprNode>("Expression", folded, i, at, this.syntax.lines[i]);
        if (r.ok) ind.formula = { field: f, expr: r.value };
        else this.diagnostics.push(r.diagnostic);
        return;
      }
      case "目标":
      case "实际": {
        const r = parseValue<TargetNode>("Target", folded, i, at, this.syntax.lines[i]);
        if (!r.ok) {
          this.diagnostics.push(r.diagnostic);
          return;
        }
        if (r.value.kind === "qualitative" && looksNumeric(r.value.word)) {
          // A number that did not parse as a quantity: say why.
          const q = parseValue<DataValueNode>("DataValue", folded.replace(/^[≥≤<>=]+/, (m) => " ".repeat(m.length)), i, at, this.syntax.lines[i]);
          if (!q.ok) this.diagnostics.push(q.diagnostic);
          return;
        }
        if (r.value.kind === "quantitative") {
          const q = this.quantity(r.value.quantity, i);
          if (!q) return;
        }
        // 目标 and its national-form columns: the one of highest priority (调整指标值 > 目标 > 年初指标值).
        const priority = alias?.priority ?? 2;
        if (alias?.as === "目标") {
          if (ind.target && (this.targetPriority.get(ind) ?? 2) >= priority) return;
          this.targetPriority.set(ind, priority);
          ind.target = { field: f, node: r.value };
        } else if (!ind.actual) ind.actual = { field: f, node: r.value };
        return;
      }
      case "完成率": {
        const r = parseValue<DataValueNode>("DataValue", folded, i, at, this.syntax.lines[i]);
        if (!r.ok) {
          this.diagnostics.push(r.diagnostic);
          return;
        }
        const q = r.value.quantity ? this.quantity(r.value.quantity, i) : undefined;
        if (q) ind.statedRate = { field: f, quantity: q };
        return;
      }
      case "评分": {
        // The compact syntax, or a sentence as provinces print it (scoring/rules/printed).
        const r = readRuleValue(folded, i, at, this.syntax.lines[i], ind.name);
        if (r.ok) ind.rule = { field: f, clauses: r.clauses, ...(r.reading ? { reading: r.reading } : {}) };
        else this.diagnostics.push(r.diagnostic);
        return;
      }
      case "得分": {
        const r = parseValue<ScoreNode>("Score", folded, i, at, this.syntax.lines[i]);
        if (r.ok) ind.statedScore = { field: f, value: parseDecimal(r.value.value), text: r.value.value };
        else this.diagnostics.push(r.diagnostic);
        return;
      }
      default:
        break;
    }
    if (HEADER_KEYS.has(key)) {
      this.diagnostics.push(makeDiagnostic("PE105", lineRange(i, f.keySpan[0], f.keySpan[1]), { key, where: "表头（第一个标题之前）", whereEn: "the header (before the first heading)" }));
      return;
    }
    if (!this.dataLine(i, n, ind, true)) add(ind, "textLines", i);
  }
}
