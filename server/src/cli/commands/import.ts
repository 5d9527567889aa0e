/**
 * `programme import SCHEDULE.json [-o FILE.programme.yaml]`: a frab, pretalx or c3voc
 * schedule.json becomes a programme file (stdout without -o). The result is checked: errors
 * it has came from the source (two talks in one room at once...) and are listed on stderr.
 */
import * as path from 'path';
import { Command } from 'commander';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatText } from './check';
import { UsageError, readText, displayName, STDIN } from '../io';
import { writeAtomically } from './export';
import { createProgrammeService, toDiagnostics, ImportError, scheduleImport } from '../../core';

export function importCommand(): Command {
  return new Command('import')
    .description('turn a frab/pretalx/c3voc schedule.json into a programme file (stdout without -o)')
    .argument('<SCHEDULE.json>', 'schedule.json file, or - for standard input')
    .option('-o, --output <file>', 'write the programme here (atomically) instead of stdout')
    .action((input: string, options: { output?: string }) => { process.exitCode = runImport(input, options); });
}

function runImport(input: string, values: { output?: string }): number {
  const file = displayName(input);
  const text = readText(input);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}:${jsonErrorPlace(text, (error as Error).message)}: not valid JSON: ${(error as Error).message}`);
  }
  let result;
  try {
    result = scheduleImport(data, input === STDIN ? 'stdin' : path.basename(file));
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  for (const note of result.notes) process.stderr.write(`programme: ${file}: ${note}\n`);
  const out = values.output;
  if (out === undefined) process.stdout.write(result.text);
  else writeAtomically(out, result.text);
  const shown = out ?? '<stdout>';
  const doc = TextDocument.create('file:///imported.programme.yaml', 'programme', 1, result.text);
  const checked = createProgrammeService().get(doc);
  const errors = toDiagnostics(checked.tooLarge ? [checked.tooLarge] : checked.analysis!.problems, doc, {}).filter((d) => d.severity === 1);
  if (errors.length) {
    process.stderr.write(formatText([{ file: shown, text: result.text, diagnostics: errors }]));
    process.stderr.write(`programme: the imported programme has ${errors.length} error${errors.length === 1 ? '' : 's'} that were in ${file}\n`);
  }
  return 0;
}

/** `line:col` (1-based) of a JSON.parse error, from the position in its message, else the end. */
export function jsonErrorPlace(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return `${lineCol[1]}:${lineCol[2]}`;
  const offset = m ? Number(m[1]) : text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}
