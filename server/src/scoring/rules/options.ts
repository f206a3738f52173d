/** 选项计分: `符合 1；不符合 0` with `结果：符合` — the chosen option's score. */
import { DEFAULT_LOCALE, type Locale, say } from "../../text/locale";
import { getField } from "../../model/fields";
import type Decimal from "decimal.js";
import { lineRange } from "../../diagnostics/catalogue";
import { formatDecimal } from "../../quantity/decimal";
import type { Rule, RuleContext, RuleOutcome } from "./rule";
import { scoreOf, scoreText } from "./compare";
import type { ClauseNode } from "../../syntax/ast";
import { foldWidth } from "../../text/normalize";

type OptionClause = Extract<ClauseNode, { kind: "option" | "else" }>;

export class OptionsRule implements Rule {
  readonly kind = "options" as const;
  constructor(private readonly clauses: OptionClause[]) {}

  labels(): string[] {
    return this.clauses.map((c) => (c.kind === "option" ? c.label : "其余"));
  }

  max(weight: Decimal): Decimal {
    return this.clauses.reduce((m, c) => Decimal_max(m, scoreOf(c.score, weight)), scoreOf(this.clauses[0].score, weight));
  }

  describe(_weight?: Decimal, l: Locale = DEFAULT_LOCALE): string {
    return this.clauses.map((c) => `${c.kind === "option" ? c.label : say(l, "其余", "otherwise")} ${scoreText(c.score, l)}`).join(say(l, "；", "; "));
  }

  apply(ctx: RuleContext): RuleOutcome {
    const result = getField(ctx.indicator, "结果");
    if (!result) return { steps: [], missing: ["结果（写“结果：…”选择一个选项）", "the chosen option (结果：…)"] };
    const chosen = normalizeLabel(result.value);
    const hit = this.clauses.find((c) => c.kind === "option" && normalizeLabel(c.label) === chosen) ?? this.clauses.find((c) => c.kind === "option" && looseMatch(c.label, chosen)) ?? this.clauses.find((c) => c.kind === "else");
    if (!hit) {
      ctx.sink.add("PE404", lineRange(result.line, result.valueSpan[0], result.valueSpan[1]), {
        option: result.value,
        options: this.labels().map((l) => `“${l}”`).join("、"),
      }, { options: this.labels().join("\u0000") });
      return { steps: [(l) => say(l, `结果“${result.value}”不在选项中`, `the result “${result.value}” is not one of the options`)] };
    }
    const score = scoreOf(hit.score, ctx.weight);
    return { score, steps: [(l) => say(l, `结果：${result.value} → ${formatDecimal(score, 4)} 分`, `result: ${result.value} → ${formatDecimal(score, 4)} pts`)], chosen: hit.kind === "option" ? hit.label : "其余" };
  }
}

export function normalizeLabel(label: string): string {
  // Folded: a label read from a printed sentence ("有结余，但…") matches 结果 typed with either comma.
  return foldWidth(label).replace(/[\s“”"「」。.]/g, "").replace(/[（(].*?[）)]$/, "");
}

/**
 * A looser match, tried after the exact one: a trailing 的 / 时 / 者 is ignored on both sides
 * ("出现重大问题的" is the option "出现重大问题"), and "未完成或出现重大问题的" offers either case:
 * 结果 may name one of the alternatives joined by 或.
 */
function looseMatch(label: string, chosen: string): boolean {
  const bare = (x: string) => x.replace(/[的时者]$/, "");
  const want = bare(chosen);
  return normalizeLabel(label)
    .split(/或者|或/)
    .some((part) => part !== "" && bare(part) === want);
}

function Decimal_max(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b;
}
