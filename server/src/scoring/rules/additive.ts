/**
 * 要点加分: "真实（1分）；完整（1分）；准确（1分）" — each point carries its own
 * score, ticked with `- [x] 真实` under the indicator; the score is the sum of
 * the ticked points' scores. Chosen over 选项计分 when the indicator lists
 * points (`- [x]` / `- [ ]`) and has no `结果`.
 */
import { DEFAULT_LOCALE, type Locale, say } from "../../text/locale";
import type Decimal from "decimal.js";
import { ZERO, formatDecimal } from "../../quantity/decimal";
import type { ClauseNode } from "../../syntax/ast";
import type { CheckPoint } from "../../model/types";
import type { Rule, RuleContext, RuleOutcome, Step } from "./rule";
import { scoreOf } from "./compare";
import { normalizeLabel } from "./options";

type Point = Extract<ClauseNode, { kind: "option" }>;

/** Does the checklist line name this point ("- [x] 基础数据信息真实" for "真实")? */
export function namesPoint(check: CheckPoint, label: string): boolean {
  const c = normalizeLabel(check.text);
  const l = normalizeLabel(label);
  return l !== "" && (c === l || c.includes(l) || l.includes(c));
}

export class AdditiveRule implements Rule {
  readonly kind = "checklist" as const;
  constructor(private readonly points: Point[]) {}

  max(weight: Decimal): Decimal {
    return this.points.reduce((sum, p) => sum.plus(scoreOf(p.score, weight)), ZERO);
  }

  describe(weight: Decimal, l: Locale = DEFAULT_LOCALE): string {
    const list = this.points.map((p) => `${p.label} ${formatDecimal(scoreOf(p.score, weight), 4)}${say(l, "分", " pts")}`).join(say(l, "；", "; "));
    return say(l, `要点加分：${list}（勾选的要点得其分数）`, `points added: ${list} (each checked point earns its score)`);
  }

  apply(ctx: RuleContext): RuleOutcome {
    const checks = ctx.indicator.checks;
    let score = ZERO;
    const steps: Step[] = [];
    for (const p of this.points) {
      const s = scoreOf(p.score, ctx.weight);
      const hit = checks.find((c) => namesPoint(c, p.label));
      if (hit?.checked) score = score.plus(s);
      steps.push((l) => `${p.label}${say(l, "：", ": ")}${hit === undefined ? say(l, "未列出，不得分", "not listed, no score") : hit.checked ? say(l, `符合，得 ${formatDecimal(s, 4)} 分`, `met, ${formatDecimal(s, 4)} pts`) : say(l, "不符合，0 分", "not met, 0 pts")}`);
    }
    const total = score;
    steps.push((l) => say(l, `合计 ${formatDecimal(total, 4)} 分`, `total ${formatDecimal(total, 4)} pts`));
    return { score, steps };
  }
}
