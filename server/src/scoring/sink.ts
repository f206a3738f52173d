/** Collects diagnostics during evaluation. */
import { makeDiagnostic, type Diagnostic, type DiagnosticCode, type Range } from "../diagnostics/catalogue";

export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  add(code: DiagnosticCode, range: Range, args: Record<string, string | number> = {}, data?: Record<string, string>): void {
    this.items.push(makeDiagnostic(code, range, args, data));
  }
}
