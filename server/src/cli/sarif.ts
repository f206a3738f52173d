/**
 * SARIF 2.1.0 output for `perf-eval check --format sarif`: one run, the
 * rules from the diagnostics catalogue, one result per diagnostic. Lines and
 * columns are 1-based; columns count UTF-16 code units (LSP positions), which
 * the run declares with `columnKind: "utf16CodeUnits"`.
 */
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { CATALOGUE, type Diagnostic, type DiagnosticCode, type Severity } from "../diagnostics/catalogue";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
/** Where rule help lives: relative to the repository root unless `--docs-base` gives a URL. */
export const DOCS_BASE = "docs/diagnostics.md";

type SarifLevel = "error" | "warning" | "note";

const LEVEL: Record<Severity, SarifLevel> = { error: "error", warning: "warning", info: "note" };

export interface FileDiagnostics {
  path: string;
  diagnostics: Diagnostic[];
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
}

/** The rule for a catalogue entry; its description is the message with no arguments filled. */
function rule(code: DiagnosticCode, docsBase: string): SarifRule {
  const e = CATALOGUE[code];
  const slug = e.slug;
  return {
    id: code,
    name: slug,
    shortDescription: { text: slug.replace(/-/g, " ") },
    helpUri: `${docsBase}#${code.toLowerCase()}-${slug}`,
    defaultConfiguration: { level: LEVEL[e.severity] },
  };
}

/** A relative path as a URI reference (percent-encoded); an absolute one as a file: URI. */
export function artifactUri(path: string): string {
  return isAbsolute(path) ? pathToFileURL(path).href : encodeURI(path.split("\\").join("/"));
}

export function toSarif(files: FileDiagnostics[], version: string, english = false, docsBase = DOCS_BASE): object {
  const codes = Object.keys(CATALOGUE) as DiagnosticCode[];
  const index = new Map(codes.map((c, i) => [c, i]));
  const results = files.flatMap(({ path, diagnostics }) =>
    diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: index.get(d.code),
      level: LEVEL[d.severity],
      message: { text: english ? d.messageEn : d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(path) },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  return {
    version: "2.1.0",
    $schema: SARIF_SCHEMA,
    runs: [
      {
        tool: { driver: { name: "perf-eval", version, rules: codes.map((c) => rule(c, docsBase)) } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
}
