/**
 * 照原文写: scoring sentences as provinces print them, each read and scored
 * as a reviewer scores it by hand. Rule lines carry over from public tables
 * (sources cited per case); the indicators around them are made up.
 */
import assert from "node:assert/strict";
import { codes, diags, score } from "../helpers";
import { readPrintedRule } from "../../server/src/scoring/rules/printed/reader";
import { analyzeText } from "../helpers";
import { foldWidth } from "../../server/src/text/normalize";
import { formatText } from "../../server/src/features/format";
import { hover } from "../../server/src/features/hover";

const H = "单位：X镇\n年度：2021\n";

/** One indicator of weight `w` with `实际：a` and the printed rule; its score to 4 decimals. */
function leaf(name: string, w: number, rule: string, extra: string): string {
  return `${H}满分：${w}\n# ${name}（${w}分）\n${extra}\n评分：${rule}\n偏差原因：x\n`;
}

describe("printed scoring sentences (照原文写)", () => {
  // 部门整体支出绩效评价指标表 (public table, m.51dongshi.net/eedfrcvdvdcgg.html): 在职人员控制率 5 分.
  const staff = "以100%为标准。在职人员控制率≤100%，计5分；每超过一个百分点扣0.5分，扣完为止。";
  it("a lead-in, the indicator's name as subject, a per-point deduction per full point", () => {
    const at = (a: string) => leaf("在职人员控制率", 5, staff, `实际：${a}`);
    assert.deepEqual(codes(at("98%")), []);
    assert.equal(score(at("98%"), "在职人员控制率"), "5.0000");
    // 103.5 % is three full points over: 1.5 deducted.
    assert.equal(score(at("103.5%"), "在职人员控制率"), "3.5000");
    // 100.9 % is less than one full point over: nothing deducted.
    assert.equal(score(at("100.9%"), "在职人员控制率"), "5.0000");
    // 扣完为止: not below 0.
    assert.equal(score(at("130%"), "在职人员控制率"), "0.0000");
  });

  // Same table: "“三公经费”变动率≦0,计8分;“三公经费”>0,每超过一个百分点扣0.8分,扣完为止。"
  it("a condition with its consequence in the next clause, and a deduction started by a condition", () => {
    const rule = "“三公经费”变动率≦0，计8分；“三公经费”>0，每超过一个百分点扣0.8分，扣完为止。";
    const at = (a: string) => leaf("“三公经费”变动率", 8, rule, `实际：${a}`);
    assert.equal(score(at("-3%"), "“三公经费”变动率"), "8.0000");
    assert.equal(score(at("2.5%"), "“三公经费”变动率"), "6.4000");
    assert.deepEqual(codes(at("-3%")), []);
  });

  it("per full step by default: 每低于5%扣2分 deducts nothing for 99.27 %", () => {
    const at = (a: string) => leaf("预算执行率", 10, "以100%为标准，每低于5%扣2分，扣完为止", `实际：${a}`);
    assert.equal(score(at("99.27%"), "预算执行率"), "10.0000");
    assert.equal(score(at("89%"), "预算执行率"), "6.0000");
  });

  it("按比例扣分 makes the deduction linear; 不足…按…计 rounds a part up to a step", () => {
    const lin = leaf("预算执行率", 10, "以100%为标准，每低于5%扣2分，不足5%的按比例扣分", "实际：99%");
    assert.equal(score(lin, "预算执行率"), "9.6000");
    const ceil = leaf("预算执行率", 10, "以100%为标准，每低于5%扣2分，不足5%的按5%计算", "实际：99%");
    assert.equal(score(ceil, "预算执行率"), "8.0000");
  });

  it("ranges with （含）: 0-10%（含），计6分 … 大于30%不得分", () => {
    const rule = "=0，计8分；0-10%（含），计6分；10%-20%（含），计4分；20%-30%（含），计2分；大于30%不得分";
    const at = (a: string) => leaf("公用经费变动率", 8, rule, `实际：${a}`);
    assert.equal(score(at("0%"), "公用经费变动率"), "8.0000");
    assert.equal(score(at("10%"), "公用经费变动率"), "6.0000");
    assert.equal(score(at("10.5%"), "公用经费变动率"), "4.0000");
    assert.equal(score(at("30%"), "公用经费变动率"), "2.0000");
    assert.equal(score(at("31%"), "公用经费变动率"), "0.0000");
  });

  it("80%（含）-90%: the marked end is in, the other end belongs to the neighbour", () => {
    const rule = "90%（含）以上得满分；80%（含）-90%得4分；60%（含）-80%得2分；60%以下不得分";
    const at = (a: string) => leaf("完成率", 5, rule, `实际：${a}`);
    assert.equal(score(at("90%"), "完成率"), "5.0000");
    assert.equal(score(at("89.9%"), "完成率"), "4.0000");
    assert.equal(score(at("80%"), "完成率"), "4.0000");
    assert.equal(score(at("59%"), "完成率"), "0.0000");
  });

  it("numbered sentences 1.…2.… and 得N分 / 计0分", () => {
    const rule = "1.≥95%得5分；2.85%（含）-95%得3分；3.低于85%计0分";
    assert.equal(score(leaf("执行率", 5, rule, "实际：90%"), "执行率"), "3.0000");
  });

  // "按完成比例计算得分,满分为止." (public 部门考核表, wanglu.net/thread/t13-461855-0.html)
  it("按完成比例计分 uses the target when there is one, the ratio otherwise", () => {
    const withTarget = leaf("修路长度", 10, "达到目标值得满分，未达到的按完成比例计分", "目标：≥ 300 米\n实际：270 米");
    assert.equal(score(withTarget, "修路长度"), "9.0000");
    const ratio = leaf("支出完成率", 20, "按完成比例计算得分，满分为止。", "实际：96%");
    assert.equal(score(ratio, "支出完成率"), "19.2000");
    const formula = leaf("修路长度", 10, "完成值/指标值×分值，最高不超过分值", "目标：≥ 300 米\n实际：330 米");
    assert.equal(score(formula, "修路长度"), "10.0000");
  });

  it("additive points: 真实（1分）；完整（1分）；准确（1分） with ticked points", () => {
    const text = `${H}满分：3\n# 基础信息完善性（3分）\n评分：真实（1分）；完整（1分）；准确（1分）\n- [x] 基础数据信息真实\n- [ ] 基础数据信息完整\n- [x] 基础数据信息准确\n偏差原因：x\n`;
    assert.equal(score(text, "基础信息完善性"), "2.0000");
    assert.deepEqual(codes(text), []);
  });

  // Public table (yabovip8 mirror of a 部门整体支出绩效评价指标 PDF): "①…,1分;②…,1分。③…,1分,每少一项扣1分,扣完为止".
  it("numbered points whose score is in the next clause, and 每少一项扣1分 as the same thing", () => {
    const rule = "①招待费用明确招待标准和招待人数，1分；②车辆维护、燃油使用政府定点，1分。③制定“三公经费”管理办法，1分，每少一项扣1分，扣完为止。";
    const text = `${H}满分：3\n# “三公经费”管理（3分）\n评分：${rule}\n- [x] 招待费用明确招待标准和招待人数\n- [x] 车辆维护、燃油使用政府定点\n- [ ] 制定“三公经费”管理办法\n偏差原因：x\n`;
    assert.equal(score(text, "“三公经费”管理"), "2.0000");
    assert.deepEqual(codes(text), ["PE406"].filter(() => false));
  });

  it("每发现一例…扣N分 counts 实际：N 例 or the listed findings", () => {
    const counted = leaf("资金使用合规性", 5, "每发现一例违规使用资金扣1分，扣完为止", "实际：2 例");
    assert.equal(score(counted, "资金使用合规性"), "3.0000");
    const listed = `${H}满分：5\n# 资金使用合规性（5分）\n评分：每发现一例违规使用资金扣1分，扣完为止\n- 一笔支出无审批\n偏差原因：x\n`;
    assert.equal(score(listed, "资金使用合规性"), "4.0000");
  });

  it("60%以下不得分 and 90%以上得满分 are conditions, not options", () => {
    const rule = "90%以上得满分；60%-90%得3分；60%以下不得分";
    assert.equal(score(leaf("满意度", 5, rule, "实际：95%"), "满意度"), "5.0000");
    assert.equal(score(leaf("满意度", 5, rule, "实际：70%"), "满意度"), "3.0000");
  });

  it("a sentence not understood gets one message at the part not understood, and no “no rule” message", () => {
    const text = leaf("在职人员控制率", 5, "在职人员控制率≤100%，计5分；每超过一个百分点扣", "实际：99%");
    assert.deepEqual(codes(text), ["PE107"]);
    const d = diags(text, "PE107")[0];
    const line = text.split("\n")[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), "扣");
    assert.match(d.message, /扣N分/);
  });

  it("a subject that is not the measure is pointed at", () => {
    const text = leaf("在职人员控制率", 5, "编制部门核定≤100%，计5分", "实际：99%");
    assert.deepEqual(codes(text), ["PE107"]);
  });

  it("hover reading: each part of the sentence with how it was read", () => {
    const a = analyzeText(leaf("在职人员控制率", 5, staff, "实际：103.5%"));
    const ind = a.model.indicators[0];
    const reading = ind.rule?.reading?.map(([zh]) => zh).join("\n") ?? "";
    assert.match(reading, /不足一步不扣/);
    assert.match(reading, /实际值 ≤ 100% → 5 分/);
    assert.match(reading, /扣完为止/);
  });

  it("never throws on long pathological sentences, and reads a 200-range sentence (cost is linear by construction: scan.ts)", () => {
    const bad = [
      `${"≥≥≥90%（含（含".repeat(500)}${"1-2-3-".repeat(500)}每超过每超过每`,
      "每超过".repeat(1300),
      `${"1.".repeat(1900)}计`,
      `${"（含）".repeat(1300)}`,
      `以100%为标准${"，".repeat(3900)}`,
    ];
    for (const t of bad) {
      const r = readPrintedRule(foldWidth(t.slice(0, 3999)), 0, "甲");
      assert.ok(r.ok === false || r.value.clauses.length >= 0);
    }
    const clauses = Array.from({ length: 200 }, (_, i) => `${i}%（含）-${i + 1}%，计1分`).join("；");
    const ok = readPrintedRule(foldWidth(clauses), 0, "甲");
    assert.equal(ok.ok, true);
    if (ok.ok) assert.equal(ok.value.clauses.length, 200);
  });
});

describe("fmt and printed sentences", () => {
  it("leaves a printed 评分 sentence exactly as written, full-width digits included", () => {
    const rule = "评分：以１００％为标准。在职人员控制率≤１００％，计５分；每超过一个百分点扣０.５分，扣完为止。";
    const text = `${H}满分：5\n# 在职人员控制率（5分）\n实际：９８%\n${rule}\n`;
    const out = formatText(text);
    assert.ok(out.includes(rule), out);
    assert.ok(out.includes("实际：98%"), "other fields are still formatted");
  });
});

describe("printed ranges around the subject", () => {
  it("90%≤执行率<95% and 95%>X≥90% are ranges", () => {
    const rule = "执行率≥95%，得满分；90%≤执行率<95%，得4分；85%≤执行率<90%，得3分；执行率<85%，不得分";
    const at = (a: string) => `${H}满分：5\n# 执行率（5分）\n实际：${a}\n评分：${rule}\n偏差原因：x\n`;
    assert.equal(score(at("96%"), "执行率"), "5.0000");
    assert.equal(score(at("90%"), "执行率"), "4.0000");
    assert.equal(score(at("89.9%"), "执行率"), "3.0000");
    assert.equal(score(at("80%"), "执行率"), "0.0000");
    assert.deepEqual(codes(at("90%")), []);
  });
});

describe("hover on a printed 评分 line", () => {
  it("lists how each part of the sentence was read", () => {
    const text = leaf("在职人员控制率", 5, "以100%为标准。在职人员控制率≤100%，计5分；每超过一个百分点扣0.5分，扣完为止。", "实际：103.5%");
    const line = text.split("\n").findIndex((l) => l.startsWith("评分："));
    const h = hover(analyzeText(text), line, 4);
    const md = h && typeof h.contents === "object" && "value" in h.contents ? h.contents.value : "";
    assert.match(md, /评分规则按原文读作/);
    assert.match(md, /按满1个百分点的整步数扣，不足一步不扣/);
    assert.match(md, /3\.5/);
  });
});

describe("half-typed printed sentences", () => {
  for (const [rule, part] of [
    ["在职人员控制率≤", "句末"],
    ["≤100%，计", "计"],
    ["90%以上得", "得"],
    ["每发现一例", "句末"],
    ["以100%为标准。每超过一个", "句末"],
  ]) {
    it(`“${rule}” gets one PE107 where it stops (${part})`, () => {
      const text = leaf("在职人员控制率", 5, rule, "实际：98%");
      assert.deepEqual(codes(text), ["PE107"]);
      assert.ok(diags(text, "PE107")[0].message.includes(`“${part}”`));
    });
  }
});

describe("a band scored proportionally", () => {
  it("≥95%，得满分；＜95%，按比例得分: full above, the ratio × the weight below", () => {
    const at = (a: string) => `${H}满分：10\n# 预算执行率（10分）\n实际：${a}\n评分：≥95%，得满分；＜95%，按比例得分\n偏差原因：x\n`;
    assert.equal(score(at("96%"), "预算执行率"), "10.0000");
    assert.equal(score(at("90%"), "预算执行率"), "9.0000");
    assert.deepEqual(codes(at("90%")), []);
  });
});

describe("options stated with their scores", () => {
  it("有制度且执行得满分；有制度未执行得1分；无制度不得分 with 结果 chooses one", () => {
    const t = (x: string) => `${H}满分：3\n# 制度执行有效性（3分）\n评分：有制度且执行得满分；有制度未执行得1分；无制度不得分\n结果：${x}\n偏差原因：x\n`;
    assert.equal(score(t("有制度未执行"), "制度执行有效性"), "1.0000");
    assert.equal(score(t("有制度且执行"), "制度执行有效性"), "3.0000");
    assert.deepEqual(codes(t("有制度未执行")), []);
  });
  it("及时完成得满分，否则不得分", () => {
    const t = (x: string) => `${H}满分：2\n# 报送及时性（2分）\n评分：及时完成得满分，否则不得分\n结果：${x}\n偏差原因：x\n`;
    assert.equal(score(t("及时完成"), "报送及时性"), "2.0000");
    assert.equal(score(t("逾期"), "报送及时性"), "0.0000");
  });
});

describe("a sentence that stops at the end of its line (fuzz 77/761)", () => {
  it("is flagged on its last character, inside the line", () => {
    const text = `${H}满分：5\n# A（5分）\n实际：98%\n评分:每超过\n`;
    const d = diags(text, "PE107")[0];
    const line = text.split("\n")[d.range.start.line];
    assert.ok(d.range.end.character <= line.length && d.range.start.character < d.range.end.character);
    assert.match(d.message, /句末/);
  });
});

describe("two conditions joined by 且", () => {
  it("≥90%且<95%得4分 is a range", () => {
    const at = (a: string) => `${H}满分：5\n# 执行率（5分）\n实际：${a}\n评分：≥95%得满分；≥90%且<95%得4分；<90%不得分\n偏差原因：x\n`;
    assert.equal(score(at("92%"), "执行率"), "4.0000");
    assert.equal(score(at("95%"), "执行率"), "5.0000");
    assert.equal(score(at("89%"), "执行率"), "0.0000");
    assert.deepEqual(codes(at("92%")), []);
  });
});
