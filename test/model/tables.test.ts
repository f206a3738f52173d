/** Tables are data (issue 10, item 2): pipe tables read as `行标签.列标题` items, totals checked on the wrong cell. */
import assert from "node:assert/strict";
import { analyzeText, codes, diags, printed } from "../helpers";
import { formatText } from "../../server/src/features/format";

const H = "单位：X县\n年度：2023\n";
const funding = (total: string) => `（单位：万元）
| 资金来源 | 年初预算数 | 全年预算数 | 全年执行数 |
|---|---|---|---|
| 年度资金总额 | 100 | 120 | ${total} |
| 其中：本年财政拨款 | 80 | 100 | 95 |
| 上年结转资金 | 20 | 20 | 18 |
| 其他资金 | 0 | 0 | 0 |
`;
const project = (total: string) => `${H}类型：项目支出\n\n${funding(total)}\n# 绩效指标\n## 产出指标（90分）\n### 养护里程（90分）\n目标：≥ 100 公里\n实际：100 公里\n`;

describe("tables as data", () => {
  it("each numeric cell is a shared data item 行标签.列标题, with the caption's unit", () => {
    const a = analyzeText(project("113"));
    const item = a.model.data.get("本年财政拨款.全年预算数");
    assert.ok(item, [...a.model.data.keys()].join(","));
    assert.equal(item.stated?.format(), "100 万元");
    assert.deepEqual(codes(project("113")), []);
  });
  it("the funding block feeds the 预算执行率 row: no hand-named data lines", () => {
    assert.equal(printed(project("113"), "预算执行率"), "9.42");
  });
  it("年度资金总额 = 本年财政拨款 + 上年结转资金 + 其他资金, flagged on the wrong cell", () => {
    const t = project("114");
    const d = diags(t, "PE411");
    assert.equal(d.length, 1);
    const line = t.split("\n")[d[0].range.start.line];
    assert.equal(line.slice(d[0].range.start.character, d[0].range.end.character), "114");
    assert.match(d[0].message, /113/);
  });
  it("a 合计 row equals the sum of the rows above it; a 其中 row may not exceed its row", () => {
    const t = `${H}满分：1\n# 一、基本情况\n| 项目 | 人数（人） |\n|---|---|\n| 在职人员 | 55 |\n| 其中：行政编制 | 60 |\n| 退休人员 | 20 |\n| 合计 | 76 |\n# 评分表\n## A（1分）\n得分：1\n理由：x\n`;
    assert.deepEqual(codes(t), ["PE412", "PE411"]);
    const [part, total] = [diags(t, "PE412")[0], diags(t, "PE411")[0]];
    assert.match(part.message, /行政编制/);
    assert.match(total.message, /75/);
    assert.equal(analyzeText(t).model.data.get("在职人员.人数")?.stated?.format(), "55 人");
  });
  it("row labels keep 、 and other punctuation; a cell's own unit wins; text cells are not data", () => {
    const t = `${H}满分：1\n| 指标 | 数值 |\n|---|---|\n| 水、电、燃气费 | 12.5 万元 |\n| 完成率 | 96% |\n| 备注 | 无 |\n# A（1分）\n公式：「完成率.数值」\n评分：比例\n偏差原因：x\n`;
    const a = analyzeText(t);
    assert.equal(a.model.data.get("水、电、燃气费.数值")?.stated?.format(), "12.5 万元");
    assert.equal(a.model.data.has("备注.数值"), false);
    assert.equal(printed(t, "A"), "0.96");
  });
  it("fmt leaves table rows as written", () => {
    const t = project("113").replace("| 其他资金 | 0 | 0 | 0 |", "|  其他资金 |  0|0 |   0  |");
    assert.ok(formatText(t).includes("|  其他资金 |  0|0 |   0  |"));
  });
  it("fmt keeps a row without spaces as written, though it looks like a field (|其中:…)", () => {
    const t = `${H}|资金来源|全年预算数|\n|---|---|\n|其中:本年财政拨款|80|\n`;
    assert.ok(formatText(t).includes("|其中:本年财政拨款|80|"));
  });
  it("never throws on broken tables", () => {
    for (const t of ["| a |", "| a | b |\n|---|", "|\n|---|---|\n| | |", "| x | y |\n|---|---|\n| 合计 | 1 |", `| ${"|".repeat(5000)}`]) {
      assert.doesNotThrow(() => analyzeText(`${H}${t}\n`));
    }
  });
});
