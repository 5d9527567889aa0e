/**
 * `programme export FILE --to ics|schedule-json|schedule-xml [-o OUT] [--force] [--stamp ISO]`.
 * A file with errors is not exported (the errors are listed as `check` lists them) unless
 * `--force`. The output is written to a temporary file beside OUT, then renamed over it, so a
 * failed export never leaves a truncated file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import type { Command } from '.';
import { checkFile, formatText } from './check';
import { UsageError } from '../io';
import { analyze, EXPORT_FORMATS, exportModel, isExportFormat } from '../../core';

export const exportCommand: Command = {
  name: 'export',
  usage: `  export FILE --to ${EXPORT_FORMATS.join('|')} [-o OUT] [--force] [--stamp ISO] [--config FILE]
      export a programme as iCalendar, schedule.json or schedule.xml (stdout without -o);
      refuses a file with errors unless --force`,
  run: runExport,
};

function runExport(args: string[]): number {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { to: { type: 'string' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false }, stamp: { type: 'string' }, config: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('export: name one programme file');
  const to = values.to;
  if (!to || !isExportFormat(to)) throw new UsageError(`export: --to must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (values.stamp !== undefined && Number.isNaN(Date.parse(values.stamp))) throw new UsageError(`export: --stamp \`${values.stamp}\` is not an ISO date-time`);
  const file = positionals[0];
  const out = values.output;
  if (out !== undefined && sameFile(out, file)) throw new UsageError(`export: -o ${out} is the input file: it would be overwritten`);
  const result = checkFile(file, values.config);
  const errors = result.diagnostics.filter((d) => d.severity === 1);
  if (errors.length && !values.force) {
    process.stderr.write(formatText([{ ...result, diagnostics: errors }]));
    process.stderr.write(`programme: ${file} has ${errors.length} error${errors.length === 1 ? '' : 's'}: not exported (--force exports anyway)\n`);
    return 1;
  }
  const text = exportModel(analyze(result.text).model, to, { stamp: values.stamp });
  if (out === undefined) process.stdout.write(text);
  else writeAtomically(out, text);
  return 0;
}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}

/** Writes beside the target, then renames: readers see the old file or the whole new one. */
export function writeAtomically(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new UsageError(`${file}: cannot write: ${(error as Error).message}`);
  }
}
