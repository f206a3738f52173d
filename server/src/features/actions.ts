/**
 * Code actions: quick fixes for diagnostics (set a stated value to the
 * computed one, add 偏差原因, convert a Chinese numeral, fix a parent's
 * weight) and a rewrite of full-width digits in field values.
 */
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type Range, type TextEdit } from "vscode-languageserver-types";
import type { Analysis } from "../analysis";
import { formatDecimal, parseDecimal } from "../quantity/decimal";
import { semanticIndex } from "./semantic-index";

function edit(uri: string, title: string, edits: TextEdit[], diagnostic?: LspDiagnostic, preferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: diagnostic ? [diagnostic] : undefined, isPreferred: preferred, edit: { changes: { [uri]: edits } } };
}

function lineRangeOf(line: number, s: number, e: number): Range {
  return { start: { line, character: s }, end: { line, character: e } };
}

export function codeActions(a: Analysis, uri: string, range: Range, diagnostics: LspDiagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  const lines = a.syntax.lines;
  const idx = semanticIndex(a);
  for (const d of diagnostics) {
    const data = (d.data ?? {}) as Record<string, string>;
    const line = d.range.start.line;
    switch (d.code) {
      case "PE501":
      case "PE502":
      case "PE503":
      case "PE505":
        if (data.computed !== undefined) {
          const what = { PE501: "得分", PE502: "自评总分", PE503: "等级", PE505: "完成率" }[d.code];
          out.push(edit(uri, `将${what}改为计算值 ${data.computed}`, [{ range: d.range, newText: data.computed }], d, true));
        }
        break;
      case "PE504": {
        const item = idx.dataAtLine.get(line);
        const q = item?.node.quantity;
        if (item && q && data.computed !== undefined) {
          const end = q.span[0] + lines[line].text.slice(q.span[0], q.span[1]).trimEnd().length;
          out.push(edit(uri, `将“${item.name}”改为计算值 ${data.computed}`, [{ range: lineRangeOf(line, q.span[0], end), newText: data.computed }], d, true));
        } else if (data.computed !== undefined) {
          out.push(edit(uri, `改为计算值 ${data.computed}`, [{ range: d.range, newText: data.computed }], d, true));
        }
        break;
      }
      case "PE406": {
        const ind = idx.headingIndicator.get(line);
        if (!ind) break;
        let at = ind.endLine;
        while (at > ind.line && lines[at].node.kind === "blank") at--;
        const pos = { line: at, character: lines[at].text.length };
        out.push(edit(uri, "添加“偏差原因：”", [{ range: { start: pos, end: pos }, newText: "\n偏差原因：" }], d, true));
        break;
      }
      case "PE413": {
        // Add the 口径 line 得分精度：N at the end of the header.
        if (data.line === undefined) break;
        const last = Math.max(-1, ...[...a.model.header.values()].map((f) => f.line));
        const pos = { line: last + 1, character: 0 };
        out.push(edit(uri, `在表头添加“${data.line}”`, [{ range: { start: pos, end: pos }, newText: `${data.line}\n` }], d, true));
        break;
      }
      case "PE202":
        if (data.value !== undefined) out.push(edit(uri, `将“${data.text}”改为 ${data.value}`, [{ range: d.range, newText: data.value }], d, true));
        break;
      case "PE301": {
        const ind = idx.headingIndicator.get(line);
        if (!ind || ind.weight === null || !ind.weightSpan || data.sum === undefined) break;
        const sum = parseDecimal(data.sum);
        out.push(edit(uri, `将“${ind.name}”的分值改为下级合计 ${formatDecimal(sum, 4)} 分`, [{ range: lineRangeOf(line, ind.weightSpan[0], ind.weightSpan[1]), newText: `（${formatDecimal(sum, 4)}分）` }], d, true));
        const diff = ind.weight.minus(sum);
        for (const c of ind.children) {
          if (!c.weightSpan || c.weight === null) continue;
          const nw = c.weight.plus(diff);
          if (nw.lessThanOrEqualTo(0)) continue;
          out.push(edit(uri, `或将下级“${c.name}”的分值改为 ${formatDecimal(nw, 4)} 分`, [{ range: lineRangeOf(c.line, c.weightSpan[0], c.weightSpan[1]), newText: `（${formatDecimal(nw, 4)}分）` }], d));
        }
        break;
      }
      default:
        break;
    }
  }
  // Full-width digits in field values → half-width.
  for (let line = Math.max(0, range.start.line); line <= Math.min(range.end.line, lines.length - 1); line++) {
    const n = lines[line].node;
    if (n.kind !== "field") continue;
    const value = lines[line].text.slice(n.value.span[0], n.value.span[1]);
    if (!/[\uFF10-\uFF19]/.test(value)) continue;
    const fixed = value.replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    out.push({ ...edit(uri, "将全角数字转换为半角", [{ range: lineRangeOf(line, n.value.span[0], n.value.span[1]), newText: fixed }]), kind: CodeActionKind.QuickFix });
  }
  return out;
}
