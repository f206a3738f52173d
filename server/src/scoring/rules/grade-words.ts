/**
 * 定性指标的等级词: the words that say how far a qualitative target was met,
 * and the share of the weight each grade allows. The national form
 * (财预〔2020〕10号) prints 达成预期指标 / 部分达成预期指标并具有一定效果 /
 * 未达成预期指标且效果较差, scored 100–80 %（含 80 %）, 80–60 %（含 60 %）,
 * 60–0 % of the weight: each band includes its lower end, the top one also
 * 100 %. Provinces that draw the bands differently write the 口径
 * `定性区间：达成 85%；部分达成 60%；未达成 0`.
 */
import type Decimal from "decimal.js";
import { D } from "../../quantity/decimal";

export type Achievement = "达成" | "部分达成" | "未达成";

const SYNONYMS: Record<string, Achievement> = {
  达成: "达成", 已达成: "达成", 全部达成: "达成", 完成: "达成", 已完成: "达成", 全部完成: "达成", 达到: "达成", 实现: "达成", 是: "达成", 符合: "达成",
  部分达成: "部分达成", 基本达成: "部分达成", 基本完成: "部分达成", 部分完成: "部分达成", 基本符合: "部分达成",
  未达成: "未达成", 未完成: "未达成", 未达到: "未达成", 未实现: "未达成", 否: "未达成", 不符合: "未达成",
};

/** 达成预期指标, 部分达成预期指标（并具有一定效果）, 未达成预期指标且效果较差, also …预期目标. */
const NATIONAL = /^(未达成|部分达成|基本达成|达成)预期(?:指标|目标)(?:[，,、]?(?:并|且)?(?:具有一定效果|效果较差|效果明显))?$/;

export function achievementOf(word: string): Achievement | undefined {
  const w = word.replace(/[\s“”"。.]/g, "").replace(/[（(][^（()）]*[)）]$/, "");
  const hit = SYNONYMS[w];
  if (hit) return hit;
  const m = NATIONAL.exec(w);
  if (!m) return undefined;
  return m[1] === "未达成" ? "未达成" : m[1] === "达成" ? "达成" : "部分达成";
}

/** A grade's band as shares of the weight: [low, high], low included, high excluded except for the top band. */
export type Bands = Record<Achievement, [Decimal, Decimal]>;

export const NATIONAL_BANDS: Bands = {
  达成: [new D("0.8"), new D("1")],
  部分达成: [new D("0.6"), new D("0.8")],
  未达成: [new D("0"), new D("0.6")],
};

const ORDER: Achievement[] = ["达成", "部分达成", "未达成"];

/** `达成 85%；部分达成 60%；未达成 0` (each grade's lower end; the upper end is the next grade's lower end). */
export function readBands(text: string): Bands | undefined {
  const lows = new Map<Achievement, Decimal>();
  for (const part of text.split(/[；;，,、]/)) {
    const p = part.trim();
    if (p === "") continue;
    const m = /^(未达成|部分达成|达成)\s*[:：]?\s*(?:≥|不低于)?\s*(\d+(?:\.\d+)?)\s*(%?)\s*(?:以上|及以上)?$/.exec(p);
    if (!m) return undefined;
    const v = new D(m[2]).dividedBy(m[3] === "%" || Number(m[2]) > 1 ? 100 : 1);
    if (v.greaterThan(1)) return undefined;
    lows.set(m[1] as Achievement, v);
  }
  if (lows.size !== 3) return undefined;
  const bands = {} as Bands;
  let high = new D(1);
  for (const g of ORDER) {
    const low = lows.get(g)!;
    if (low.greaterThan(high)) return undefined;
    bands[g] = [low, high];
    high = low;
  }
  return bands;
}

/** Is a share of the weight inside the grade's band? */
export function inBand(bands: Bands, grade: Achievement, share: Decimal): boolean {
  const [lo, hi] = bands[grade];
  return share.greaterThanOrEqualTo(lo) && (grade === "达成" ? share.lessThanOrEqualTo(hi) : share.lessThan(hi));
}
