/**
 * Printed wordings found by the acceptance test on real public tables
 * (/work/qa/FINDINGS.md, reproductions R01–R17). Rule lines carry over from
 * the public tables cited per case; the indicators around them are made up.
 */
import assert from "node:assert/strict";
import { codes, diags, score } from "../helpers";

const H = "单位：X镇\n年度：2023\n";

/** One indicator of weight `w` with the printed rule and the extra lines (实际, 结果, ticked points). */
function leaf(name: string, w: number, rule: string, extra: string): string {
  return `${H}满分：${w}\n# ${name}（${w}分）\n${extra}\n评分：${rule}\n偏差原因：x\n`;
}

describe("points printed without separators (R03)", () => {
  // 项目支出绩效评价评分表 (document-site copy): every additive row is printed as 标签（N分）标签（N分）….
  it("设有目标（1分）目标明确（1分）… with 3 of 4 ticked scores 3, no PE401", () => {
    const ticks = "- [x] 设有目标\n- [x] 目标明确\n- [x] 目标细化\n- [ ] 目标量化";
    const t = `${H}满分：4\n# 目标内容（4分）\n评分：设有目标（1分）目标明确（1分）目标细化（1分）目标量化（1分）\n${ticks}\n偏差原因：x\n`;
    assert.equal(score(t, "目标内容"), "3.0000");
    assert.deepEqual(codes(t), []);
  });
  it("labels with their own 、 and unequal points: 符合申报条件（2分）项目申报、批复程序…（1分）…", () => {
    const ticks = "- [x] 符合申报条件\n- [x] 项目申报、批复程序符合管理办法\n- [ ] 项目调整履行了相应手续";
    const t = `${H}满分：4\n# 决策程序（4分）\n评分：符合申报条件（2分）项目申报、批复程序符合管理办法（1分）项目调整履行了相应手续（1分）\n${ticks}\n偏差原因：x\n`;
    assert.equal(score(t, "决策程序"), "3.0000");
    assert.deepEqual(codes(t), []);
  });
});

describe("a 不得分 band beside a per-point deduction (R01)", () => {
  const over = "≤100%，计5分；每超过一个百分点扣0.5分；超过110%不得分";
  it("≤100%，计5分；每超过一个百分点扣0.5分；超过110%不得分", () => {
    const at = (a: string) => leaf("公用经费控制率", 5, over, `实际：${a}`);
    assert.equal(score(at("108%"), "公用经费控制率"), "1.0000");
    assert.equal(score(at("99%"), "公用经费控制率"), "5.0000");
    assert.equal(score(at("110.5%"), "公用经费控制率"), "0.0000");
    assert.deepEqual(codes(at("108%")), []);
  });
  it("the zero band first, 计0分 and 以下: 低于80%计0分；≥90%，计5分；每低于一个百分点扣0.5分", () => {
    const at = (a: string) => leaf("资金到位率", 5, "80%以下不得分；≥90%，计5分；每低于一个百分点扣0.5分", `实际：${a}`);
    assert.equal(score(at("85%"), "资金到位率"), "2.5000");
    assert.equal(score(at("79%"), "资金到位率"), "0.0000");
    assert.deepEqual(codes(at("85%")), []);
  });
});

describe("counted deductions after a list of requirements (R05, R10)", () => {
  // 岳阳市审计局 部门整体支出绩效评价评分表 (Hunan), 资金使用合规性 3 分.
  const yy =
    "①支出符合国家财经法规和财务管理制度规定以及有关专项资金管理办法的规定；②资金拨付有完整的审批程序和手续；③项目支出按规定经过评估论证；④支出符合部门预算批复的用途；⑤资金使用无截留、挤占、挪用、虚列支出等情况。以上情况每出现一例不符合要求的扣1分，扣完为止。";
  it("以上情况每出现一例不符合要求的扣1分 after ①…⑤ requirements: 实际 1 例 → 2", () => {
    const t = leaf("资金使用合规性", 3, yy, "实际：1 例");
    assert.equal(score(t, "资金使用合规性"), "2.0000");
    assert.deepEqual(codes(t), []);
  });
  it("the counted sentence alone, and 每出现一个专项未按进度…扣0.5分 after descriptive lines", () => {
    const t = leaf("资金使用合规性", 3, "以上情况每出现一例不符合要求的扣1分，扣完为止。", "实际：1 例");
    assert.equal(score(t, "资金使用合规性"), "2.0000");
    const pay = "春节前下达全部专项资金的50%；6月底前所有专项资金指标全部下达完。每出现一个专项未按进度完成资金下达扣0.5分，扣完为止。";
    const p = leaf("支付进度", 3, pay, "实际：1 个");
    assert.equal(score(p, "支付进度"), "2.5000");
    assert.deepEqual(codes(p), []);
  });
  it("other counted wordings: 发现一处问题扣0.5分 / 每有一项不符合扣1分", () => {
    assert.equal(score(leaf("档案管理", 2, "发现一处问题扣0.5分，扣完为止", "实际：2 处"), "档案管理"), "1.0000");
    assert.equal(score(leaf("档案管理", 2, "每有一项不符合扣1分，扣完为止", "实际：1 项"), "档案管理"), "1.0000");
  });
});

describe("labels that contain a comma (R04, R09)", () => {
  // 岳阳市审计局 评分表: 管理制度健全性 3 分.
  it("①已制定…办法，内部财务管理制度…，1分；②…，1分；③…，1分 with 2 ticked → 2", () => {
    const rule = "①已制定或具有预算资金管理办法，内部财务管理制度、会计核算制度等管理制度，1分；②相关管理制度合法、合规、完整，1分；③相关管理制度得到有效执行，1分。";
    const ticks = "- [x] 已制定或具有预算资金管理办法，内部财务管理制度、会计核算制度等管理制度\n- [x] 相关管理制度合法、合规、完整\n- [ ] 相关管理制度得到有效执行";
    const t = `${H}满分：3\n# 管理制度健全性（3分）\n评分：${rule}\n${ticks}\n偏差原因：x\n`;
    assert.equal(score(t, "管理制度健全性"), "2.0000");
    assert.deepEqual(codes(t), []);
  });
  // Same table: 资金结余 3 分.
  it("无结余，3分；有结余，但不超过上年结转，2分；结余超过上年结转，不得分。", () => {
    const rule = "无结余，3分；有结余，但不超过上年结转，2分；结余超过上年结转，不得分。";
    const t = (x: string) => leaf("资金结余", 3, rule, `结果：${x}`);
    assert.equal(score(t("有结余，但不超过上年结转"), "资金结余"), "2.0000");
    assert.equal(score(t("结余超过上年结转"), "资金结余"), "0.0000");
    assert.equal(score(t("无结余"), "资金结余"), "3.0000");
    assert.deepEqual(codes(t("有结余，但不超过上年结转")), []);
  });
});

describe("the national form's formulas (R07)", () => {
  // 项目支出绩效自评表 填表说明 (biz.doczj.com/doc/174893555.html): 正向 / 反向 指标的计分公式.
  it("年度指标值/全年实际值*该指标分值 is the 比率 reverse formula: 500/520×5 = 4.8077", () => {
    const t = `${H}满分：5\n# 人均培训成本（5分）\n目标：≤500 元\n实际：520 元\n评分：年度指标值/全年实际值*该指标分值\n得分：4.81\n偏差原因：x\n`;
    assert.equal(score(t, "人均培训成本"), "4.8077");
    assert.deepEqual(codes(t), []);
  });
  it("全年实际值/年度指标值*该指标分值 is the forward formula: 300/400×10 = 7.5", () => {
    const t = `${H}满分：10\n# 培训人次（10分）\n目标：≥400 人次\n实际：300 人次\n评分：全年实际值/年度指标值*该指标分值\n偏差原因：x\n`;
    assert.equal(score(t, "培训人次"), "7.5000");
    assert.deepEqual(codes(t), []);
  });
  it("a stated score against a default (no rule read) does not say “按规则”", () => {
    const t = `${H}满分：5\n# 人均培训成本（5分）\n目标：≤500 元\n实际：520 元\n得分：4.81\n偏差原因：x\n`;
    const d = diags(t, "PE501")[0];
    assert.ok(d, "PE501 expected");
    assert.doesNotMatch(d.message, /按规则/);
  });
});

describe("more printed wordings (R02, R06, R08, R11, R12, R13)", () => {
  it("低于100%的，每低一个百分点扣1分，扣完为止: 96.2% → 2", () => {
    const t = leaf("执行进度", 5, "低于100%的，每低一个百分点扣1分，扣完为止", "实际：96.2%");
    assert.equal(score(t, "执行进度"), "2.0000");
    assert.deepEqual(codes(t), []);
  });
  it("a trailing note after points: …（1分）。以上需提供佐证资料。 / 此项需提供相应的资金分配方案。", () => {
    const t = `${H}满分：2\n# 决策依据（2分）\n评分：符合法律法规（1分）；符合发展规划（1分）。以上需提供佐证资料。\n- [x] 符合法律法规\n- [ ] 符合发展规划\n偏差原因：x\n`;
    assert.equal(score(t, "决策依据"), "1.0000");
    assert.deepEqual(codes(t), []);
    const u = `${H}满分：5\n# 分配结果（5分）\n评分：符合分配办法（2分）分配公平合理（3分）此项需提供相应的资金分配方案。\n- [ ] 符合分配办法\n- [x] 分配公平合理\n偏差原因：x\n`;
    assert.equal(score(u, "分配结果"), "3.0000");
    assert.deepEqual(codes(u), []);
  });
  it("达到目标值得满分 alone gets the documented PE107, not PE403", () => {
    const t = `${H}满分：5\n# 产出数量（5分）\n目标：≥100 个\n实际：100 个\n评分：达到目标值得满分\n`;
    assert.deepEqual(codes(t), ["PE107"]);
  });
  it("不足1个百分点的，按1个百分点扣分 (a comma inside the modifier): 96.2% → 1", () => {
    const t = leaf("执行进度", 5, "以100%为标准，每低于1个百分点扣1分，不足1个百分点的，按1个百分点扣分", "实际：96.2%");
    assert.equal(score(t, "执行进度"), "1.0000");
    assert.deepEqual(codes(t), []);
  });
  it("按时完成计5分，每超过1天扣1分，扣完为止: 3 天 over → 2", () => {
    const t = leaf("办结时限", 5, "按时完成计5分，每超过1天扣1分，扣完为止", "实际：3 天");
    assert.equal(score(t, "办结时限"), "2.0000");
    assert.equal(score(leaf("办结时限", 5, "按期完成得5分；每延迟1天扣1分，扣完为止", "实际：0 天"), "办结时限"), "5.0000");
    assert.deepEqual(codes(t), []);
  });
  it("二者择其一进行考核,按完成比例计算得分,满分为止. (wanglu.net 部门预算支出考核表)", () => {
    const t = leaf("一般公共预算支出完成率", 5, "二者择其一进行考核,按完成比例计算得分,满分为止.", "实际：96%");
    assert.equal(score(t, "一般公共预算支出完成率"), "4.8000");
    assert.deepEqual(codes(t), []);
  });
});

describe("one message for a rule not read (R16, R17)", () => {
  it("a stated score under an unread rule gets PE107 only, no PE407 asking for 理由", () => {
    // (The rank rule that stood here is now recognised: PE442, test/scoring/printed-products.test.ts.)
    const t = `${H}满分：2\n# 人员年龄（2分）\n评分：设有目标1分2分\n得分：2\n偏差原因：x\n`;
    assert.deepEqual(codes(t), ["PE107"]);
  });
  for (const rule of ["每发现一例", "完成值/指标值×", "真实（1分）；完整（", "0-", "计", "≤", "年度指标值/全年实际值*"]) {
    it(`half-typed “${rule}” gets one PE107 with a non-empty quoted part`, () => {
      const t = leaf("指标率", 5, rule, "实际：95%");
      assert.deepEqual(codes(t), ["PE107"]);
      assert.doesNotMatch(diags(t, "PE107")[0].message, /“”/);
    });
  }
});

describe("table totals (R14, R15)", () => {
  it("a 合计 of 810 over rows 510 and 300.25 is flagged (the parts are exact to 0.01)", () => {
    const t = `${H}（单位：万元）\n| 项目 | 全年执行数 |\n|---|---|\n| 基本支出 | 510 |\n| 项目支出 | 300.25 |\n| 合计 | 810 |\n`;
    assert.deepEqual(codes(t), ["PE411"]);
    const ok = t.replace("| 合计 | 810 |", "| 合计 | 810.25 |");
    assert.deepEqual(codes(ok), []);
  });
  // 池州市贵池区棠溪镇 项目支出绩效自评表 2022 (Anhui): 年度资金总额 printed 0, 本年财政拨款 89.974.
  it("a 年度资金总额 printed 0 over sources with figures: one PE418 per cell, 执行率 from the sources", () => {
    const t = `${H}满分：10\n类型：项目支出\n| 资金来源 | 全年预算数 | 全年执行数 |\n|---|---|---|\n| 年度资金总额 | 0 | 0 |\n| 其中：本年财政拨款 | 89.974 | 89.974 |\n# 评分表\n## 预算执行率（10分）\n`;
    assert.deepEqual(codes(t), ["PE418", "PE418"]);
    assert.equal(score(t, "预算执行率"), "10.0000");
  });
});

describe("部门整体支出绩效评价指标表 (wenku365 p-50355167) wordings", () => {
  it("100%计满分，每低于5%扣2分 counts from 100%: 88% → 2 full steps → 1", () => {
    const t = leaf("预算完成率", 5, "100%计满分，每低于5%扣2分，扣完为止。", "实际：88%");
    assert.equal(score(t, "预算完成率"), "1.0000");
    assert.deepEqual(codes(t), []);
  });
  it("100%以下（含）计满分，每超出5%扣2分…没有楼堂馆所项目的部门按满分计算。", () => {
    const rule = "100%以下（含）计满分，每超出5%扣2分，扣完为止。没有楼堂馆所项目的部门按满分计算。";
    const t = leaf("新建楼堂馆所面积控制率", 5, rule, "实际：111%");
    assert.equal(score(t, "新建楼堂馆所面积控制率"), "1.0000");
    assert.equal(score(leaf("新建楼堂馆所面积控制率", 5, rule, "实际：100%"), "新建楼堂馆所面积控制率"), "5.0000");
    assert.deepEqual(codes(t), []);
  });
});

describe("what stays an option", () => {
  it("无违规得满分；有违规不得分 is two options (not a note about units without the thing)", () => {
    const t = (x: string) => leaf("资金合规", 2, "无违规得满分；有违规不得分", `结果：${x}`);
    assert.equal(score(t("有违规"), "资金合规"), "0.0000");
    assert.equal(score(t("无违规"), "资金合规"), "2.0000");
    assert.deepEqual(codes(t("无违规")), []);
  });
  it("requirements with no counted deduction after them are not a rule: one message, not scored", () => {
    const t = leaf("支付进度", 3, "春节前下达全部专项资金的50%；6月底前所有专项资金指标全部下达完。", "实际：1 个");
    assert.equal(codes(t).length, 1);
    assert.ok(["PE101", "PE107"].includes(codes(t)[0]));
    assert.equal(score(t, "支付进度"), undefined);
  });
});
