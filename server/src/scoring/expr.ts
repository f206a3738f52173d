/**
 * Expression evaluation (公式求值): exact, unit-checked, traced. Names resolve
 * through a scope (an indicator's local data, then the file's shared data).
 */
import { Quantity } from "../quantity/quantity";
import { lookupUnit, personVsPersonTime } from "../quantity/units";
import { checkDims } from "./dims";
import type { ExprNode } from "../syntax/ast";
import type { Range } from "../diagnostics/catalogue";
import { lineRange } from "../diagnostics/catalogue";
import type { DiagnosticSink } from "./sink";
import type { Lazy } from "./trace";

export interface NameLookup {
  /** The value of a name, or undefined when the name is unknown; `null` when known but without a value. */
  (name: string): { value: Quantity | null; line?: number } | undefined;
  /** Known names, for a "did you mean" hint. */
  names?: () => Iterable<string>;
}

export interface ExprResult {
  value?: Quantity;
  /** The names read, with their values (formatted lazily). */
  inputs: { name: string; value: Lazy; line?: number }[];
  /** The expression with each name replaced by its value (formatted when called). */
  substituted: () => string;
}

const OP_TEXT: Record<string, string> = { "+": "+", "-": "−", "*": "×", "/": "÷" };

/** `record`: whether to record the inputs and the substituted expression for a trace (false: the result's are empty). */
export function evaluateExpr(expr: ExprNode, line: number, lookup: NameLookup, sink: DiagnosticSink, record = true): ExprResult {
  const inputs: ExprResult["inputs"] = [];
  const values = new Map<string, Quantity | null>();
  const range = (e: ExprNode): Range => lineRange(line, e.span[0], e.span[1]);

  const walk = (e: ExprNode): Quantity | undefined => {
    switch (e.kind) {
      case "number": {
        const unit = e.unit?.text ?? null;
        const q = Quantity.fromWritten(e.value, unit);
        if (!q && e.unit) sink.add("PE203", lineRange(line, e.unit.span[0], e.unit.span[1]), { unit: e.unit.text });
        return q;
      }
      case "name": {
        const found = lookup(e.name);
        if (found === undefined) {
          const hint = suggest(e.name, lookup.names?.() ?? []);
          sink.add("PE601", range(e), { name: e.name, hint: hint ?? "" }, { name: e.name });
          return undefined;
        }
        if (record && !values.has(e.name)) {
          const v = found.value;
          values.set(e.name, v);
          inputs.push({ name: e.name, value: v ? formatLater(v) : "（无值）", line: found.line });
        }
        return found.value ?? undefined;
      }
      case "neg":
        return walk(e.operand)?.negated();
      case "binary": {
        const l = walk(e.left);
        const r = walk(e.right);
        if (!l || !r) return undefined;
        if (e.op === "+" || e.op === "-") {
          if (!checkDims(sink, range(e), l.dim, r.dim, { op: ["相加减", e.op === "+" ? "add" : "subtract"] })) return undefined;
        } else if (personVsPersonTime(l.dim, r.dim)) sink.add("PE205", range(e));
        switch (e.op) {
          case "+":
            return l.plus(r);
          case "-":
            return l.minus(r);
          case "*":
            return l.times(r);
          case "/":
            if (r.value.isZero()) {
              sink.add("PE207", range(e.right), { expr: exprSource(e.right) });
              return undefined;
            }
            return l.dividedBy(r);
        }
      }
    }
  };
  let value = walk(expr);
  if (value && value.dim !== "" && value.unit === "") value = value.withUnit(guessUnit(value));
  return { value, inputs, substituted: renderLater(expr, values) };
}

// The closures a result keeps for its trace are made out here: a closure made inside evaluateExpr would keep
// its whole scope, the lookup among it, and with it the evaluation that ran it (one per edit, never let go).

/** A quantity formatted when read. */
function formatLater(q: Quantity): () => string {
  return () => q.format();
}

/** The expression with values substituted, made when read. */
function renderLater(e: ExprNode, values: Map<string, Quantity | null>): () => string {
  return () => render(e, values);
}

/** The expression with names replaced by their values. */
function render(e: ExprNode, values: Map<string, Quantity | null>): string {
  switch (e.kind) {
    case "number":
      return e.value + (e.unit?.text ?? "");
    case "name": {
      const v = values.get(e.name);
      return v ? v.format() : e.name;
    }
    case "neg":
      return `−${render(e.operand, values)}`;
    case "binary":
      return `${wrap(e.left, render(e.left, values))} ${OP_TEXT[e.op]} ${wrap(e.right, render(e.right, values))}`;
  }
}

/** The expression as written (names, not values). */
export function exprSource(e: ExprNode): string {
  switch (e.kind) {
    case "number":
      return e.value + (e.unit?.text ?? "");
    case "name":
      return e.name;
    case "neg":
      return `−${exprSource(e.operand)}`;
    case "binary":
      return `${wrap(e.left, exprSource(e.left))} ${OP_TEXT[e.op]} ${wrap(e.right, exprSource(e.right))}`;
  }
}

function wrap(e: ExprNode, text: string): string {
  return e.kind === "binary" && (e.op === "+" || e.op === "-") ? `(${text})` : text;
}

function guessUnit(q: Quantity): string {
  const guesses: Record<string, string> = { money: "万元", area: "亩", mass: "吨", length: "公里" };
  const g = guesses[q.dim] ?? (q.dim.startsWith("count:") ? q.dim.slice(6) : "");
  return g && lookupUnit(g) ? g : "";
}

/** The closest known name (edit distance ≤ 2), for "did you mean". */
export function suggest(name: string, names: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const n of names) {
    if (Math.abs(n.length - name.length) >= bestD) continue;
    const d = distance(name, n, bestD);
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  return best;
}

function distance(a: string, b: string, cap: number): number {
  const prev = new Array(b.length + 1).fill(0).map((_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    let rowMin = prev[0];
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
      rowMin = Math.min(rowMin, prev[j]);
    }
    if (rowMin >= cap) return cap;
  }
  return prev[b.length];
}

