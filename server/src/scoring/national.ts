/**
 * The national 项目支出绩效自评表's columns as fields (财预〔2020〕10号 and the
 * provinces' variants): the target's direction (指标性质 / 指标方向: 正向,
 * 反向, 定性) when the printed target has no ≥/≤; an actual printed with a
 * comparator copied from the target ("≥266米"); an actual without a unit
 * (it takes the target's, or 度量单位); and 得分系数, the share of the weight
 * the row scored, checked against the score.
 */
import type Decimal from "decimal.js";
import { getField } from "../model/fields";
import type { Indicator } from "../model/types";
import type { ComparatorOp, QuantityNode, TargetNode } from "../syntax/ast";
import { lineRange } from "../diagnostics/catalogue";
import { D, formatDecimal, writtenDecimals } from "../quantity/decimal";
import { Quantity } from "../quantity/quantity";
import type { DiagnosticSink } from "./sink";

const PRINTED_OPS: Record<string, ComparatorOp> = { "≥": ">=", ">=": ">=", "≧": ">=", "≤": "<=", "<=": "<=", "≦": "<=", ">": ">", "<": "<", "=": "=", "＝": "=" };

const COMPARATOR_TEXT: Record<ComparatorOp, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };

/** 正向 / 反向 / 定性 from 指标性质 or 指标方向; undefined when neither is written or the word is another. */
export function directionOf(ind: Indicator): "正向" | "反向" | "定性" | undefined {
  const f = getField(ind, "指标性质") ?? getField(ind, "指标方向");
  const w = f?.value.replace(/\s/g, "") ?? "";
  if (/^(正向|正向指标|越大越好|越高越好)$/.test(w)) return "正向";
  if (/^(反向|反向指标|越小越好|越低越好)$/.test(w)) return "反向";
  if (/^(定性|定性指标)$/.test(w)) return "定性";
  return undefined;
}

/** The comparator of a quantitative target: as printed, else from the direction, else ≥ with an information diagnostic. */
export function targetOp(ind: Indicator, target: Extract<TargetNode, { kind: "quantitative" }>, sink: DiagnosticSink): ComparatorOp {
  if (target.comparator) return target.comparator.op;
  // Sichuan's form prints the comparator itself in the 指标性质 column (≥, ≤, =).
  const printed = (getField(ind, "指标性质") ?? getField(ind, "指标方向"))?.value.trim();
  const op = printed ? PRINTED_OPS[printed] : undefined;
  if (op) return op;
  const dir = directionOf(ind);
  if (dir === "反向") return "<=";
  if (dir === "正向") return ">=";
  const f = ind.target!.field;
  sink.add("PE414", lineRange(f.line, target.quantity.span[0], target.quantity.span[1]), { value: f.value.trim() });
  return ">=";
}

function unitOf(node: QuantityNode | undefined): string | null {
  return node?.unit?.text ?? null;
}

/**
 * 实际 as a quantity: its own unit, or (without one) the target's unit or 度量单位 with an information
 * diagnostic; a comparator written before it ("≥266米") is dropped with a warning.
 */
export function actualQuantity(ind: Indicator, actual: Extract<TargetNode, { kind: "quantitative" }>, sink: DiagnosticSink): Quantity | undefined {
  const f = ind.actual!.field;
  if (actual.comparator) {
    sink.add("PE416", lineRange(f.line, actual.comparator.span[0], actual.comparator.span[1]), { comparator: actual.comparator.text, value: `${actual.quantity.value}${unitOf(actual.quantity) ?? ""}` });
  }
  let unit = unitOf(actual.quantity);
  if (unit === null) {
    const t = ind.target?.node;
    const from = t?.kind === "quantitative" ? unitOf(t.quantity) : null;
    const measure = getField(ind, "度量单位")?.value.trim() || null;
    const borrowed = from ?? (measure && Quantity.fromWritten("1", measure) ? measure : null);
    // Against a percentage, a bare number up to 1 is already a ratio (0.93 is 93 %); above 1 it is the percentage itself (96 is 96 %).
    const ratio = borrowed !== null && Quantity.fromWritten("1", borrowed)?.dim === "" && new D(actual.quantity.value).lessThanOrEqualTo(1);
    if (borrowed !== null && !ratio) {
      unit = borrowed;
      sink.add("PE417", lineRange(f.line, actual.quantity.span[0], actual.quantity.span[1]), { value: actual.quantity.value, unit: borrowed, source: from !== null ? "目标" : "度量单位" });
    }
  }
  return Quantity.fromWritten(actual.quantity.value, unit, actual.quantity.approx);
}

/** A target without a unit takes 度量单位 (the national form prints them in two columns). */
export function targetUnit(ind: Indicator, node: QuantityNode): string | null {
  if (node.unit) return node.unit.text;
  const measure = getField(ind, "度量单位")?.value.trim();
  return measure && Quantity.fromWritten("1", measure) ? measure : null;
}

/** 得分系数 (`0.8`, `80%`): the score's share of the weight, checked at the precision written. */
export function checkCoefficient(ind: Indicator, score: Decimal, weight: Decimal, sink: DiagnosticSink): void {
  const f = getField(ind, "得分系数");
  if (!f || weight.isZero()) return;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(f.value);
  if (!m) {
    sink.add("PE415", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { stated: f.value.trim(), computed: "", detail: "应为 0～1 的数或百分数，如 0.8、80%" });
    return;
  }
  const percent = m[2] === "%";
  const stated = new D(m[1]).dividedBy(percent ? 100 : 1);
  const share = score.dividedBy(weight);
  // Half a unit of the last written digit, at least two decimals of the share (as scores are checked).
  const dp = Math.max(writtenDecimals(m[1]) + (percent ? 2 : 0), 2);
  const tolerance = new D(5).times(new D(10).pow(-(dp + 1)));
  if (share.minus(stated).abs().greaterThan(tolerance)) {
    const computed = percent ? `${formatDecimal(share.times(100), Math.max(dp - 2, 2))}%` : formatDecimal(share, Math.max(dp, 2));
    sink.add("PE415", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { stated: f.value.trim(), computed, detail: `得分 ${formatDecimal(score, 4)} ÷ 分值 ${formatDecimal(weight, 4)}` }, { computed });
  }
}

export { COMPARATOR_TEXT };
