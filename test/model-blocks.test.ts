/** The model's blocks (what the report and the outline walk) are the headings of the document, in order. */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../server/src/analysis";

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
});
