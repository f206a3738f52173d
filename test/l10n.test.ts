/**
 * One language at a time: every string the extension says at run time has a
 * Chinese translation (l10n bundles), and every command title and setting of
 * package.json has one in package.nls.zh-cn.json (and English in
 * package.nls.json), so a Chinese VS Code shows no English and the reverse.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const json = (p: string) => JSON.parse(readFileSync(join(ROOT, p), "utf8")) as Record<string, unknown>;

/** The message keys the client passes to t(…) or vscode.l10n.t(…) (string literals only). */
function clientMessages(): string[] {
  const keys = new Set<string>();
  for (const f of readdirSync(join(ROOT, "client", "src"))) {
    const src = readFileSync(join(ROOT, "client", "src", f), "utf8");
    for (const m of src.matchAll(/(?<![\w.])(?:t|vscode\.l10n\.t)\(\s*"((?:[^"\\]|\\.)*)"/g)) keys.add(JSON.parse(`"${m[1]}"`) as string);
  }
  return [...keys];
}

describe("translations (l10n and package.nls)", () => {
  const en = json("l10n/bundle.l10n.json");
  const zh = json("l10n/bundle.l10n.zh-cn.json");

  it("every run-time string of the client is in both bundles", () => {
    const keys = clientMessages();
    assert.ok(keys.length > 20, `found ${keys.length} messages`);
    assert.deepEqual(keys.filter((k) => !(k in en)), [], "missing in l10n/bundle.l10n.json");
    assert.deepEqual(keys.filter((k) => !(k in zh)), [], "missing in l10n/bundle.l10n.zh-cn.json");
  });

  it("perf.locale decides every client string: no module but i18n.ts calls vscode.l10n.t (the preview tab reads 报告预览 with zh-cn)", () => {
    const bypass = readdirSync(join(ROOT, "client", "src")).filter((f) => f !== "i18n.ts" && /vscode\.l10n\.t\(/.test(readFileSync(join(ROOT, "client", "src", f), "utf8")));
    assert.deepEqual(bypass, []);
  });

  it("the Chinese bundle covers every key and says it in Chinese", () => {
    assert.deepEqual(Object.keys(en).filter((k) => !(k in zh)), []);
    const untranslated = Object.entries(zh).filter(([, v]) => !/[\u4e00-\u9fff]/.test(String(v)));
    assert.deepEqual(untranslated, []);
  });

  it("package.nls.zh-cn.json and package.nls.json cover every %key% of package.json", () => {
    const used = [...readFileSync(join(ROOT, "package.json"), "utf8").matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    assert.ok(used.length > 10);
    for (const file of ["package.nls.json", "package.nls.zh-cn.json"]) {
      const nls = json(file);
      assert.deepEqual(used.filter((k) => !(k in nls)), [], `missing in ${file}`);
    }
    const zhNls = json("package.nls.zh-cn.json");
    assert.deepEqual(Object.entries(zhNls).filter(([, v]) => !/[\u4e00-\u9fff]/.test(String(v))), []);
  });
});
