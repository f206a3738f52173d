/**
 * 待填写 (blanks): what a file still leaves to fill in — a field with nothing
 * after its colon (`全年执行数：`), or a checklist where no point is ticked yet
 * and nothing says why. A fresh template is made of blanks; they are one
 * low-severity kind (PE130, information) on the blank itself, and what they
 * cause (an unknown name, a rule without its value, a missing 偏差原因…) is
 * not reported on top of them: the file is unfinished, not wrong.
 */
import type { Indicator, IndicatorBlock, PerfModel } from "../model/types";
import { lastAtOrBefore } from "../sorted";
import { makeDiagnostic, lineRange, type Diagnostic, type DiagnosticCode } from "./catalogue";
import { WeakCache } from "../cache-entry";

export interface Blank {
  line: number;
  /** The field's key, or undefined for a checklist still to tick. */
  key?: string;
  /** The indicator whose block holds the blank; undefined in the header. */
  indicator?: Indicator;
}

/**
 * Codes that a blank in an indicator's block explains: the rule has no value
 * to work on yet. Reported again once the blank is filled, if still true.
 */
const CAUSED_IN_BLOCK: readonly DiagnosticCode[] = ["PE101", "PE207", "PE304", "PE402", "PE403", "PE404", "PE405", "PE406", "PE409", "PE410", "PE440", "PE501", "PE505", "PE530", "PE601"];

/** Every blank of the model, in line order (`blocks`: the model's blocks in line order, when the caller has them). */
export function findBlanks(model: PerfModel, blocks: readonly Indicator[] = blocksInOrder(model)): Blank[] {
  const { lines, conflictLines } = model.syntax;
  const out: Blank[] = [];
  // Whether the field's value is only white space (as `trim()` sees it), read in place: no copy of each value per edit.
  const blankField = (i: number): string | undefined => {
    const line = lines[i];
    const n = line.node;
    if (n.kind !== "field" || !isSpace(line.text, n.value.span[0], n.value.span[1]) || conflictLines.has(i)) return undefined;
    return n.key.text;
  };
  // The header: every line before the first heading.
  for (let i = 0; i < lines.length && lines[i].node.kind !== "heading"; i++) {
    const key = blankField(i);
    if (key !== undefined) out.push({ line: i, key });
  }
  // A block's blanks are read from its lines only: a block shared by the next model (its lines the same objects)
  // has the same ones, kept by the block. Lines of a file with conflict markers are left out, so there it is read.
  const memo = conflictLines.size === 0;
  for (let k = 0; k < blocks.length; k++) {
    const ind = blocks[k];
    let found = memo ? blanksOfBlock.get(ind.block) : undefined;
    if (found === undefined) {
      let list: InBlock[] | undefined;
      for (let i = ind.line + 1; i <= ind.endLine && i < lines.length; i++) {
        const key = blankField(i);
        if (key !== undefined) {
          list ??= [];
          list.push({ line: i, key });
        }
      }
      if (ind.checks.length > 0 && !ind.checks.some((c) => c.checked) && !ind.fields.has("得分") && !ind.fields.has("偏差原因")) {
        list ??= [];
        list.push({ line: ind.checks[0].line, key: undefined });
      }
      found = list ?? NO_BLANKS;
      if (memo) blanksOfBlock.set(ind.block, found);
    }
    for (let j = 0; j < found.length; j++) {
      const b = found[j];
      out.push(b.key === undefined ? { line: b.line, indicator: ind } : { line: b.line, key: b.key, indicator: ind });
    }
  }
  return out.length > 1 ? out.sort((a, b) => a.line - b.line) : out;
}

/** A blank of a block: its line, and its field's key (undefined for a checklist still to tick). */
interface InBlock {
  readonly line: number;
  readonly key: string | undefined;
}
const NO_BLANKS: readonly InBlock[] = Object.freeze([]);

/**
 * The blanks of each indicator block, by the block (model/reuse.ts shares a block with the next model while its
 * lines are the same objects): most blocks have none, and a keystroke then reads the lines of one block, not of
 * the whole file. An entry holds line numbers and keys only.
 */
export const blanksOfBlock = new WeakCache<IndicatorBlock, readonly InBlock[]>(
  "diagnostics/blanks.ts blanksOfBlock: the blank fields and unticked checklist of each indicator block",
  "the indicator block (shared while its lines are unchanged)",
  "block",
);

/** Whether `text` from `start` to `end` holds nothing but what `String.prototype.trim` removes. */
function isSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
    if (c < 0xa0) return false;
    if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) continue;
    return false;
  }
  return true;
}

/**
 * The diagnostics of an analysis with the blanks marked (PE130) and what they
 * cause left out, each message naming the indicator it is about.
 */
export function finishDiagnostics(model: PerfModel, diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  if (model.syntax.lines.length === 0) return diagnostics;
  const blocks = blocksInOrder(model);
  const blanks = findBlanks(model, blocks);
  if (blanks.length === 0 && diagnostics.length === 0) return diagnostics;
  if (blanks.length === 0) {
    // Nothing to mark or leave out: the diagnostics in their order (sorted as below already), each named.
    const out = new Array<Diagnostic>(diagnostics.length);
    for (let i = 0; i < diagnostics.length; i++) {
      const d = diagnostics[i];
      const owner = blockAt(blocks, d.range.start.line);
      out[i] = owner ? named(d, owner) : d;
    }
    return inOrder(out) ? out : sortByPlace(out);
  }
  const out: Diagnostic[] = [];
  const blankLines = new Set<number>();
  const blankNames = new Set<string>();
  const blockHasBlank = new Set<Indicator>();
  for (const b of blanks) {
    blankLines.add(b.line);
    if (b.key !== undefined) blankNames.add(b.key);
    if (b.indicator) blockHasBlank.add(b.indicator);
    out.push(blankDiagnostic(model, b));
  }
  for (const d of diagnostics) {
    const line = d.range.start.line;
    const owner = blockAt(blocks, line);
    if (d.severity !== "info") {
      if (blankLines.has(line)) continue;
      if (d.code === "PE601" && d.data?.name !== undefined && blankNames.has(d.data.name)) continue;
      if (owner && blockHasBlank.has(owner) && CAUSED_IN_BLOCK.includes(d.code)) continue;
    }
    out.push(owner ? named(d, owner) : d);
  }
  return sortByPlace(out);
}

const byPlace = (a: Diagnostic, b: Diagnostic): number => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);

function sortByPlace(list: Diagnostic[]): Diagnostic[] {
  return list.sort(byPlace);
}

/** Whether the list is in the order `sortByPlace` gives (checked in one pass: most edits need no sort). */
function inOrder(list: readonly Diagnostic[]): boolean {
  for (let i = 1; i < list.length; i++) if (byPlace(list[i - 1], list[i]) > 0) return false;
  return true;
}

/** The number of blanks (PE130) among diagnostics. */
export function countBlanks(diagnostics: readonly Diagnostic[]): number {
  let n = 0;
  for (const d of diagnostics) if (d.code === "PE130") n++;
  return n;
}

function blankDiagnostic(model: PerfModel, b: Blank): Diagnostic {
  const text = model.syntax.lines[b.line].text;
  const where = b.indicator?.name ?? "";
  if (b.key === undefined) {
    const start = Math.max(0, text.search(/\S/));
    return makeDiagnostic("PE130", lineRange(b.line, start, text.length), { where, what: "checklist" }, { blank: "checklist" });
  }
  const colon = text.search(/[：:]/);
  const end = text.trimEnd().length;
  return makeDiagnostic("PE130", lineRange(b.line, Math.max(0, colon < 0 ? 0 : text.indexOf(b.key)), Math.max(end, colon + 1)), { where, key: b.key, what: guidanceFor(b.key, b.indicator) }, { blank: b.key });
}

/** What to write in a blank field, by its key (a short phrase, Chinese; the catalogue words the English). */
function guidanceFor(key: string, ind: Indicator | undefined): string {
  switch (key) {
    case "结果":
      return "result";
    case "目标":
      return "target";
    case "实际":
      return "actual";
    case "得分":
      return "score";
    case "说明":
    case "理由":
    case "偏差原因":
    case "改进措施":
    case "佐证":
    case "备注":
    case "预期目标":
    case "实际完成情况":
      return "text";
    case "单位":
    case "年度":
    case "项目":
    case "主管部门":
    case "实施单位":
    case "负责人":
    case "联系人":
    case "联系电话":
    case "评价日期":
      return "header";
    default:
      return ind || /数|额|率|金|费|量|人|元/.test(key) ? "value" : "text";
  }
}

/**
 * The indicators and measures in line order (each with its own block: `line`…`endLine`), none added by the tools.
 * Most often that is the model's own list of indicators (written ones only, in file order, no measures): taken as it is.
 */
function blocksInOrder(model: PerfModel): readonly Indicator[] {
  const { indicators, measures } = model;
  if (measures.length === 0 && indicators.every((ind, i) => !ind.virtual && (i === 0 || indicators[i - 1].line <= ind.line))) return indicators;
  return [...indicators, ...measures].filter((i) => !i.virtual).sort((a, b) => a.line - b.line);
}

const lineOf = (ind: Indicator): number => ind.line;

/** The indicator whose own block holds the line (blocks in line order). */
function blockAt(blocks: readonly Indicator[], line: number): Indicator | undefined {
  const found = lastAtOrBefore(blocks, line, lineOf);
  return found && line <= found.endLine ? found : undefined;
}

/** Codes about the whole file, not the indicator they stand on (the first heading, the header). */
const FILE_WIDE: readonly DiagnosticCode[] = ["PE102", "PE103", "PE106", "PE120", "PE302", "PE502", "PE503"];

/**
 * The named copy of each diagnostic, by the diagnostic (with the name it was made for): a leaf reused by the next
 * evaluation hands on its very diagnostics, whose copies are then not made again on every edit. A copy holds what
 * the diagnostic holds and a message, nothing of the model or evaluation it was made in.
 */
export const namedCopies = new WeakCache<Diagnostic, { name: string; copy: Diagnostic }>(
  "diagnostics/blanks.ts namedCopies: a diagnostic with its indicator's name in front of the message",
  "the diagnostic object (with the indicator name it was made for)",
  "diagnostic",
);

/** The diagnostic with its indicator's name first, unless the message names it already. */
function named(d: Diagnostic, ind: Indicator): Diagnostic {
  const name = ind.name;
  const memo = namedCopies.get(d);
  if (memo !== undefined && memo.name === name) return memo.copy;
  const q = `“${name}”`;
  const copy = FILE_WIDE.includes(d.code) || d.message.includes(q) ? d : { ...d, message: `${q}：${d.message}`, messageEn: `${q}: ${d.messageEn}` };
  namedCopies.set(d, { name, copy });
  return copy;
}
