/**
 * `programme format [--check | --write] [--sort] FILE...`: the canonical form of programme
 * files (the editor's "Format Document"). Without an option the formatted text goes to
 * stdout; `--check` names the files that would change (exit 1 if any); `--write` rewrites
 * those files, each atomically (a temporary file beside it, then a rename, keeping its mode;
 * a symbolic link is not written through). A file that does not parse is left alone and named
 * on stderr with the reason (exit 1).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Command, Option } from 'commander';
import { displayName, expandInputs, readText, STDIN, UsageError } from '../io';
import { formatProgramme } from '../../core';

interface FormatCliOptions {
  check?: boolean;
  write?: boolean;
  sort?: boolean;
}

export function formatCommand(): Command {
  return new Command('format')
    .description('write programme files in their canonical form: formatted text on stdout, or --check, or --write')
    .argument('<FILE...>', 'programme files, folders, globs, or - for standard input')
    .addOption(new Option('--check', 'name the files that are not formatted; exit 1 if any').conflicts('write'))
    .addOption(new Option('--write', 'rewrite the files that are not formatted (atomically)').conflicts('check'))
    .option('--sort', "order each track's slots by start, then title (unscheduled ones last)")
    .action((args: string[], options: FormatCliOptions) => {
      process.exitCode = runFormat(expandInputs(args), options);
    });
}

function runFormat(files: string[], options: FormatCliOptions): number {
  if (options.write && files.includes(STDIN)) throw new UsageError('--write cannot rewrite standard input (`-`)');
  let status = 0;
  const unformatted: string[] = [];
  for (const file of files) {
    const name = displayName(file);
    const text = readText(file);
    const result = formatProgramme(text, { sort: options.sort });
    if (!result.ok) {
      process.stderr.write(`programme: ${name}: not formatted: ${result.reason}\n`);
      status = Math.max(status, 1);
      continue;
    }
    if (options.check) {
      if (result.changed) {
        unformatted.push(name);
        process.stdout.write(`${name}\n`);
        status = Math.max(status, 1);
      }
    } else if (options.write) {
      if (result.changed) {
        rewrite(file, result.text);
        process.stdout.write(`${name}\n`);
      }
    } else {
      process.stdout.write(result.text);
    }
  }
  if (options.check && unformatted.length) {
    process.stderr.write(
      `programme: ${unformatted.length} file${unformatted.length === 1 ? ' is' : 's are'} not formatted (\`programme format --write\` formats them)\n`,
    );
  }
  return status;
}

/** Replaces `file` by `text` atomically, keeping its mode; refuses to write through a symbolic link. */
function rewrite(file: string, text: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (error) {
    throw new UsageError(`${file}: cannot write: ${(error as Error).message}`);
  }
  if (stat.isSymbolicLink()) throw new UsageError(`${file}: is a symbolic link: not rewritten (format the file it points to)`);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx', mode: stat.mode & 0o7777 });
    fs.chmodSync(temp, stat.mode & 0o7777);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new UsageError(`${file}: cannot write: ${(error as Error).message}`);
  }
}
