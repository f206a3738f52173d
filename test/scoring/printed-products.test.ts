/**
 * Printed rules the acceptance test met on public tables and the reader did not
 * understand (lead's brief, this round): a rate times a factor, conditions joined
 * by 或, a negative stated score, and rules that need other units' figures.
 * Rule lines are as printed; the indicators around them are made up.
 */
import assert from "node:assert/strict";
import { analyzeText, codes, diags, score } from "../helpers";

const H = "单位：X镇\n年度：2023\n";

/** One indicator of weight `w` with the printed rule and extra lines (实际, 目标, 结果, 得分). */
function leaf(name: string, w: number, rule: string, extra: string): string {
  return `${H}满分：${w}\n# ${name}（${w}分）\n${extra}\n评分：${rule}\n偏差原因：x\n`;
}

describe("a rate times a factor or the weight", () => {
  it("按预算执行率×10计分 on a 10-point indicator: 96% → 9.6, nothing flagged", () => {
    const t = leaf("预算执行率", 10, "按预算执行率×10计分", "实际：96%");
    assert.equal(score(t, "预算执行率"), "9.6000");
    assert.deepEqual(codes(t), []);
  });
  it("a rate above 100% is kept within the weight: 104% × 10 → 10", () => {
    assert.equal(score(leaf("预算执行率", 10, "按预算执行率×10计分", "实际：104%"), "预算执行率"), "10.0000");
  });
  it("a factor other than the weight is flagged (PE401) and the score still stays within 0…weight", () => {
    const t = leaf("预算执行率", 5, "预算执行率×10", "实际：30%");
    assert.equal(score(t, "预算执行率"), "3.0000");
    assert.deepEqual(codes(t), ["PE401"]);
    assert.match(diags(t, "PE401")[0].message, /最高 10 分.*分值 5 分/);
    assert.equal(score(leaf("预算执行率", 5, "预算执行率×10", "实际：96%"), "预算执行率"), "5.0000");
  });
  it("得分=预算执行率×该指标分值 and 实际完成率×分值 are ratio × weight", () => {
    assert.equal(score(leaf("预算执行率", 8, "得分=预算执行率×该指标分值", "实际：95%"), "预算执行率"), "7.6000");
    assert.equal(score(leaf("资金到位率", 5, "得分=资金到位率×分值", "实际：90%"), "资金到位率"), "4.5000");
    const t = leaf("项目完成率", 6, "实际完成率×分值", "实际：50%");
    assert.equal(score(t, "项目完成率"), "3.0000");
    assert.deepEqual(codes(t), []);
  });
  it("a factor over a quantity with a target reads the completion rate: 实际完成率×10 with 96 of 100 个 → 9.6", () => {
    const t = leaf("完成数量", 10, "实际完成率×10", "目标：≥100 个\n实际：96 个");
    assert.equal(score(t, "完成数量"), "9.6000");
    assert.deepEqual(codes(t), []);
  });
  it("a stated score against the product is checked (PE501)", () => {
    const t = leaf("预算执行率", 10, "按预算执行率×10计分", "实际：96%\n得分：9.50");
    assert.deepEqual(codes(t), ["PE501"]);
  });
  it("年度指标值/全年实际值*该指标分值 (a reverse indicator): 500 ÷ 520 × 10 = 9.6154", () => {
    const t = leaf("人均培训成本", 10, "年度指标值/全年实际值*该指标分值", "目标：≤500 元\n实际：520 元");
    assert.equal(score(t, "人均培训成本"), "9.6154");
    assert.deepEqual(codes(t), []);
  });
  it("the hover reading says how the product was read", () => {
    const ind = analyzeText(leaf("预算执行率", 10, "按预算执行率×10计分", "实际：96%")).model.indicators[0];
    const reading = ind.rule?.reading?.map(([zh]) => zh).join("\n") ?? "";
    assert.match(reading, /“按预算执行率×10计分” → 比率 × 10/);
  });
  it("乘以 for ×, and brackets around the rate or the quotient", () => {
    assert.equal(score(leaf("预算执行率", 10, "预算执行率乘以10", "实际：90%"), "预算执行率"), "9.0000");
    assert.equal(score(leaf("资金到位率", 5, "得分=（资金到位率）×分值", "实际：90%"), "资金到位率"), "4.5000");
    const t = leaf("培训人次", 10, "得分=（实际完成值/目标值）×分值", "目标：≥400 人次\n实际：300 人次");
    assert.equal(score(t, "培训人次"), "7.5000");
    assert.deepEqual(codes(t), []);
  });
  it("a product whose subject is no measure (“人员×10”) is not read as one", () => {
    const t = leaf("预算执行率", 10, "人员×10", "实际：96%");
    assert.equal(score(t, "预算执行率"), undefined);
    assert.equal(codes(t).length, 1);
  });
});

describe("rules that need other units' figures: the evaluator's judgement with one message", () => {
  // 机构编制 评估表 in public code (GitHub nima001/syqdemo, an .svn pristine copy; acceptance probes s26, s27).
  const age = "平均年龄不大于市级部门人员平均年龄的，得2分；每超平均年龄1岁的，扣0.5分";
  const rank = "排名倒数第1名、第2名、第3名的分别计2分、1.9分、1.8分，倒数第4名及以上的，每进1名扣0.1分。";
  it("a comparison with other units' average: the stated 1.5 counts, one PE442 on the words that compare", () => {
    const t = leaf("人员年龄", 2, age, "得分：1.5");
    assert.equal(score(t, "人员年龄"), "1.5000");
    assert.deepEqual(codes(t), ["PE442"]);
    const d = diags(t, "PE442")[0];
    assert.match(d.message, /平均值/);
    assert.match(d.message, /按填报得分 1\.5 分计/);
    const line = t.split("\n")[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), "不大于市级部门人员平均年龄");
  });
  it("a rank among units: the stated 1.6 counts, the message says it scores by rank", () => {
    const t = leaf("考核排名", 2, rank, "得分：1.6");
    assert.equal(score(t, "考核排名"), "1.6000");
    assert.deepEqual(codes(t), ["PE442"]);
    assert.match(diags(t, "PE442")[0].message, /名次/);
    assert.match(diags(t, "PE442")[0].messageEn, /rank/);
    // 偏差原因 but no 理由: the message asks for the basis; with 理由 it does not.
    assert.match(diags(t, "PE442")[0].message, /理由/);
    assert.doesNotMatch(diags(leaf("考核排名", 2, rank, "得分：1.6\n理由：全市第5名。"), "PE442")[0].message, /理由/);
  });
  it("without a stated score: not scored, PE403 asks for the evaluator's 得分 and says why", () => {
    const t = leaf("考核排名", 2, rank, "");
    assert.equal(score(t, "考核排名"), undefined);
    assert.deepEqual(codes(t), ["PE403"]);
    assert.match(diags(t, "PE403")[0].message, /得分.*名次/);
  });
  it("a compact option rule whose labels name a rank stays options, chosen by 结果 (the compact syntax is read first)", () => {
    const t = leaf("考核排名", 10, "排名前三 10；其余 5", "结果：排名前三");
    assert.equal(score(t, "考核排名"), "10.0000");
    assert.deepEqual(codes(t), []);
    assert.deepEqual(codes(leaf("考核排名", 10, "全市排名前3名得满分，其余得5分", "得分：10\n理由：全市第2名。")), ["PE442"]);
  });
  it("an indicator's own average is still computed: 平均处理时长≤3天得满分", () => {
    const t = leaf("平均处理时长", 5, "平均处理时长≤3天得满分；其余 0", "实际：2 天");
    assert.equal(score(t, "平均处理时长"), "5.0000");
    assert.deepEqual(codes(t), []);
  });
  it("低于全省平均水平的不得分 and 同类单位平均值 are comparisons with others too", () => {
    assert.deepEqual(codes(leaf("人均办案数", 4, "高于全省平均水平的得满分，低于全省平均水平的不得分", "得分：4")), ["PE442"]);
    assert.deepEqual(codes(leaf("单位成本", 4, "单位成本与同类单位平均值相比，每高出5%扣1分", "得分：3")), ["PE442"]);
  });
});

describe("conditions joined by 或", () => {
  // Wordings reported by the acceptance test on public tables (lead's brief): 未完成或出现重大问题的，不得分.
  const done = "全部完成得满分；未完成或出现重大问题的，不得分";
  it("an option offering either case: 结果 may name one of them (未完成 / 出现重大问题 → 0, 全部完成 → 10)", () => {
    const t = (x: string) => leaf("项目完成", 10, done, `结果：${x}`);
    assert.equal(score(t("未完成"), "项目完成"), "0.0000");
    assert.equal(score(t("出现重大问题"), "项目完成"), "0.0000");
    assert.equal(score(t("出现重大问题的"), "项目完成"), "0.0000");
    assert.equal(score(t("全部完成"), "项目完成"), "10.0000");
    assert.deepEqual(codes(t("出现重大问题")), []);
    const ind = analyzeText(t("未完成")).model.indicators[0];
    assert.match(ind.rule?.reading?.map(([zh]) => zh).join("\n") ?? "", /任一种/);
  });
  it("the compact syntax takes the same label: 按时完成 10；未完成或出现重大问题 0", () => {
    const t = leaf("项目完成", 10, "按时完成 10；未完成或出现重大问题 0", "结果：出现重大问题");
    assert.equal(score(t, "项目完成"), "0.0000");
    assert.deepEqual(codes(t), []);
  });
  it("a trailing 的 on either side is ignored: 结果：出现重大问题的 chooses 出现重大问题的不得分", () => {
    const t = leaf("项目完成", 10, "按时完成得满分；出现重大问题的不得分", "结果：出现重大问题的");
    assert.equal(score(t, "项目完成"), "0.0000");
    assert.deepEqual(codes(t), []);
  });
  it("a case that is neither alternative is still PE404", () => {
    assert.deepEqual(codes(leaf("项目完成", 10, done, "结果：部分完成")), ["PE404"]);
  });
  it("two conditions on the value joined by 或 are two bands with one score: 低于90%或高于120%的不得分", () => {
    const rule = "90%-110%（含）得满分；低于90%或高于120%的不得分；其余得5分";
    const at = (a: string) => leaf("经费控制率", 10, rule, `实际：${a}`);
    assert.equal(score(at("125%"), "经费控制率"), "0.0000");
    assert.equal(score(at("85%"), "经费控制率"), "0.0000");
    assert.equal(score(at("115%"), "经费控制率"), "5.0000");
    assert.equal(score(at("100%"), "经费控制率"), "10.0000");
    assert.deepEqual(codes(at("115%")), []);
    // The consequence in the next segment, and the subject repeated after 或.
    assert.equal(score(leaf("经费控制率", 10, "低于90%或经费控制率高于120%的，不得分；其余得满分", "实际：130%"), "经费控制率"), "0.0000");
  });
  it("a condition or an event only the evaluator knows: the value is still scored, nothing flagged when the stated score agrees", () => {
    for (const rule of ["≥95%得满分；低于80%或出现重大问题的不得分", "≥95%得满分；低于80%或出现重大问题的，不得分", "≥95%得满分；出现重大问题或低于80%的不得分"]) {
      const t = leaf("项目完成率", 10, rule, "实际：96%\n得分：10");
      assert.equal(score(t, "项目完成率"), "10.0000", rule);
      assert.deepEqual(codes(t), [], rule);
      assert.equal(score(leaf("项目完成率", 10, rule, "实际：70%"), "项目完成率"), "0.0000", rule);
    }
  });
  it("a stated 0 where the value scores 10 is the evaluator's finding of the event: it counts, one PE442 on the event's words", () => {
    for (const rule of ["≥95%得满分；低于80%或出现重大问题的不得分", "≥95%得满分；出现重大问题或低于80%的不得分"]) {
      const t = leaf("项目完成率", 10, rule, "实际：96%\n得分：0\n理由：项目发生安全事故。");
      assert.equal(score(t, "项目完成率"), "0.0000", rule);
      assert.deepEqual(codes(t), ["PE442"], rule);
      const d = diags(t, "PE442")[0];
      assert.match(d.message, /“出现重大问题”要由评价人判断/);
      assert.match(d.message, /按填报得分 0 分计/);
      const line = t.split("\n")[d.range.start.line];
      assert.equal(line.slice(d.range.start.character, d.range.end.character), "出现重大问题", rule);
    }
  });
  it("any other stated score is checked against the value as usual (PE501)", () => {
    const t = leaf("项目完成率", 10, "≥95%得满分；低于80%或出现重大问题的不得分", "实际：96%\n得分：5.50");
    assert.deepEqual(codes(t), ["PE501"]);
  });
  it("an event with a digit in it, before the condition: 发生1起安全事故或低于90%的不得分；其余得满分", () => {
    const rule = "发生1起安全事故或低于90%的不得分；其余得满分";
    assert.deepEqual(codes(leaf("安全生产", 10, rule, "实际：95%\n得分：10")), []);
    const t = leaf("安全生产", 10, rule, "实际：95%\n得分：0\n理由：发生一起事故。");
    assert.equal(score(t, "安全生产"), "0.0000");
    assert.deepEqual(codes(t), ["PE442"]);
    assert.match(diags(t, "PE442")[0].message, /“发生1起安全事故”/);
  });
  it("only zero bands beside the event (the sentence alone) say no score to check: the stated score, one PE442", () => {
    const t = leaf("安全生产", 10, "低于90%或出现重大问题的不得分", "实际：95%\n得分：10");
    assert.equal(score(t, "安全生产"), "10.0000");
    assert.deepEqual(codes(t), ["PE442"]);
  });
});

describe("或 half-typed or with nothing to choose", () => {
  for (const rule of ["≥95%得满分；低于80%或", "≥95%得满分；低于80%或1"]) {
    it(`“${rule}” gets one PE107, not a judgement`, () => {
      const t = leaf("项目完成率", 10, rule, "实际：96%\n得分：10");
      assert.deepEqual(codes(t), ["PE107"]);
    });
  }
});

describe("a negative stated score", () => {
  it("得分：-1 under a judgement is out of range (PE402, counted as 0), not a syntax error", () => {
    const t = `${H}满分：5\n# 社会效益（5分）\n得分：-1\n理由：x\n偏差原因：x\n`;
    assert.ok(!codes(t).includes("PE101"));
    assert.ok(codes(t).includes("PE402"));
    assert.equal(score(t, "社会效益"), "0.0000");
  });
  it("得分：－1分 (full-width minus) under a rule: PE402 and the rule's own score, PE501", () => {
    const t = leaf("预算执行率", 10, "比例", "实际：96%\n得分：－1分");
    assert.deepEqual(codes(t), ["PE402", "PE501"]);
    assert.equal(score(t, "预算执行率"), "9.6000");
  });
});
