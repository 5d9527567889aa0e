/**
 * `programme import SCHEDULE [-o FILE.programme.yaml] [--timezone ZONE]`: a schedule.json,
 * schedule.xml or Indico export becomes a programme file (stdout without -o); the format is
 * found from the content. Everything import could not take over as written is listed on
 * stderr with its place in the file. The result is checked: errors it has came from the
 * source (two talks in one room at once...) and are listed on stderr.
 * Exit codes: 0 imported whole, 1 imported with something left out (listed), 2 not imported.
 */
import * as path from 'path';
import { Command } from 'commander';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatText } from './check';
import { UsageError, readText, displayName, STDIN, checkOutput, writeOutput, terminalSafe } from '../io';
import { createProgrammeService, toDiagnostics, ImportError, importSchedule } from '../../core';

/** The default limit on the size of an imported schedule: real ones are a few megabytes. */
export const IMPORT_MAX_MB = 20;

interface ImportOptions {
  output?: string;
  timezone?: string;
  followSymlink?: boolean;
  maxSize?: number;
}

function megabytes(value: string): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new UsageError(`import: --max-size \`${value}\` is not a positive number of megabytes`);
  return n;
}

export function importCommand(): Command {
  return new Command('import')
    .description(
      'turn a schedule.json or schedule.xml (frab, pretalx, hub, Pentabarf, wafer) or an Indico event export into a programme file (stdout without -o); exit 1 if anything was left out (listed on stderr)',
    )
    .argument('<SCHEDULE>', 'schedule file, or - for standard input')
    .option('-o, --output <file>', 'write the programme here (atomically) instead of stdout')
    .option('--timezone <zone>', "the conference's IANA zone, when the file does not name it (or names a wrong one)")
    .option('--follow-symlink', 'if the -o file is a symbolic link, write to the file it points to', false)
    .option('--max-size <MB>', `refuse a schedule larger than this many megabytes (default ${IMPORT_MAX_MB})`, megabytes, IMPORT_MAX_MB)
    .action((input: string, options: ImportOptions) => {
      process.exitCode = runImport(input, options);
    });
}

function runImport(input: string, values: ImportOptions): number {
  const file = displayName(input);
  const write = { inputs: [input], followSymlink: values.followSymlink };
  if (values.output !== undefined) checkOutput(values.output, write);
  const text = readText(input, { megabytes: values.maxSize ?? IMPORT_MAX_MB, what: 'import (--max-size MB raises it)' });
  let result;
  try {
    result = importSchedule(text, { timezone: values.timezone, source: input === STDIN ? 'stdin' : path.basename(file) });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    if (error.path.startsWith('--')) throw new UsageError(`import: ${error.message}`);
    // `file:3:20: ...` for a place in the text, `file: $.schedule...: ...` for a path.
    throw new UsageError(/^\d/.test(error.path) ? `${file}:${error.message}` : `${file}: ${error.message}`);
  }
  const out = values.output;
  if (out === undefined) process.stdout.write(result.text);
  else writeOutput(out, result.text, write);
  for (const note of result.notes) process.stderr.write(`programme: ${terminalSafe(file)}: ${terminalSafe(note.path)}: ${terminalSafe(note.message)}\n`);
  const left = result.notes.filter((n) => n.leftOut).length;
  process.stderr.write(
    `programme: ${terminalSafe(file)}: read as ${result.format}; ${result.slots} of ${result.events} event${result.events === 1 ? '' : 's'} imported, in ${result.zone}${left ? `; ${left} thing${left === 1 ? '' : 's'} left out (listed above)` : ''}\n`,
  );
  const shown = out ?? '<stdout>';
  const doc = TextDocument.create('file:///imported.programme.yaml', 'programme', 1, result.text);
  const checked = createProgrammeService().get(doc);
  const errors = toDiagnostics(checked.tooLarge ? [checked.tooLarge] : checked.analysis!.problems, doc, {}).filter((d) => d.severity === 1);
  if (errors.length) {
    process.stderr.write(formatText([{ file: shown, text: result.text, diagnostics: errors }]));
    process.stderr.write(`programme: the imported programme has ${errors.length} error${errors.length === 1 ? '' : 's'} that were in ${terminalSafe(file)}\n`);
  }
  return result.leftOut ? 1 : 0;
}
