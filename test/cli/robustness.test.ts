/**
 * The CLI with files as Chinese users have them and outputs that cannot hurt
 * (issue #12): encodings, CSV neutralisation, visible controls, writers that
 * never overwrite their input, special files, dangling links, exit codes and
 * option messages. Over the built CLI.
 */
import assert from "node:assert/strict";
import stringWidth from "string-width";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { csvField, neutralise } from "../../server/src/cli/csv";
import { cli, ensureBuilt, tempDir } from "./helpers";

const GOOD = "单位：甲镇人民政府\n年度：2023\n满分：10\n\n#  完成质量（10分）\n得分：８\n理由：好，很好。比例为９５％\n偏差原因：资金到位晚\n";
const u16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);
const u16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, "utf16le").swap16()]);
const bom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, "utf8")]);

describe("cli robustness (issue #12)", function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = tempDir("perf-cli-robust-");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const sub = (name: string) => {
    const d = join(dir, name);
    mkdirSync(d, { recursive: true });
    return d;
  };

  describe("encodings", () => {
    const encodings: [string, Buffer, string | undefined][] = [
      ["gbk.perf", iconv.encode(GOOD, "gbk"), "GB18030"],
      ["gb18030.perf", iconv.encode(`${GOOD}说明：𠀀\n`, "gb18030"), "GB18030"],
      ["u16le.perf", u16le(GOOD), "UTF-16 LE"],
      ["u16be.perf", u16be(GOOD), "UTF-16 BE"],
      ["bom.perf", bom(GOOD), undefined],
      ["plain.perf", Buffer.from(GOOD, "utf8"), undefined],
    ];
    for (const [name, bytes, label] of encodings) {
      it(`${name}: check reads it (no missing-header error), says the encoding on stderr only; fmt keeps encoding and BOM`, () => {
        const d = sub(`enc-${name}`);
        const file = join(d, name);
        writeFileSync(file, bytes);
        const c = cli(["check", "--format", "json", name], d);
        assert.equal(c.status, 0, c.stderr);
        const diags = JSON.parse(c.stdout) as { code: string }[];
        assert.deepEqual(diags.map((x) => x.code), [], "the file reads as the UTF-8 one does");
        if (label) assert.match(c.stderr, new RegExp(`${name}：按 ${label.replace(/[()]/g, "\\$&")} 编码读取`));
        else assert.equal(c.stderr, "");
        const tc = cli(["textconv", name], d);
        assert.match(tc.stdout, /^单位: 甲镇人民政府\n/, "textconv's stdout stays clean");
        const f = cli(["fmt", name], d);
        assert.equal(f.status, 0, f.stderr);
        const after = readFileSync(file);
        const expected = GOOD.replace("#  完成", "# 完成").replace("得分：８", "得分：8");
        const head = after.subarray(0, 3);
        if (name.startsWith("u16le")) assert.ok(after.equals(u16le(expected)));
        else if (name.startsWith("u16be")) assert.ok(after.equals(u16be(expected)));
        else if (name === "bom.perf") assert.ok(after.equals(bom(expected)), `BOM kept: ${head.toString("hex")}`);
        else if (name === "plain.perf") assert.equal(after.toString("utf8"), expected);
        else {
          const text = iconv.decode(after, "gb18030");
          assert.ok(!text.includes("\uFFFD"));
          assert.ok(text.startsWith(expected));
          assert.ok(after.equals(iconv.encode(text, "gb18030")));
          assert.ok(!after.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), "still GB18030, not UTF-8");
        }
      });
    }
    it("bytes in no supported encoding: a per-file error (exit 2), the file untouched, the others formatted", () => {
      const d = sub("enc-bad");
      const bad = Buffer.from([0x81, 0x20, 0xff, 0x0a]);
      writeFileSync(join(d, "a-bad.perf"), bad);
      writeFileSync(join(d, "b-good.perf"), "单位：乙镇\n年度：2023\n#  指标（10分）\n得分：10\n理由：评价人判断\n");
      const r = cli(["fmt", "."], d);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /a-bad\.perf 的编码无法识别/);
      assert.ok(readFileSync(join(d, "a-bad.perf")).equals(bad));
      assert.match(readFileSync(join(d, "b-good.perf"), "utf8"), /^# 指标/m);
    });
  });

  describe("CSV", () => {
    const EVIL = "单位：=HYPERLINK(\"http://x\",\"点击\")\n年度：2023\n满分：20\n\n# +cmd|' /C calc'!A0（10分）\n得分：10\n理由：评价人判断\n\n# @SUM(1+1)（10分）\n得分：10\n理由：评价人判断\n";
    it("cells starting with = + - @ tab CR get a leading apostrophe; plain numbers do not", () => {
      const d = sub("csv");
      writeFileSync(join(d, "evil.perf"), EVIL);
      const r = cli(["score", "--format", "csv", "evil.perf"], d);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(!r.stdout.startsWith("\uFEFF"), "no BOM on stdout");
      const cells = r.stdout.split(/[,\r\n]+/);
      for (const c of cells) assert.ok(!/^"?[=+@]/.test(c), `unneutralised cell ${c}`);
      assert.match(r.stdout, /"'=HYPERLINK\(""http:\/\/x""/);
      assert.match(r.stdout, /,'\+cmd\|/);
      assert.match(r.stdout, /,'@SUM\(1\+1\),/);
      const s = cli(["summary", "--format", "csv", "evil.perf"], d);
      assert.match(s.stdout, /\r\nevil\.perf,"'=HYPERLINK/);
    });
    it("neutralise: the OWASP starts, numbers excepted", () => {
      for (const s of ["=1+1", "+1+1", "-1+1", "@A1", "\tx", "\rx", "-", "+"]) assert.equal(neutralise(s)[0], "'", s);
      for (const s of ["-5", "+3.5", "-12.5%", "-1,234.56", "5", "甲"]) assert.equal(neutralise(s), s);
      assert.equal(csvField("\r=1"), "'[U+000D]=1");
    });
    it("a CSV written with -o starts with a UTF-8 BOM; -o never overwrites an input", () => {
      const d = sub("csv-out");
      writeFileSync(join(d, "a.perf"), GOOD);
      const r = cli(["summary", "--format", "csv", "-o", "汇总.csv", "a.perf"], d);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(readFileSync(join(d, "汇总.csv"), "utf8").startsWith("\uFEFF文件,"));
      const s = cli(["score", "--format", "csv", "-o", "a.perf", "--force", "a.perf"], d);
      assert.equal(s.status, 2);
      assert.equal(readFileSync(join(d, "a.perf"), "utf8"), GOOD);
    });
  });

  describe("bidi and zero-width controls", () => {
    const SPOOF = "单位：甲镇\u202E001 分总\u202C\n年度：2023\n满分：10\n\n# 指\u200B标（10分）\n得分：10\n理由：评价人判断\n";
    it("text, CSV and textconv show them as markers; JSON escapes them", () => {
      const d = sub("bidi");
      writeFileSync(join(d, "s.perf"), SPOOF);
      for (const args of [["score", "s.perf"], ["score", "--format", "csv", "s.perf"], ["summary", "s.perf"], ["summary", "--format", "csv", "s.perf"], ["textconv", "s.perf"]]) {
        const r = cli(args, d);
        assert.equal(r.status, 0, `${args.join(" ")}: ${r.stderr}`);
        assert.ok(!/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/.test(r.stdout), `${args.join(" ")} prints a raw control`);
        assert.match(r.stdout, /\[U\+202E\]/, args.join(" "));
      }
      assert.match(cli(["score", "s.perf"], d).stdout, /指\[U\+200B\]标/);
      for (const args of [["score", "--format", "json", "s.perf"], ["summary", "--format", "json", "s.perf"]]) {
        const r = cli(args, d);
        assert.ok(!/[\u202A-\u202E\u200B]/.test(r.stdout));
        assert.match(r.stdout, /\\u202e/);
        assert.ok(JSON.stringify(JSON.parse(r.stdout)).includes("\u202E"), "the same string for a JSON reader");
      }
    });
  });

  describe("aligned tables with invisible characters", () => {
    it("a name with a bidi or zero-width character keeps its row aligned with the others (the marker is measured)", () => {
      const d = sub("bidi-align");
      const text = "单位：甲镇\n年度：2023\n满分：20\n\n# 指\u200B标\u202E一（10分）\n得分：10\n理由：评价人判断\n\n# 指标二（10分）\n得分：8\n理由：评价人判断\n";
      writeFileSync(join(d, "a.perf"), text);
      writeFileSync(join(d, "b.perf"), text.replace("甲镇", "乙\u202E镇"));
      const columns = (line: string) => stringWidth(line);
      const sheet = cli(["score", "a.perf"], d).stdout.split("\n");
      const rows = sheet.filter((l) => /^指/.test(l));
      assert.equal(rows.length, 3, sheet.join("\n"));
      // Each row ends with its score, right-aligned: every row is as wide as the header.
      assert.deepEqual(new Set(rows.map(columns)).size, 1, rows.join("\n"));
      const summary = cli(["summary", "a.perf", "b.perf"], d).stdout.split("\n").filter((l) => /\.perf/.test(l));
      assert.equal(summary.length, 2, summary.join("\n"));
      // The total (18) starts at the same column in both rows, after units of different widths.
      const totalAt = summary.map((l) => columns(l.slice(0, l.indexOf("18"))));
      assert.equal(totalAt[0], totalAt[1], summary.join("\n"));
    });
  });

  describe("writers, special files, links", () => {
    it("render refuses to overwrite its own input, even with --force and through a link", () => {
      const d = sub("render-self");
      writeFileSync(join(d, "a.perf"), GOOD);
      symlinkSync("a.perf", join(d, "link.html"));
      for (const out of ["a.perf", "./a.perf", "link.html"]) {
        const r = cli(["render", "a.perf", "-o", out, "--force"], d);
        assert.equal(r.status, 2, out);
        assert.match(r.stderr, /就是输入文件/);
      }
      assert.equal(readFileSync(join(d, "a.perf"), "utf8"), GOOD);
      const x = cli(["score", "--format", "xlsx", "-o", "a.perf", "--force", "a.perf"], d);
      assert.equal(x.status, 2);
      assert.equal(readFileSync(join(d, "a.perf"), "utf8"), GOOD);
      writeFileSync(join(d, "表.xlsx"), "not really a workbook");
      const i = cli(["import", "表.xlsx", "-o", "表.xlsx", "--force"], d);
      assert.equal(i.status, 2);
      assert.match(i.stderr, /就是输入文件/);
      assert.equal(readFileSync(join(d, "表.xlsx"), "utf8"), "not really a workbook");
    });
    it("a FIFO and a link to /dev/zero are skipped with a warning without being read; a dangling link is a per-file error", () => {
      const d = sub("special");
      writeFileSync(join(d, "a.perf"), GOOD);
      execFileSync("mkfifo", [join(d, "fifo.perf")]);
      symlinkSync("/dev/zero", join(d, "zero.perf"));
      symlinkSync("nowhere.perf", join(d, "dangling.perf"));
      writeFileSync(join(d, "z.perf"), GOOD.replace("甲镇", "乙镇"));
      for (const cmd of ["check", "summary", "score", "fmt"]) {
        const r = cli([cmd, "."], d, {});
        assert.equal(r.status, 2, `${cmd}: ${r.stderr}`);
        assert.match(r.stderr, /警告：\.?\/?fifo\.perf 不是普通文件/);
        assert.match(r.stderr, /警告：\.?\/?zero\.perf 不是普通文件/);
        assert.match(r.stderr, /错误：\.?\/?dangling\.perf 是失效的符号链接/);
      }
      const s = cli(["summary", "."], d);
      assert.match(s.stdout, /甲镇人民政府/);
      assert.match(s.stdout, /乙镇人民政府/, "the run went on after the bad entries");
      const single = cli(["check", "fifo.perf"], d);
      assert.equal(single.status, 0);
      assert.match(single.stderr, /fifo\.perf 不是普通文件/);
      for (const args of [["render", "fifo.perf", "-o", "out.html"], ["textconv", "zero.perf"]]) {
        const r = cli(args, d);
        assert.equal(r.status, 2, "a single-file command with nothing to work on fails");
        assert.match(r.stderr, /不是普通文件/);
        assert.equal(r.stdout, "");
      }
      assert.ok(!existsSync(join(d, "out.html")));
    });
    it("a directory link back to a parent is walked once (no endless loop)", () => {
      const d = sub("loop");
      mkdirSync(join(d, "子目录"));
      writeFileSync(join(d, "子目录", "a.perf"), GOOD);
      symlinkSync("..", join(d, "子目录", "上级"));
      const r = cli(["check", "--format", "json", "."], d);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), []);
      const s = cli(["summary", "--format", "json", "."], d);
      assert.equal((JSON.parse(s.stdout) as { files: unknown[] }).files.length, 1);
    });
    it("an output that cannot be written is a message with the OS code (exit 2), not an exception", () => {
      const d = sub("unwritable");
      writeFileSync(join(d, "a.perf"), GOOD);
      for (const args of [["render", "a.perf", "-o", "无此目录/a.html"], ["summary", "--format", "csv", "-o", "无此目录/x.csv", "a.perf"], ["score", "--format", "xlsx", "-o", "无此目录/x.xlsx", "a.perf"]]) {
        const r = cli(args, d);
        assert.equal(r.status, 2, args.join(" "));
        assert.match(r.stderr, /无法写入 无此目录\/.*（ENOENT）/);
        assert.ok(!/Error|no such file/.test(r.stderr), r.stderr);
      }
    });
    it("a missing file named on the command line: exit 2, the other files still checked", () => {
      const d = sub("missing");
      writeFileSync(join(d, "e.perf"), "单位：乙镇\n年度：2023\n预算数：1.2.3 万元\n");
      const r = cli(["check", "nope.perf", "e.perf"], d);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /nope\.perf 不存在/);
      assert.match(r.stdout, /e\.perf:3:\d+: error PE201/);
    });
  });

  describe("exit codes and option values", () => {
    it("no command: help on stderr, exit 2", () => {
      const r = cli([]);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, "");
      assert.match(r.stderr, /Usage: perf-eval/);
    });
    const bad: [string[], RegExp, RegExp][] = [
      [["render", "x.perf", "--decimals", "abc"], /--decimals 的值应为 0～6 的整数，而不是“abc”/, /--decimals must be a whole number from 0 to 6, not "abc"/],
      [["render", "x.perf", "--to", "odt"], /--to 的值应为 html、md、docx、pdf 之一/, /--to must be one of html, md, docx, pdf/],
      [["summary", "--format", "xlsx", "x.perf"], /Excel 工作簿不能写到标准输出/, /an \.xlsx cannot go to stdout/],
      [["check", "-j", "0", "x.perf"], /--jobs 的值应为 1～64 的整数/, /--jobs must be a whole number/],
      [["check", "--format", "xml", "x.perf"], /--format 的值应为 text、json、sarif 之一/, /--format must be one of text, json, sarif/],
      [["new", "--unit", "甲镇", "--year", "二〇二四"], /--year 的值应为四位年份/, /--year must be a four-digit year/],
      [["new", "--unit", "甲\n# 注入（100分）", "--year", "2024", "-o", "-"], /--unit 的值应为一行非空文字/, /--unit must be one non-empty line/],
      [["new", "--year", "2024"], /缺少必需的选项 --unit/, /required option '--unit <name>' not specified/],
      [["check", "--bogus", "x.perf"], /未知选项 --bogus/, /unknown option '--bogus'/],
      [["frobnicate"], /未知命令 frobnicate/, /unknown command 'frobnicate'/],
      [["--lang", "fr", "check", "x.perf"], /--lang 的值应为 zh、en 之一/, /--lang must be one of zh, en/],
    ];
    for (const [args, zh, en] of bad) {
      it(`${args.join(" ").replace(/\n/g, "\\n")}: exit 2, message in Chinese, in English with --lang en / PERF_EVAL_LANG=en`, () => {
        const d = sub("opts");
        const r = cli(args, d);
        assert.equal(r.status, 2);
        assert.match(r.stderr, zh);
        assert.ok(!/Error|at .*\.js:\d+/.test(r.stderr), `internal exception: ${r.stderr}`);
        assert.equal(r.stdout, "");
        if (!args.includes("--lang")) {
          const e = cli(["--lang", "en", ...args], d);
          assert.equal(e.status, 2);
          assert.match(e.stderr, en);
        }
        const v = cli(args, d, { PERF_EVAL_LANG: "en" });
        assert.match(v.stderr, en);
        assert.ok(!existsSync(join(d, "2024-甲镇.perf")));
      });
    }
  });
});
