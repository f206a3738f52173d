import { strict as assert } from "node:assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { analyze } from "../server/src/analysis";
import { CACHES, clearAllCaches } from "../server/src/caches";
import { semanticIndex } from "../server/src/features/semantic-index";
import { BoundedCache, WeakCache } from "../server/src/cache-entry";
import { decimalMemo, parseDecimal } from "../server/src/quantity/decimal";

const root = join(__dirname, "..");

/** Module-level collections that are constant tables filled when the module loads (not caches). */
const TABLES = new Set(["HEADER_KEYS", "TEXT_KEYS", "VALUE_KEYS", "SCORE_INPUT_KEYS", "MEASURE_KEYS", "EXTRA_UNITS", "NO_DEPS", "KEY_STOP"]);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "generated") continue;
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (name.endsWith(".ts")) out.push(path);
  }
  return out;
}

describe("cache inventory (server/src/caches.ts)", () => {
  it("lists every module-level map, set or table of the core that is not a constant table", () => {
    const unlisted: string[] = [];
    const names = CACHES.map((c) => c.name).join("\n");
    for (const file of sources(join(root, "server/src"))) {
      const rel = relative(join(root, "server/src"), file).split("\\").join("/");
      const text = readFileSync(file, "utf8");
      const re = /^(?:export )?(?:const|let) (\w+)\b[^=\n]*= new (?:Map|WeakMap|Set|WeakCache|BoundedCache|Array|Uint8Array)\b/gm;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (TABLES.has(m[1])) continue;
        if (!names.includes(`${rel} ${m[1]}`)) unlisted.push(`${rel}: ${m[1]}`);
      }
    }
    assert.deepEqual(unlisted, [], "each cache needs a CacheEntry (a WeakCache, a BoundedCache) named `<file> <variable>: …` in CACHES");
  });

  it("each entry says what it holds, its key and its bound", () => {
    assert.ok(CACHES.length >= 12);
    for (const c of CACHES) {
      assert.ok(c.name && c.key && c.bound, c.name);
    }
  });

  it("clearAllCaches empties every cache that counts its entries, and an analysis after it equals one before", () => {
    const text = readFileSync(join(root, "examples", readdirSync(join(root, "examples")).filter((f) => f.endsWith(".perf")).sort()[0]), "utf8");
    const before = analyze(text);
    semanticIndex(before);
    const filled = CACHES.filter((c) => (c.size() ?? 0) > 0).map((c) => c.name);
    assert.ok(filled.length >= 5, `an analysis fills the caches: ${filled.join(", ")}`);
    clearAllCaches();
    for (const c of CACHES) assert.ok(c.size() === undefined || c.size() === 0, `${c.name} is empty`);
    const after = analyze(text);
    assert.equal(after.evaluation.total?.toString(), before.evaluation.total?.toString());
    assert.deepEqual(
      after.evaluation.diagnostics.map((d) => `${d.code}@${d.range.start.line}`),
      before.evaluation.diagnostics.map((d) => `${d.code}@${d.range.start.line}`),
    );
  });

  it("a bounded cache empties itself when an entry comes to it full, so memory stays flat", () => {
    const c = new BoundedCache<string, number>("x.ts c: test", "a letter", 3);
    for (const k of ["a", "b", "c"]) c.set(k, 1);
    assert.equal(c.size(), 3);
    c.set("d", 4);
    assert.equal(c.size(), 1);
    assert.equal(c.get("a"), undefined);
    assert.equal(c.get("d"), 4);
    // The parsed-decimal memo keeps 5,000 numbers and one more before it empties, as it always has.
    clearAllCaches();
    for (let i = 0; i < 5_001; i++) parseDecimal(String(i));
    assert.equal(decimalMemo.size(), 5_001);
    parseDecimal("5001");
    assert.equal(decimalMemo.size(), 1);
    assert.equal(decimalMemo.bound, "5001 entries, emptied when full");
  });

  it("a weak cache's clear drops its entries", () => {
    const c = new WeakCache<object, number>("x.ts c: test", "an object", "object");
    const k = {};
    c.set(k, 1);
    assert.equal(c.get(k), 1);
    c.clear();
    assert.equal(c.get(k), undefined);
    assert.equal(c.size(), undefined);
  });
});
