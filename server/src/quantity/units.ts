/**
 * Units (单位) and their dimensions (量纲). A unit has a dimension and a
 * scale to the dimension's base unit; 万/亿/千 before a unit scale it.
 * Counting words (人, 户, 个…) are each their own dimension: 55 人 and 55 户
 * are not comparable. 人 and 人次 are comparable with a warning.
 */
import { D } from "./decimal";
import type Decimal from "decimal.js";
import { BoundedCache } from "../cache-entry";

export interface UnitInfo {
  /** Canonical dimension key; "" is dimensionless (plain numbers, %, ‰). */
  dim: string;
  /** Value of one of this unit in the dimension's base unit. */
  scale: Decimal;
}

/** Base units with their dimension and scale. */
const BASE: Record<string, [string, string]> = {
  // money, base 元
  元: ["money", "1"],
  // area, base 亩 (1 亩 = 10000/15 m², so m² = 0.0015 亩 exactly)
  亩: ["area", "1"],
  公顷: ["area", "15"],
  平方米: ["area", "0.0015"],
  平米: ["area", "0.0015"],
  平方公里: ["area", "1500"],
  平方千米: ["area", "1500"],
  // volume
  立方米: ["volume", "1"],
  方: ["volume", "1"],
  // mass, base 公斤
  公斤: ["mass", "1"],
  千克: ["mass", "1"],
  斤: ["mass", "0.5"],
  克: ["mass", "0.001"],
  吨: ["mass", "1000"],
  // length, base 米
  米: ["length", "1"],
  公里: ["length", "1000"],
  千米: ["length", "1000"],
  厘米: ["length", "0.01"],
  // time: 天 on its own (months differ in days); 月 and 年 convert
  天: ["time:day", "1"],
  日: ["time:day", "1"],
  小时: ["time:hour", "1"],
  月: ["time:month", "1"],
  个月: ["time:month", "1"],
  年: ["time:month", "12"],
  周: ["time:week", "1"],
  // ratios
  "%": ["", "0.01"],
  "‰": ["", "0.001"],
  个百分点: ["", "0.01"],
  // the national form's 度量单位 column prints 百分比 for %
  百分比: ["", "0.01"],
  倍: ["", "1"],
  分: ["score", "1"],
};

/** Counting words (量词): each is its own dimension. */
const COUNTERS = [
  "人", "人次", "户", "个", "名", "座", "次", "辆", "株", "棵", "份", "条", "件", "项", "家", "所", "头", "只",
  "场", "台", "套", "间", "处", "批", "册", "本", "张", "块", "期", "班", "组", "支", "趟", "趟次", "车次", "户次",
  "口", "眼", "盏", "根", "把", "架", "艘", "位", "村", "镇", "篇", "起", "宗", "笔", "轮", "课时", "学时", "床",
  "栋", "幢", "层", "道", "门", "部", "类", "种", "例", "封", "幅", "面", "块", "处", "座次", "人天", "工日",
];
for (const c of COUNTERS) BASE[c] = BASE[c] ?? [`count:${c}`, "1"];
// 名 and 位 count persons, as 人 does (编制数 56 名 vs 在职 55 人).
BASE.名 = ["count:人", "1"];
BASE.位 = ["count:人", "1"];

const PREFIX: Record<string, string> = { 万: "10000", 亿: "100000000", 千: "1000", 百: "100", 十: "10" };

// 10,001: emptied when a unit comes past 10,000, as it always was.
export const unitCache = new BoundedCache<string, UnitInfo | null>("quantity/units.ts unitCache: units looked up", "the unit as written", 10_001);

function lookupSimple(text: string): UnitInfo | undefined {
  const base = BASE[text];
  if (base) return { dim: base[0], scale: new D(base[1]) };
  const p = PREFIX[text[0]];
  if (p && text.length > 1) {
    const rest = lookupSimple(text.slice(1));
    if (rest) return { dim: rest.dim, scale: rest.scale.times(p) };
  }
  return undefined;
}

/** The unit for a written unit text (`万元`, `次/天`, `%`), or undefined when unknown. */
export function lookupUnit(text: string): UnitInfo | undefined {
  const hit = unitCache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  let info: UnitInfo | undefined;
  const slash = text.indexOf("/");
  if (slash > 0) {
    const num = lookupSimple(text.slice(0, slash));
    const den = lookupSimple(text.slice(slash + 1));
    if (num && den) info = { dim: divideDims(num.dim, den.dim), scale: num.scale.dividedBy(den.scale) };
  } else {
    info = lookupSimple(text);
  }
  unitCache.set(text, info ?? null);
  return info;
}

export function divideDims(a: string, b: string): string {
  if (a === b || personVsPersonTime(a, b)) return "";
  if (b === "") return a;
  return `${a || "1"}/${b}`;
}

export function multiplyDims(a: string, b: string): string {
  if (a === "") return b;
  if (b === "") return a;
  // x/y × y = x
  if (a.endsWith(`/${b}`)) return a.slice(0, a.length - b.length - 1);
  if (b.endsWith(`/${a}`)) return b.slice(0, b.length - a.length - 1);
  return `${a}*${b}`;
}

/** Same dimension, or 人 vs 人次 (comparable, with a warning). */
export function comparableDims(a: string, b: string): boolean {
  return a === b || personVsPersonTime(a, b);
}

/** 人 and 人次 (and the like) compare with a warning rather than an error. */
export function personVsPersonTime(a: string, b: string): boolean {
  const pair = (x: string) => x.replace(/^count:/, "");
  const pa = pair(a);
  const pb = pair(b);
  return a !== b && a.startsWith("count:") && b.startsWith("count:") && (`${pa}次` === pb || `${pb}次` === pa);
}

const DIM_NAMES: Record<string, [string, string]> = {
  "": ["比率/纯数", "a ratio"],
  money: ["金额", "money"],
  area: ["面积", "area"],
  volume: ["体积", "volume"],
  mass: ["重量", "mass"],
  length: ["长度", "length"],
  "time:day": ["天数", "days"],
  "time:month": ["月数/年数", "months"],
  "time:hour": ["小时数", "hours"],
  "time:week": ["周数", "weeks"],
  score: ["分数", "score points"],
};

/** A human name of a dimension, in Chinese and English. */
export function dimName(dim: string): [string, string] {
  const n = DIM_NAMES[dim];
  if (n) return n;
  if (dim.startsWith("count:")) return [`数量（${dim.slice(6)}）`, `a count of ${dim.slice(6)}`];
  const parts = dim.split(/([/*])/);
  if (parts.length > 1) {
    const zh = parts.map((p) => (p === "/" ? "每" : p === "*" ? "×" : dimName(p)[0])).join("");
    const en = parts.map((p) => (p === "/" ? " per " : p === "*" ? " × " : dimName(p)[1])).join("");
    return [zh, en];
  }
  return [dim, dim];
}

/** The unit names the completion offers after a number. */
export function knownUnitNames(): string[] {
  const names = Object.keys(BASE);
  return ["万元", "亿元", "万亩", "万人", "万吨", ...names];
}
