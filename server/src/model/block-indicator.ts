/**
 * An indicator as built from its block of lines: its fields are read from
 * the lines when asked (most are never read as text), and its lists start
 * as the shared empty ones.
 */
import type Decimal from "decimal.js";
import { NONE } from "../empty";
import type { FieldLine, Span } from "../syntax/ast";
import type { SyntaxTree } from "../syntax/parse";
import type { FieldLookup } from "./fields";
import { TEXT_KEYS, VALUE_KEYS } from "./keys";
import type { CheckPoint, DataItem, Field, Finding, Indicator } from "./types";


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
 * An indicator built from its block of lines. Its `fields` map (the block's
 * reserved-key fields, first of each key) is made when first read: scoring
 * asks only whether a key is there (`hasField`), which a look at the block's
 * few lines answers; the report and hover read the map. The fields that carry
 * a parsed value (`formula`, `rule`, …) are the same objects in the map.
 */
export class BlockIndicator implements Indicator, FieldLookup {
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
    this.fieldMap ??= this.collectFields();
    return this.fieldMap;
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
      if (map.has(key) || !(TEXT_KEYS.has(key) || VALUE_KEYS.has(key))) return false;
      map.set(key, parsed.find((f) => f !== undefined && f.line === i) ?? this.lineField(i));
      return false;
    });
    return map;
  }

  /** The first line of the block with a field of this key, or -1. */
  private fieldLine(key: string): number {
    let found = -1;
    this.eachField((k, i) => {
      if (k !== key) return false;
      found = i;
      return true;
    });
    return found;
  }

  /** Each field line of the block (not in a conflict region), in order, until `visit` returns true. */
  private eachField(visit: (key: string, line: number) => boolean): void {
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
export function add<K extends ListKey>(ind: Indicator, key: K, item: Indicator[K][number]): void {
  const list = ind[key] as unknown[];
  if (list === NONE) (ind[key] as unknown[]) = [item];
  else list.push(item);
}

/**
 * The empty map an indicator starts with (most have no data items of their
 * own): replaced by a map of its own at the first entry, never written to.
 */class EmptyMap extends Map<never, never> {
  override set(): this {
    throw new Error("EMPTY is shared: give the indicator a map of its own");
  }
}export const EMPTY: Map<never, never> = new EmptyMap();
