/**
 * The indicator tree's structure: the 预算执行率 row a 项目支出 file gets,
 * the weight sums (PE301, PE302) and duplicate sibling names (PE303), and
 * the document's blocks in order. (The tree links and subtree ends are made
 * as the blocks are walked: `TreeLinks`, model/tree-indicator.ts.)
 */
import { D, formatDecimal } from "../quantity/decimal";
import type { SumMemo } from "../quantity/sum-memo";
import type { ExprNode } from "../syntax/ast";
import { makeDiagnostic, lineRange, type Diagnostic } from "../diagnostics/catalogue";
import type Decimal from "decimal.js";
import type { Block, DataItem, Field, Indicator, IndicatorBlock, Policy, Section } from "./types";
import type { BlockLines } from "./block-indicator";
import { type FieldReader, type ModelLines, TreeIndicator } from "./tree-indicator";
import { NONE } from "../empty";

/** The 预算执行率 row of a 项目支出 file that does not write it: 全年执行数 ÷ 全年预算数, scored in proportion, 10 points. */
class ExecutionRowBlock implements IndicatorBlock, FieldReader {
  readonly name = "预算执行率";
  readonly level = 2;
  readonly titleSpan: [number, number] = [0, 0];
  readonly weight: Decimal = new D(10);
  readonly weightText = "10";
  readonly weightSpan = null;
  readonly data: ReadonlyMap<string, DataItem> = new Map();
  readonly checks = NONE;
  readonly findings = NONE;
  readonly textLines = NONE;
  readonly formula: IndicatorBlock["formula"];
  readonly rule: IndicatorBlock["rule"];
  readonly virtual = true;
  private readonly fields: ReadonlyMap<string, Field>;

  constructor(
    readonly line: number,
    formulaField: Field,
    ruleField: Field,
    expr: ExprNode,
  ) {
    this.formula = { field: formulaField, expr };
    this.rule = { field: ruleField, clauses: [{ kind: "proportional", span: [0, 0] }] };
    this.fields = new Map([
      ["公式", formulaField],
      ["评分", ruleField],
    ]);
  }

  get endLine(): number {
    return this.line;
  }

  fieldsIn(): ReadonlyMap<string, Field> {
    return this.fields;
  }

  hasFieldIn(_source: BlockLines, key: string): boolean {
    return this.fields.has(key);
  }

  findFieldIn(_source: BlockLines, key: string): Field | undefined {
    return this.fields.get(key);
  }
}

/** The structure of one build's indicator tree, checked into its diagnostics. */
export class StructureChecks {
  constructor(
    private readonly source: ModelLines,
    private readonly roots: TreeIndicator[],
    private readonly indicators: TreeIndicator[],
    private readonly data: ReadonlyMap<string, DataItem>,
    private readonly header: ReadonlyMap<string, Field>,
    private readonly diagnostics: Diagnostic[],
    /** Sibling weight sums, shared with the previous build where the weights are the same objects. */
    private readonly weightSums: SumMemo,
    /** Sibling lists found clean, shared with the previous build where the blocks are the same. */
    private readonly siblings: CleanSiblings,
  ) {}

  /**
   * 项目支出: the fixed 预算执行率 row, unless the file writes it, or its
   * written top-level weights already add up to 满分 (a province's table
   * without the row: adding it would make 满分 + 10).
   */
  addExecutionRow(policy: Policy): void {
    if (this.roots.some((r) => r.name === "预算执行率")) return;
    if (this.roots.length > 0 && this.roots.every((r) => r.weight !== null)) {
      const written = this.roots.reduce((sum: Decimal, r) => sum.plus(r.weight ?? 0), new D(0));
      if (written.eq(policy.fullScore)) return;
    }
    const anchor = this.data.get("全年执行数")?.field.line ?? this.data.get("全年预算数")?.field.line ?? this.header.get("类型")?.line ?? 0;
    const name = (n: string): ExprNode => ({ kind: "name", name: n, span: [0, 0] });
    const expr: ExprNode = { kind: "binary", op: "/", left: name("全年执行数"), right: name("全年预算数"), span: [0, 0] };
    const field: Field = { key: "公式", value: "全年执行数 ÷ 全年预算数", line: anchor, keySpan: [0, 0], valueSpan: [0, 0] };
    const ruleField: Field = { key: "评分", value: "比例", line: anchor, keySpan: [0, 0], valueSpan: [0, 0] };
    const ind = new TreeIndicator(new ExecutionRowBlock(anchor, field, ruleField, expr), undefined, this.source);
    this.roots.unshift(ind);
    this.indicators.unshift(ind);
  }

  checkStructure(policy: Policy): void {
    const weightOf = (c: Indicator) => c.weight;
    // The roots' sum first: its place among the kept sums does not move with the parents checked below.
    const rootSum = this.roots.length > 0 ? this.weightSums.sumOf(this.roots, weightOf).sum : undefined;
    if (!this.siblings.knownClean(undefined, this.roots)) this.siblings.record(undefined, this.roots, this.namesUnique(this.roots));
    for (let k = 0; k < this.indicators.length; k++) {
      const ind = this.indicators[k];
      const children = ind.children;
      if (children.length === 0 || this.siblings.knownClean(ind.block, children)) continue;
      let clean = this.namesUnique(children);
      if (ind.weight !== null) {
        const sum = this.weightSums.sumOf(children, weightOf).sum;
        if (!sum.equals(ind.weight)) {
          const span = ind.weightSpan ?? ind.titleSpan;
          this.diagnostics.push(
            makeDiagnostic("PE301", lineRange(ind.line, span[0], span[1]), { sum: formatDecimal(sum, 4), name: ind.name, weight: formatDecimal(ind.weight, 4) }, { sum: sum.toString() }),
          );
          clean = false;
        }
      }
      this.siblings.record(ind.block, children, clean);
    }
    if (rootSum !== undefined && !rootSum.equals(policy.fullScore)) {
      const first = this.roots.find((r) => !r.virtual) ?? this.roots[0];
      this.diagnostics.push(
        makeDiagnostic("PE302", lineRange(first.line, first.titleSpan[0], first.titleSpan[1]), { sum: formatDecimal(rootSum, 4), full: formatDecimal(policy.fullScore, 4) }),
      );
    }
    this.weightSums.forgetPrevious();
    this.siblings.forgetPrevious();
  }

  /** Whether no two of the siblings have the same name; each repeat is a PE303. */
  private namesUnique(list: readonly Indicator[]): boolean {
    if (list.length < 2) return true;
    // A few siblings are compared pairwise (no map to make and drop at every keystroke).
    const seen = list.length > SMALL_SIBLINGS ? new Map<string, Indicator>() : undefined;
    let unique = true;
    for (let i = 0; i < list.length; i++) {
      const ind = list[i];
      const prior = seen ? seen.get(ind.name) : firstNamed(list, i, ind.name);
      if (prior) {
        this.diagnostics.push(makeDiagnostic("PE303", lineRange(ind.line, ind.titleSpan[0], ind.titleSpan[1]), { name: ind.name, line: prior.line + 1 }));
        unique = false;
      } else seen?.set(ind.name, ind);
    }
    return unique;
  }
}

/**
 * The sibling lists the structure checks found clean — no repeated name (PE303) and, under a weighted parent,
 * weights adding up to the parent's (PE301) — by their parent's block and their blocks, in the order the lists are
 * checked. A list of the very blocks of the previous build's list at the same place, under the same parent block,
 * says what it said then (a block never changes), so it is not checked again. As `SumMemo` does for the sums.
 */
export class CleanSiblings {
  /**
   * This build's lists, in order, for the next one: [parent block, ...the siblings' blocks] when clean, else none.
   * Filled by index from as many places as the previous build kept, cut to the count by `forgetPrevious`.
   */
  readonly kept: (readonly (IndicatorBlock | undefined)[])[];
  private count = 0;

  constructor(private previous: readonly (readonly (IndicatorBlock | undefined)[])[] | undefined) {
    this.kept = previous ? new Array(previous.length) : [];
  }

  /** Whether the previous build found these very siblings under this parent block (undefined: the roots) clean. */
  knownClean(parent: IndicatorBlock | undefined, list: readonly Indicator[]): boolean {
    const prev = this.previous?.[this.count];
    if (prev === undefined || prev.length !== list.length + 1 || prev[0] !== parent) return false;
    for (let i = 0; i < list.length; i++) if (prev[i + 1] !== list[i].block) return false;
    this.kept[this.count++] = prev;
    return true;
  }

  /** Keep the answer for a list just checked. */
  record(parent: IndicatorBlock | undefined, list: readonly Indicator[], clean: boolean): void {
    if (!clean) {
      this.kept[this.count++] = NONE;
      return;
    }
    const blocks = new Array<IndicatorBlock | undefined>(list.length + 1);
    blocks[0] = parent;
    for (let i = 0; i < list.length; i++) blocks[i + 1] = list[i].block;
    this.kept[this.count++] = blocks;
  }

  /** The lists are all checked: let the previous build's go (this record is kept beside the new model; the old one must not be). */
  forgetPrevious(): void {
    this.kept.length = this.count;
    this.previous = undefined;
  }
}

/** Up to this many siblings are checked for a repeated name pairwise, more with a map. */
const SMALL_SIBLINGS = 16;

/** The first of `list[0..before)` named `name`. */
function firstNamed(list: readonly Indicator[], before: number, name: string): Indicator | undefined {
  for (let j = 0; j < before; j++) if (list[j].name === name) return list[j];
  return undefined;
}

/** Sections, indicators (but the added 预算执行率 row) and measures in document order: each list is in line order, so a merge. */
export function blocksInOrder(sections: readonly Section[], indicators: readonly Indicator[], measures: readonly Indicator[]): Block[] {
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

