/**
 * Problems as LSP diagnostics: line/character positions, the user's severities, related
 * locations. Used by the language server and the CLI alike, so both say the same.
 */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CODES, Code, Problem, Severity, SeverityOverride } from './problem';

export type SeverityMap = Partial<Record<string, SeverityOverride>>;

/** At most this many diagnostics per file; the rest are summarised in one more. */
export const MAX_DIAGNOSTICS = 1000;

export const SOURCE = 'programme';

/** A severity's name, by LSP number: the one mapping between the two (the other way is derived). */
export const SEVERITY_NAME: Readonly<Record<DiagnosticSeverity, Severity>> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

const LSP_SEVERITY = Object.fromEntries(Object.entries(SEVERITY_NAME).map(([n, name]) => [name, Number(n)])) as Readonly<Record<Severity, DiagnosticSeverity>>;

/** The severity name of a diagnostic (an error when it has none, as LSP says). */
export function severityName(d: Diagnostic): Severity {
  return SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Error];
}

/**
 * The severity a problem is shown with: the user's override for its code (`off`: not shown),
 * else its own, else its code's default. The CLI, the server, the preview and exports all ask this.
 */
export function severityOf(p: Problem, overrides: SeverityMap): Severity | undefined {
  const o = overrides[p.code];
  if (o === 'off') return undefined;
  // A value that is not a severity (a typo in the settings) leaves the default.
  if (typeof o === 'string' && Object.hasOwn(LSP_SEVERITY, o)) return o;
  return p.severity ?? CODES[p.code as Code];
}

export function rangeOf(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(Math.max(start, end)) };
}

export function toDiagnostics(problems: readonly Problem[], doc: TextDocument, overrides: SeverityMap = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  let dropped = 0;
  for (const p of problems) {
    const severity = severityOf(p, overrides);
    if (!severity) continue;
    if (out.length >= MAX_DIAGNOSTICS) {
      dropped++;
      continue;
    }
    const d: Diagnostic = { range: rangeOf(doc, p.start, p.end), severity: LSP_SEVERITY[severity], code: p.code, source: SOURCE, message: p.message };
    if (p.related?.length) {
      d.relatedInformation = p.related.map((r) => DiagnosticRelatedInformation.create(Location.create(doc.uri, rangeOf(doc, r.start, r.end)), r.message));
    }
    if (p.data) d.data = p.data;
    out.push(d);
  }
  const summary = dropped ? severityOf({ code: 'more-problems', message: '', start: 0, end: 0 }, overrides) : undefined;
  if (summary) {
    out.push({
      range: rangeOf(doc, 0, 0),
      severity: LSP_SEVERITY[summary],
      code: 'more-problems',
      source: SOURCE,
      message: `${dropped} more problems are not shown (at most ${MAX_DIAGNOSTICS} per file)`,
    });
  }
  return out;
}
