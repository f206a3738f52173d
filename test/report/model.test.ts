import assert from "node:assert/strict";
import { analyzeText } from "../helpers";
import { buildReport, type ReportDocument, type SectionBlock, type TierCell, type ScoreRow } from "../../server/src/report/model";
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
        r.body.map((b) => (b.kind === "scoring" ? "[评分表]" : b.kind === "measure" ? `[指标]${b.title}` : b.title)),
        ["一、基本情况", "二、评分表", "[评分表]", "三、目标完成情况", "[指标]绿化面积", "四、结论"],
      );
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
      const r = report("单位：X镇\n年度：2021\n# 附件：评分表（一）\n");
      assert.equal(sections(r)[0].title, "附件：评分表（一）");
    });

    it("adds 年度总体目标 from the header of a project evaluation", () => {
      const r = report("单位：X镇\n年度：2022\n类型：项目支出\n预期目标：修路 10 公里\n实际完成情况：修路 9 公里\n");
      const s = sections(r)[0];
      assert.equal(s.title, "年度总体目标");
      assert.deepEqual(
        s.paragraphs.map((p) => p.kind === "text" && p.text),
        ["预期目标：修路 10 公里", "实际完成情况：修路 9 公里"],
      );
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

    it("carries weights, scores, subtotals, stated scores, basis and notes", () => {
      const r = report(THREE_LEVEL);
      const [jz, hd, kz, tz, lz] = r.scoring!.rows;
      assert.deepEqual([jz.weight, jz.score, jz.note], ["4", "4", "职责是否符合“三定”方案。"]);
      assert.equal(jz.basis.rule, "选项计分：符合 4分；不符合 0分");
      assert.deepEqual(hd.basis.facts.slice(0, 2), ["☑ 要点一", "☐ 要点二"]);
      assert.equal(hd.score, "0");
      assert.ok(kz.basis.facts.includes("55 人 ÷ 56 人 = 98.21%"));
      assert.equal(tz.statedScore, "30");
      assert.equal(tz.score, "0");
      assert.ok(lz.basis.facts.includes("理由：基本完成。"));
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

  describe("totals, deviations, goals, review", () => {
    it("reports the computed total and grade with the stated ones when they differ", () => {
      const t = report(THREE_LEVEL).total;
      assert.deepEqual(
        [t.total, t.grade, t.statedTotal, t.statedGrade, t.totalDiffers, t.gradeDiffers, t.fullScore],
        ["59", "差", "96", "优", true, true, "100"],
      );
    });

    it("does not flag a stated total that agrees", () => {
      const t = report("单位：X镇\n年度：2021\n自评总分：100\n等级：优\n# 表\n## 甲（100分）\n得分：100\n").total;
      assert.equal(t.totalDiffers, false);
      assert.equal(t.gradeDiffers, false);
    });

    it("lists leaves scored below their weight with 偏差原因 or 未填写", () => {
      const d = report(THREE_LEVEL).deviations;
      assert.deepEqual(
        d.map((x) => [x.path, x.name, x.weight, x.score, x.lost, x.reason, x.reasonMissing]),
        [
          ["投入 / 目标设定", "活动合规性", "6", "0", "6", "要点二未落实。", false],
          ["过程 / 预算执行", "预算调整率", "30", "0", "30", "未填写", true],
          ["过程 / 预算执行", "履职完成情况", "50", "45", "5", "未填写", true],
        ],
      );
    });

    it("lists measures as goals with target, actual, rate and reason", () => {
      const g = report(THREE_LEVEL).goals;
      assert.deepEqual(
        g.map((x) => [x.name, x.target, x.actual, x.rate, x.reason]),
        [["绿化面积", "≥100 亩", "80 亩", "80%", "天气原因。"]],
      );
    });

    it("shows a stated rate that disagrees, and 未填写 only where a reason is required", () => {
      const text = "单位：X镇\n年度：2021\n# 目标\n## 甲\n目标：≥100 亩\n实际：100 亩\n完成率：130%\n## 乙\n目标：≥100 亩\n实际：50 亩\n";
      const g = report(text).goals;
      assert.deepEqual(
        g.map((x) => [x.name, x.rate, x.statedRate, x.reason, x.reasonMissing]),
        [
          ["甲", "100%", "130%", "—", false],
          ["乙", "50%", undefined, "未填写", true],
        ],
      );
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

    it("adds 审核提示 only when asked, warnings and errors with 1-based lines", () => {
      assert.equal(report(THREE_LEVEL).review, undefined);
      const notes = report(THREE_LEVEL, { includeDiagnostics: true }).review!;
      assert.ok(notes.length >= 4);
      assert.ok(notes.every((n) => n.severity === "警告" || n.severity === "错误"));
      const total = notes.find((n) => n.code === "PE502")!;
      assert.equal(total.line, 7);
    });
  });
});
