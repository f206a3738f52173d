/**
 * Golden tests over examples/: each example's computed total, grade and the
 * exact list of diagnostics (code@line) are pinned in test/golden/*.json.
 * After a deliberate change, regenerate with `UPDATE_GOLDEN=1 npx mocha test/golden`
 * and review the diff like code.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../../server/src/analysis";
import { formatDecimal } from "../../server/src/quantity/decimal";

const root = join(__dirname, "..", "..");
const examples = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".perf")).sort();

interface Golden {
  total: string | null;
  grade: string | null;
  indicators: Record<string, string>;
  diagnostics: string[];
}

function snapshot(file: string): Golden {
  const a = analyze(readFileSync(join(root, "examples", file), "utf8"));
  const ev = a.evaluation;
  const indicators: Record<string, string> = {};
  for (const ind of a.model.indicators) {
    const r = ev.results.get(ind);
    indicators[`${ind.line + 1} ${ind.name}`] = r?.score === undefined ? "—" : formatDecimal(r.score, 4);
  }
  return {
    total: ev.total === undefined ? null : formatDecimal(ev.total, 4),
    grade: ev.grade ?? null,
    indicators,
    diagnostics: ev.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`),
  };
}

describe("golden: examples", () => {
  it("there is one example per seed document, and three transcribed from other public tables (005, 006, 007)", () => {
    assert.deepEqual(examples.map((f) => f.slice(0, 3)), ["000", "001", "002", "003", "004", "005", "006", "007"]);
  });
  for (const file of examples) {
    it(`${file}: total, grade, indicator scores and diagnostics match the golden file`, () => {
      const path = join(__dirname, file.replace(/\.perf$/, ".json"));
      const actual = snapshot(file);
      if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
      const expected = JSON.parse(readFileSync(path, "utf8")) as Golden;
      assert.deepEqual(actual, expected);
    });
  }
});

describe("golden: the seeds' known findings are reported", () => {
  const diags = (file: string) => analyze(readFileSync(join(root, "examples", file), "utf8")).evaluation.diagnostics;
  const lineOf = (file: string, needle: string) => readFileSync(join(root, "examples", file), "utf8").split("\n").findIndex((l) => l.includes(needle));

  it("002: 预算调整率 is self-scored 3 but its own figures give 15.24 %, which the rule scores 0", () => {
    const a = analyze(readFileSync(join(root, "examples", "002-xiaolvzhai-2021.perf"), "utf8"));
    const ind = a.model.indicators.find((i) => i.name === "预算调整率")!;
    const r = a.evaluation.results.get(ind)!;
    assert.equal(formatDecimal(r.measured!.value.times(100), 2), "15.24");
    assert.equal(r.score!.toString(), "0");
    const d = a.evaluation.diagnostics.find((x) => x.code === "PE501" && x.range.start.line === ind.statedScore!.field.line);
    assert.ok(d, "stated-score warning on 预算调整率");
    assert.match(d.message, /填报得分 3 分，按规则应得 0 分/);
  });

  it("002: 资产管理完整性 weighs 2 but its rule awards up to 3", () => {
    const d = diags("002-xiaolvzhai-2021.perf").find((x) => x.code === "PE401");
    assert.ok(d);
    assert.match(d.message, /最高 3 分，与指标分值 2 分不符/);
  });

  it("002: “家具用具 18.8841.4 万元” is not a number", () => {
    const ds = diags("002-xiaolvzhai-2021.perf").filter((x) => x.code === "PE201" || x.code === "PE208");
    assert.ok(ds.length >= 1);
    assert.ok(ds.every((d) => d.message.includes("18.8841.4")));
  });

  it("004: stated completion rates that disagree with their own target and actual are flagged", () => {
    const file = "004-gaotieling-2021.perf";
    const ds = diags(file).filter((x) => x.code === "PE505");
    assert.ok(ds.length >= 8, `${ds.length} rate warnings`);
    const farm = ds.find((d) => d.message.includes("130%"));
    assert.ok(farm?.message.includes("162.5%"));
    const toilets = lineOf(file, "农村户厕无害化改建数量2939户");
    assert.ok(ds.some((d) => d.range.start.line > toilets && d.message.includes("95%")));
  });

  it("000: the stated execution rate 96.4 % agrees with 1078.43843 ÷ 1118.478178 at its precision", () => {
    assert.ok(!diags("000-sujiaying-2022.perf").some((d) => d.code === "PE504"));
  });
});
