/**
 * No indicator contributes more than its weight or less than 0, whatever is
 * stated or computed. A score outside [0, weight] is brought to the nearer
 * end; when the score came from the file (a stated 得分 used because the rule
 * could not be applied, or a judgement), the cap is flagged (PE530) on the
 * 得分 value, saying what is counted.
 */
import type { Lazy } from "./trace";
import { STEPS } from "./step-words";
import type Decimal from "decimal.js";
import { lineRange } from "../diagnostics/catalogue";
import { formatDecimal, ZERO } from "../quantity/decimal";
import type { Indicator } from "../model/types";
import type { DiagnosticSink } from "./sink";

export function clampScore(score: Decimal, weight: Decimal): Decimal {
  if (score.isNegative()) return ZERO;
  return score.greaterThan(weight) ? weight : score;
}

/**
 * The score an indicator contributes: `score` within [0, weight]. Flags the
 * cap when `score` is the indicator's stated 得分; `step` receives a trace line.
 */
export function capIndicatorScore(ind: Indicator, score: Decimal, weight: Decimal, sink: DiagnosticSink, step?: (s: Lazy) => void): Decimal {
  const capped = clampScore(score, weight);
  if (capped.equals(score)) return score;
  step?.(STEPS.capped(score, weight, capped));
  const stated = ind.statedScore;
  if (stated?.value.equals(score)) {
    const f = stated.field;
    sink.add("PE530", lineRange(f.line, f.valueSpan[0], f.valueSpan[1]), { stated: stated.text, weight: formatDecimal(weight, 4), counted: formatDecimal(capped, 4) });
  }
  return capped;
}
