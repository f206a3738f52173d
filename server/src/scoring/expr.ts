/**
 * Expression evaluation (公式求值): exact, unit-checked, traced. Names resolve
 * through a scope (an indicator's local data, then the file's shared data).
 */
import { D } from "../quantity/decimal";
import { Quantity } from "../quantity/quantity";
import { dimName, lookupUnit, personVsPersonTime } from "../quantity/units";
import type { ExprNode } from "../syntax/ast";
import type { Range } from "../diagnostics/catalogue";
import { lineRange } from "../diagnostics/catalogue";
import type { DiagnosticSink } from "./sink";
import type { TraceInput } from "./types";

export interface NameLookup {
  /** The value of a name, or undefined when the name is unknown; `null` when known but without a value. */
  (name: string): { value: Quantity | null; line?: number } | undefined;
  /** Known names, for a "did you mean" hint. */
  names?: () => Iterable<string>;
}

export interface ExprResult {
  value?: Quantity;
  inputs: TraceInput[];
  /** The expression with each name replaced by its value. */
  substituted: string;
}

const OP_TEXT: Record<string, string> = { "+": "+", "-": "−", "*": "×", "/": "÷" };

export function evaluateExpr(expr: ExprNode, line: number, lookup: NameLookup, sink: DiagnosticSink): ExprResult {
  const inputs: TraceInput[] = [];
  const seen = new Set<string>();
  const range = (e: ExprNode): Range => lineRange(line, e.span[0], e.span[1]);

  const walk = (e: ExprNode): { q?: Quantity; text: string } => {
    switch (e.kind) {
      case "number": {
        const unit = e.unit?.text ?? null;
        const q = Quantity.fromWritten(e.value, unit);
        if (!q) {
          if (e.unit) sink.add("PE203", lineRange(line, e.unit.span[0], e.unit.span[1]), { unit: e.unit.text });
          return { text: e.value + (unit ?? "") };
        }
        return { q, text: e.value + (unit ?? "") };
      }
      case "name": {
        const found = lookup(e.name);
        if (found === undefined) {
          const hint = suggest(e.name, lookup.names?.() ?? []);
          sink.add("PE601", range(e), { name: e.name, hint: hint ?? "" });
          return { text: e.name };
        }
        if (!seen.has(e.name)) {
          seen.add(e.name);
          inputs.push({ name: e.name, value: found.value ? found.value.format() : "（无值）", line: found.line });
        }
        return { q: found.value ?? undefined, text: found.value ? found.value.format() : e.name };
      }
      case "neg": {
        const r = walk(e.operand);
        return { q: r.q?.negated(), text: "−" + r.text };
      }
      case "binary": {
        const l = walk(e.left);
        const r = walk(e.right);
        const text = `${wrap(e.left, l.text)} ${OP_TEXT[e.op]} ${wrap(e.right, r.text)}`;
        if (!l.q || !r.q) return { text };
        if (personVsPersonTime(l.q.dim, r.q.dim)) sink.add("PE205", range(e), {});
        if ((e.op === "+" || e.op === "-") && l.q.dim !== r.q.dim && !personVsPersonTime(l.q.dim, r.q.dim)) {
          const [ln, lnEn] = dimName(l.q.dim);
          const [rn, rnEn] = dimName(r.q.dim);
          sink.add("PE204", range(e), { left: ln, right: rn, op: "相加减", leftEn: lnEn, rightEn: rnEn, opEn: e.op === "+" ? "add" : "subtract" });
          return { text };
        }
        switch (e.op) {
          case "+":
            return { q: l.q.plus(r.q), text };
          case "-":
            return { q: l.q.minus(r.q), text };
          case "*":
            return { q: l.q.times(r.q), text };
          case "/":
            if (r.q.value.isZero()) {
              sink.add("PE207", range(e.right), { expr: exprSource(e.right) });
              return { text };
            }
            return { q: l.q.dividedBy(r.q), text };
        }
      }
    }
  };
  const r = walk(expr);
  let value = r.q;
  if (value && value.dim !== "" && value.unit === "") value = value.withUnit(guessUnit(value));
  return { value, inputs, substituted: r.text };
}

/** The expression as written (names, not values). */
export function exprSource(e: ExprNode): string {
  switch (e.kind) {
    case "number":
      return e.value + (e.unit?.text ?? "");
    case "name":
      return e.name;
    case "neg":
      return "−" + exprSource(e.operand);
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

export { D };
