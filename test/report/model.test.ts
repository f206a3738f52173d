import assert from "node:assert/strict";
import { analyzeText } from "../helpers";
import { buildReport, buildReviewDocument, type ReportDocument, type SectionBlock, type TierCell, type ScoreRow } from "../../server/src/report/model";
import { THREE_LEVEL } from "./fixtures";

function report(text: string, options = {}): ReportDocument {
  return buildReport(analyzeText(text), options);
}

function sections(r: ReportDocument): SectionBlock[] {
  return r.body.filter((b): b is SectionBlock => b.kind === "section");
}

function cellNames(row: ScoreRow): (string | null)[] {
  return row.tiers.map((t) => (t.kind === "cell" ? t.cell.name : null));
}

function cells(r: ReportDocument): TierCell[] {
  return (r.scoring?.rows ?? []).flatMap((row) => row.tiers.flatMap((t) => (t.kind === "cell" ? [t.cell] : [])));
}

describe("report model", () => {
  describe("title and metadata", () => {
    it("builds the title from 单位, 年度 and 类型", () => {
      assert.equal(report(THREE_LEVEL).title, "巨鹿县小吕寨镇人民政府 2021 年度部门整体支出绩效自评报告");
    });

    it("names the project for 项目支出", () => {
      const r = report("单位：X镇\n年度：2022\n类型：项目支出\n项目：道路硬化\n");
      assert.equal(r.title, "X镇 2022 年度“道路硬化”项目支出绩效自评报告");
    });

    it("takes 标题 from the header, and options.title over it", () => {
      assert.equal(report("单位：X镇\n年度：2021\n标题：自定义标题\n").title, "自定义标题");
      assert.equal(report("单位：X镇\n年度：2021\n标题：自定义标题\n", { title: "选项标题" }).title, "选项标题");
    });

    it("lists the metadata that is present, in a fixed order", () => {
      const r = report(THREE_LEVEL);
      assert.deepEqual(
        r.metadata.map((m) => `${m.label}=${m.value}`),
        ["单位=巨鹿县小吕寨镇人民政府", "年度=2021", "类型=部门整体支出", "主管部门=巨鹿县人民政府", "负责人=张三", "评价日期=2022年3月1日"],
      );
    });

    it("defaults 类型 to the model's scope when the header has none", () => {
      const r = report("单位：X镇\n年度：2021\n");
      assert.deepEqual(r.metadata.find((m) => m.label === "类型")?.value, "部门整体支出");
    });
  });

  describe("prose", () => {
    it("keeps sections in file order with the scoring table and measure in place", () => {
      const r = report(THREE_LEVEL);
      assert.deepEqual(
        r.body.map((b) => (b.kind === "scoring" ? "[评分表]" : b.kind === "measure" ? `[指标]${b.number}${b.title}` : b.number + b.title)),
        ["一、基本情况", "二、评分表", "三、目标完成情况", "[指标]（一）绿化面积", "四、结论"],
      );
      // The 评分表 is always an attachment, after the body.
      assert.deepEqual(r.attachments.map((a) => [a.index, a.name, a.blocks.map((b) => b.kind)]), [[1, "评分表", ["scoring"]]]);
    });

    it("numbers headings in the 公文 sequence, stripping the author's numbers, unless asked to keep them", () => {
      const text = "单位：X镇\n年度：2021\n# 1、得分情况\n## (1) 支出\n### 1. 资金\n#### （一）明细。\n## 2.目标\n# 二、应用\n";
      const titles = (r: ReturnType<typeof report>) => r.body.map((b) => (b.kind === "scoring" ? "" : b.number + b.title));
      assert.deepEqual(titles(report(text)), ["一、得分情况", "（一）支出", "1.资金", "（1）明细", "（二）目标", "二、应用"]);
      assert.deepEqual(titles(report(text, { headingNumbers: "keep" })), ["1、得分情况", "(1) 支出", "1. 资金", "（一）明细。", "2.目标", "二、应用"]);
    });

    it("takes a top-level heading naming the report as the title, printed once", () => {
      const r = report("单位：X镇\n年度：2021\n# X镇 2021 年绩效评价报告\n开头一段。\n## 一、概况\n正文\n");
      assert.equal(r.title, "X镇 2021 年绩效评价报告");
      assert.deepEqual(r.body.map((b) => (b.kind === "section" ? [b.level, b.number + b.title] : [])), [[0, ""], [1, "一、概况"]]);
    });

    it("puts attachments after the body, with a 落款 from 单位 and the date", () => {
      const r = report("单位：X镇人民政府\n年度：2021\n评价日期：2022-03-05\n# 附件：情况说明\n附件 1：\n说明文字\n# 一、正文\n正文\n");
      assert.deepEqual(r.body.map((b) => (b.kind === "section" ? b.number + b.title : "")), ["一、正文"]);
      assert.deepEqual(r.attachments.map((a) => [a.name, a.blocks.length]), [["情况说明", 1]]);
      assert.deepEqual(r.signature, { unit: "X镇人民政府", date: "2022年3月5日" });
    });

    it("fills placeholders with computed values", () => {
      const r = report(THREE_LEVEL);
      const last = sections(r).at(-1)!;
      const p = last.paragraphs[0];
      assert.equal(p.kind, "text");
      assert.equal(p.kind === "text" && p.text, "自评得分 59 分，等级 差，预算调整率得分 0 分。");
      assert.equal(r.total.total, "59");
    });

    it("keeps unknown placeholders as written", () => {
      const r = report("单位：X镇\n年度：2021\n# 结论\n得分 {{不存在}} 分\n");
      const p = sections(r)[0].paragraphs[0];
      assert.equal(p.kind === "text" && p.text, "得分 {{不存在}} 分");
    });

    it("escapes filled values for Markdown and keeps the author's markup", () => {
      const r = report("单位：A*B_[c]\n年度：2021\n# 结论\n**单位** {{单位}}\n");
      const p = sections(r)[0].paragraphs[0];
      assert.equal(p.kind === "text" && p.markdown, "**单位** A\\*B\\_\\[c\\]");
      assert.equal(p.kind === "text" && p.text, "**单位** A*B_[c]");
    });

    it("omits comments and data lines, groups list items", () => {
      const r = report(THREE_LEVEL);
      const first = sections(r)[0];
      assert.deepEqual(
        first.paragraphs.map((p) => (p.kind === "text" ? p.text : p.items.map((i) => i.text).join("|"))),
        ["2021 年，小吕寨镇本年收入 1209.54 万元，全部为**财政拨款**。", "第一项工作|第二项工作"],
      );
    });

    it("shows data lines as written with showDataLines", () => {
      const r = report(THREE_LEVEL, { showDataLines: true });
      const texts = sections(r)[0].paragraphs.map((p) => (p.kind === "text" ? p.text : ""));
      assert.ok(texts.includes("本年支出：1209.54 万元"));
    });

    it("keeps numbered lines as paragraphs (no Markdown list)", () => {
      const r = report("单位：X镇\n年度：2021\n# 一\n1) 第一条\n2. 第二条\n");
      assert.deepEqual(
        sections(r)[0].paragraphs.map((p) => p.kind === "text" && p.markdown),
        ["1\\) 第一条", "2\\. 第二条"],
      );
    });

    it("keeps headings' full-width punctuation as written", () => {
      const r = report("单位：X镇\n年度：2021\n# 附件：评分表（一）\n# 一、情况（说明）\n");
      assert.equal(r.attachments[0].name, "评分表（一）");
      assert.equal(sections(r)[0].title, "情况（说明）");
    });

    it("puts 年度总体目标 of a project evaluation into the 项目支出 form", () => {
      const r = report("单位：X镇\n年度：2022\n类型：项目支出\n预期目标：修路 10 公里\n实际完成情况：修路 9 公里\n");
      assert.deepEqual(r.projectForm?.goal, { expected: "修路 10 公里", achieved: "修路 9 公里" });
      assert.ok(!sections(r).some((s) => s.title === "年度总体目标"));
    });
  });

  describe("scoring table", () => {
    it("has one row per leaf with 一级/二级 merged by rowspan", () => {
      const r = report(THREE_LEVEL);
      const t = r.scoring!;
      assert.equal(t.tierCount, 3);
      assert.deepEqual(t.tierLabels, ["一级指标", "二级指标", "三级指标"]);
      assert.deepEqual(
        t.rows.map(cellNames),
        [
          ["投入", "目标设定", "职责明确"],
          [null, null, "活动合规性"],
          [null, "预算配置", "在职人员控制率"],
          ["过程", "预算执行", "预算调整率"],
          [null, null, "履职完成情况"],
        ],
      );
      const spans = Object.fromEntries(cells(r).map((c) => [c.name, c.rowSpan]));
      assert.deepEqual(spans, { 投入: 3, 目标设定: 2, 职责明确: 1, 活动合规性: 1, 预算配置: 1, 在职人员控制率: 1, 过程: 2, 预算执行: 2, 预算调整率: 1, 履职完成情况: 1 });
      assert.ok(t.rows[1].tiers.slice(0, 2).every((s) => s.kind === "covered" && s.by === "row"));
    });

    it("carries weights, computed scores, subtotals, the standard as the form prints it, and notes", () => {
      const r = report(THREE_LEVEL);
      const [jz, hd, , tz] = r.scoring!.rows;
      assert.deepEqual([jz.weight, jz.score, jz.note, jz.standard], ["4", "4", "职责是否符合“三定”方案。", "符合 4；不符合 0"]);
      assert.equal(hd.note, "评价要点：\n1. 要点一\n2. 要点二", "checklist points are the explanation, without the ticks");
      assert.equal(hd.score, "0");
      // The author states 30; the report prints the computed 0 and the `=` of the rule is dropped.
      assert.equal(tz.score, "0");
      assert.equal(tz.standard, "0% 满分；≥10% 0分");
      const top = cells(r).find((c) => c.name === "投入")!;
      assert.deepEqual([top.weight, top.score, top.leaf], ["20", "14", false]);
    });

    it("spans a shallow leaf across the remaining tier columns", () => {
      const text = "单位：X镇\n年度：2021\n# 表\n## 投入（40分）\n### 甲（40分）\n#### 子（40分）\n得分：40\n## 满意度（60分）\n得分：50\n偏差原因：略\n";
      const t = report(text).scoring!;
      assert.equal(t.tierCount, 3);
      const last = t.rows[1];
      assert.equal(last.tiers[0].kind === "cell" && last.tiers[0].cell.colSpan, 3);
      assert.deepEqual(last.tiers.slice(1), [{ kind: "covered", by: "col" }, { kind: "covered", by: "col" }]);
    });

    it("folds levels below the third into the third column's name", () => {
      const text = "单位：X镇\n年度：2021\n# 表\n## 一（100分）\n### 二（100分）\n#### 三（100分）\n##### 四（100分）\n得分：100\n";
      const t = report(text).scoring!;
      assert.deepEqual(cellNames(t.rows[0]), ["一", "二", "三 › 四"]);
      assert.equal(t.rows[0].name, "三 › 四");
    });

    it("uses as many tier columns as the tree is deep", () => {
      const text = "单位：X镇\n年度：2021\n# 表\n## 甲（50分）\n得分：50\n## 乙（50分）\n得分：40\n偏差原因：略\n";
      const t = report(text).scoring!;
      assert.equal(t.tierCount, 1);
      assert.deepEqual(t.tierLabels, ["一级指标"]);
    });

    it("has no table and no chart without weighted indicators", () => {
      const r = report("单位：X镇\n年度：2021\n# 一\n正文\n");
      assert.equal(r.scoring, undefined);
      assert.deepEqual(r.chart, []);
      assert.ok(!r.body.some((b) => b.kind === "scoring"));
    });
  });

  describe("totals, goals, review", () => {
    it("reports the computed total and grade, never the stated ones", () => {
      const t = report(THREE_LEVEL).total;
      assert.deepEqual([t.total, t.grade, t.fullScore], ["59", "差", "100"]);
    });

    it("prints the stated total when nothing computes one", () => {
      const t = report("单位：X镇\n年度：2021\n自评总分：88\n").total;
      assert.equal(t.total, "88");
    });

    it("lists measures as goals with target (as the form prints it), actual, rate and reason", () => {
      const g = report(THREE_LEVEL).goals;
      assert.deepEqual(
        g.map((x) => [x.name, x.target, x.actual, x.rate, x.reason]),
        [["绿化面积", "≥100 亩", "80 亩", "80%", "天气原因。"]],
      );
      const eq = report("单位：X镇\n年度：2021\n# 目标\n## 甲\n目标：=100%\n实际：100%\n").goals[0];
      assert.equal(eq.target, "100%");
    });

    it("has one chart bar per top-level indicator", () => {
      const c = report(THREE_LEVEL).chart;
      assert.deepEqual(
        c.map((b) => [b.name, b.weight, b.score, b.weightValue, b.scoreValue]),
        [
          ["投入", "20", "14", 20, 14],
          ["过程", "80", "45", 80, 45],
        ],
      );
    });

    it("keeps the review out of the report unless asked", () => {
      assert.equal(report(THREE_LEVEL).review, undefined);
      assert.ok(report(THREE_LEVEL, { includeDiagnostics: true }).review);
    });
  });

  describe("review (审核意见)", () => {
    const review = (text: string) => buildReviewDocument(analyzeText(text));

    it("lists stated vs computed: total, grade, scores and rates, with 1-based lines", () => {
      const r = review(THREE_LEVEL);
      assert.deepEqual(
        r.differences.map((d) => [d.item, d.stated, d.computed, d.line]),
        [
          ["自评总分", "96", "59", 7],
          ["等级", "优", "差", 8],
          ["过程 / 预算执行 / 预算调整率 得分", "30", "0", 45],
        ],
      );
      const rates = review("单位：X镇\n年度：2021\n# 目标\n## 甲\n目标：≥100 亩\n实际：100 亩\n完成率：130%\n").differences;
      assert.deepEqual(rates.map((d) => [d.item, d.stated, d.computed]), [["甲 完成率", "130%", "100%"]]);
    });

    it("does not list a stated total that agrees, nor a judgement's stated score", () => {
      const r = review("单位：X镇\n年度：2021\n自评总分：100\n等级：优\n# 表\n## 甲（100分）\n得分：100\n");
      assert.deepEqual(r.differences, []);
    });

    it("lists missing 偏差原因 from the evaluation, and unscored leaves", () => {
      const r = review(THREE_LEVEL);
      assert.deepEqual(r.missingReasons.map((m) => m.item), ["过程 / 预算执行 / 预算调整率", "过程 / 预算执行 / 履职完成情况"]);
      assert.equal(r.missingReasons[0].detail, "得分 0 / 分值 30");
      const u = review("单位：X镇\n年度：2021\n# 表\n## 甲（50分）\n得分：50\n## 乙（50分）\n说明：无\n");
      assert.deepEqual(u.unscored.map((x) => [x.item, x.weight]), [["乙", "50"]]);
      assert.equal(u.total.complete, false);
    });

    it("holds every diagnostic with 1-based lines, and the computation of each score", () => {
      const r = review(THREE_LEVEL);
      const a = analyzeText(THREE_LEVEL);
      assert.equal(r.notes.length, a.evaluation.diagnostics.length);
      assert.equal(r.notes.find((n) => n.code === "PE502")!.line, 7);
      const kz = r.computations.find((c) => c.item.endsWith("在职人员控制率"))!;
      assert.ok(kz.facts.includes("55 人 ÷ 56 人 = 98.21%"), kz.facts.join("|"));
      assert.ok(r.computations.find((c) => c.item.endsWith("活动合规性"))!.facts.includes("☐ 要点二"));
    });
  });
});
