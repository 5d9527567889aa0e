/** `programme check`: the same diagnostics as the editor, as text, JSON, SARIF or GitHub annotations. */
import { Command, Option } from 'commander';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { displayName, expandInputs, loadConfig, paintFor, readText, Paint, terminalSafe } from '../io';
import { FORMATS } from '../formats';
import { Analysis, createProgrammeService, Problem, ProgrammeService, SEVERITY_NAME, SeverityMap, toDiagnostics } from '../../core';

export interface FileResult {
  file: string;
  text: string;
  diagnostics: Diagnostic[];
  /** The analysis the diagnostics came from (none when the file is too large to check). */
  analysis?: Analysis;
  tooLarge?: Problem;
  /** The severities the diagnostics were made with (the configuration's). */
  severity?: SeverityMap;
}

export function checkCommand(): Command {
  const formats: Record<string, (results: FileResult[]) => string> = { text: (r) => formatText(r, paintFor(process.stdout)), json: formatJson, ...FORMATS };
  return new Command('check')
    .description('check programme files as the editor does; exit 1 if any has an error')
    .argument('<FILE...>', 'programme files, folders, globs, or - for standard input')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(formats)).default('text'))
    .option('--config <file>', 'severity settings (default: .programme.json beside each file)')
    .action((args: string[], options: { format: string; config?: string }) => {
      const service = createProgrammeService();
      const results = expandInputs(args).map((file) => checkFile(file, options.config, service));
      process.stdout.write(formats[options.format](results));
      process.exitCode = hasErrors(results) ? 1 : 0;
    });
}

/** Checks one file with `service` (one per CLI run): the same diagnostics as the editor. */
export function checkFile(file: string, configFile?: string, service: ProgrammeService = createProgrammeService()): FileResult {
  const config = loadConfig(configFile, file);
  const text = readText(file);
  const doc = TextDocument.create(`file://${encodeURI(file)}`, 'programme', 1, text);
  const checked = service.get(doc);
  const problems = checked.tooLarge ? [checked.tooLarge] : checked.analysis!.problems;
  return {
    file: displayName(file),
    text,
    analysis: checked.analysis,
    tooLarge: checked.tooLarge,
    severity: config.severity,
    diagnostics: toDiagnostics(problems, doc, config.severity),
  };
}

export function hasErrors(results: FileResult[]): boolean {
  return results.some((r) => r.diagnostics.some((d) => d.severity === 1));
}

const SEVERITY_PAINT = { 1: 'red', 2: 'yellow', 3: 'cyan', 4: 'dim' } as const;

export function formatText(results: FileResult[], paint: Paint = (_s, t) => t): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const severity = paint(SEVERITY_PAINT[d.severity as 1 | 2 | 3 | 4] ?? 'red', SEVERITY_NAME[d.severity!]);
      // The file's name and the message (which quotes the file) are printed with their control characters escaped.
      lines.push(
        `${paint('bold', `${terminalSafe(r.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}:`)} ${severity} ${paint('dim', String(d.code))}: ${terminalSafe(typeof d.message === 'string' ? d.message : d.message.value)}`,
      );
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function formatJson(results: FileResult[]): string {
  return (
    JSON.stringify(
      results.map((r) => ({
        file: r.file,
        diagnostics: r.diagnostics.map((d) => ({ code: d.code, severity: SEVERITY_NAME[d.severity!], message: d.message, range: d.range })),
      })),
      null,
      2,
    ) + '\n'
  );
}
