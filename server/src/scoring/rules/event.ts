/**
 * A printed rule with a condition on the value or an event only the evaluator
 * knows ("≥95%得满分；低于80%或出现重大问题的不得分"): the value is scored by the
 * other clauses; a stated 得分 equal to the event's score, where the value
 * scores otherwise, is the evaluator's finding that the event happened. It
 * counts, with one PE442 on the event's words; any other stated score is
 * checked as usual (PE501).
 */
import type Decimal from "decimal.js";
import type { ClauseNode } from "../../syntax/ast";
import { lineRange } from "../../diagnostics/catalogue";
import { hasField } from "../../model/fields";
import { formatDecimal } from "../../quantity/decimal";
import { DEFAULT_LOCALE, type Locale, say } from "../../text/locale";
import { scoreOf } from "./compare";
import { outsideWhy } from "./printed/outside";
import type { Rule, RuleContext, RuleOutcome } from "./rule";

type EventClause = Extract<ClauseNode, { kind: "judgement" }>;

export class EventRule implements Rule {
  readonly kind: Rule["kind"];
  constructor(
    private readonly inner: Rule,
    private readonly event: EventClause,
  ) {
    this.kind = inner.kind;
  }
  max(weight: Decimal): Decimal {
    return this.inner.max(weight);
  }
  describe(weight: Decimal, l: Locale = DEFAULT_LOCALE): string {
    const s = formatDecimal(this.eventScore(weight), 4);
    return `${this.inner.describe(weight, l)}${say(l, `；“${this.event.part}”时得 ${s} 分（评价人判断）`, `; ${s} pts on “${this.event.part}” (the evaluator's judgement)`)}`;
  }
  private eventScore(weight: Decimal): Decimal {
    return this.event.score ? scoreOf(this.event.score, weight) : weight;
  }
  apply(ctx: RuleContext): RuleOutcome {
    const out = this.inner.apply(ctx);
    const stated = ctx.indicator.statedScore;
    const score = this.eventScore(ctx.weight);
    if (!stated?.value.equals(score) || out.score?.equals(score)) return out;
    const [zh, en] = outsideWhy(this.event);
    const f = ctx.indicator.rule!.field;
    ctx.sink.add("PE442", lineRange(f.line, this.event.span[0], this.event.span[1]), { why: zh, whyEn: en, score: stated.text, ask: hasField(ctx.indicator, "理由") ? "" : "1" });
    const part = this.event.part;
    return { ...out, score: stated.value, missing: undefined, steps: [...out.steps, (l) => say(l, `评价人判断“${part}”：按填报得分 ${stated.text} 分计`, `the evaluator finds “${part}”: the stated ${stated.text} pts count`)] };
  }
}
