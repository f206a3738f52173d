/**
 * An import as `.perf` text, checked before it is handed over: the draft is
 * analysed once, and every value line the language cannot read (a rule as a
 * province prints it that the rules grammar does not know yet, a target that is
 * not a quantity) is kept instead — a rule as `评分标准：` text, anything else as
 * a comment naming its cell — so the draft never fails on the import's account
 * and nothing printed is lost.
 */
import { analyze } from "../analysis";
import type { Diagnostic } from "../diagnostics/catalogue";
import type { Funding, ImportedDocument, ImportedIndicator, Kept, ProseBlock } from "./types";
import { oneLine } from "./values";

export interface ImportSummary {
  indicators: number;
  rules: number;
  rulesUnderstood: number;
  /** 目标 / 实际 values written as values the language reads (not kept as comments). */
  targets: number;
  actuals: number;
  kept: number;
  sections: number;
}

interface Line {
  text: string;
  /** A value line that may be demoted: what to write if it does not read. */
  fallback?: string;
  rule?: boolean;
}

const comment = (k: Kept): string => `// ${k.where}${k.label ? ` ${oneLine(k.label)}` : ""}：${k.text.replace(/\n/g, " ")}`;

/** A prose line that cannot turn into markup (a heading, a comment, a list item or a placeholder). */
function proseLine(text: string): string {
  let t = oneLine(text);
  if (/^#/.test(t)) t = `＃${t.slice(1)}`;
  if (t.startsWith("//")) t = `／${t.slice(1)}`;
  if (/^[-*] /.test(t)) t = `${t[0]}\u3000${t.slice(2)}`;
  if (/^(<<<<<<<|=======|>>>>>>>|\|\|\|\|\|\|\|)/.test(t)) t = `\u3000${t}`;
  return t;
}

function sumWeights(nodes: ImportedIndicator[]): string | undefined {
  let total = 0n;
  let scale = 0;
  for (const n of nodes) {
    const w = n.weight ?? childWeight(n);
    if (w === undefined) return undefined;
    scale = Math.max(scale, (w.split(".")[1] ?? "").length);
  }
  for (const n of nodes) {
    const w = (n.weight ?? childWeight(n)) as string;
    const [i, f = ""] = w.split(".");
    total += BigInt(i + f.padEnd(scale, "0"));
  }
  const s = total.toString().padStart(scale + 1, "0");
  return scale ? `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/0+$/, "").replace(/\.$/, "") : s;
}

function childWeight(n: ImportedIndicator): string | undefined {
  return n.children.length ? sumWeights(n.children) : undefined;
}

/** The actual is one of the rule's option labels (“符合” in “符合 1；不符合 0”): it is the 结果. */
function isOption(n: ImportedIndicator, value: string): boolean {
  const rule = n.fields.find((f) => f.key === "评分")?.value;
  if (!rule || /\d/.test(value)) return false;
  return rule.split(/[；;，,。]/).some((clause) => clause.trim().replace(/\s*[（(]?\s*(\d+(\.\d+)?\s*分?|满分|得满分)\s*[)）]?$/, "").trim() === value);
}

function indicatorLines(n: ImportedIndicator, depth: number, out: Line[], summary: ImportSummary): void {
  const weight = n.weight ?? childWeight(n);
  summary.indicators++;
  out.push({ text: "" });
  out.push({ text: `${"#".repeat(depth)} ${n.name}${weight !== undefined ? `（${weight}分）` : ""}` });
  const leaf = n.children.length === 0;
  for (const f of n.fields) {
    if (!leaf) {
      out.push({ text: comment({ where: f.where, label: f.label, text: f.raw }) });
      continue;
    }
    if (f.key === "评分") summary.rules++;
    if (f.key === "实际" && isOption(n, f.value)) {
      out.push({ text: `结果：${f.value}` });
      continue;
    }
    const fallback = f.key === "评分" ? `评分标准：${f.value}` : comment({ where: f.where, label: f.label, text: f.raw });
    const valueLine = f.key === "目标" || f.key === "实际" || f.key === "评分" || f.key === "得分";
    out.push({ text: `${f.key}：${f.value}`, fallback: valueLine ? fallback : undefined, rule: f.key === "评分" });
  }
  for (const k of n.kept) {
    if (k.field && leaf && fieldRead(k.field)) out.push({ text: `${k.field}：${k.value ?? k.text}`, fallback: comment(k) });
    else out.push({ text: comment(k) });
  }
  for (const c of n.children) indicatorLines(c, depth + 1, out, summary);
}

/**
 * The funding block. Where the language reads GFM pipe tables as data (cells
 * named 行标签.列标题), as the table the form prints; otherwise as data items
 * (年度资金总额 gives 年初预算数 / 全年预算数 / 全年执行数, the other rows
 * 本年财政拨款全年预算数 and the like).
 */
function fundingLines(f: Funding, lines: Line[]): void {
  if (pipeTablesRead()) {
    lines.push({ text: `（单位：${f.unit}）` });
    lines.push({ text: `| 资金来源 | ${f.columns.join(" | ")} |` });
    lines.push({ text: `|---|${f.columns.map(() => "---").join("|")}|` });
    for (const row of f.rows) lines.push({ text: `| ${row.label} | ${row.cells.map((c) => c?.value ?? "").join(" | ")} |` });
    return;
  }
  for (const row of f.rows) {
    row.cells.forEach((c, i) => {
      if (!c) return;
      const name = row.name === "年度资金总额" ? f.columns[i] : row.name + f.columns[i];
      lines.push({ text: `${name}：${c.value} ${f.unit}`, fallback: comment({ where: c.where, label: `${row.label} ${f.columns[i]}`, text: c.value }) });
    });
  }
}

/** What this version of the language reads, probed once per import (each probe is one small analysis). */
interface Probes {
  fields: Map<string, boolean>;
}

let probes: Probes = { fields: new Map() };

/** A value each field takes whatever the row says (the row's own value may be the author's slip, not the language's). */
const PROBE_VALUES: Record<string, string> = { 年初指标值: "≥ 5 个", 调整指标值: "≥ 5 个", 指标性质: "正向", 得分系数: "1", 核心指标: "是" };

/**
 * Does this version of the language take `key：value` under an indicator as a
 * field of its own? Probed once per key and import, with a neutral value: a row
 * whose own value then does not read falls back to its comment (see checked).
 */
function fieldRead(key: string): boolean {
  let known = probes.fields.get(key);
  if (known === undefined) {
    const probe = `单位：甲\n年度：2024\n满分：5\n\n# 评分表\n## 甲（5分）\n得分：5\n理由：判断\n${key}：${PROBE_VALUES[key] ?? "是"}\n`;
    const a = analyze(probe);
    known = a.model.indicators[0]?.fields.has(key) === true && !a.evaluation.diagnostics.some((d) => d.range.start.line === 8);
    probes.fields.set(key, known);
  }
  return known;
}

/** Does this version of the language read a funding table as data? (The execution rate finds its figures.) */
export function pipeTablesRead(): boolean {
  {
    const probe = "单位：甲\n年度：2024\n类型：项目支出\n| 资金来源 | 全年预算数 | 全年执行数 |\n|---|---|---|\n| 年度资金总额 | 100 | 90 |\n\n# 绩效指标\n## 产出（90分）\n得分：90\n理由：判断\n";
    const a = analyze(probe);
    return a.evaluation.total?.toString() === "99" && !a.evaluation.diagnostics.some((d) => d.severity === "error");
  }
}

/** Codes that mean “the language could not read this value” (not “the author's figures disagree”). */
const UNREADABLE = /^PE(1\d\d|20[123]|408)$/;

export function writePerf(doc: ImportedDocument): { text: string; summary: ImportSummary; diagnostics?: readonly Diagnostic[] } {
  const summary: ImportSummary = { indicators: 0, rules: 0, rulesUnderstood: 0, targets: 0, actuals: 0, kept: 0, sections: 0 };
  probes = { fields: new Map() };
  const lines: Line[] = [];
  const t = doc.table;
  lines.push({ text: `// 由 perf-eval import 从 ${doc.source.replace(/\n/g, " ")}${t ? ` 的“${t.sheet}”` : " "}导入：请核对后删除不需要的注释。` });
  const meta = new Map((t?.meta ?? doc.meta ?? []).map((m) => [m.key, m]));
  // The national project form names no 单位: the 实施单位 is the unit evaluated.
  const implementing = meta.get("实施单位") ?? meta.get("主管部门");
  if (!meta.has("单位") && implementing) meta.set("单位", implementing);
  for (const key of ["单位", "年度"]) {
    const m = meta.get(key);
    if (m) lines.push({ text: `${key}：${m.value}` });
  }
  if (!meta.has("单位") || !meta.has("年度")) lines.push({ text: "// 表中没有写明单位或年度：请补上“单位：…”和“年度：…”。" });
  if (t) {
    lines.push({ text: `类型：${t.scope}` });
    const roots = t.roots;
    // Rows without a weight at the top (measures, 考核指标) do not count toward 满分.
    const sum = sumWeights(roots.filter((r) => r.weight !== undefined || childWeight(r) !== undefined));
    const virtual = t.scope === "项目支出" && !roots.some((r) => r.name === "预算执行率");
    if (sum !== undefined) {
      const full = virtual ? addTen(sum) : sum;
      if (full !== "100" && roots.length) lines.push({ text: `满分：${full}`, fallback: `// 表中一级指标分值合计 ${full}，不能作满分：请写“满分：…”。` });
    }
    if (t.statedTotal) lines.push({ text: `自评总分：${t.statedTotal.value}`, fallback: comment({ where: t.statedTotal.where, label: "自评总分", text: t.statedTotal.value }) });
    for (const m of t.meta) if (m.key !== "单位" && m.key !== "年度" && m.key !== "自评总分") lines.push({ text: `${m.key}：${m.value}` });
    if (t.funding) fundingLines(t.funding, lines);
    for (const k of t.kept) lines.push({ text: comment(k) });
  } else for (const m of doc.meta ?? []) if (m.key !== "单位" && m.key !== "年度") lines.push({ text: `${m.key}：${m.value}` });
  for (const b of doc.prose) writeProse(b, lines, summary);
  if (t) {
    lines.push({ text: "" });
    lines.push({ text: t.scope === "项目支出" ? "# 绩效指标" : "# 附件：评分表" });
    if (!t.roots.some((r) => r.weight !== undefined || childWeight(r) !== undefined)) {
      lines.push({ text: "// 表中没有分值：指标按考核指标（不计分）导入。" });
    }
    for (const r of t.roots) indicatorLines(r, 2, lines, summary);
  }
  const { text, diagnostics } = checked(lines, summary);
  summary.kept = text.split("\n").filter((l) => /^\/\/ \S+!/.test(l)).length;
  return { text, summary, diagnostics };
}

function writeProse(b: ProseBlock, lines: Line[], summary: ImportSummary): void {
  if (b.kind === "heading") {
    summary.sections++;
    lines.push({ text: "" });
    lines.push({ text: `${"#".repeat(Math.min(6, Math.max(1, b.level)))} ${oneLine(b.text).replace(/[（(]\s*\d+(\.\d+)?\s*分\s*[)）]$/, "")}` });
    lines.push({ text: "" });
  } else {
    lines.push({ text: proseLine(b.text) });
    lines.push({ text: "" });
  }
}

function addTen(s: string): string {
  const [i, f] = s.split(".");
  return `${BigInt(i) + 10n}${f ? `.${f}` : ""}`;
}

/** The 评分 line of the indicator block around `line`, if any. */
function ruleNear(lines: Line[], line: number): number | undefined {
  if (lines[line]?.rule) return line;
  for (let i = line + 1; i < lines.length && !lines[i].text.startsWith("#"); i++) if (lines[i].rule) return i;
  return undefined;
}

/** Analyse the draft; value lines the language cannot read are demoted to their fallback. */
function checked(written: Line[], summary: ImportSummary): { text: string; diagnostics?: readonly Diagnostic[] } {
  // One blank line between blocks, never two.
  const lines = written.filter((l, i) => l.text !== "" || i === 0 || written[i - 1].text !== "");
  // A value that reads may only be evaluated once its neighbour no longer fails: check again, a few rounds at most.
  const demoted = new Set<number>();
  let diagnostics: readonly Diagnostic[] | undefined;
  for (let round = 0; round < 4; round++) {
    const text = `${lines.map((l, i) => (demoted.has(i) ? (l.fallback as string) : l.text)).join("\n")}\n`;
    let more = false;
    const found = analyze(text).evaluation.diagnostics;
    diagnostics = found;
    for (const d of found) {
      if (d.severity !== "error") continue;
      const line = d.range.start.line;
      // A printed rule read with a highest score other than the weight was misread (or is the table's own slip): kept as text.
      const target = UNREADABLE.test(d.code) ? line : d.code === "PE401" ? ruleNear(lines, line) : undefined;
      if (target !== undefined && lines[target]?.fallback !== undefined && !demoted.has(target)) {
        demoted.add(target);
        more = true;
      }
    }
    if (!more) break;
    diagnostics = undefined;
  }
  const out = lines.map((l, i) => {
    if (demoted.has(i)) return l.fallback as string;
    if (l.rule) summary.rulesUnderstood++;
    if (l.fallback !== undefined && l.text.startsWith("目标：")) summary.targets++;
    if (l.fallback !== undefined && l.text.startsWith("实际：")) summary.actuals++;
    return l.text;
  });
  // The last round's diagnostics are the draft's own (none was demoted after them).
  return { text: `${out.join("\n")}\n`, diagnostics };
}
