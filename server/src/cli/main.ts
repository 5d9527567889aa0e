/**
 * The `programme` command line: the editor's checks for CI, plus rendering and exports.
 * Exit codes: 0 no error, 1 at least one error in a checked file, 2 bad usage or unreadable input.
 */
import { parseArgs } from 'util';
import { checkFile, formatJson, formatText, hasErrors } from './commands/check';
import { UsageError } from './io';
import { COMMANDS } from './commands';
import { FORMATS } from './formats';

const USAGE = `usage: programme <command> [options]

commands:
  check [--format text|json|sarif|github] [--config FILE] FILE...
      check programme files; exit 1 if any has an error
${COMMANDS.map((c) => c.usage).join('\n')}
`;

const FORMATTERS: Record<string, (results: Parameters<typeof formatText>[0]) => string> = { text: formatText, json: formatJson };

/** Adds a `check --format` output (SARIF, GitHub annotations...). */
export function addFormatter(name: string, format: (results: Parameters<typeof formatText>[0]) => string): void {
  FORMATTERS[name] = format;
}

// Registered here rather than from formats.ts: an import cycle would run it before FORMATTERS exists.
for (const [name, format] of Object.entries(FORMATS)) addFormatter(name, format);

export function runCheck(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, config: { type: 'string' } } });
  const format = FORMATTERS[values.format!];
  if (!format) throw new UsageError(`unknown format \`${values.format}\`: use ${Object.keys(FORMATTERS).join(', ')}`);
  if (!positionals.length) throw new UsageError('check: name at least one programme file');
  const results = positionals.map((file) => checkFile(file, values.config));
  process.stdout.write(format(results));
  return hasErrors(results) ? 1 : 0;
}

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(USAGE);
      return command ? 0 : 2;
    }
    if (command === '--version') {
      process.stdout.write(`programme 0.1.0 (node ${process.versions.node}, icu ${process.versions.icu}, tz ${process.versions.tz})\n`);
      return 0;
    }
    if (command === 'check') return runCheck(rest);
    const other = COMMANDS.find((c) => c.name === command);
    if (other) return other.run(rest);
    throw new UsageError(`unknown command \`${command}\`\n\n${USAGE}`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`programme: ${(error as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`programme: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    return 2;
  }
}

/** Runs the CLI as a process: sets the exit code and survives a closed pipe (`| head`). */
export function cli(argv: string[]): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); });
  process.exitCode = main(argv);
}

if (require.main === module) cli(process.argv.slice(2));
