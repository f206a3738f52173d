/**
 * The same evaluation content in two formats, for measuring perf-eval beside
 * yaml-language-server (the peer a developer would pick for such data): n leaf
 * indicators, ten to a group, each a ratio of a data value to a shared figure,
 * scored on a linear band. Both files carry the figure `在职人员数…：50` in the
 * same place of the first indicator, so that one edit changes one data value
 * in each.
 */

export function peerPerf(n: number): string {
  const groups = Math.ceil(n / 10);
  const out = ["单位：测试镇人民政府", "年度：2021", `满分：${n}`, "编制数：56 人", ""];
  for (let g = 0; g < groups; g++) {
    const k = Math.min(10, n - g * 10);
    out.push(`# 一级指标${g}（${k}分）`, "");
    for (let i = 0; i < k; i++) {
      out.push(
        `## 指标${g}_${i}（1分）`,
        "说明：部门本年度实际在职人员数与编制数的比率，用以反映和评价部门对人员成本的控制程度。",
        `公式：在职人员数${g}_${i} ÷ 编制数`,
        `在职人员数${g}_${i}：${50 + i} 人`,
        "评分：≤100% 满分；≥115% 0分",
        "",
      );
    }
  }
  return out.join("\n");
}

export function peerYaml(n: number): string {
  const groups = Math.ceil(n / 10);
  const out = ["单位: 测试镇人民政府", "年度: 2021", "指标:"];
  for (let g = 0; g < groups; g++) {
    out.push(`  - 名称: 一级指标${g}`, "    分值: 10", "    子指标:");
    for (let i = 0; i < 10 && g * 10 + i < n; i++) {
      out.push(
        `      - 名称: 指标${g}_${i}`,
        "        分值: 1",
        "        公式: 在职人员数 / 编制数",
        `        数据: {在职人员数: ${50 + i}, 编制数: 56}`,
        '        评分: "≤100% 满分；≥115% 0分"',
        "        说明: 部门本年度实际在职人员数与编制数的比率，用以反映和评价部门对人员成本的控制程度。",
      );
    }
  }
  return `${out.join("\n")}\n`;
}

/** Where the first indicator's `50` is: [line, character], in either format. */
export function firstValueAt(text: string): [number, number] {
  const lines = text.split("\n");
  for (let l = 0; l < lines.length; l++) {
    const m = /在职人员数(?:0_0)?[：:]\s*(50)\b/.exec(lines[l]);
    if (m) return [l, m.index + m[0].length - 2];
  }
  throw new Error("no first value to edit");
}
