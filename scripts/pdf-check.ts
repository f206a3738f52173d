/**
 * The Word report as users see it: the 002 example and the 项目支出 example
 * rendered to PDF by LibreOffice (`perf-eval render --to pdf`), then checked —
 * page counts (002's 评分表 takes no more pages than the seed's own printed
 * table: 7), and no page mostly empty. With `--png DIR` the pages are also
 * written as PNG (pdftoppm -r 50), for the screenshots in docs/.
 * Needs LibreOffice and poppler-utils (scripts/pdf-setup.sh); not part of npm test.
 * Prints "N passed, N failed".
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..");
const pngDir = process.argv.includes("--png") ? process.argv[process.argv.indexOf("--png") + 1] : undefined;
const dir = mkdtempSync(join(tmpdir(), "perf-eval-pdf-check-"));
let passed = 0;
let failed = 0;
function check(ok: boolean, what: string): void {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (ok) passed++;
  else failed++;
}

/** Per page: its text and how far down the page the body text reaches (0..1), the page number line left out. */
function pages(pdf: string): { text: string; reach: number }[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => {
    const height = Number(m[2]);
    const words = [...m[3].matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({ y: Number(w[2]), t: w[3] }));
    const body = words.filter((w) => !/^[—–-]$|^\d+$/.test(w.t) || w.y < height * 0.85);
    const top = Math.min(...body.map((w) => w.y), height);
    const bottom = Math.max(...body.map((w) => w.y), 0);
    return { text: words.map((w) => w.t).join(""), reach: body.length ? (bottom - top) / (height * 0.75) : 0 };
  });
}

function render(example: string, name: string, ...flags: string[]): string {
  const out = join(dir, `${name}.pdf`);
  execFileSync("node", [join(root, "dist/cli.js"), "render", join(root, "examples", example), "--to", "pdf", "-o", out, "--force", ...flags], { stdio: ["ignore", "ignore", "inherit"], timeout: 300_000 });
  if (pngDir) {
    mkdirSync(pngDir, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "50", out, join(pngDir, name)]);
  }
  return out;
}

try {
  const p002 = pages(render("002-xiaolvzhai-2021.perf", "002"));
  const start = p002.findIndex((p) => p.text.startsWith("附件"));
  check(start > 0, `002: the 评分表 is an attachment after the body (page ${start + 1} of ${p002.length})`);
  const tablePages = p002.length - start;
  check(tablePages <= 7, `002: the 评分表 takes ${tablePages} pages (the seed's printed table: 7)`);
  check(p002.length <= 21, `002: ${p002.length} pages in all (the seed: 21)`);
  const project = pages(render("project/2022-rural-road.perf", "project"));
  check(project.some((p) => ["项目名称", "主管部门", "实施单位", "年度资金总额", "其他资金"].every((w) => p.text.includes(w))), "项目支出: the national form is printed");
  check(project.length <= 4, `项目支出: ${project.length} pages`);
  const review = pages(render("002-xiaolvzhai-2021.perf", "review", "--review"));
  check(review[0]?.text.includes("审核意见") && review.some((p) => p.text.includes("填报与计算不一致")), `002 review: its own document (${review.length} pages)`);
  for (const [name, ps] of [
    ["002", p002],
    ["项目支出", project],
    ["002 review", review],
  ] as const) {
    // A page whose text covers less than a quarter of the page is mostly empty; the last page of the document may be short.
    const empty = ps.map((p, i) => ({ i, reach: p.reach })).filter((p) => p.i < ps.length - 1 && p.reach < 0.25);
    check(empty.length === 0, `${name}: no page mostly empty${empty.length ? ` (pages ${empty.map((p) => `${p.i + 1}: ${Math.round(p.reach * 100)}%`).join(", ")})` : ""}`);
  }
} catch (e) {
  check(false, `render to PDF: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
