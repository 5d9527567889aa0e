/**
 * Whether a checked programme may be exported: the one decision the CLI's `programme export`
 * and the editor's export commands share. Not when it was too large to check; not when it has
 * errors, as the user's severities make them (`diagnostics.severity`), unless forced.
 */
import type { ProgrammeFile } from '../service/workspace';
import type { Analysis } from '../service/analysis';
import { Problem } from '../service/problem';
import { SeverityMap, severityOf } from '../service/diagnostics';

export type ExportDecision =
  { ok: true; analysis: Analysis } | { ok: false; why: 'too-large'; message: string } | { ok: false; why: 'errors'; errors: Problem[] };

export function mayExport(
  file: { analysis?: ProgrammeFile['analysis']; tooLarge?: ProgrammeFile['tooLarge'] },
  overrides: SeverityMap = {},
  force = false,
): ExportDecision {
  if (!file.analysis) return { ok: false, why: 'too-large', message: file.tooLarge?.message ?? 'the file is too large to check' };
  const errors = file.analysis.problems.filter((p) => severityOf(p, overrides) === 'error');
  if (errors.length && !force) return { ok: false, why: 'errors', errors };
  return { ok: true, analysis: file.analysis };
}
