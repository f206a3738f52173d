/**
 * 评分表: the indicator tree as a table — one column per indicator level the
 * file has (up to three), 分值, 指标解释 (when any row has one), 评分标准 and
 * 得分; parent cells merged down over their leaves.
 */
import type { Indicator } from "../model/types";
import { type ReportContext, formText } from "./context";
import { cleanText } from "./text";
import type { ScoreRow, ScoreTable, TierCell, TierSlot } from "./types";

const TIER_LABELS = ["一级指标", "二级指标", "三级指标"];

export function depthOf(ind: Indicator): number {
  return 1 + ind.children.reduce((d, c) => Math.max(d, depthOf(c)), 0);
}

/**
 * Walk the leaves of `roots` in order with their tier slots: ancestors merged
 * down (`covered` by row below their first leaf), a leaf shallower than the
 * deepest one spanning the remaining tier columns, a leaf deeper than three
 * levels named by its path below the third tier.
 */
export function walkTiers(ctx: ReportContext, roots: readonly Indicator[], tierCount: number, visitLeaf: (leaf: Indicator, tiers: TierSlot[], name: string) => void): void {
  const leafCount = new Map<Indicator, number>();
  const countLeaves = (ind: Indicator): number => {
    const n = ind.children.length ? ind.children.reduce((s, c) => s + countLeaves(c), 0) : 1;
    leafCount.set(ind, n);
    return n;
  };
  roots.forEach(countLeaves);
  const started = new Set<Indicator>();
  const visit = (ind: Indicator, path: Indicator[]): void => {
    const here = [...path, ind];
    if (ind.children.length) {
      for (const c of ind.children) visit(c, here);
      return;
    }
    const tiers: TierSlot[] = [];
    const d = here.length;
    const lastTier = Math.min(d, tierCount) - 1;
    const name = here.slice(lastTier).map((x) => ctx.indicatorName(x)).join(" › ");
    for (let t = 0; t < tierCount; t++) {
      if (t < lastTier) {
        const anc = here[t];
        if (started.has(anc)) tiers.push({ kind: "covered", by: "row" });
        else {
          started.add(anc);
          tiers.push({ kind: "cell", cell: tierCell(ctx, anc, leafCount.get(anc) ?? 1, 1) });
        }
      } else if (t === lastTier) {
        const cell = tierCell(ctx, ind, 1, tierCount - t);
        cell.name = name;
        tiers.push({ kind: "cell", cell });
      } else tiers.push({ kind: "covered", by: "col" });
    }
    visitLeaf(ind, tiers, name);
  };
  for (const r of roots) visit(r, []);
}

function tierCell(ctx: ReportContext, ind: Indicator, rowSpan: number, colSpan: number): TierCell {
  return {
    name: ctx.indicatorName(ind),
    weight: ctx.num(ind.weight),
    score: ctx.score(ind),
    rowSpan,
    colSpan,
    leaf: ind.children.length === 0,
    line: ind.virtual ? undefined : ind.line,
  };
}

export function buildScoreTable(ctx: ReportContext): ScoreTable | undefined {
  const roots = ctx.analysis.model.roots;
  if (!roots.length) return undefined;
  const tierCount = Math.min(3, roots.reduce((d, r) => Math.max(d, depthOf(r)), 1));
  const rows: ScoreRow[] = [];
  walkTiers(ctx, roots, tierCount, (ind, tiers, name) => rows.push(scoreRow(ctx, ind, tiers, name)));
  return { tierCount, tierLabels: TIER_LABELS.slice(0, tierCount), hasNotes: rows.some((r) => r.note !== ""), rows };
}

export function tierLabels(count: number): string[] {
  return TIER_LABELS.slice(0, count);
}

/** 评分标准 as the form prints it: the standard as written, else the 评分 rule with `=` dropped. */
export function standardOf(ctx: ReportContext, ind: Indicator): string {
  const written = ctx.field(ind, "评分标准");
  if (written) return written;
  if (ind.virtual) return "";
  const rule = ctx.field(ind, "评分");
  return rule ? formText(rule) : "";
}

function scoreRow(ctx: ReportContext, ind: Indicator, tiers: TierSlot[], name: string): ScoreRow {
  const r = ctx.result(ind);
  const notes = [ctx.field(ind, "说明"), ctx.field(ind, "指标解释"), ...ind.textLines.map((l) => ctx.plain(l, 0, ctx.lineText(l).length))];
  // 评价要点 are part of the indicator's explanation on the form; whether each is met is the review's.
  if (ind.checks.length) notes.push(["评价要点：", ...ind.checks.map((c, i) => `${i + 1}. ${cleanText(c.text.trim())}`)].join("\n"));
  return {
    tiers,
    name,
    weight: ctx.num(ind.weight),
    score: ctx.num(r?.score),
    scored: r?.score !== undefined,
    standard: standardOf(ctx, ind),
    note: notes.filter((x): x is string => !!x).join("\n"),
    line: ind.virtual ? undefined : ind.line,
  };
}
