import { spawnSync } from 'child_process';
import * as path from 'path';
import { ROOT } from './exchange';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `programme` command as a user does (`bin/programme.js` in a new process).
 * `cwd` defaults to the repository, `env` (the whole environment) to this process's.
 */
export function runCli(args: string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/programme.js'), ...args], {
    encoding: 'utf8',
    input: options.input,
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
