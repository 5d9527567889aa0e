/**
 * What `check` prints cannot be steered by the file it checks: control characters in a key, a
 * value or the file's name are printed as escapes in the text output, as workflow-command
 * escapes in `github`, and as JSON escapes in `sarif` (which stays valid).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sarifErrors } from '../support/exchange';
import { runCli, type CliResult } from '../support/cli';

const run = (args: string[], cwd: string): CliResult => runCli(args, { cwd, env: { ...process.env, NO_COLOR: '1' } });

/** ESC, BEL, CSI (C1), a carriage return, a line break, a right-to-left override. */
const RAW = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202E]/;

/** A folder holding a programme whose name and one key carry an erase-line sequence and a forged line. */
function hostileFile(): { dir: string; name: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'programme-terminal-'));
  const name = 'evil\u001b[2K\u202E.programme.yaml';
  fs.writeFileSync(
    path.join(dir, name),
    [
      'programme: 1',
      '"\\e[2K\\rok\\nforged.yaml:1:1: error schema: fake\\u009b31m": 1',
      'event: { title: T, start: 2021-09-20, end: 2021-09-20, timezone: UTC }',
      'tracks: {}',
      '',
    ].join('\n'),
  );
  return { dir, name };
}

suite('check output escapes what the file could use to steer a terminal or a log', () => {
  test('text: one line per diagnostic, no raw control character, the key shown with escapes', () => {
    const { dir, name } = hostileFile();
    const r = run(['check', name], dir);
    assert.strictEqual(r.status, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(
      lines.every((l) => !RAW.test(l)),
      JSON.stringify(r.stdout),
    );
    // Two diagnostics (the unknown key, the ESC in it), each on a line of its own under the file's escaped name.
    assert.strictEqual(lines.length, 2, JSON.stringify(lines));
    assert.ok(
      lines.every((l) => /^evil\\x1B\[2K\\u202E\.programme\.yaml:2:\d+: error /.test(l)),
      JSON.stringify(lines),
    );
    assert.ok(
      lines.some((l) => l.includes('unknown key `\\x1B[2K\\x0Dok\\x0Aforged.yaml:1:1: error schema: fake\\x9B31m`')),
      JSON.stringify(lines),
    );
  });

  test('github: one workflow command per diagnostic, no raw control character', () => {
    const { dir, name } = hostileFile();
    const r = run(['check', '--format', 'github', name], dir);
    assert.strictEqual(r.status, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(
      lines.every((l) => /^::(error|warning|notice) file=evil\\x1B\[2K\\u202E\.programme\.yaml,line=2,/.test(l)),
      JSON.stringify(lines),
    );
    assert.ok(!RAW.test(r.stdout.trimEnd().replace(/\n/g, '')), JSON.stringify(r.stdout));
    assert.ok(lines.some((l) => l.includes('%0D') && l.includes('%0A')));
  });

  test('sarif: valid SARIF whose text carries the characters as JSON escapes, never raw', () => {
    const { dir, name } = hostileFile();
    const r = run(['check', '--format', 'sarif', name], dir);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.ok(!/[\u0000-\u0009\u000B-\u001F]/.test(r.stdout), 'no raw control character but line breaks');
    const log = JSON.parse(r.stdout);
    assert.deepStrictEqual(sarifErrors(log), []);
    const messages: string[] = log.runs[0].results.map((x: { message: { text: string } }) => x.message.text);
    assert.ok(
      messages.some((m) => m.includes('\u001b[2K\rok\nforged')),
      'the message keeps the text exactly',
    );
  });

  test('a usage error naming a file with control characters escapes them', () => {
    const { dir } = hostileFile();
    const r = run(['check', 'gone\u001b[31m.programme.yaml'], dir);
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stderr, 'programme: gone\\x1B[31m.programme.yaml: cannot read: no such file\n');
  });
});
