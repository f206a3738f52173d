/**
 * 数量: an exact decimal with a unit. The value is held in the dimension's base
 * unit (元, 亩, 公斤 …; a ratio as a fraction: 96.4% is 0.964); `unit` is the
 * unit to show it in.
 */
import type Decimal from "decimal.js";
import { D, formatDecimal, writtenDecimals, parseDecimal } from "./decimal";
import { lookupUnit, divideDims, multiplyDims, type UnitInfo } from "./units";
import { BoundedCache } from "../cache-entry";

// 5,001: emptied when a quantity comes past 5,000, as it always was.
export const quantityMemo = new BoundedCache<string, Quantity | null>(
  "quantity/quantity.ts quantityMemo: quantities as written",
  "(number, unit, approximate) as written",
  5_001,
);
const PLAIN: UnitInfo = { dim: "", scale: new D(1) };

export class Quantity {
  constructor(
    /** Value in the dimension's base unit. */
    readonly value: Decimal,
    /** Dimension key ("" for ratios and plain numbers). */
    readonly dim: string,
    /** Unit text to display the value in ("" for a plain number). */
    readonly unit: string,
    /** Written with 余/约/以上: not an exact figure. */
    readonly approx = false,
    /** Decimals as written (for the tolerance of a stated value); undefined when computed. */
    readonly writtenDecimals?: number,
  ) {}

  /** From a written number and unit; undefined when the unit is unknown. */
  /** From a written number and unit; undefined when the unit is unknown. Quantities are immutable: equal inputs share one. */
  static fromWritten(number: string, unitText: string | null, approx = false): Quantity | undefined {
    const key = `${number}\u0000${unitText ?? ""}\u0000${approx ? 1 : 0}`;
    const hit = quantityMemo.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const info: UnitInfo | undefined = unitText ? lookupUnit(unitText) : PLAIN;
    const q = info ? new Quantity(info.scale.equals(1) ? parseDecimal(number) : parseDecimal(number).times(info.scale), info.dim, unitText ?? "", approx, writtenDecimals(number.replace(/,/g, ""))) : undefined;
    quantityMemo.set(key, q ?? null);
    return q;
  }

  /** The value expressed in `unit` (its own display unit by default). */
  inUnit(unit = this.unit): Decimal {
    if (!unit) return this.value;
    const info = lookupUnit(unit);
    return info ? this.value.dividedBy(info.scale) : this.value;
  }

  withUnit(unit: string): Quantity {
    return new Quantity(this.value, this.dim, unit, this.approx);
  }

  withApprox(approx: boolean): Quantity {
    return approx === this.approx ? this : new Quantity(this.value, this.dim, this.unit, approx, this.writtenDecimals);
  }

  plus(o: Quantity): Quantity {
    return new Quantity(this.value.plus(o.value), this.dim || o.dim, this.unit || o.unit, this.approx || o.approx);
  }

  minus(o: Quantity): Quantity {
    return new Quantity(this.value.minus(o.value), this.dim || o.dim, this.unit || o.unit, this.approx || o.approx);
  }

  times(o: Quantity): Quantity {
    const dim = multiplyDims(this.dim, o.dim);
    let unit = "";
    if (this.dim !== "" && o.dim === "") unit = this.unit;
    else if (o.dim !== "" && this.dim === "") unit = o.unit;
    else if (dim !== "") unit = dim === this.dim ? this.unit : dim === o.dim ? o.unit : "";
    else unit = this.unit === "%" || o.unit === "%" ? "%" : "";
    return new Quantity(this.value.times(o.value), dim, unit, this.approx || o.approx);
  }

  dividedBy(o: Quantity): Quantity {
    const dim = divideDims(this.dim, o.dim);
    let unit: string;
    if (dim === "") unit = "%";
    else if (o.dim === "") unit = this.unit;
    else unit = this.unit && o.unit ? `${this.unit}/${o.unit}` : "";
    if (unit && !lookupUnit(unit)) unit = "";
    return new Quantity(this.value.dividedBy(o.value), dim, unit, this.approx || o.approx);
  }

  negated(): Quantity {
    return new Quantity(this.value.negated(), this.dim, this.unit, this.approx, this.writtenDecimals);
  }

  /** Shown as written: `96.42%`, `1,531.23 万元`, `55 人`. */
  format(dp = 2): string {
    return formatQuantity(this, dp);
  }

  /**
   * Whether `computed` agrees with this stated value at its written precision:
   * 96.4% accepts 96.35%…96.45%; 121% accepts 120.5%…121.5%.
   */
  accepts(computed: Quantity): boolean {
    const decimals = this.writtenDecimals ?? 2;
    const unitScale = this.unit ? (lookupUnit(this.unit)?.scale ?? new D(1)) : new D(1);
    const tolerance = new D(10).pow(-decimals).dividedBy(2).times(unitScale);
    return this.value.minus(computed.value).abs().lessThanOrEqualTo(tolerance);
  }
}

function groupThousands(text: string): string {
  const neg = text.startsWith("-");
  const body = neg ? text.slice(1) : text;
  const [int, frac] = body.split(".");
  const grouped = int.length > 4 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
  return (neg ? "-" : "") + grouped + (frac !== undefined ? `.${frac}` : "");
}

export function formatQuantity(q: Quantity, dp = 2): string {
  const unit = q.unit;
  const shown = unit ? q.inUnit(unit) : q.value;
  const decimals = q.writtenDecimals !== undefined ? Math.max(q.writtenDecimals, 0) : dp;
  const n = groupThousands(formatDecimal(shown, decimals));
  const prefix = q.approx ? "约" : "";
  if (!unit) return prefix + n;
  if (unit === "%" || unit === "‰") return `${prefix}${n}${unit}`;
  return `${prefix}${n} ${unit}`;
}

/** A ratio shown as a percentage: 0.98214 → `98.21%`. */
export function formatPercent(value: Decimal, dp = 2): string {
  return `${formatDecimal(value.times(100), dp)}%`;
}
