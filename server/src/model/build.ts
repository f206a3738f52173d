/**
 * The model stage: syntax tree → model. Decides what each line is in its
 * place (header field, data item, indicator field, prose), nests indicators
 * by heading level, parses field values, and checks the structure (weights,
 * duplicates, required header keys). Never throws: what is wrong becomes a
 * diagnostic and the rest is built.
 */
import { NONE } from "../empty";
import type Decimal from "decimal.js";
import { D, parseDecimal } from "../quantity/decimal";
import { Quantity } from "../quantity/quantity";
import { lookupUnit } from "../quantity/units";
import { parseValue, prefetchValues, type SourceLine, type SyntaxTree, type ValueRequest } from "../syntax/parse";
import type { ClauseNode, DataValueNode, ExprNode, FieldLine, QuantityNode, ScoreNode, Span, TargetNode } from "../syntax/ast";
import { makeDiagnostic, lineRange, type Diagnostic } from "../diagnostics/catalogue";
import type { FieldLookup } from "./fields";
import { readRuleValue } from "../scoring/rules/printed";
import { readPrecision } from "../scoring/precision";
import { HEADER_KEYS, MEASURE_KEYS, REQUIRED_HEADER_KEYS, TEXT_KEYS, VALUE_KEYS, isIndicatorKey, valueRuleForKey } from "./keys";
import type { Block, CheckPoint, DataItem, Field, Finding, Indicator, PerfModel, Placeholder, Policy, Scope, Section } from "./types";
import { formatDecimal } from "../quantity/decimal";

const DEFAULT_GRADES = "优 90；良 80；中 60；差 0";

/**
 * A model's built indicator blocks, kept so that the next build can reuse
 * those whose lines did not change: the indicator by its first line (an array
 * indexed by line: blocks come in line order, so it stays dense enough to be
 * fast), and the diagnostics and data items the block gave, where it gave
 * any. A block's lines are those of the model's syntax tree (immutable
 * objects shared by parses: compared by identity), from `indicator.line` to
 * `indicator.endLine`.
 */
interface BlockCache {
  indicators: BlockIndicator[];
  diagnostics: Diagnostic[][];
  data: DataItem[][];
}

/**
 * A field of a line: its value is sliced from the line when read (most
 * values of a large file are never read as text; the parsed value is what
 * the model keeps).
 */
class LineField implements Field {
  constructor(
    readonly key: string,
    readonly line: number,
    readonly keySpan: Span,
    readonly valueSpan: Span,
    private readonly source: string,
  ) {}

  get value(): string {
    return this.source.slice(this.valueSpan[0], this.valueSpan[1]);
  }
}

/**
 * An indicator built from its block of lines. Its `fields` map (the block's
 * reserved-key fields, first of each key) is made when first read: scoring
 * asks only whether a key is there (`hasField`), which a look at the block's
 * few lines answers; the report and hover read the map. The fields that carry
 * a parsed value (`formula`, `rule`, …) are the same objects in the map.
 */
class BlockIndicator implements Indicator, FieldLookup {
  parent: Indicator | undefined;
  children: Indicator[] = NONE;
  data: Map<string, DataItem> = EMPTY;
  checks: CheckPoint[] = NONE;
  findings: Finding[] = NONE;
  textLines: number[] = NONE;
  formula: Indicator["formula"] = undefined;
  target: Indicator["target"] = undefined;
  actual: Indicator["actual"] = undefined;
  statedRate: Indicator["statedRate"] = undefined;
  rule: Indicator["rule"] = undefined;
  statedScore: Indicator["statedScore"] = undefined;
  virtual: boolean | undefined = undefined;
  subtreeEndLine: number;
  private fieldMap: Map<string, Field> | undefined = undefined;

  constructor(
    readonly name: string,
    readonly level: number,
    readonly line: number,
    readonly endLine: number,
    readonly titleSpan: Span,
    readonly weight: Decimal | null,
    readonly weightText: string | null,
    readonly weightSpan: Span | null,
    parent: Indicator | undefined,
    /** The syntax tree the block's lines are in (re-pointed when the block is reused by a later build). */
    private source: SyntaxTree,
  ) {
    this.subtreeEndLine = endLine;
    this.parent = parent;
  }

  get fields(): Map<string, Field> {
    return (this.fieldMap ??= this.collectFields());
  }

  set fields(map: Map<string, Field>) {
    this.fieldMap = map;
  }

  /** Whether the block has a field with this reserved key (without making the map). */
  hasField(key: string): boolean {
    return this.fieldMap ? this.fieldMap.has(key) : this.fieldLine(key) >= 0;
  }

  /** The field with this reserved key, without making the map (a fresh object when the map is not made yet). */
  findField(key: string): Field | undefined {
    if (this.fieldMap) return this.fieldMap.get(key);
    const i = this.fieldLine(key);
    return i < 0 ? undefined : this.lineField(i);
  }

  /** The block reused by a build of a later version: its lines are the same objects in that version's tree. */
  rebind(source: SyntaxTree): void {
    this.source = source;
  }

  private collectFields(): Map<string, Field> {
    const map = new Map<string, Field>();
    const parsed = [this.formula?.field, this.target?.field, this.actual?.field, this.statedRate?.field, this.rule?.field, this.statedScore?.field];
    this.eachField((key, i) => {
      if (map.has(key) || !(TEXT_KEYS.has(key) || VALUE_KEYS.has(key))) return;
      map.set(key, parsed.find((f) => f !== undefined && f.line === i) ?? this.lineField(i));
    });
    return map;
  }

  /** The first line of the block with a field of this key, or -1. */
  private fieldLine(key: string): number {
    let found = -1;
    this.eachField((k, i) => {
      if (k !== key) return;
      found = i;
      return true;
    });
    return found;
  }

  /** Each field line of the block (not in a conflict region), in order, until `visit` returns true. */
  private eachField(visit: (key: string, line: number) => boolean | void): void {
    const { lines, conflictLines } = this.source;
    for (let i = this.line + 1; i <= this.endLine; i++) {
      const n = lines[i].node;
      if (n.kind === "field" && !conflictLines.has(i) && visit(n.key.text, i)) return;
    }
  }

  private lineField(i: number): Field {
    const line = this.source.lines[i];
    const n = line.node as FieldLine;
    return new LineField(n.key.text, i, n.key.span, n.value.span, line.text);
  }
}

/** The lists an indicator starts with `NONE` (a leaf has no children; most indicators no checks) and owns at its first entry. */
type ListKey = "children" | "checks" | "findings" | "textLines";

function add<K extends ListKey>(ind: Indicator, key: K, item: Indicator[K][number]): void {
  const list = ind[key] as unknown[];
  if (list === NONE) (ind[key] as unknown[]) = [item];
  else list.push(item);
}

/**
 * The empty map an indicator starts with (most have no data items of their
 * own): replaced by a map of its own at the first entry, never written to.
 */
class EmptyMap extends Map<never, never> {
  override set(): this {
    throw new Error("EMPTY is shared: give the indicator a map of its own");
  }
}
const EMPTY: Map<never, never> = new EmptyMap();

const blockCaches = new WeakMap<PerfModel, BlockCache>();

/**
 * Build the model. With `previous` (the model of the same document before an
 * edit), indicator blocks whose lines are unchanged (same text at the same
 * place) are reused instead of rebuilt: a keystroke rebuilds one block.
 */
export function buildModel(syntax: SyntaxTree, previous?: PerfModel): PerfModel {
  return new ModelBuilder(syntax, previous ? blockCaches.get(previous) : undefined, previous?.syntax.lines).build();
}

class ModelBuilder {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly header = new Map<string, Field>();
  private readonly data = new Map<string, DataItem>();
  private readonly allData: DataItem[] = [];
  private readonly roots: Indicator[] = [];
  private readonly indicators: Indicator[] = [];
  private readonly measures: Indicator[] = [];
  private readonly sections: Section[] = [];
  private readonly placeholders: Placeholder[] = [];

  private readonly blockCache: BlockCache;

  constructor(
    private readonly syntax: SyntaxTree,
    private readonly previousBlocks?: BlockCache,
    private readonly previousLines?: SourceLine[],
  ) {
    // Sized to the document at once: blocks are stored by first line, in order (no growing as they come).
    this.blockCache = { indicators: new Array(syntax.lines.length), diagnostics: [], data: [] };
  }

  build(): PerfModel {
    const { lines, conflictLines } = this.syntax;
    this.prefetch();
    // Where each block ends: the line before the next heading.
    const headingLines: number[] = [];
    for (let i = 0; i < lines.length; i++) if (lines[i].node.kind === "heading" && !conflictLines.has(i)) headingLines.push(i);

    const firstHeading = headingLines.length ? headingLines[0] : lines.length;
    for (let i = 0; i < firstHeading; i++) this.headerLine(i);

    const stack: Indicator[] = [];
    for (let h = 0; h < headingLines.length; h++) {
      const start = headingLines[h];
      const end = (h + 1 < headingLines.length ? headingLines[h + 1] : lines.length) - 1;
      const node = lines[start].node;
      if (node.kind !== "heading") continue;
      while (stack.length && stack[stack.length - 1].level >= node.level) stack.pop();
      const isMeasure = node.weight === null && this.hasMeasureFields(start + 1, end);
      if (node.weight !== null || isMeasure) {
        const ind = this.cachedIndicator(start, end, stack[stack.length - 1]);
        if (ind.weight !== null) {
          if (ind.parent) add(ind.parent, "children", ind);
          else this.roots.push(ind);
          this.indicators.push(ind);
          stack.push(ind);
        } else {
          this.measures.push(ind);
        }
      } else {
        const section: Section = { title: this.syntax.lines[start].text.slice(node.titleSpan[0], node.titleSpan[1]), level: node.level, line: start, endLine: end, titleSpan: node.titleSpan };
        this.sections.push(section);
        for (let i = start + 1; i <= end; i++) this.proseLine(i);
      }
    }
    for (let i = 0; i < lines.length; i++) this.scanPlaceholders(i);

    this.checkYear();
    const statedTotal = this.statedTotal();
    const scope = this.scope();
    const policy = this.policy();
    if (scope === "项目支出") this.addExecutionRow(policy);
    this.computeSubtreeEnds();
    this.checkStructure(policy);
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
        return (blocks ??= blocksInOrder(sections, indicators, measures));
      },
      placeholders: this.placeholders,
      diagnostics: this.diagnostics,
    };
    if (conflictLines.size === 0) blockCaches.set(model, this.blockCache);
    return model;
  }

  /** Parse the values of lines never parsed before in one batch (a cold file: one Peggy call instead of one per field). */
  private prefetch(): void {
    const requests: ValueRequest[] = [];
    const lines = this.syntax.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const node = line.node;
      if (node.kind !== "field" || line.valueRule !== undefined) continue;
      const rule = valueRuleForKey(node.key.text);
      if (rule === undefined || node.value.span[0] === node.value.span[1]) continue;
      requests.push({ line, rule, start: node.value.span[0], end: node.value.span[1] });
    }
    prefetchValues(requests);
  }

  /** An indicator block, reused from the previous build when its lines are the same. */
  private cachedIndicator(start: number, end: number, parent: Indicator | undefined): Indicator {
    const lines = this.syntax.lines;
    const previous = this.previousBlocks;
    const before = this.previousLines;
    const cache = this.blockCache;
    let hit = previous?.indicators[start];
    if (hit !== undefined && (before === undefined || hit.endLine !== end)) hit = undefined;
    for (let k = start; hit && k <= end; k++) if (before![k] !== lines[k]) hit = undefined;
    if (hit) {
      const ind = hit;
      ind.rebind(this.syntax);
      ind.children = NONE;
      ind.parent = ind.weight !== null ? parent : undefined;
      ind.subtreeEndLine = ind.endLine;
      const diagnostics = previous!.diagnostics[start];
      const data = previous!.data[start];
      if (diagnostics) {
        this.diagnostics.push(...diagnostics);
        cache.diagnostics[start] = diagnostics;
      }
      if (data) {
        this.allData.push(...data);
        cache.data[start] = data;
      }
      cache.indicators[start] = ind;
      return ind;
    }
    const d0 = this.diagnostics.length;
    const a0 = this.allData.length;
    const ind = this.indicator(start, end, parent);
    if (this.diagnostics.length > d0) cache.diagnostics[start] = this.diagnostics.slice(d0);
    if (this.allData.length > a0) cache.data[start] = this.allData.slice(a0);
    cache.indicators[start] = ind;
    return ind;
  }

  // ── lines by place ──

  private field(i: number, node: FieldLine): Field {
    const text = this.syntax.lines[i].text;
    return new LineField(node.key.text, i, node.key.span, node.value.span, text);
  }

  private foldedField(f: Field): string {
    return this.syntax.lines[f.line].folded.slice(f.valueSpan[0], f.valueSpan[1]);
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
    if (node.kind === "text" || node.kind === "field" || node.kind === "item") this.checkProseNumbers(i);
  }

  /**
   * A `key：quantity [= expression]` line as a data item. `strict`: a value that
   * starts like a number but does not parse is an error (header, indicators);
   * otherwise (prose) the line simply stays text. Returns whether the line
   * was taken as data (or diagnosed as bad data).
   */
  private dataLine(i: number, node: FieldLine, scope: Indicator | undefined, strict: boolean): boolean {
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
    const item: DataItem = { name: f.key, field: f, node: parsed.value, stated: undefined, scope };
    const q = parsed.value.quantity;
    if (q) {
      const stated = this.quantity(q, i);
      if (stated) item.stated = stated;
      else if (!parsed.value.derivation) return true;
    }
    if (scope && scope.data === EMPTY) scope.data = new Map();
    const map = scope ? scope.data : this.data;
    const prior = map.get(f.key);
    if (prior) {
      this.diagnostics.push(makeDiagnostic("PE604", lineRange(i, f.keySpan[0], f.keySpan[1]), { name: f.key, line: prior.field.line + 1 }));
      return true;
    }
    map.set(f.key, item);
    this.allData.push(item);
    return true;
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

  private indicator(start: number, end: number, parent: Indicator | undefined): BlockIndicator {
    const node = this.syntax.lines[start].node;
    if (node.kind !== "heading") throw new Error("not a heading");
    let weight: Decimal | null = null;
    if (node.weight) weight = parseDecimal(node.weight.value);
    const ind = new BlockIndicator(
      this.syntax.lines[start].text.slice(node.titleSpan[0], node.titleSpan[1]),
      node.level,
      start,
      end,
      node.titleSpan,
      weight,
      node.weight?.value ?? null,
      node.weight?.span ?? null,
      weight !== null ? parent : undefined,
      this.syntax,
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
          this.checkProseNumbers(i);
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

  private indicatorField(ind: Indicator, i: number, n: FieldLine): void {
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
    switch (key) {
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
        if (key === "目标") ind.target = { field: f, node: r.value };
        else ind.actual = { field: f, node: r.value };
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

  /** `18.8841.4 万元` in prose: a number with two decimal points before a unit. */
  private checkProseNumbers(i: number): void {
    const folded = this.syntax.lines[i].folded;
    if (folded.length > 20000 || !/\d\.\d+\./.test(folded)) return;
    const re = /(?<![\d.])\d+\.\d+(?:\.\d+)+(?![\d.])/g;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const after = folded.slice(m.index + m[0].length).trimStart();
      const unit = /^[^\s\d.,;:()，。；：]{1,4}/.exec(after)?.[0] ?? "";
      let known = false;
      for (let k = unit.length; k > 0 && !known; k--) known = lookupUnit(unit.slice(0, k)) !== undefined;
      if (known) this.diagnostics.push(makeDiagnostic("PE208", lineRange(i, m.index, m.index + m[0].length), { text: m[0] }));
    }
  }

  private scanPlaceholders(i: number): void {
    const line = this.syntax.lines[i];
    if (this.syntax.conflictLines.has(i) || line.node.kind === "comment" || !line.text.includes("{{")) return;
    const re = /\{\{([^{}]*)\}\}/g;
    for (let m = re.exec(line.text); m; m = re.exec(line.text)) {
      this.placeholders.push({ name: m[1].trim(), line: i, span: [m.index, m.index + m[0].length] });
    }
  }

  // ── header semantics ──

  private statedTotal(): PerfModel["statedTotal"] {
    const f = this.header.get("自评总分");
    if (!f) return undefined;
    const r = parseValue<ScoreNode>("Score", this.foldedField(f), f.line, f.valueSpan[0], this.syntax.lines[f.line]);
    if (!r.ok) {
      this.diagnostics.push(r.diagnostic);
      return undefined;
    }
    return { field: f, value: parseDecimal(r.value.value), text: r.value.value };
  }

  private checkYear(): void {
    const f = this.header.get("年度");
    if (!f) return;
    const v = this.foldedField(f).trim();
    if (!/^\d{4}\s*年?(度)?$/.test(v)) {
      this.diagnostics.push(makeDiagnostic("PE106", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { key: "年度", value: f.value, expected: "四位年份，如 2024", expectedEn: "a four-digit year such as 2024" }));
    }
  }

  private scope(): Scope {
    const f = this.header.get("类型");
    if (!f) return "部门整体支出";
    const v = f.value.trim();
    if (v === "项目支出" || v === "部门整体支出") return v;
    if (v.includes("项目")) return "项目支出";
    this.diagnostics.push(
      makeDiagnostic("PE106", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), {
        key: "类型",
        value: v,
        expected: "“部门整体支出”或“项目支出”",
        expectedEn: "部门整体支出 or 项目支出",
      }),
    );
    return "部门整体支出";
  }

  private policy(): Policy {
    const policy: Policy = { reverse: "差额", overAchievement: new D("1.2"), executionCaps: [], fullScore: new D(100), grades: [] };
    const bad = (f: Field, expected: string, expectedEn: string) =>
      this.diagnostics.push(makeDiagnostic("PE106", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { key: f.key, value: f.value, expected, expectedEn }));
    const full = this.header.get("满分");
    if (full) {
      const r = parseValue<ScoreNode>("Score", this.foldedField(full), full.line, full.valueSpan[0], this.syntax.lines[full.line]);
      if (r.ok && parseDecimal(r.value.value).greaterThan(0)) policy.fullScore = parseDecimal(r.value.value);
      else bad(full, "正数，如 100", "a positive number such as 100");
    }
    const precision = this.header.get("得分精度");
    if (precision) {
      // 得分精度：1 (also 1位, 1位小数, 一位小数): decimals of a leaf score, 0–4.
      const n = readPrecision(precision.value);
      if (n === undefined) bad(precision, "0～4 的整数（小数位数），如“得分精度：1”", "a whole number of decimals 0–4, such as 得分精度：1");
      else policy.scorePrecision = n;
    }
    const rev = this.header.get("反向算法");
    if (rev) {
      const v = rev.value.trim();
      if (v === "差额" || v === "比率") policy.reverse = v;
      else bad(rev, "“差额”或“比率”", "差额 or 比率");
    }
    const over = this.header.get("超额预警");
    if (over) {
      // `120%`, or a plain multiple `1.2`.
      const v = this.foldedField(over).trim();
      const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(v);
      const q = m ? Quantity.fromWritten(m[1], m[2] ? "%" : null) : undefined;
      if (q && q.value.greaterThan(0)) policy.overAchievement = q.value;
      else bad(over, "百分比，如 120%", "a percentage such as 120%");
    }
    const caps = this.header.get("执行率封顶");
    if (caps && !/^(否|无|不封顶)$/.test(caps.value.trim())) {
      const folded = this.syntax.lines[caps.line].folded.slice(caps.valueSpan[0], caps.valueSpan[1]);
      const r = parseValue<ClauseNode[]>("Rule", folded, caps.line, caps.valueSpan[0], this.syntax.lines[caps.line]);
      const clauses = r.ok ? r.value : [];
      for (const c of clauses) {
        if (c.kind === "band" && !c.score.full && c.score.value !== undefined) {
          const q = Quantity.fromWritten(c.quantity.value, c.quantity.unit?.text ?? "%");
          if (q) policy.executionCaps.push({ op: c.comparator.op, threshold: q.value, cap: parseDecimal(c.score.value), text: folded.slice(c.span[0] - caps.valueSpan[0], c.span[1] - caps.valueSpan[0]) });
        }
      }
      if (!r.ok || policy.executionCaps.length !== clauses.length || clauses.length === 0) bad(caps, "“否”，或如“<80% 89”（执行率低于 80% 时总分最高 89）", "否, or e.g. <80% 89 (below 80 % execution the total is capped at 89)");
    }
    const gradesField = this.header.get("等级划分");
    const parsed = gradesField ? parseGrades(this.foldedField(gradesField)) : undefined;
    if (gradesField && !parsed) bad(gradesField, "如“优 90；良 80；中 60；差 0”", "e.g. 优 90；良 80；中 60；差 0");
    // The default bands are percentages of 满分 (90 of 100): they scale with it.
    policy.grades = parsed ?? parseGrades(DEFAULT_GRADES)!.map((g) => ({ name: g.name, min: g.min.times(policy.fullScore).dividedBy(100) }));
    return policy;
  }

  /** 项目支出: the fixed 预算执行率 row, unless the file writes it. */
  private addExecutionRow(policy: Policy): void {
    if (this.roots.some((r) => r.name === "预算执行率")) return;
    void policy;
    const anchor = this.data.get("全年执行数")?.field.line ?? this.data.get("全年预算数")?.field.line ?? this.header.get("类型")?.line ?? 0;
    const name = (n: string): ExprNode => ({ kind: "name", name: n, span: [0, 0] });
    const expr: ExprNode = { kind: "binary", op: "/", left: name("全年执行数"), right: name("全年预算数"), span: [0, 0] };
    const field: Field = { key: "公式", value: "全年执行数 ÷ 全年预算数", line: anchor, keySpan: [0, 0], valueSpan: [0, 0] };
    const ruleField: Field = { key: "评分", value: "比例", line: anchor, keySpan: [0, 0], valueSpan: [0, 0] };
    const ind: Indicator = {
      name: "预算执行率",
      level: 2,
      line: anchor,
      endLine: anchor,
      subtreeEndLine: anchor,
      titleSpan: [0, 0],
      weight: new D(10),
      weightText: "10",
      weightSpan: null,
      children: [],
      fields: new Map([["公式", field], ["评分", ruleField]]),
      data: new Map(),
      checks: [],
      findings: [],
      textLines: [],
      formula: { field, expr },
      rule: { field: ruleField, clauses: [{ kind: "proportional", span: [0, 0] }] },
      virtual: true,
    };
    this.roots.unshift(ind);
    this.indicators.unshift(ind);
  }

  private computeSubtreeEnds(): void {
    const visit = (ind: Indicator): number => {
      let end = ind.endLine;
      for (const c of ind.children) end = Math.max(end, visit(c));
      ind.subtreeEndLine = end;
      return end;
    };
    for (const r of this.roots) visit(r);
  }

  private checkStructure(policy: Policy): void {
    const checkSiblings = (list: Indicator[]) => {
      if (list.length < 2) return;
      const seen = new Map<string, Indicator>();
      for (const ind of list) {
        const prior = seen.get(ind.name);
        if (prior) this.diagnostics.push(makeDiagnostic("PE303", lineRange(ind.line, ind.titleSpan[0], ind.titleSpan[1]), { name: ind.name, line: prior.line + 1 }));
        else seen.set(ind.name, ind);
      }
    };
    checkSiblings(this.roots);
    for (const ind of this.indicators) {
      checkSiblings(ind.children);
      if (ind.children.length === 0 || ind.weight === null) continue;
      const sum = ind.children.reduce((acc, c) => acc.plus(c.weight ?? 0), new D(0));
      if (!sum.equals(ind.weight)) {
        const span = ind.weightSpan ?? ind.titleSpan;
        this.diagnostics.push(
          makeDiagnostic("PE301", lineRange(ind.line, span[0], span[1]), { sum: formatDecimal(sum, 4), name: ind.name, weight: formatDecimal(ind.weight, 4) }, { sum: sum.toString() }),
        );
      }
    }
    if (this.roots.length > 0) {
      const sum = this.roots.reduce((acc, c) => acc.plus(c.weight ?? 0), new D(0));
      if (!sum.equals(policy.fullScore)) {
        const first = this.roots.find((r) => !r.virtual) ?? this.roots[0];
        this.diagnostics.push(
          makeDiagnostic("PE302", lineRange(first.line, first.titleSpan[0], first.titleSpan[1]), { sum: formatDecimal(sum, 4), full: formatDecimal(policy.fullScore, 4) }),
        );
      }
    }
  }
}

/** Sections, indicators (but the added 预算执行率 row) and measures in document order: each list is in line order, so a merge. */
function blocksInOrder(sections: Section[], indicators: Indicator[], measures: Indicator[]): Block[] {
  const written = indicators.filter((i) => !i.virtual);
  const out: Block[] = [];
  let s = 0;
  let i = 0;
  let m = 0;
  while (s < sections.length || i < written.length || m < measures.length) {
    const ls = s < sections.length ? sections[s].line : Infinity;
    const li = i < written.length ? written[i].line : Infinity;
    const lm = m < measures.length ? measures[m].line : Infinity;
    if (ls <= li && ls <= lm) out.push({ kind: "section", section: sections[s++] });
    else if (li <= lm) out.push({ kind: "indicator", indicator: written[i++] });
    else out.push({ kind: "indicator", indicator: measures[m++] });
  }
  return out;
}

/** Whether a value is meant as a number: digits, or a Chinese numeral with at most a unit after it. */
function looksNumeric(text: string): boolean {
  if (/^\s*(约|近)?\s*[+-]?\d/.test(text)) return true;
  const m = /^\s*(约|近)?\s*([零〇一二两三四五六七八九十百千万亿点]+)\s*(余|多)?\s*/.exec(text);
  if (!m) return false;
  const rest = text.slice(m[0].length).trim();
  return rest === "" || lookupUnit(rest) !== undefined;
}

/** `优 90；良 80；中 60；差 0` → bands, highest first. */
export function parseGrades(text: string): { name: string; min: Decimal }[] | undefined {
  const parts = text.split(/[;；,，、]/).map((p) => p.trim()).filter(Boolean);
  const out: { name: string; min: Decimal }[] = [];
  for (const p of parts) {
    const m = /^(\S+?)\s*[:：]?\s*(?:≥|>=|大于等于)?\s*(\d+(?:\.\d+)?)\s*分?\s*(?:以上|及以上)?$/.exec(p.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
    if (!m) return undefined;
    out.push({ name: m[1], min: parseDecimal(m[2]) });
  }
  if (out.length === 0) return undefined;
  return out.sort((a, b) => b.min.comparedTo(a.min));
}
