/**
 * 审核意见: the review a finance bureau reads next to the report — what the
 * tools found, kept out of the report itself. Every fact comes from the
 * evaluation (stated-vs-computed flags, missing reasons, unscored rows, the
 * diagnostics and the traces); nothing is re-decided here.
 */
import type { Indicator } from "../model/types";
import { formatPercent } from "../quantity/quantity";
import type { ReportContext } from "./context";
import { cleanText } from "./text";
import type { Computation, Difference, MissingReason, ReviewDocument, ReviewNote } from "./types";

const SEVERITY: Record<string, ReviewNote["severity"]> = { error: "错误", warning: "警告", info: "提示", hint: "提示" };

export function buildReview(ctx: ReportContext, reportTitle: string): ReviewDocument {
  const { model, evaluation: ev } = ctx.analysis;
  const statedTotal = ctx.header("自评总分");
  const statedGrade = ctx.header("等级");
  return {
    title: `${reportTitle}审核意见`,
    total: {
      computed: ev.total === undefined ? undefined : ctx.num(ev.total),
      stated: statedTotal,
      grade: ev.grade === undefined ? undefined : cleanText(ev.grade),
      statedGrade,
      fullScore: ctx.num(model.policy.fullScore),
      complete: ev.complete,
    },
    differences: differences(ctx, statedTotal, statedGrade),
    missingReasons: missingReasons(ctx),
    unscored: model.indicators
      .filter((ind) => !ind.children.length && ind.weight !== null && ctx.result(ind)?.score === undefined)
      .map((ind) => ({ item: itemName(ctx, ind), weight: ctx.num(ind.weight), line: lineOf(ind) })),
    notes: ev.diagnostics.map((d) => ({ severity: SEVERITY[d.severity] ?? "提示", line: d.range.start.line + 1, code: d.code, message: cleanText(d.message) })),
    computations: model.indicators.filter((ind) => !ind.children.length && ind.weight !== null).map((ind) => computation(ctx, ind)),
  };
}

function lineOf(ind: Indicator): number | undefined {
  return ind.virtual ? undefined : ind.line + 1;
}

/** An indicator as the review names it: its path, then its name. */
function itemName(ctx: ReportContext, ind: Indicator): string {
  const path = ctx.pathOf(ind);
  return path ? `${path} / ${ctx.indicatorName(ind)}` : ctx.indicatorName(ind);
}

function differences(ctx: ReportContext, statedTotal: string | undefined, statedGrade: string | undefined): Difference[] {
  const { model, evaluation: ev } = ctx.analysis;
  const out: Difference[] = [];
  if (ev.statedTotalDiffers && statedTotal !== undefined) {
    out.push({ item: "自评总分", stated: statedTotal, computed: ev.total === undefined ? "" : ctx.num(ev.total), line: model.statedTotal ? model.statedTotal.field.line + 1 : undefined });
  }
  if (statedGrade !== undefined && ev.grade !== undefined && statedGrade !== ev.grade) {
    out.push({ item: "等级", stated: statedGrade, computed: cleanText(ev.grade), line: (model.header.get("等级")?.line ?? -1) + 1 || undefined });
  }
  for (const ind of [...model.indicators, ...model.measures]) {
    const r = ctx.result(ind);
    const stated = ind.statedScore;
    // The evaluation's fact: compared at the stated decimals, as PE501 compares.
    if (stated && r?.score !== undefined && r.kind !== "judgement" && r.statedScoreDiffers) {
      out.push({ item: `${itemName(ctx, ind)} 得分`, stated: cleanText(stated.text), computed: ctx.num(r.score), line: stated.field.line + 1 });
    }
    if (r?.statedRateDiffers && ind.statedRate && r.rate !== undefined) {
      out.push({ item: `${itemName(ctx, ind)} 完成率`, stated: cleanText(ind.statedRate.quantity.format()), computed: formatPercent(r.rate), line: ind.statedRate.field.line + 1 });
    }
  }
  for (const [item, r] of ctx.analysis.evaluation.data) {
    if (item.stated && r.derived && !item.stated.accepts(r.derived)) {
      out.push({ item: cleanText(item.name), stated: cleanText(item.stated.format()), computed: cleanText(r.derived.format()), line: item.field.line + 1 });
    }
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function missingReasons(ctx: ReportContext): MissingReason[] {
  const { model } = ctx.analysis;
  const out: MissingReason[] = [];
  for (const ind of [...model.indicators, ...model.measures]) {
    const r = ctx.result(ind);
    if (!r?.reasonMissing) continue;
    const detail =
      ind.weight !== null && r.score !== undefined ? `得分 ${ctx.num(r.score)} / 分值 ${ctx.num(ind.weight)}` : r.rate !== undefined ? `完成率 ${formatPercent(r.rate)}` : "未达到目标";
    out.push({ item: itemName(ctx, ind), detail, line: lineOf(ind) });
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function computation(ctx: ReportContext, ind: Indicator): Computation {
  const r = ctx.result(ind);
  const facts: string[] = [];
  const t = r?.trace;
  if (t?.formula && !ind.virtual) facts.push(cleanText(`公式：${t.formula}`));
  if (t?.substituted) facts.push(cleanText(t.substituted));
  else if (r?.measured || r?.target) {
    const parts: string[] = [];
    if (r.measured) parts.push(`实际 ${r.measured.format()}`);
    if (r.target) parts.push(`目标 ${r.target.format()}`);
    if (r.rate) parts.push(`完成率 ${formatPercent(r.rate)}`);
    facts.push(cleanText(parts.join("；")));
  }
  for (const c of ind.checks) facts.push(cleanText(`${c.checked ? "☑" : "☐"} ${c.text.trim()}`));
  for (const f of ind.findings) facts.push(cleanText(`· ${f.text.trim()}`));
  const steps = t?.steps ?? [];
  const chosen = ctx.field(ind, "结果");
  // The options rule's steps name the chosen option already.
  if (chosen && r?.kind !== "options") facts.push(`结果：${chosen}`);
  for (const s of steps) facts.push(cleanText(s));
  const reason = ctx.field(ind, "理由");
  if (reason) facts.push(`理由：${reason}`);
  return { item: itemName(ctx, ind), rule: t?.rule ? cleanText(t.rule) : "", facts, score: ctx.num(r?.score), line: lineOf(ind) };
}
