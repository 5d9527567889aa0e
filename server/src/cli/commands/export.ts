/**
 * `programme export FILE --to ics|schedule-json|schedule-xml [-o OUT] [--force] [--stamp ISO]`.
 * A file with errors is not exported (the errors are listed as `check` lists them) unless
 * `--force`. The output is written to a temporary file beside OUT, then renamed over it, so a
 * failed export never leaves a truncated file.
 */
import { Command, Option } from 'commander';
import { checkFile, formatText } from './check';
import { checkOutput, displayName, UsageError, writeOutput, terminalSafe } from '../io';
import { EXPORT_FORMATS, exportModel, isExportFormat, mayExport } from '../../core';

interface ExportOptions {
  to: string;
  output?: string;
  force: boolean;
  stamp?: string;
  config?: string;
  followSymlink: boolean;
}

export function exportCommand(): Command {
  return new Command('export')
    .description('export a programme as iCalendar, schedule.json or schedule.xml (stdout without -o); refuses a file with errors unless --force')
    .argument('<FILE>', 'programme file, or - for standard input')
    .addOption(new Option('--to <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('-o, --output <file>', 'write here (atomically) instead of stdout')
    .option('--follow-symlink', 'if the -o file is a symbolic link, write to the file it points to', false)
    .option('--force', 'export even if the programme has errors', false)
    .option('--stamp <iso>', 'DTSTAMP / generation time instead of now (reproducible output)')
    .option('--config <file>', 'severity settings (default: .programme.json beside the file)')
    .action((file: string, options: ExportOptions) => {
      process.exitCode = runExport(file, options);
    });
}

function runExport(file: string, values: ExportOptions): number {
  const to = values.to;
  if (!isExportFormat(to)) throw new UsageError(`export: --to must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (values.stamp !== undefined && Number.isNaN(Date.parse(values.stamp))) throw new UsageError(`export: --stamp \`${values.stamp}\` is not an ISO date-time`);
  const out = values.output;
  const write = { inputs: [file, ...(values.config ? [values.config] : [])], followSymlink: values.followSymlink };
  if (out !== undefined) checkOutput(out, write);
  const result = checkFile(file, values.config);
  // The editor's export decides the same way (mayExport), from the same analysis.
  const decision = mayExport(result, result.severity, values.force);
  if (!decision.ok && decision.why === 'too-large') {
    process.stderr.write(formatText([result]));
    process.stderr.write(`programme: ${terminalSafe(displayName(file))} is too large to check: not exported\n`);
    return 1;
  }
  if (!decision.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 1);
    process.stderr.write(formatText([{ ...result, diagnostics: errors }]));
    process.stderr.write(
      `programme: ${terminalSafe(displayName(file))} has ${decision.errors.length} error${decision.errors.length === 1 ? '' : 's'}: not exported (--force exports anyway)\n`,
    );
    return 1;
  }
  // The model of the analysis just checked: a file is analysed once per export.
  const text = exportModel(decision.analysis.model, to, { stamp: values.stamp });
  if (out === undefined) process.stdout.write(text);
  else writeOutput(out, text, write);
  return 0;
}
