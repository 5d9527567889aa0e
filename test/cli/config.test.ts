/**
 * Severity configuration for `programme check`: `--config FILE`, else `.programme.json`
 * beside the programme, in the same shape as the editor setting
 * (`{ "diagnostics": { "severity": { "<code>": "error|warning|information|hint|off" } } }`).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli, type CliResult } from '../support/cli';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/checks');

const run = (args: string[]): CliResult => runCli(args);

/** A fresh folder holding a copy of a check fixture, and optionally a `.programme.json`. */
function folder(fixture: string, config?: unknown): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'programme-config-'));
  const file = path.join(dir, 'test.programme.yaml');
  fs.copyFileSync(path.join(FIXTURES, `${fixture}.programme.yaml`), file);
  if (config !== undefined) fs.writeFileSync(path.join(dir, '.programme.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return { dir, file };
}

const severity = (map: Record<string, string>): unknown => ({ diagnostics: { severity: map } });

suite('programme check: severity configuration', () => {
  test('without configuration: the default severities', () => {
    const { file } = folder('not-scheduled.bad');
    const r = run(['check', file]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /: information not-scheduled: /);
  });

  test('.programme.json beside the programme raises a code to error, and the exit code follows', () => {
    const { file } = folder('not-scheduled.bad', severity({ 'not-scheduled': 'error' }));
    const r = run(['check', file]);
    assert.strictEqual(r.status, 1);
    assert.match(r.stdout, /: error not-scheduled: /);
  });

  test('lowering an error clears the exit code; off removes the diagnostic', () => {
    const lowered = run(['check', folder('slot-overlap.bad', severity({ 'slot-overlap': 'warning' })).file]);
    assert.strictEqual(lowered.status, 0);
    assert.match(lowered.stdout, /: warning slot-overlap: /);
    const off = run(['check', '--format', 'json', folder('slot-overlap.bad', severity({ 'slot-overlap': 'off' })).file]);
    assert.strictEqual(off.status, 0);
    assert.deepStrictEqual(JSON.parse(off.stdout)[0].diagnostics, []);
  });

  test('--config FILE wins over .programme.json', () => {
    const { dir, file } = folder('not-scheduled.bad', severity({ 'not-scheduled': 'error' }));
    const other = path.join(dir, 'ci.json');
    fs.writeFileSync(other, JSON.stringify(severity({ 'not-scheduled': 'hint' })));
    const r = run(['check', '--config', other, file]);
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout, /: hint not-scheduled: /);
  });

  test('a bad configuration is a usage error (exit 2) that names the file and the key', () => {
    const cases: [unknown, RegExp][] = [
      ['{ not json', /\.programme\.json: not valid JSON/],
      [severity({ 'not-scheduled': 'loud' }), /diagnostics\.severity\.not-scheduled: `loud` is not one of error, warning, information, hint, off/],
      [severity({ 'not-sheduled': 'error' }), /diagnostics\.severity: unknown code `not-sheduled`/],
      [{ diagnostics: { severity: ['error'] } }, /diagnostics\.severity must be an object/],
    ];
    for (const [config, message] of cases) {
      const r = run(['check', folder('not-scheduled.bad', config).file]);
      assert.strictEqual(r.status, 2, String(message));
      assert.match(r.stderr, message);
    }
    const missing = run(['check', '--config', path.join(os.tmpdir(), 'no-such-config.json'), path.join(FIXTURES, 'not-scheduled.bad.programme.yaml')]);
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /no-such-config\.json: cannot read: no such file/);
  });
});
