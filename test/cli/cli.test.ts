/** `perf-eval check|score|render|fmt|textconv`: exit codes and output shapes, over the built CLI. */
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOGUE } from "../../server/src/diagnostics/catalogue";
import { cohortFile } from "../../bench/summary";
import { cli, ensureBuilt, tempDir } from "./helpers";

const CLEAN = cohortFile({ unit: "清洁镇人民政府", budget: "100", spent: "100", adjust: "0" });
/** One warning (PE406: 偏差原因 missing), no error. */
const WARN = "单位：甲镇\n年度：2023\n满分：10\n\n# 完成质量（10分）\n得分：8\n理由：评价人判断\n";
/** One error (PE201) after a non-BMP character, so UTF-16 columns differ from code points. */
const ERROR = "单位：乙镇\n年度：2023\n说明：𠀀𠀀\n预算数：1.2.3 万元\n\n# 指标（10分）\n得分：10\n理由：评价人判断\n";
const ERROR_NONBMP = "单位：乙镇\n年度：2023\n预算数：1.2.3 万元 𠀀\n# 指标（10分）\n数据𠀀项：1.2.3 万元\n得分：10\n理由：评价人判断\n";

describe("cli", function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = tempDir();
    writeFileSync(join(dir, "clean.perf"), CLEAN);
    writeFileSync(join(dir, "warn.perf"), WARN);
    writeFileSync(join(dir, "error.perf"), ERROR);
    writeFileSync(join(dir, "nonbmp.perf"), ERROR_NONBMP);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe("check", () => {
    it("exits 0 on a clean file and prints nothing", () => {
      const r = cli(["check", "clean.perf"], dir);
      assert.equal(r.stdout, "");
      assert.equal(r.status, 0);
    });
    it("exits 0 on warnings, 1 with --strict", () => {
      const r = cli(["check", "warn.perf"], dir);
      assert.match(r.stdout, /^warn\.perf:5:3: warning PE406 /m);
      assert.equal(r.status, 0);
      assert.equal(cli(["check", "--strict", "warn.perf"], dir).status, 1);
    });
    it("a fresh template passes check but fails --strict until its blanks (待填写) are filled", () => {
      assert.equal(cli(["new", "--unit", "某单位", "--year", "2024", "-o", "fresh.perf"], dir).status, 0);
      const r = cli(["check", "fresh.perf"], dir);
      assert.equal(r.status, 0, r.stdout);
      assert.match(r.stdout, /fresh\.perf:\d+:\d+: info PE130 待填写：/);
      assert.doesNotMatch(r.stdout, / (error|warning) /);
      assert.equal(cli(["check", "--strict", "fresh.perf"], dir).status, 1);
      assert.equal(cli(["check", "--strict", "clean.perf"], dir).status, 0);
    });
    it("exits 1 on errors, compiler-style lines", () => {
      const r = cli(["check", "error.perf"], dir);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /^error\.perf:4:5: error PE201 “1\.2\.3”不是一个数/m);
    });
    it("expands directories", () => {
      const r = cli(["check", "."], dir);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /error\.perf:/);
      assert.match(r.stdout, /warn\.perf:/);
    });
    it("--format json: an array of diagnostics with 1-based positions", () => {
      const r = cli(["check", "--format", "json", "error.perf", "warn.perf"], dir);
      assert.equal(r.status, 1);
      const arr = JSON.parse(r.stdout) as Record<string, unknown>[];
      assert.ok(Array.isArray(arr) && arr.length >= 2);
      for (const d of arr) assert.deepEqual(Object.keys(d).sort(), ["code", "column", "endColumn", "endLine", "line", "message", "messageEn", "path", "severity"]);
      const e = arr.find((d) => d.code === "PE201")!;
      assert.equal(e.path, "error.perf");
      assert.equal(e.line, 4);
      assert.equal(e.column, 5);
      assert.equal(e.severity, "error");
      assert.match(String(e.messageEn), /is not a number/);
    });
    it("--format sarif: SARIF 2.1.0 with catalogue rules and UTF-16 columns", () => {
      const r = cli(["check", "--format", "sarif", "nonbmp.perf"], dir);
      assert.equal(r.status, 1);
      const s = JSON.parse(r.stdout) as {
        version: string;
        $schema: string;
        runs: {
          columnKind: string;
          tool: { driver: { name: string; rules: { id: string; name: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
          results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[] }[];
        }[];
      };
      assert.equal(s.version, "2.1.0");
      assert.match(s.$schema, /sarif-2\.1\.0/);
      const run = s.runs[0];
      assert.equal(run.columnKind, "utf16CodeUnits");
      assert.equal(run.tool.driver.name, "perf-eval");
      assert.deepEqual(run.tool.driver.rules.map((x) => x.id), Object.keys(CATALOGUE));
      const pe201 = run.tool.driver.rules.find((x) => x.id === "PE201")!;
      assert.equal(pe201.name, "malformed-number");
      assert.equal(pe201.helpUri, "docs/diagnostics.md#pe201-malformed-number");
      assert.equal(pe201.defaultConfiguration.level, "error");
      assert.equal(run.tool.driver.rules.find((x) => x.id === "PE407")!.defaultConfiguration.level, "note");
      const res = run.results.filter((x) => x.ruleId === "PE201");
      assert.equal(res.length, 2);
      for (const x of res) {
        assert.equal(x.level, "error");
        assert.equal(x.locations[0].physicalLocation.artifactLocation.uri, "nonbmp.perf");
      }
      // line 5 `数据𠀀项：1.2.3 万元`: 𠀀 is two UTF-16 code units, so the value starts at column 7 (1-based), not 6.
      const onLine5 = res.find((x) => x.locations[0].physicalLocation.region.startLine === 5)!;
      assert.equal(onLine5.locations[0].physicalLocation.region.startColumn, "数据𠀀项：".length + 1);
      assert.equal("数据𠀀项：".length, 6);
    });
  });

  describe("score", () => {
    it("prints the score sheet", () => {
      const r = cli(["score", "clean.perf"], dir);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /自评总分 100 \/ 100　等级 优/);
    });
    it("--format json: unit, year, scope, total, grade, fullScore, indicators, measures", () => {
      const r = cli(["score", "--format", "json", "warn.perf"], dir);
      assert.equal(r.status, 0);
      const j = JSON.parse(r.stdout) as Record<string, unknown> & { indicators: Record<string, unknown>[] };
      assert.equal(j.unit, "甲镇");
      assert.equal(j.year, "2023");
      assert.equal(j.scope, "部门整体支出");
      assert.equal(j.total, 8);
      assert.equal(j.grade, "良");
      assert.equal(j.fullScore, 10);
      assert.deepEqual(j.measures, []);
      assert.deepEqual(j.indicators[0], { path: ["完成质量"], level: 1, weight: 10, measured: "", score: 8, exactScore: "8", kind: "judgement", line: 5 });
    });
    it("--format csv: header row, one row per indicator and a total row; no BOM on stdout", () => {
      const r = cli(["score", "--format", "csv", "clean.perf"], dir);
      assert.equal(r.status, 0);
      assert.ok(r.stdout.startsWith("文件,"));
      const lines = r.stdout.trimEnd().split("\r\n");
      assert.equal(lines[0], "文件,单位,年度,指标路径,层级,分值,实际值,得分");
      assert.equal(lines.length, 1 + 6 + 1);
      assert.equal(lines[2], "clean.perf,清洁镇人民政府,2023,投入/预算调整率,2,10,0%,10");
      assert.equal(lines[lines.length - 1], "clean.perf,清洁镇人民政府,2023,自评总分,0,100,优,100");
    });
  });

  describe("render", () => {
    it("writes html, refuses to overwrite without --force, overwrites with it", () => {
      const out = join(dir, "report.html");
      const r1 = cli(["render", "clean.perf", "--to", "html", "-o", out], dir);
      assert.equal(r1.status, 0, r1.stderr);
      assert.match(readFileSync(out, "utf8"), /<html/i);
      writeFileSync(out, "mine");
      const r2 = cli(["render", "clean.perf", "--to", "html", "-o", out], dir);
      assert.equal(r2.status, 1);
      assert.match(r2.stderr, /已存在.*--force/);
      assert.equal(readFileSync(out, "utf8"), "mine");
      const r3 = cli(["render", "clean.perf", "--to", "html", "-o", out, "--force"], dir);
      assert.equal(r3.status, 0);
      assert.match(readFileSync(out, "utf8"), /清洁镇人民政府/);
    });
    it("-o - writes markdown to stdout; docx to stdout is refused", () => {
      const r = cli(["render", "clean.perf", "--to", "md", "-o", "-"], dir);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /清洁镇人民政府/);
      const d = cli(["render", "clean.perf", "--to", "docx", "-o", "-"], dir);
      assert.equal(d.status, 2);
      assert.equal(d.stdout, "");
    });
    it("writes a docx (a zip) next to the source by default", () => {
      const r = cli(["render", "clean.perf", "--to", "docx"], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(join(dir, "clean.docx")).subarray(0, 2).toString(), "PK");
    });
  });

  describe("fmt", () => {
    it("--check exits 1 listing the files that would change; fmt rewrites only those", () => {
      const d = tempDir();
      try {
        writeFileSync(join(d, "ugly.perf"), "单位:丙镇\n年度：２０２３\n#   指标（10分）\n得分：10\n理由：评价人判断   \n");
        writeFileSync(join(d, "tidy.perf"), CLEAN);
        const tidyBefore = statSync(join(d, "tidy.perf")).mtimeMs;
        const c = cli(["fmt", "--check", "."], d);
        assert.equal(c.status, 1);
        assert.equal(c.stdout, "ugly.perf\n");
        assert.equal(cli(["fmt", "."], d).status, 0);
        assert.equal(readFileSync(join(d, "ugly.perf"), "utf8"), "单位：丙镇\n年度：2023\n\n# 指标（10分）\n得分：10\n理由：评价人判断   \n"); // a prose value keeps its trailing spaces
        assert.equal(statSync(join(d, "tidy.perf")).mtimeMs, tidyBefore);
        const again = cli(["fmt", "--check", "."], d);
        assert.equal(again.status, 0);
        assert.equal(again.stdout, "");
      } finally {
        rmSync(d, { recursive: true, force: true });
      }
    });
  });

  describe("textconv and usage", () => {
    it("one line per indicator, then total and grade, then the diagnostics count", () => {
      const r = cli(["textconv", "warn.perf"], dir);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, "单位: 甲镇\n年度: 2023\n类型: 部门整体支出\n指标 完成质量 | 分值 10 | 实际 — | 得分 8\n总分 8 | 等级 良\n诊断 1 条（错误 0，警告 1，提示 0）\n");
    });
    it("usage errors exit 2; --help and --version exit 0", () => {
      assert.equal(cli(["check", "--format", "xml", "clean.perf"], dir).status, 2);
      assert.equal(cli(["nonsense"], dir).status, 2);
      assert.equal(cli(["--help"], dir).status, 0);
      assert.match(cli(["--version"], dir).stdout, /^\d+\.\d+\.\d+/);
    });
    it("no progress output when stdout is not a terminal", () => {
      const r = cli(["check", "."], dir);
      assert.equal(r.stderr, "");
    });
    it("a missing file is an error (exit 2), not a crash trace", () => {
      const r = cli(["check", "nope.perf"], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /nope\.perf/);
      assert.ok(!existsSync(join(dir, "nope.perf")));
    });
  });
});
