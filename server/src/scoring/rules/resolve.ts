/** Which rule an indicator's 评分 clauses (and its other fields) make. */
import { WeakCache } from "../../cache-entry";
import { lineRange } from "../../diagnostics/catalogue";
import type { Indicator } from "../../model/types";
import type { ClauseNode } from "../../syntax/ast";
import type { DiagnosticSink } from "../sink";
import type { Rule } from "./rule";
import { OptionsRule } from "./options";
import { ChecklistRule } from "./checklist";
import { LinearBandRule, PerPointRule, StepBandsRule } from "./bands";
import { CompletionRule, DeductionRule, InverseCompletionRule, ProportionalRule } from "./simple";
import { AdditiveRule, namesPoint } from "./additive";
import { parseCountLabel } from "./checklist";
import { hasField } from "../../model/fields";
import { TargetCompletionRule } from "./target";
import { EventRule } from "./event";
import { JudgementRule, OutsideJudgementRule, QualitativeRule } from "./qualitative";

type Band = Extract<ClauseNode, { kind: "band" }>;
type Range = Extract<ClauseNode, { kind: "range" }>;

// Rules without parameters: one object each.
const TARGET_COMPLETION = new TargetCompletionRule();
const QUALITATIVE = new QualitativeRule();
const JUDGEMENT = new JudgementRule();
const COMPLETION = new CompletionRule();
const INVERSE_COMPLETION = new InverseCompletionRule();

export function resolveRule(ind: Indicator, sink: DiagnosticSink): Rule | undefined {
  if (ind.rule) return fromClauses(ind, ind.rule.clauses, sink);
  if (ind.target) return ind.target.node.kind === "quantitative" ? TARGET_COMPLETION : QUALITATIVE;
  if (ind.statedScore) return JUDGEMENT;
  return undefined;
}

/** What a list of clauses makes: a rule, or why it makes none ([Chinese, English]). */
type Resolved = Rule | [string, string];

/**
 * Rules by clause list. A rule is made from its clauses alone and holds no
 * state, and equal 评分 values share one parsed clause list, so the many
 * indicators of a file that are scored alike share one rule.
 */
export const resolvedRules = new WeakCache<readonly ClauseNode[], Resolved>(
  "scoring/rules/resolve.ts resolvedRules: rules made from clause lists",
  "a parsed clause list (shared by equal 评分 values)",
  "clause list",
);
/** The same for indicators that list points (`- [x]`) and have no 结果: options there are points with their own scores. */
export const resolvedPoints = new WeakCache<readonly ClauseNode[], Resolved>(
  "scoring/rules/resolve.ts resolvedPoints: the same where options are points ticked with - [x]",
  "a parsed clause list (shared by equal 评分 values)",
  "clause list",
);

function fromClauses(ind: Indicator, clauses: readonly ClauseNode[], sink: DiagnosticSink): Rule | undefined {
  const points = ind.checks.length > 0 && !hasField(ind, "结果") && clauses.some((c) => c.kind === "option" && ind.checks.some((k) => namesPoint(k, c.label)));
  const cache = points ? resolvedPoints : resolvedRules;
  let resolved = cache.get(clauses);
  if (resolved === undefined) {
    resolved = resolve(clauses, points);
    cache.set(clauses, resolved);
  }
  if (!Array.isArray(resolved)) return resolved;
  const field = ind.rule!.field;
  sink.add("PE408", lineRange(field.line, field.valueSpan[0], field.valueSpan[1]), { detail: resolved[0], detailEn: resolved[1] });
  return undefined;
}

/** A band or range that scores 0 (不得分, 计0分). */
function zeroScore(b: Band | Range): boolean {
  return !b.score.full && b.score.deduct === undefined && !b.score.proportional && Number(b.score.value) === 0;
}

function resolve(clauses: readonly ClauseNode[], points: boolean): Resolved {
  const fail = (detail: string, detailEn: string): Resolved => [detail, detailEn];
  const kinds = new Set(clauses.map((c) => c.kind));
  // A rule the file cannot compute (other units' average, a rank, a condition only the evaluator knows): the stated score.
  const outside = clauses.find((c) => c.kind === "judgement");
  if (outside) {
    // An event beside conditions on the value: the conditions are scored, the event is the evaluator's finding.
    const rest = clauses.filter((c) => c !== outside);
    // Only zero bands beside it ("低于90%或出现重大问题的不得分" alone) say nothing of a score to check: a judgement.
    const scores = rest.some((c) => (c.kind !== "band" && c.kind !== "range") || !zeroScore(c));
    if (outside.why !== "event" || outside.score === undefined || !scores) return new OutsideJudgementRule(outside);
    const inner = resolve(rest, points);
    return Array.isArray(inner) ? inner : new EventRule(inner, outside);
  }
  if (kinds.has("completion")) {
    if (clauses.length === 1 && clauses[0].kind === "completion" && clauses[0].inverse) return INVERSE_COMPLETION;
    return clauses.length === 1 ? COMPLETION : fail("“按完成比例计分”不能与区间、选项并用", "按完成比例计分 cannot be combined with bands or options");
  }
  if (kinds.has("proportional")) {
    const only = clauses[0];
    return clauses.length === 1 && only.kind === "proportional" ? new ProportionalRule(only.factor) : fail("“比例”不能与其他条款并用", "比例 cannot be combined with other clauses");
  }
  const deduction = clauses.find((c) => c.kind === "deduction");
  if (deduction) {
    return clauses.length === 1 ? new DeductionRule(deduction.step) : fail("“扣分 每项 N分”不能与其他条款并用", "a deduction rule stands alone");
  }
  const bands = clauses.filter((c): c is Band | Range => c.kind === "band" || c.kind === "range");
  const perPoint = clauses.find((c) => c.kind === "perPoint");
  if (bands.length > 0) {
    if (kinds.has("option")) return fail("不能混用区间（≥/≤）与选项", "bands (≥/≤) and options cannot be mixed");
    if (perPoint) {
      // The band deductions count from: the full-score one, or the only one that does not score 0
      // ("≤100%，计5分；每超过一个百分点扣0.5分；超过110%不得分").
      const scoring = bands.filter((b) => !zeroScore(b));
      const full = bands.find((b): b is Band => b.kind === "band" && b.score.full) ?? (scoring.length === 1 && scoring[0].kind === "band" ? scoring[0] : undefined);
      const zeroOnly = bands.every((b) => b === full || zeroScore(b));
      return full && zeroOnly ? new PerPointRule(full, perPoint, bands.filter((b) => b !== full)) : fail("“每超N个百分点扣M分”需要且只需要一个满分区间，如“≤100% 满分”（另可有不得分的区间）", "a per-point rule needs exactly one full-score band such as ≤100% 满分 (besides zero-score bands)");
    }
    const plain = bands.filter((b): b is Band => b.kind === "band");
    const zero = plain.find((b) => !b.score.full && b.score.deduct === undefined && !b.score.proportional && Number(b.score.value) === 0);
    const full = plain.find((b) => b.score.full);
    if (bands.length === 2 && plain.length === 2 && !kinds.has("else") && full && zero && full.quantity.value !== zero.quantity.value) return new LinearBandRule(full, zero);
    return new StepBandsRule(clauses.filter((c): c is Band | Range | Extract<ClauseNode, { kind: "else" }> => c.kind === "band" || c.kind === "range" || c.kind === "else"));
  }
  if (perPoint) return fail("“每超N个百分点扣M分”前需要满分区间，如“≤100% 满分”", "a per-point clause needs a full-score band before it, such as ≤100% 满分");
  const options = clauses.filter((c): c is Extract<ClauseNode, { kind: "option" | "else" }> => c.kind === "option" || c.kind === "else");
  if (options.length === 0) return fail("没有可计分的条款", "no clause gives a score");
  // Labels that count points (全部符合, 符合其中七项, 其中一项不符合…) make a
  // checklist, even before the points are written.
  const checklist = ChecklistRule.tryBuild(clauses);
  if (checklist) return checklist;
  // "真实（1分）；完整（1分）" over listed points: each ticked point scores its own points.
  if (points && !kinds.has("else") && options.every((o) => o.kind === "option" && parseCountLabel(o.label) === undefined)) {
    return new AdditiveRule(options.filter((o): o is Extract<ClauseNode, { kind: "option" }> => o.kind === "option"));
  }
  return new OptionsRule(options);
}
