/**
 * 待填写 (blanks): what a file still leaves to fill in — a field with nothing
 * after its colon (`全年执行数：`), or a checklist where no point is ticked yet
 * and nothing says why. A fresh template is made of blanks; they are one
 * low-severity kind (PE130, information) on the blank itself, and what they
 * cause (an unknown name, a rule without its value, a missing 偏差原因…) is
 * not reported on top of them: the file is unfinished, not wrong.
 */
import type { Indicator, PerfModel } from "../model/types";
import { makeDiagnostic, lineRange, type Diagnostic, type DiagnosticCode } from "./catalogue";

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

/** Every blank of the model, in line order. */
export function findBlanks(model: PerfModel): Blank[] {
  const { lines, conflictLines } = model.syntax;
  const out: Blank[] = [];
  const blankField = (i: number): string | undefined => {
    const line = lines[i];
    const n = line.node;
    if (n.kind !== "field" || conflictLines.has(i)) return undefined;
    return line.text.slice(n.value.span[0], n.value.span[1]).trim() === "" ? n.key.text : undefined;
  };
  // The header: every line before the first heading.
  for (let i = 0; i < lines.length && lines[i].node.kind !== "heading"; i++) {
    const key = blankField(i);
    if (key !== undefined) out.push({ line: i, key });
  }
  for (const ind of blocksInOrder(model)) {
    for (let i = ind.line + 1; i <= ind.endLine && i < lines.length; i++) {
      const key = blankField(i);
      if (key !== undefined) out.push({ line: i, key, indicator: ind });
    }
    if (ind.checks.length > 0 && !ind.checks.some((c) => c.checked) && !ind.fields.has("得分") && !ind.fields.has("偏差原因")) {
      out.push({ line: ind.checks[0].line, indicator: ind });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/**
 * The diagnostics of an analysis with the blanks marked (PE130) and what they
 * cause left out, each message naming the indicator it is about.
 */
export function finishDiagnostics(model: PerfModel, diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  if (model.syntax.lines.length === 0) return diagnostics;
  const blocks = blocksInOrder(model);
  const blanks = findBlanks(model);
  const out: Diagnostic[] = [];
  if (blanks.length === 0 && diagnostics.length === 0) return diagnostics;
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
    if (d.severity !== "info" && blanks.length > 0) {
      if (blankLines.has(line)) continue;
      if (d.code === "PE601" && d.data?.name !== undefined && blankNames.has(d.data.name)) continue;
      if (owner && blockHasBlank.has(owner) && CAUSED_IN_BLOCK.includes(d.code)) continue;
    }
    out.push(owner ? named(d, owner) : d);
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
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

/** The indicators and measures in line order (each with its own block: `line`…`endLine`). */
function blocksInOrder(model: PerfModel): Indicator[] {
  return [...model.indicators, ...model.measures].filter((i) => !i.virtual).sort((a, b) => a.line - b.line);
}

/** The indicator whose own block holds the line (binary search over blocks in line order). */
function blockAt(blocks: readonly Indicator[], line: number): Indicator | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  let found: Indicator | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].line <= line) {
      found = blocks[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && line <= found.endLine ? found : undefined;
}

/** Codes about the whole file, not the indicator they stand on (the first heading, the header). */
const FILE_WIDE: readonly DiagnosticCode[] = ["PE102", "PE103", "PE106", "PE120", "PE302", "PE502", "PE503"];

/** The diagnostic with its indicator's name first, unless the message names it already. */
function named(d: Diagnostic, ind: Indicator): Diagnostic {
  const q = `“${ind.name}”`;
  if (FILE_WIDE.includes(d.code) || d.message.includes(q)) return d;
  return { ...d, message: `${q}：${d.message}`, messageEn: `${q}: ${d.messageEn}` };
}
