/**
 * 定性目标: `目标：达成` with `实际：部分达成` and the evaluator's `得分`.
 * The score is the evaluator's; it must lie in the grade's band of the
 * weight: 达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 %.
 */
import { DEFAULT_LOCALE, type Locale, say } from "../../text/locale";
import { hasField } from "../../model/fields";
import type Decimal from "decimal.js";
import { formatDecimal } from "../../quantity/decimal";
import { NATIONAL_BANDS, achievementOf, inBand } from "./grade-words";
import { lineRange } from "../../diagnostics/catalogue";
import type { Rule, RuleContext, RuleOutcome, Step } from "./rule";
import type { ClauseNode } from "../../syntax/ast";
import { outsideWhy } from "./printed/outside";

export { achievementOf, type Achievement } from "./grade-words";

export class QualitativeRule implements Rule {
  readonly kind = "qualitative" as const;
  max(weight: Decimal): Decimal {
    return weight;
  }
  describe(_weight?: Decimal, l: Locale = DEFAULT_LOCALE): string {
    return say(
      l,
      "达成（达成预期指标）80%～100%、部分达成 60%～80%（不含 80%）、未达成 0～60%（不含 60%）的分值，由评价人打分（口径“定性区间”可改）",
      "达成 (achieved) 80%–100%, 部分达成 (partly) 60%–80% (80% excluded), 未达成 (not achieved) 0–60% (60% excluded) of the points, scored by the reviewer (口径 “定性区间” changes the bands)",
    );
  }
  apply(ctx: RuleContext): RuleOutcome {
    const ind = ctx.indicator;
    const actual = ind.actual?.node;
    if (actual?.kind !== "qualitative") return { steps: [], missing: ["实际完成情况（如“实际：部分达成”）", "the actual achievement (实际：达成/部分达成/未达成)"] };
    const grade = achievementOf(actual.word);
    const stated = ind.statedScore;
    if (!stated) return { steps: [(l) => `${say(l, "实际：", "actual: ")}${actual.word}`], missing: ["评价人得分（写“得分：…”）", "the evaluator's score (得分：…)"] };
    const steps: Step[] = [(l) => say(l, `实际：${actual.word}，评价人打分 ${stated.text} 分`, `actual: ${actual.word}; the reviewer gives ${stated.text} pts`)];
    if (grade) {
      const bands = ctx.policy.qualitativeBands ?? NATIONAL_BANDS;
      const [lo, hi] = bands[grade].map((x) => x.times(ctx.weight));
      const top = grade === "达成";
      steps.push((l) =>
        say(l, `“${grade}”的分数区间 ${formatDecimal(lo, 4)}～${formatDecimal(hi, 4)} 分${top ? "" : `（不含 ${formatDecimal(hi, 4)}）`}`, `the range for “${grade}” is ${formatDecimal(lo, 4)}–${formatDecimal(hi, 4)} pts${top ? "" : ` (${formatDecimal(hi, 4)} excluded)`}`),
      );
      if (ctx.weight.isZero() ? !stated.value.isZero() : !inBand(bands, grade, stated.value.dividedBy(ctx.weight))) {
        ctx.sink.add("PE405", lineRange(stated.field.line, stated.field.valueSpan[0], stated.field.valueSpan[1]), {
          grade,
          low: formatDecimal(lo, 4),
          high: formatDecimal(hi, 4),
          band: `${formatDecimal(bands[grade][0].times(100), 2)}%～${formatDecimal(bands[grade][1].times(100), 2)}%${top ? "" : `，不含 ${formatDecimal(bands[grade][1].times(100), 2)}%`}`,
          score: stated.text,
        });
      }
    }
    return { score: stated.value, steps };
  }
}

/** 评价人判断: no rule, only the stated 得分 (and 理由). */
export class JudgementRule implements Rule {
  readonly kind = "judgement" as const;
  max(weight: Decimal): Decimal {
    return weight;
  }
  describe(_weight?: Decimal, l: Locale = DEFAULT_LOCALE): string {
    return say(l, "评价人判断（无计分规则，按填报得分）", "reviewer's judgement (no scoring rule: the stated score counts)");
  }
  apply(ctx: RuleContext): RuleOutcome {
    const stated = ctx.indicator.statedScore;
    if (!stated) return { steps: [], missing: ["得分", "the score (得分：…)"] };
    // A 评分 the reader could not read already has its PE107: the stated score is the printed rule's, no 理由 asked.
    if (!hasField(ctx.indicator, "理由") && !hasField(ctx.indicator, "评分")) {
      ctx.sink.add("PE407", lineRange(stated.field.line, stated.field.keySpan[0], stated.field.valueSpan[1]), { name: ctx.indicator.name, score: stated.text });
    }
    return { score: stated.value, steps: [(l) => say(l, `评价人打分 ${stated.text} 分`, `the reviewer gives ${stated.text} pts`)] };
  }
}

/**
 * A printed rule that needs figures this file does not hold (other units' average, a rank among units, a
 * condition only the evaluator knows): the stated 得分 counts, with one PE442 on the words that say why.
 */
export class OutsideJudgementRule implements Rule {
  readonly kind = "judgement" as const;
  constructor(private readonly clause: Extract<ClauseNode, { kind: "judgement" }>) {}
  max(weight: Decimal): Decimal {
    return weight;
  }
  describe(_weight?: Decimal, l: Locale = DEFAULT_LOCALE): string {
    const [zh, en] = outsideWhy(this.clause);
    return say(l, `评价人判断（${zh}，按填报得分）`, `reviewer's judgement (${en}: the stated score counts)`);
  }
  apply(ctx: RuleContext): RuleOutcome {
    const [zh, en] = outsideWhy(this.clause);
    const stated = ctx.indicator.statedScore;
    if (!stated) return { steps: [], missing: [`得分（此规则${zh}，请写评价人给出的“得分：…”）`, `the score (the rule cannot be computed: ${en}; write the evaluator's 得分：…)`] };
    const f = ctx.indicator.rule!.field;
    ctx.sink.add("PE442", lineRange(f.line, this.clause.span[0], this.clause.span[1]), { why: zh, whyEn: en, score: stated.text, ask: hasField(ctx.indicator, "理由") ? "" : "1" });
    return { score: stated.value, steps: [(l) => say(l, `评价人打分 ${stated.text} 分（${zh}）`, `the reviewer gives ${stated.text} pts (${en})`)] };
  }
}
