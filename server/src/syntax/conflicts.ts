/**
 * Git conflict regions. Scoring is suspended only inside a well-formed
 * conflict: a `<<<<<<<` line, later a `=======` line (a `|||||||` base section
 * may come between), later a `>>>>>>>` line, in that order, none nested. Such
 * a region is one PE102 error on its opening line, and all its lines are left
 * out of the model.
 *
 * A marker line that is not part of a well-formed conflict (a prose line
 * “>>>>>>> 详见附件”, a `=======` under a Markdown title, an unterminated
 * `<<<<<<<`) is a PE120 warning on that line only; the rest of the file is
 * scored as usual.
 *
 * Every marker line ends up in a region or with a PE120 of its own: parseDocument relies on it to skip this scan
 * after an edit when the previous tree had neither (the lines it kept then hold no marker).
 */
import { lineRange, makeDiagnostic, type Diagnostic } from "../diagnostics/catalogue";
import type { LineNode } from "./ast";

export interface ConflictScan {
  conflictLines: Set<number>;
  diagnostics: Diagnostic[];
}

export function scanConflicts(nodes: readonly { node: LineNode; text: string }[]): ConflictScan {
  const conflictLines = new Set<number>();
  const diagnostics: Diagnostic[] = [];
  const lone = (i: number) => diagnostics.push(makeDiagnostic("PE120", lineRange(i, 0, nodes[i].text.length), { marker: nodes[i].text.trim().slice(0, 7) }));
  // The open region: where `<<<<<<<` stands, where `|||||||` and `=======` were seen.
  let open = -1;
  let base = -1;
  let middle = -1;
  const abandon = () => {
    if (open >= 0) lone(open);
    if (base >= 0) lone(base);
    if (middle >= 0) lone(middle);
    open = base = middle = -1;
  };
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i].node;
    if (node.kind !== "conflict") continue;
    switch (node.marker) {
      case "<<<<<<<":
        abandon();
        open = i;
        break;
      case "|||||||":
        if (open >= 0 && base < 0 && middle < 0) base = i;
        else lone(i);
        break;
      case "=======":
        if (open >= 0 && middle < 0) middle = i;
        else lone(i);
        break;
      default:
        if (open >= 0 && middle >= 0) {
          diagnostics.push(makeDiagnostic("PE102", lineRange(open, 0, nodes[open].text.length)));
          for (let j = open; j <= i; j++) conflictLines.add(j);
          open = base = middle = -1;
        } else {
          abandon();
          lone(i);
        }
    }
  }
  abandon();
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line);
  return { conflictLines, diagnostics };
}
