/**
 * An analysis is an immutable snapshot: `analyze(t2, a1)` never changes a1,
 * and what it gives equals a fresh `analyze(t2)`. The snapshot below reads
 * everything an adapter can read — lines, the indicator tree with its links,
 * fields, data, results, traces (made when read), placeholders, diagnostics.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { analyze, type Analysis } from "../server/src/analysis";
import type { Field, Indicator } from "../server/src/model/types";
import type { Trace } from "../server/src/scoring/types";
import { generateLarge } from "../bench/generate";

const root = join(__dirname, "..");

function field(f: Field | undefined): string | undefined {
  return f && `${f.key}@${f.line}[${f.keySpan}|${f.valueSpan}]=${f.value}`;
}

function trace(t: Trace | undefined): string {
  return JSON.stringify(t);
}

function indicator(a: Analysis, ind: Indicator): unknown {
  const r = a.evaluation.results.get(ind);
  return {
    where: `${ind.name}@${ind.line}-${ind.endLine}/${ind.subtreeEndLine} L${ind.level}`,
    weight: `${ind.weight?.toString()}|${ind.weightText}|${ind.weightSpan}|${ind.titleSpan}`,
    parent: ind.parent && `${ind.parent.name}@${ind.parent.line}`,
    children: ind.children.map((c) => `${c.name}@${c.line}`),
    fields: [...ind.fields].map(([k, f]) => `${k}:${field(f)}`),
    data: [...ind.data].map(([k, d]) => `${k}:${field(d.field)}=${d.stated?.format()}`),
    checks: ind.checks.map((c) => `${c.checked}@${c.line}:${c.text}`),
    findings: ind.findings.map((f) => `${f.line}:${f.text}`),
    textLines: [...ind.textLines],
    parsed: [field(ind.formula?.field), field(ind.target?.field), field(ind.actual?.field), field(ind.statedRate?.field), field(ind.rule?.field), field(ind.statedScore?.field), ind.virtual],
    result: r && {
      indicator: `${r.indicator.name}@${r.indicator.line}`,
      values: [r.measured?.format(), r.target?.format(), r.rate?.toString(), r.score?.toString(), r.kind, r.ruleMax?.toString(), r.reasonMissing, r.statedRateDiffers],
      trace: trace(r.trace),
    },
  };
}

/** Everything an adapter can read of an analysis, as plain data. */
function snapshot(a: Analysis): unknown {
  const m = a.model;
  const e = a.evaluation;
  return {
    text: a.text,
    lines: a.syntax.lines.map((l) => `${l.text}|${l.folded}|${JSON.stringify(l.node)}`),
    conflicts: [...a.syntax.conflictLines],
    header: [...m.header].map(([k, f]) => `${k}:${field(f)}`),
    scope: m.scope,
    policy: JSON.stringify(m.policy),
    statedTotal: field(m.statedTotal?.field),
    data: [...m.data].map(([k, d]) => `${k}:${field(d.field)}=${d.stated?.format()} in ${d.scope?.name}`),
    allData: m.allData.map((d) => `${d.name}@${d.field.line} in ${d.scope?.name}@${d.scope?.line}`),
    roots: m.roots.map((r) => `${r.name}@${r.line}`),
    indicators: m.indicators.map((i) => indicator(a, i)),
    measures: m.measures.map((i) => indicator(a, i)),
    sections: m.sections.map((s) => JSON.stringify(s)),
    blocks: m.blocks.map((b) => (b.kind === "section" ? `s${b.section.line}` : `i${b.indicator.line}`)),
    placeholders: m.placeholders.map((p) => JSON.stringify(p)),
    modelDiagnostics: m.diagnostics.map((d) => JSON.stringify(d)),
    dataResults: m.allData.map((d) => {
      const r = e.data.get(d);
      return r && `${r.item.name}@${r.item.field.line}=${r.value?.format()}|${r.derived?.format()}|${trace(r.trace)}`;
    }),
    total: `${e.total?.toString()}|${e.grade}|${e.statedTotalDiffers}|${e.complete}|${trace(e.totalTrace)}`,
    placeholderResults: e.placeholders.map((p) => `${p.placeholder.line}:${p.value}|${trace(p.trace)}`),
    diagnostics: e.diagnostics.map((d) => JSON.stringify(d)),
  };
}

/** Edits of every kind, each a function of the lines (undefined when the file has nothing to edit of that kind). */
/** Heading lines with their levels. */
function headings(lines: string[]): { line: number; level: number; weighted: boolean }[] {
  const out: { line: number; level: number; weighted: boolean }[] = [];
  lines.forEach((l, i) => {
    const m = /^(#{1,6})\s/.exec(l);
    if (m) out.push({ line: i, level: m[1].length, weighted: /分[)）]\s*$/.test(l) });
  });
  return out;
}

/** The first child of a parent indicator that has a weighted sibling after it (so the parent's children change with an edit there). */
function firstChild(lines: string[]): { start: number; end: number; level: number } | undefined {
  const hs = headings(lines);
  for (let h = 1; h + 1 < hs.length; h++) {
    const [parent, child, next] = [hs[h - 1], hs[h], hs[h + 1]];
    if (parent.weighted && child.weighted && next.weighted && child.level > parent.level && next.level === child.level) {
      return { start: child.line, end: next.line, level: child.level };
    }
  }
  return undefined;
}

/** Edits of every kind, each a function of the lines (undefined when the file has nothing to edit of that kind). */
const EDITS: Record<string, (lines: string[]) => string[] | undefined> = {
  "insert a block": (lines) => {
    const c = firstChild(lines);
    if (!c) return undefined;
    const head = "#".repeat(c.level);
    return [...lines.slice(0, c.start), `${head} 新增指标（1分）`, "目标：≥90%", "实际：95%", "评分：≥90% 满分；其余 0", "", ...lines.slice(c.start)];
  },
  "delete a leaf block": (lines) => {
    const c = firstChild(lines);
    return c && [...lines.slice(0, c.start), ...lines.slice(c.end)];
  },
  "rename a block": (lines) => {
    const i = lines.findIndex((l) => /^#{2,}\s.*分[)）]\s*$/.test(l));
    return i < 0 ? undefined : lines.map((l, k) => (k === i ? l.replace(/^(#+\s+)/, "$1改名") : l));
  },
  "change a weight": (lines) => {
    const i = lines.findIndex((l) => /^#{2,}\s.*[(（](\d+)分[)）]\s*$/.test(l));
    return i < 0 ? undefined : lines.map((l, k) => (k === i ? l.replace(/[(（](\d+)分[)）]/, (_m, n: string) => `（${Number(n) + 1}分）`) : l));
  },
  "change a number in a field": (lines) => {
    const i = lines.findIndex((l) => /^(实际|目标|完成率)：.*\d/.test(l));
    return i < 0 ? undefined : lines.map((l, k) => (k === i ? l.replace(/\d/, (d) => String((Number(d) + 3) % 10)) : l));
  },
  "change a shared data value": (lines) => {
    const first = lines.findIndex((l) => /^#/.test(l));
    const i = lines.findIndex((l, k) => k < first && /^[^#：]+：\s*[\d,.]+\s*\S*$/.test(l));
    return i < 0 ? undefined : lines.map((l, k) => (k === i ? l.replace(/\d/, (d) => String((Number(d) + 1) % 10)) : l));
  },
  "edit the header": (lines) => {
    const i = lines.findIndex((l) => /^年度：/.test(l));
    const out = lines.map((l, k) => (k === i ? "年度：2019" : l));
    return i < 0 ? ["反向算法：比率", ...lines] : ["反向算法：比率", ...out];
  },
};

describe("an analysis is an immutable snapshot", () => {
  const applied = new Map<string, number>();
  // The examples, and a generated three-level file (every rule kind, shared and local data, placeholders).
  const files: [string, string][] = readdirSync(join(root, "examples"))
    .filter((f) => f.endsWith(".perf"))
    .map((f) => [f, readFileSync(join(root, "examples", f), "utf8")]);
  files.push(["generated (36 leaves)", generateLarge(36, 6)]);
  for (const [file, text] of files) {
    for (const [kind, edit] of Object.entries(EDITS)) {
      it(`${file}: ${kind} — the previous analysis is unchanged, the new one equals a fresh one`, () => {
        const edited = edit(text.split("\n"));
        if (!edited) return;
        applied.set(kind, (applied.get(kind) ?? 0) + 1);
        const t2 = edited.join("\n");
        assert.notEqual(t2, text);
        // Two previous analyses: one read whole before the edit, one only after it (traces made when read).
        const readBefore = analyze(text);
        const readAfter = analyze(text);
        const before = snapshot(readBefore);
        const a2 = analyze(t2, readBefore);
        const a3 = analyze(t2, readAfter);
        assert.deepEqual(snapshot(readBefore), before, "the previous analysis (read before the edit) is unchanged");
        assert.deepEqual(snapshot(readAfter), before, "the previous analysis (read after the edit) is unchanged");
        const fresh = snapshot(analyze(t2));
        assert.deepEqual(snapshot(a2), fresh, "the new analysis equals a fresh one");
        assert.deepEqual(snapshot(a3), fresh, "the new analysis equals a fresh one");
        // And back: the edit undone, analysed with the edited analysis, equals the original.
        assert.deepEqual(snapshot(analyze(text, a2)), before, "undoing the edit gives the original analysis");
      });
    }
  }

  it("every kind of edit was made on at least two examples", () => {
    for (const kind of Object.keys(EDITS)) assert.ok((applied.get(kind) ?? 0) >= 2, `${kind}: ${applied.get(kind) ?? 0} examples`);
  });

  it("reuse shares the unchanged blocks' immutable parts and makes the tree links anew", () => {
    const text = readFileSync(join(root, "examples", "002-xiaolvzhai-2021.perf"), "utf8");
    const lines = text.split("\n");
    const i = lines.findIndex((l) => /^(实际|目标)：.*\d/.test(l));
    const a1 = analyze(text);
    const a2 = analyze(lines.map((l, k) => (k === i ? `${l} ` : l)).join("\n"), a1);
    const shared = a2.model.indicators.filter((ind, k) => ind.block === a1.model.indicators[k]?.block);
    assert.ok(shared.length >= a2.model.indicators.length - 2, `most blocks are shared (${shared.length} of ${a2.model.indicators.length})`);
    for (const ind of shared) {
      const old = a1.model.indicators.find((o) => o.block === ind.block)!;
      assert.notEqual(ind, old, "each model has indicators of its own");
      assert.equal(ind.data, old.data, "the block's data map is shared");
      assert.equal(a2.evaluation.results.get(ind)?.indicator, ind, "a result names its own model's indicator");
    }
  });
});
