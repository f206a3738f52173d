/**
 * Seeded mutators for the fuzz harness and the property tests. Everything
 * here is a pure function of the PRNG state, so a seed reproduces a run.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type Rng = () => number;

/** mulberry32: small, fast, good enough for fuzzing. */
export function makeRng(seed: number): Rng {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)];

export const EXAMPLES_DIR = join(__dirname, "..", "examples");

export function loadExamples(dir = EXAMPLES_DIR): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".perf"))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8") }));
}

/** A small valid file with every rule kind, so mutations hit scoring paths even when the examples have few indicators. */
export const SEED_SCORED = `单位：测试镇人民政府
年度：2024
类型：部门整体支出
自评总分：90
等级：优
预算数：1000 万元
执行数：980 万元
执行率：98% = 执行数 ÷ 预算数

# 一、基本情况
本年执行 {{执行数}}，总分 {{总分}}，等级 {{等级}}，执行率 {{执行率}}。

# 二、评分表
## 投入（30分）
### 职责明确（10分）
评分：符合 10；不符合 0
结果：符合
### 活动合规性（10分）
- [x] 要点一
- [ ] 要点二
评分：全部符合 10；其中一项不符合 0
偏差原因：要点二未落实。
### 在职人员控制率（10分）
公式：在职人员数 ÷ 编制数
在职人员数：55 人
编制数：56 人
评分：≤100% 满分；每超1个百分点扣0.5分
得分：10
## 产出（40分）
### 完成率（20分）
目标：≥100 人
实际：96 人
偏差原因：部分人员外出。
### 及时率（10分）
评分：≥95% 满分；≤85% 0分
实际：90%
### 质量（10分）
评分：≥90% 5；≥80% 4；其余 0
实际：85%
## 效益（30分）
### 问题（20分）
评分：扣分 每项 2分
- 问题一
- 问题二
### 满意度（10分）
评分：比例
公式：执行数 ÷ 预算数
`;

// ───────────────────────── building blocks ─────────────────────────

const SPECIAL_CHARS = [
  "\u0000",
  "\uFFFD",
  "\uD800", // lone high surrogate
  "\uDC00", // lone low surrogate
  "\uDBFF\uDFFF",
  "\u202E",
  "\u202D",
  "\u2066",
  "\u2069",
  "\u200F",
  "\u061C",
  "\uFEFF",
  "\u200B",
  "\r",
  "\n",
  "\r\n",
  "\t",
  "\u2028",
  "\u2029",
  "\u3000",
  "：",
  ":",
  "（",
  "）",
  "；",
  "%",
  "％",
  "‰",
  "≥",
  "≤",
  "≧",
  "÷",
  "×",
  "「",
  "」",
  "{{",
  "}}",
  "#",
  "- ",
  "- [x] ",
  "//",
  "分）",
  "满分",
  "万元",
  "亿元",
  "个",
  "人",
  "十",
  "二点五",
  "−",
  "—",
  "1",
  "0",
  ".",
  ",",
  "e",
  "-",
];

export const HUGE_NUMBERS = [
  `1${"0".repeat(30)}`,
  "9".repeat(31),
  "1e30",
  "1E+308",
  "1e-30",
  `0.${"0".repeat(40)}1`,
  "1234567890123456789012345678901234567890.1234567890",
  "3." + "14159265358979323846264338327950288419716939937510",
  "0",
  "0.0",
  "-0",
  `-${"9".repeat(40)}`,
  "0.000000000000000000000000000001",
  "1,000,000,000,000,000,000,000,000",
  "99999999999999999999999999999999999999999999999999",
  "０．５",
  "１２３４５６７８９０",
  "Infinity",
  "NaN",
];

const RULE_CLAUSES = [
  "满分",
  "0分",
  "≥95% 满分",
  "≤85% 0分",
  "≥90% 5",
  ">80% 4",
  "<70% 3",
  "=100% 2",
  "其余 0",
  "比例",
  "扣分 每项 1分",
  "每超1个百分点扣0.5分",
  "每低1个百分点扣1分",
  "符合 1",
  "不符合 0",
  "全部符合 2",
  "其中一项不符合 0",
  "优秀 5",
  "良好 3",
  "≥0% 满分",
  "≤0% 0分",
  "每超0个百分点扣1分",
  "每超1个百分点扣0分",
  "≥1e30% 满分",
  "≤-5% 0分",
  "；",
  ";",
  "",
  // printed sentences (issue 10): scoring/rules/printed reads these
  "以100%为标准。",
  "在职人员控制率≤100%，计5分",
  "每超过一个百分点扣0.5分，扣完为止",
  "每低于5%扣2分",
  "不足5%的按比例扣分",
  "不足一个百分点的按一个百分点计算",
  "0-10%（含），计6分",
  "80%（含）-90%得4分",
  "大于30%不得分",
  "60%以下不得分",
  "90%（不含）以上得满分",
  "在90%-100%之间计3分",
  "1.≥95%得5分",
  "（2）低于85%计0分",
  "①真实，1分",
  "真实（1分）",
  "每发现一例违规扣1分",
  "按完成比例计分",
  "完成值/指标值×分值",
  "达到目标值得满分",
  "未达到的按完成比例计分",
  "最高不超过分值",
  "其余情况不得分",
  "扣2分",
  "每超过1天扣1分",
  "低于100%的，每低一个百分点扣0.5分",
  "每超过",
  "（含",
  "-%",
  "计分",
];

/** Pipe tables as converters paste them (issue 10: model/tables.ts), with totals right, wrong and broken. */
export function tableSoup(rng: Rng): string {
  const labels = ["年度资金总额", "其中：本年财政拨款", "上年结转资金", "其他资金", "总额:", "合计", "总计", "其中：", "水、电费", "", "|", "其中:在职"];
  const heads = ["资金来源", "年初预算数", "全年预算数（万元）", "全年执行数", "执行率", "分值", "", "调整后预算数", "预算执行数"];
  const cells = ["100", "0", "89.974", "1,000", "96%", "-5", "", "/", "—", "1e9", "12.5 万元", "x", "99999999999999999999", "０"];
  const cols = 1 + int(rng, 6);
  const rows = int(rng, 7);
  const out: string[] = [];
  if (rng() < 0.5) out.push(pick(rng, ["（单位：万元）", "单位：元", "(单位:亩)", "（单位：未知）"]));
  out.push(`| ${Array.from({ length: cols }, () => pick(rng, heads)).join(" | ")} |`);
  if (rng() < 0.9) out.push(`|${"---|".repeat(cols)}`);
  for (let r = 0; r < rows; r++) {
    const n = rng() < 0.8 ? cols : int(rng, cols + 3);
    out.push(`| ${pick(rng, labels)} | ${Array.from({ length: Math.max(0, n - 1) }, () => pick(rng, cells)).join(" | ")} |`);
  }
  return out.join("\n");
}

const KEYS = ["评分", "结果", "得分", "目标", "实际", "公式", "完成率", "自评总分", "等级", "满分", "等级划分", "反向算法", "超额预警", "执行率封顶", "偏差原因", "单位", "年度", "数据", "预算数", "执行数"];

const WIDTH_PAIRS: [string, string][] = [
  ["：", ":"],
  ["（", "("],
  ["）", ")"],
  ["；", ";"],
  ["，", ","],
  ["％", "%"],
  ["．", "."],
  ["\u3000", " "],
  ["＃", "#"],
  ["－", "-"],
  ["＝", "="],
  ["＋", "+"],
];

function randomString(rng: Rng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) {
    const r = rng();
    if (r < 0.5) s += pick(rng, SPECIAL_CHARS);
    else if (r < 0.7) s += String.fromCharCode(int(rng, 0x80));
    else if (r < 0.85) s += String.fromCharCode(0x4e00 + int(rng, 0x5000));
    else s += String.fromCharCode(int(rng, 0x10000));
  }
  return s;
}

function ruleSoup(rng: Rng): string {
  const n = 1 + int(rng, 8);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(pick(rng, RULE_CLAUSES));
  return parts.join(pick(rng, ["；", ";", " ", "；；", "，", "。", ""]));
}

function lines(text: string): string[] {
  return text.split("\n");
}

// ───────────────────────── mutators ─────────────────────────

export interface Mutator {
  name: string;
  /** Relative frequency (default 1): the megabyte-sized mutations are rarer, so a run sees many inputs. */
  weight?: number;
  apply(text: string, rng: Rng): string;
}

export const MUTATORS: Mutator[] = [
  {
    name: "insert-table",
    apply(t, rng) {
      const ls = lines(t);
      ls.splice(int(rng, ls.length + 1), 0, tableSoup(rng));
      return ls.join("\n");
    },
  },
  {
    name: "delete-lines",
    apply(t, rng) {
      const ls = lines(t);
      const n = 1 + int(rng, 5);
      for (let i = 0; i < n && ls.length; i++) ls.splice(int(rng, ls.length), 1 + int(rng, 3));
      return ls.join("\n");
    },
  },
  {
    name: "duplicate-lines",
    apply(t, rng) {
      const ls = lines(t);
      const n = 1 + int(rng, 5);
      for (let i = 0; i < n && ls.length; i++) {
        const at = int(rng, ls.length);
        const len = 1 + int(rng, 6);
        ls.splice(int(rng, ls.length + 1), 0, ...ls.slice(at, at + len));
      }
      return ls.join("\n");
    },
  },
  {
    name: "swap-lines",
    apply(t, rng) {
      const ls = lines(t);
      const n = 1 + int(rng, 6);
      for (let i = 0; i < n && ls.length > 1; i++) {
        const a = int(rng, ls.length);
        const b = int(rng, ls.length);
        [ls[a], ls[b]] = [ls[b], ls[a]];
      }
      return ls.join("\n");
    },
  },
  {
    name: "random-bytes",
    apply(t, rng) {
      let s = t;
      const n = 1 + int(rng, 10);
      for (let i = 0; i < n; i++) {
        const at = int(rng, s.length + 1);
        const del = rng() < 0.3 ? int(rng, 4) : 0;
        s = s.slice(0, at) + randomString(rng, 1 + int(rng, 6)) + s.slice(at + del);
      }
      return s;
    },
  },
  {
    name: "truncate",
    apply(t, rng) {
      return t.slice(0, int(rng, t.length + 1));
    },
  },
  {
    name: "width-flip",
    apply(t, rng) {
      const toFull = rng() < 0.5;
      const p = rng();
      let out = "";
      for (const ch of t) {
        let r = ch;
        if (rng() < p) {
          const c = ch.charCodeAt(0);
          if (toFull && c >= 0x21 && c <= 0x7e) r = String.fromCharCode(c + 0xfee0);
          else if (!toFull && c >= 0xff01 && c <= 0xff5e) r = String.fromCharCode(c - 0xfee0);
          else {
            const pair = WIDTH_PAIRS.find(([f, h]) => f === ch || h === ch);
            if (pair) r = toFull ? pair[0] : pair[1];
          }
        }
        out += r;
      }
      return out;
    },
  },
  {
    name: "extreme-numbers",
    apply(t, rng) {
      let hits = 0;
      const limit = 1 + int(rng, 20);
      return t.replace(/\d+(\.\d+)?/g, (m) => (hits++ < limit && rng() < 0.3 ? pick(rng, HUGE_NUMBERS) : m));
    },
  },
  {
    name: "deep-nesting",
    weight: 0.5,
    apply(t, rng) {
      const depth = rng() < 0.3 ? 1000 : 1 + int(rng, 60);
      const weighted = rng() < 0.5;
      const out: string[] = [];
      for (let i = 1; i <= depth; i++) out.push(`${"#".repeat(i)} 层${i}${weighted ? `（${rng() < 0.5 ? depth - i + 1 : int(rng, 10)}分）` : ""}`);
      if (weighted) out.push("评分：符合 1；不符合 0", "结果：符合");
      const ls = lines(t);
      ls.splice(int(rng, ls.length + 1), 0, ...out);
      return ls.join("\n");
    },
  },
  {
    name: "huge-line",
    weight: 0.15,
    apply(t, rng) {
      const unit = pick(rng, ["这是很长的一行正文。", "1,234.5 万元 ", "{{总分}}", "数据：1 + ", "（10分）", "a", "\u202E"]);
      // Control characters become 8-character markers in the report, which is slow for megabytes of them (see docs/robustness.md): 50k of them.
      const size = /[\u0000-\u001f\u202a-\u202e]/.test(unit) ? 50_000 : 1_000_000;
      const big = (rng() < 0.5 ? pick(rng, ["", "# ", "说明：", "数据：", "评分：", "- "]) : "") + unit.repeat(Math.ceil(size / unit.length));
      const ls = lines(t);
      ls.splice(int(rng, ls.length + 1), 0, big);
      return ls.join("\n");
    },
  },
  {
    name: "rule-soup",
    apply(t, rng) {
      const ls = lines(t);
      const n = 1 + int(rng, 6);
      for (let i = 0; i < n; i++) {
        const key = pick(rng, KEYS);
        const value = key === "评分" || rng() < 0.3 ? ruleSoup(rng) : rng() < 0.5 ? pick(rng, HUGE_NUMBERS) + pick(rng, ["", "%", " 万元", " 人", "分"]) : randomString(rng, 1 + int(rng, 10));
        ls.splice(int(rng, ls.length + 1), 0, `${key}${pick(rng, ["：", ":", " ： "])}${value}`);
      }
      return ls.join("\n");
    },
  },
  {
    name: "conflict-markers",
    apply(t, rng) {
      const ls = lines(t);
      const marks = ["<<<<<<< HEAD", "=======", ">>>>>>> branch", "<<<<<<<", ">>>>>>>", "|||||||"];
      const n = 1 + int(rng, 4);
      for (let i = 0; i < n; i++) ls.splice(int(rng, ls.length + 1), 0, pick(rng, marks));
      return ls.join("\n");
    },
  },
  {
    name: "placeholders",
    apply(t, rng) {
      const ls = lines(t);
      const n = 1 + int(rng, 6);
      const names = ["总分", "等级", "执行数", "未知数据", "", " ", "{{", "}}", "职责明确.得分", "a.b.c", "<script>", "执行率"];
      for (let i = 0; i < n; i++) {
        const at = int(rng, ls.length + 1);
        ls.splice(at, 0, `正文 {{${pick(rng, names)}}} ${rng() < 0.3 ? "{{" : ""}${pick(rng, names)}${rng() < 0.3 ? "}}" : ""}`);
      }
      return ls.join("\n");
    },
  },
  {
    name: "splice-examples",
    apply(t, rng) {
      const a = lines(t);
      const b = lines(SEED_SCORED);
      const at = int(rng, b.length);
      a.splice(int(rng, a.length + 1), 0, ...b.slice(at, at + 1 + int(rng, 20)));
      return a.join("\n");
    },
  },
  {
    name: "line-endings",
    apply(t, rng) {
      const eol = pick(rng, ["\r\n", "\r", "\n\r", "\u2028"]);
      return rng() < 0.5 ? t.replace(/\n/g, eol) : t.replace(/\n/g, () => (rng() < 0.2 ? eol : "\n"));
    },
  },
];

/** Mutators that keep the input small enough for many cases a second (property tests). */
export const CHEAP_MUTATORS = MUTATORS.filter((m) => m.name !== "huge-line" && m.name !== "deep-nesting");

function pickWeighted(rng: Rng, mutators: Mutator[]): Mutator {
  const total = mutators.reduce((s, m) => s + (m.weight ?? 1), 0);
  let r = rng() * total;
  for (const m of mutators) {
    r -= m.weight ?? 1;
    if (r < 0) return m;
  }
  return mutators[mutators.length - 1];
}

/** Apply 1..maxRounds random mutators. */
export function mutate(text: string, rng: Rng, mutators: Mutator[] = MUTATORS, maxRounds = 3): { text: string; applied: string[] } {
  const rounds = 1 + int(rng, maxRounds);
  const applied: string[] = [];
  let t = text;
  for (let i = 0; i < rounds; i++) {
    const m = pickWeighted(rng, mutators);
    applied.push(m.name);
    t = m.apply(t, rng);
  }
  return { text: t, applied };
}
