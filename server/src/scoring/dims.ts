/**
 * One rule for putting two quantities side by side (adding, subtracting,
 * comparing): the same dimension is fine; 人 vs 人次 is a warning (PE205) and
 * goes on; anything else is an error (PE204) and stops that computation.
 */
import type { Range } from "../diagnostics/catalogue";
import { dimName, personVsPersonTime } from "../quantity/units";
import type { DiagnosticSink } from "./sink";

export interface DimsContext {
  /** What the two sides are, e.g. 实际值 / 目标值 (the dimension is added in brackets); plain dimension names if absent. */
  left?: [string, string];
  right?: [string, string];
  /** What is being done: 比较 / compare, 相加减 / add. */
  op: [string, string];
}

function side(label: [string, string] | undefined, dim: string): [string, string] {
  const [zh, en] = dimName(dim);
  return label ? [`${label[0]}（${zh}）`, `${label[1]} (${en})`] : [zh, en];
}

/** Whether dimensions `a` and `b` may meet; emits PE205 or PE204 at `range` as the case may be. */
export function checkDims(sink: DiagnosticSink, range: Range, a: string, b: string, ctx: DimsContext): boolean {
  if (a === b) return true;
  if (personVsPersonTime(a, b)) {
    sink.add("PE205", range);
    return true;
  }
  const [left, leftEn] = side(ctx.left, a);
  const [right, rightEn] = side(ctx.right, b);
  sink.add("PE204", range, { left, right, op: ctx.op[0], leftEn, rightEn, opEn: ctx.op[1] });
  return false;
}
