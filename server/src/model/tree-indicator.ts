/**
 * An indicator in one model's tree: a block (shared by every model whose
 * lines at that place are the same) with this model's tree links. A model
 * makes one of these per block, new at each build, so that reusing a block
 * never changes an earlier model's tree.
 */
import type Decimal from "decimal.js";
import { NONE } from "../empty";
import type { Span } from "../syntax/ast";
import type { BlockLines } from "./block-indicator";
import type { CheckPoint, DataItem, Field, Finding, Indicator, IndicatorBlock } from "./types";

/** A block that can read its fields from a model's lines (or holds them: the added 预算执行率 row). */
export interface FieldReader {
  fieldsIn(source: BlockLines): ReadonlyMap<string, Field>;
  hasFieldIn(source: BlockLines, key: string): boolean;
  findFieldIn(source: BlockLines, key: string): Field | undefined;
}

/**
 * The lines of one model, with the fields maps of its indicators, each made when first read (the same map for every
 * read). Kept here, one map for the model, rather than a slot on each of its 10,000 indicators, which a keystroke
 * makes anew and most of which are never asked for their map.
 */
export class ModelLines implements BlockLines {
  private fieldMaps: Map<TreeIndicator, ReadonlyMap<string, Field>> | undefined = undefined;

  constructor(
    readonly lines: BlockLines["lines"],
    readonly conflictLines: BlockLines["conflictLines"],
  ) {}

  fieldsOf(ind: TreeIndicator): ReadonlyMap<string, Field> | undefined {
    return this.fieldMaps?.get(ind);
  }

  keepFields(ind: TreeIndicator, fields: ReadonlyMap<string, Field>): void {
    this.fieldMaps ??= new Map();
    this.fieldMaps.set(ind, fields);
  }
}

export class TreeIndicator implements Indicator {
  parent: Indicator | undefined;
  children: Indicator[] = NONE;
  /** Its own end line until its children are known (TreeLinks), then the last line of its subtree. */
  subtreeEndLine: number;

  constructor(
    readonly block: IndicatorBlock & FieldReader,
    parent: Indicator | undefined,
    /** The lines of this model (the block's lines are among them). */
    private readonly source: ModelLines,
  ) {
    this.parent = parent;
    this.subtreeEndLine = block.endLine;
  }


  get name(): string {
    return this.block.name;
  }
  get level(): number {
    return this.block.level;
  }
  get line(): number {
    return this.block.line;
  }
  get endLine(): number {
    return this.block.endLine;
  }
  get titleSpan(): Span {
    return this.block.titleSpan;
  }
  get weight(): Decimal | null {
    return this.block.weight;
  }
  get weightText(): string | null {
    return this.block.weightText;
  }
  get weightSpan(): Span | null {
    return this.block.weightSpan;
  }
  get data(): ReadonlyMap<string, DataItem> {
    return this.block.data;
  }
  get checks(): readonly CheckPoint[] {
    return this.block.checks;
  }
  get findings(): readonly Finding[] {
    return this.block.findings;
  }
  get textLines(): readonly number[] {
    return this.block.textLines;
  }
  get formula(): IndicatorBlock["formula"] {
    return this.block.formula;
  }
  get target(): IndicatorBlock["target"] {
    return this.block.target;
  }
  get actual(): IndicatorBlock["actual"] {
    return this.block.actual;
  }
  get statedRate(): IndicatorBlock["statedRate"] {
    return this.block.statedRate;
  }
  get rule(): IndicatorBlock["rule"] {
    return this.block.rule;
  }
  get statedScore(): IndicatorBlock["statedScore"] {
    return this.block.statedScore;
  }
  get virtual(): boolean | undefined {
    return this.block.virtual;
  }

  get fields(): ReadonlyMap<string, Field> {
    let fields = this.source.fieldsOf(this);
    if (fields === undefined) {
      fields = this.block.fieldsIn(this.source);
      this.source.keepFields(this, fields);
    }
    return fields;
  }

  hasField(key: string): boolean {
    const fields = this.source.fieldsOf(this);
    return fields ? fields.has(key) : this.block.hasFieldIn(this.source, key);
  }

  findField(key: string): Field | undefined {
    const fields = this.source.fieldsOf(this);
    return fields ? fields.get(key) : this.block.findFieldIn(this.source, key);
  }
}

/**
 * The tree links of one model's weighted indicators, made in document order: the open indicators (each a parent of
 * the next ones at a deeper level) and their children so far. An indicator's children get a list of their own, of
 * its final size, when it is closed; until then they wait in one shared list (a keystroke makes 1,000 lists of
 * ten, not 1,000 lists grown push by push).
 */
export class TreeLinks {
  private readonly open: TreeIndicator[] = [];
  /** The open indicators' levels, and where each one's children start in `waiting`. */
  private readonly levels: number[] = [];
  private readonly starts: number[] = [];
  private readonly waiting: TreeIndicator[] = [];
  private waitingCount = 0;

  /** The open indicator a block at this level goes under, once the indicators it ends are closed. */
  parentAt(level: number): TreeIndicator | undefined {
    while (this.open.length && this.levels[this.levels.length - 1] >= level) this.close();
    return this.open[this.open.length - 1];
  }

  /** A weighted indicator: a child of its parent (if any), and open for its own children. */
  add(ind: TreeIndicator): void {
    if (ind.parent) this.waiting[this.waitingCount++] = ind;
    this.open.push(ind);
    this.levels.push(ind.level);
    this.starts.push(this.waitingCount);
  }

  /** Close every open indicator (the end of the document). */
  closeAll(): void {
    while (this.open.length) this.close();
  }

  /** Close the last open indicator: its children (all closed by now) are known, and so is its subtree's end. */
  private close(): void {
    const ind = this.open.pop()!;
    this.levels.pop();
    const from = this.starts.pop()!;
    if (this.waitingCount > from) {
      ind.children = this.waiting.slice(from, this.waitingCount);
      let end = ind.subtreeEndLine;
      for (let k = from; k < this.waitingCount; k++) end = Math.max(end, this.waiting[k].subtreeEndLine);
      ind.subtreeEndLine = end;
    }
    this.waitingCount = from;
  }
}
