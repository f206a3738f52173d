/**
 * Generated .perf files for benchmarks and fuzzing: `generateLarge(n)` makes a
 * valid evaluation with n leaf indicators in a three-level tree, cycling
 * through the rule kinds, with data, stated scores and prose.
 */

const RULES = [
  (i: number) => [`公式：完成数${i} ÷ 计划数${i}`, `完成数${i}：${90 + (i % 20)} 个`, `计划数${i}：100 个`, "评分：≥95% 满分；≤85% 0分"],
  () => ["评分：符合 1；不符合 0", "结果：符合"],
  () => ["- [x] 要点一", "- [x] 要点二", "评分：全部符合 1；其中一项不符合 0"],
  (i: number) => [`目标：≥${100 + (i % 7)} 人`, `实际：${95 + (i % 13)} 人`, "偏差原因：按实际情况"],
  () => ["评分：比例", "公式：执行数 ÷ 预算数"],
  () => ["得分：1", "理由：评价人判断"],
];

export function generateLarge(leaves: number, perParent = 100): string {
  const out: string[] = ["单位：基准测试镇人民政府", "年度：2024", "预算数：1000 万元", "执行数：980 万元", `满分：${leaves}`, ""];
  out.push("# 一、基本情况", "本文件由基准测试生成，总分 {{总分}}，等级 {{等级}}。", "");
  const mids = Math.ceil(leaves / perParent);
  const tops = Math.max(1, Math.ceil(mids / 10));
  let leaf = 0;
  for (let t = 0; t < tops && leaf < leaves; t++) {
    const topLeaves = Math.min(leaves - leaf, perParent * 10);
    out.push(`## 一级指标${t + 1}（${topLeaves}分）`, "");
    for (let m = 0; m < 10 && leaf < leaves; m++) {
      const midLeaves = Math.min(leaves - leaf, perParent);
      out.push(`### 二级指标${t + 1}-${m + 1}（${midLeaves}分）`, "");
      for (let k = 0; k < midLeaves; k++, leaf++) {
        out.push(`#### 三级指标${leaf + 1}（1分）`, `说明：第 ${leaf + 1} 个指标。`, ...RULES[leaf % RULES.length](leaf), "");
      }
    }
  }
  return out.join("\n");
}
