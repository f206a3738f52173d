/**
 * An indicator block as built from its lines: what the lines say (name,
 * weight, parsed values, data, checks), never its place in a tree. A block is
 * built once and then shared, unchanged, by every later model whose lines at
 * that place are the same objects; each model wraps it in a `TreeIndicator`
 * of its own (model/tree-indicator.ts) for the tree links.
 */
import type Decimal from "decimal.js";
import { NONE } from "../empty";
import type { FieldLine, Span } from "../syntax/ast";
import type { SourceLine } from "../syntax/parse";
import { TEXT_KEYS, VALUE_KEYS } from "./keys";
import type { CheckPoint, DataItem, Field, Finding, IndicatorBlock } from "./types";

/**
 * A field of a line: its value is sliced from the line when read (most
 * values of a large file are never read as text; the parsed value is what
 * the model keeps).
 */
export class LineField implements Field {
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
 * The empty map a block starts with (most have no data items of their own):
 * replaced by a map of its own at the first entry, never written to.
 */
class EmptyMap extends Map<never, never> {
  override set(): this {
    throw new Error("EMPTY is shared: give the block a map of its own");
  }
}
export const EMPTY: Map<never, never> = new EmptyMap();

/** The lines a block's fields are read from: a model's syntax tree (the block's lines are the same objects in each). */
export interface BlockLines {
  readonly lines: readonly SourceLine[];
  readonly conflictLines: ReadonlySet<number>;
}

/**
 * A block built from lines. Its lists and parsed values are filled by the
 * model builder while the block is built (model/build.ts) and never after.
 * Its reserved-key fields are read from the lines when asked (`fieldsIn`,
 * `hasFieldIn`): scoring asks only whether a key is there, which a look at
 * the block's few lines answers; the report and hover read the whole map.
 */
export class BuiltBlock implements IndicatorBlock {
  data: Map<string, DataItem> = EMPTY;
  checks: CheckPoint[] = NONE;
  findings: Finding[] = NONE;
  textLines: number[] = NONE;
  formula: IndicatorBlock["formula"] = undefined;
  target: IndicatorBlock["target"] = undefined;
  actual: IndicatorBlock["actual"] = undefined;
  statedRate: IndicatorBlock["statedRate"] = undefined;
  rule: IndicatorBlock["rule"] = undefined;
  statedScore: IndicatorBlock["statedScore"] = undefined;
  readonly virtual: boolean | undefined = undefined;

  constructor(
    readonly name: string,
    readonly level: number,
    readonly line: number,
    readonly endLine: number,
    readonly titleSpan: Span,
    readonly weight: Decimal | null,
    readonly weightText: string | null,
    readonly weightSpan: Span | null,
  ) {}

  /** The block's reserved-key fields (first of each key), read from `source`. */
  fieldsIn(source: BlockLines): Map<string, Field> {
    const map = new Map<string, Field>();
    const parsed = [this.formula?.field, this.target?.field, this.actual?.field, this.statedRate?.field, this.rule?.field, this.statedScore?.field];
    this.eachField(source, (key, i) => {
      if (map.has(key) || !(TEXT_KEYS.has(key) || VALUE_KEYS.has(key))) return false;
      map.set(key, parsed.find((f) => f !== undefined && f.line === i) ?? lineField(source, i));
      return false;
    });
    return map;
  }

  /** Whether the block has a field with this reserved key (without making the map). */
  hasFieldIn(source: BlockLines, key: string): boolean {
    return this.fieldLine(source, key) >= 0;
  }

  /** The field with this reserved key, without making the map (a fresh object, equal to the map's). */
  findFieldIn(source: BlockLines, key: string): Field | undefined {
    const i = this.fieldLine(source, key);
    return i < 0 ? undefined : lineField(source, i);
  }

  /** The first line of the block with a field of this key, or -1. */
  private fieldLine(source: BlockLines, key: string): number {
    let found = -1;
    this.eachField(source, (k, i) => {
      if (k !== key) return false;
      found = i;
      return true;
    });
    return found;
  }

  /** Each field line of the block (not in a conflict region), in order, until `visit` returns true. */
  private eachField(source: BlockLines, visit: (key: string, line: number) => boolean): void {
    const { lines, conflictLines } = source;
    for (let i = this.line + 1; i <= this.endLine; i++) {
      const n = lines[i].node;
      if (n.kind === "field" && !conflictLines.has(i) && visit(n.key.text, i)) return;
    }
  }
}

function lineField(source: BlockLines, i: number): Field {
  const line = source.lines[i];
  const n = line.node as FieldLine;
  return new LineField(n.key.text, i, n.key.span, n.value.span, line.text);
}

/** The lists a block starts with `NONE` (most blocks have no checks) and owns at its first entry. */
type ListKey = "checks" | "findings" | "textLines";

export function add<K extends ListKey>(block: BuiltBlock, key: K, item: BuiltBlock[K][number]): void {
  const list = block[key] as unknown[];
  if (list === NONE) (block[key] as unknown[]) = [item];
  else list.push(item);
}
