/**
 * The model's blocks (what the report and the outline walk) are the headings
 * of the document, in order; an indicator's field lookups (what scoring asks,
 * without making the map) agree with its `fields` map.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../server/src/analysis";
import { getField, hasField } from "../server/src/model/fields";
import { TEXT_KEYS, VALUE_KEYS } from "../server/src/model/keys";

const root = join(__dirname, "..");

describe("model: blocks", () => {
  for (const file of readdirSync(join(root, "examples")).filter((f) => f.endsWith(".perf"))) {
    it(`${file}: one block per heading, in document order, sections and indicators as written`, () => {
      const a = analyze(readFileSync(join(root, "examples", file), "utf8"));
      const headingLines = a.syntax.lines.flatMap((l, i) => (l.node.kind === "heading" ? [i] : []));
      const blocks = a.model.blocks;
      assert.deepEqual(
        blocks.map((b) => (b.kind === "section" ? b.section.line : b.indicator.line)),
        headingLines,
      );
      for (const b of blocks) {
        if (b.kind === "section") assert.ok(a.model.sections.includes(b.section));
        else assert.ok(!b.indicator.virtual && (a.model.indicators.includes(b.indicator) || a.model.measures.includes(b.indicator)));
      }
      assert.equal(a.model.blocks, blocks, "built once");
    });
  }

  it("every example: hasField and getField say what each indicator's fields map says", () => {
    let found = 0;
    for (const file of readdirSync(join(root, "examples")).filter((f) => f.endsWith(".perf"))) {
      const a = analyze(readFileSync(join(root, "examples", file), "utf8"));
      const keys = [...TEXT_KEYS, ...VALUE_KEYS];
      const all = [...a.model.indicators, ...a.model.measures];
      // Asked first, before any map is made (the lookups read the lines)…
      const asked = all.map((ind) => keys.map((k) => [hasField(ind, k), getField(ind, k)?.line, getField(ind, k)?.value] as const));
      // …then compared with the maps.
      all.forEach((ind, n) => {
        keys.forEach((k, j) => {
          const f = ind.fields.get(k);
          assert.deepEqual(asked[n][j], [f !== undefined, f?.line, f?.value], `${file}: ${ind.name} ${k}`);
          if (f) found++;
        });
      });
    }
    assert.ok(found > 200, `only ${found} fields in the examples`);
  });
});
