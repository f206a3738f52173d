/**
 * 要点计分: points as `- [x]` lines, scored by how many are met, looked up in
 * a table: `全部符合 8；符合其中七项 6；…；其余 0`, `全部符合 2；其中一项不符合 0`.
 */
import { DEFAULT_LOCALE, type Locale, say } from "../../text/locale";
import type Decimal from "decimal.js";
import { formatDecimal } from "../../quantity/decimal";
import { countValue } from "../../syntax/chinese-numerals";
import type { ClauseNode } from "../../syntax/ast";
import type { Rule, RuleContext, RuleOutcome, Step } from "./rule";
import { scoreOf, scoreText } from "./compare";

/** How a label counts points: all met, exactly n, at most n, at least n, or "n fail". */
export type CountTest =
  | { kind: "all" }
  | { kind: "exact"; n: number }
  | { kind: "atMost"; n: number }
  | { kind: "atLeast"; n: number }
  | { kind: "failing"; n: number }
  | { kind: "else" };

const NUM = "(\\d+|[零〇一二两三四五六七八九十]+)";

/** Read a checklist label; undefined when the label is not a count. */
const FAILING_RE = new RegExp(`^(?:其中)?(?:有)?${NUM}项(?:及以上)?不符合$`);
const MEETING_RE = new RegExp(`^(?:符合|满足|达到)(?:其中)?${NUM}项(及以下|以下|及以上|以上)?$`);

export function parseCountLabel(label: string): CountTest | undefined {
  const l = label.replace(/[\s，,、]/g, "");
  if (/^(全部符合|符合全部(\S*项)?|全部达到|全部满足|均符合|全部完成)$/.test(l)) return { kind: "all" };
  let m = FAILING_RE.exec(l);
  if (m) return { kind: "failing", n: countValue(m[1])! };
  m = MEETING_RE.exec(l);
  if (m) {
    const n = countValue(m[1]);
    if (n === undefined) return undefined;
    if (m[2] === "及以下") return { kind: "atMost", n };
    if (m[2] === "以下") return { kind: "atMost", n: n - 1 };
    if (m[2] === "及以上") return { kind: "atLeast", n };
    if (m[2] === "以上") return { kind: "atLeast", n: n + 1 };
    return { kind: "exact", n };
  }
  return undefined;
}

type Row = { test: CountTest; clause: Extract<ClauseNode, { kind: "option" | "else" }> };

export class ChecklistRule implements Rule {
  readonly kind = "checklist" as const;
  constructor(private readonly rows: Row[]) {}

  static tryBuild(clauses: readonly ClauseNode[]): ChecklistRule | undefined {
    const rows: Row[] = [];
    for (const c of clauses) {
      if (c.kind === "else") rows.push({ test: { kind: "else" }, clause: c });
      else if (c.kind === "option") {
        const test = parseCountLabel(c.label);
        if (!test) return undefined;
        rows.push({ test, clause: c });
      } else return undefined;
    }
    return rows.some((r) => r.test.kind !== "else") ? new ChecklistRule(rows) : undefined;
  }

  max(weight: Decimal): Decimal {
    return this.rows.reduce((m, r) => {
      const s = scoreOf(r.clause.score, weight);
      return s.greaterThan(m) ? s : m;
    }, scoreOf(this.rows[0].clause.score, weight));
  }

  describe(_weight?: Decimal, l: Locale = DEFAULT_LOCALE): string {
    return this.rows.map((r) => `${r.clause.kind === "option" ? r.clause.label : say(l, "其余", "otherwise")} ${scoreText(r.clause.score, l)}`).join(say(l, "；", "; "));
  }

  apply(ctx: RuleContext): RuleOutcome {
    const total = ctx.indicator.checks.length;
    if (total === 0) return { steps: [], missing: ["评价要点（写“- [x] …”或“- [ ] …”）", "the checklist points (- [x] … / - [ ] …)"] };
    const met = ctx.indicator.checks.filter((c) => c.checked).length;
    const steps: Step[] = [(l) => say(l, `要点 ${total} 项，符合 ${met} 项`, `${met} of ${total} points met`)];
    for (const r of this.rows) {
      if (matches(r.test, met, total)) {
        const score = scoreOf(r.clause.score, ctx.weight);
        steps.push((l) => `${say(l, "适用", "applies: ")}“${r.clause.kind === "option" ? r.clause.label : say(l, "其余", "otherwise")}” → ${formatDecimal(score, 4)}${say(l, " 分", " pts")}`);
        return { score, steps };
      }
    }
    steps.push((l) => say(l, "没有一档适用 → 0 分", "no band applies → 0 pts"));
    return { score: scoreOf({ full: false, value: "0", span: [0, 0] }, ctx.weight), steps };
  }
}

function matches(t: CountTest, met: number, total: number): boolean {
  switch (t.kind) {
    case "all":
      return met === total;
    case "exact":
      return met === t.n;
    case "atMost":
      return met <= t.n;
    case "atLeast":
      return met >= t.n;
    case "failing":
      return total - met >= t.n;
    case "else":
      return true;
  }
}
