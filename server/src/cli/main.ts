/**
 * The `programme` command line: the editor's checks for CI, plus rendering and exports.
 * Exit codes: 0 no error, 1 at least one error in a checked file, 2 bad usage or unreadable input.
 *
 * Arguments are parsed by commander: each command is a module of its own in commands/ that
 * makes its `Command` (options, help, action) and is listed in commands/index.ts. An action
 * sets `process.exitCode`; a `UsageError` it throws becomes exit 2 with its message.
 */
import { Command, CommanderError } from 'commander';
import { terminalSafe, UsageError } from './io';
import { COMMANDS } from './commands';
import { PROGRAMME_VERSION } from '../core';

export function program(): Command {
  const program = new Command('programme')
    .description('Check, render, export and import conference programme files.')
    .version(
      `programme ${PROGRAMME_VERSION} (node ${process.versions.node}, icu ${process.versions.icu}, tz ${process.versions.tz})`,
      '-v, --version',
      'print the version and exit',
    )
    .helpOption('-h, --help', 'show help for the command')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) =>
        write(
          s
            .replace(/^error: /, 'programme: ')
            .replace(/\n$/, '')
            .split('\n')
            .map(terminalSafe)
            .join('\n') + '\n',
        ),
    })
    .addHelpText(
      'after',
      '\nExit status: 0 no error, 1 an error in a checked file, 2 bad usage or unreadable input.\nA FILE may be `-` (standard input), a folder (its programme files) or a glob (quoted).',
    );
  for (const make of COMMANDS) {
    const command = make();
    command.copyInheritedSettings(program);
    program.addCommand(command);
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  process.exitCode = undefined;
  try {
    // Asynchronous: `plan` waits for its solver.
    await program().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      process.stderr.write(`programme: ${terminalSafe(error.message)}\n`);
      return 2;
    }
    process.stderr.write(`programme: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    return 2;
  }
}

/** Runs the CLI as a process: sets the exit code and survives a closed pipe (`| head`). */
export function cli(argv: string[]): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) cli(process.argv.slice(2));
