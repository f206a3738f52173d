/**
 * 定性目标: `目标：达成` with `实际：部分达成` and the evaluator's `得分`.
 * The score is the evaluator's; it must lie in the grade's band of the
 * weight: 达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 %.
 */
import { hasField } from "../../model/fields";
import type Decimal from "decimal.js";
import { D, formatDecimal } from "../../quantity/decimal";
import { lineRange } from "../../diagnostics/catalogue";
import type { Rule, RuleContext, RuleOutcome, Step } from "./rule";

export type Achievement = "达成" | "部分达成" | "未达成";

const SYNONYMS: Record<string, Achievement> = {
  达成: "达成", 已达成: "达成", 全部达成: "达成", 完成: "达成", 已完成: "达成", 全部完成: "达成", 达到: "达成", 实现: "达成", 是: "达成", 符合: "达成",
  部分达成: "部分达成", 基本达成: "部分达成", 基本完成: "部分达成", 部分完成: "部分达成", 基本符合: "部分达成",
  未达成: "未达成", 未完成: "未达成", 未达到: "未达成", 未实现: "未达成", 否: "未达成", 不符合: "未达成",
};

export function achievementOf(word: string): Achievement | undefined {
  return SYNONYMS[word.replace(/\s/g, "")];
}

export const ACHIEVEMENT_BANDS: Record<Achievement, [string, string]> = {
  达成: ["0.8", "1"],
  部分达成: ["0.6", "0.8"],
  未达成: ["0", "0.6"],
};

export class QualitativeRule implements Rule {
  readonly kind = "qualitative" as const;
  max(weight: Decimal): Decimal {
    return weight;
  }
  describe(): string {
    return "定性目标：达成 80%～100%、部分达成 60%～80%、未达成 0～60% 的分值，由评价人打分";
  }
  apply(ctx: RuleContext): RuleOutcome {
    const ind = ctx.indicator;
    const actual = ind.actual?.node;
    if (actual?.kind !== "qualitative") return { steps: [], missing: ["实际完成情况（如“实际：部分达成”）", "the actual achievement (实际：达成/部分达成/未达成)"] };
    const grade = achievementOf(actual.word);
    const stated = ind.statedScore;
    if (!stated) return { steps: [() => `实际：${actual.word}`], missing: ["评价人得分（写“得分：…”）", "the evaluator's score (得分：…)"] };
    const steps: Step[] = [() => `实际：${actual.word}，评价人打分 ${stated.text} 分`];
    if (grade) {
      const [lo, hi] = ACHIEVEMENT_BANDS[grade].map((x) => new D(x).times(ctx.weight));
      steps.push(() => `“${grade}”的分数区间 ${formatDecimal(lo, 4)}～${formatDecimal(hi, 4)} 分`);
      if (stated.value.lessThan(lo) || stated.value.greaterThan(hi)) {
        ctx.sink.add("PE405", lineRange(stated.field.line, stated.field.valueSpan[0], stated.field.valueSpan[1]), {
          grade,
          low: formatDecimal(lo, 4),
          high: formatDecimal(hi, 4),
          band: `${Number(ACHIEVEMENT_BANDS[grade][0]) * 100}%～${Number(ACHIEVEMENT_BANDS[grade][1]) * 100}%`,
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
  describe(): string {
    return "评价人判断（无计分规则，按填报得分）";
  }
  apply(ctx: RuleContext): RuleOutcome {
    const stated = ctx.indicator.statedScore;
    if (!stated) return { steps: [], missing: ["得分", "the score (得分：…)"] };
    if (!hasField(ctx.indicator, "理由")) {
      ctx.sink.add("PE407", lineRange(stated.field.line, stated.field.keySpan[0], stated.field.valueSpan[1]), { name: ctx.indicator.name, score: stated.text });
    }
    return { score: stated.value, steps: [() => `评价人打分 ${stated.text} 分`] };
  }
}
