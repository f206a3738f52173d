/** How scores are written: half-up at the places asked for, no trailing zeros, never "-0" or exponent notation. */
import assert from "node:assert/strict";
import { D, formatDecimal } from "../../server/src/quantity/decimal";

describe("scores as written (formatDecimal)", () => {
  const cases: [string, number, string][] = [
    ["2.345", 2, "2.35"],
    ["2.344", 2, "2.34"],
    ["-2.345", 2, "-2.35"],
    ["2.5", 0, "3"],
    ["0.125", 2, "0.13"],
    ["3.10", 2, "3.1"],
    ["4.00", 2, "4"],
    ["-0.001", 2, "0"],
    ["1e25", 2, "10000000000000000000000000"],
    ["1e-7", 4, "0"],
    ["96.666666666666666666666666666666666667", 4, "96.6667"],
  ];
  for (const [value, dp, written] of cases) {
    it(`${value} at ${dp} places → ${written}`, () => assert.equal(formatDecimal(new D(value), dp), written));
  }
  it("not a number → —", () => assert.equal(formatDecimal(new D(NaN)), "—"));
});
