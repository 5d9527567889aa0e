import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli, type CliResult } from '../support/cli';

const run = (args: string[], input?: string): CliResult => runCli(args, { input });

const UNFORMATTED = 'event:\n    title: Meetup # ours\n    timezone: Europe/Berlin\n    start: 2025-06-02\n    end: 2025-06-03\nprogramme: 1\ntracks: {}\n';
const FORMATTED = 'programme: 1\nevent:\n  title: Meetup # ours\n  start: 2025-06-02\n  end: 2025-06-03\n  timezone: Europe/Berlin\ntracks: {}\n';

function tmp(name: string, content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'programme-format-')), name);
  fs.writeFileSync(file, content);
  return file;
}

suite('programme format', () => {
  test('prints the formatted text on stdout and leaves the file alone', () => {
    const file = tmp('a.programme.yaml', UNFORMATTED);
    const r = run(['format', file]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, FORMATTED);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), UNFORMATTED);
    assert.strictEqual(run(['format', '-'], UNFORMATTED).stdout, FORMATTED, 'standard input');
  });

  test('--check exits 1 naming a file that would change, 0 on a formatted one', () => {
    const bad = tmp('bad.programme.yaml', UNFORMATTED);
    const good = tmp('good.programme.yaml', FORMATTED);
    const r = run(['format', '--check', good, bad]);
    assert.strictEqual(r.status, 1);
    assert.strictEqual(r.stdout, `${bad}\n`);
    assert.match(r.stderr, /1 file is not formatted/);
    const ok = run(['format', '--check', good]);
    assert.strictEqual(ok.status, 0, ok.stdout + ok.stderr);
    assert.strictEqual(ok.stdout, '');
    assert.strictEqual(fs.readFileSync(bad, 'utf8'), UNFORMATTED, '--check writes nothing');
  });

  test('--write rewrites only the files that change, keeping their mode; then --check passes', () => {
    const bad = tmp('bad.programme.yaml', UNFORMATTED);
    fs.chmodSync(bad, 0o640);
    const good = tmp('good.programme.yaml', FORMATTED);
    const goodTime = fs.statSync(good).mtimeMs;
    const r = run(['format', '--write', bad, good]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, `${bad}\n`);
    assert.strictEqual(fs.readFileSync(bad, 'utf8'), FORMATTED);
    assert.strictEqual(fs.statSync(bad).mode & 0o777, 0o640);
    assert.strictEqual(fs.statSync(good).mtimeMs, goodTime, 'a formatted file is not touched');
    assert.deepStrictEqual(fs.readdirSync(path.dirname(bad)), ['bad.programme.yaml'], 'no temporary file left');
    assert.strictEqual(run(['format', '--check', bad]).status, 0);
  });

  test('--write does not write through a symbolic link', () => {
    const target = tmp('target.programme.yaml', UNFORMATTED);
    const link = path.join(path.dirname(target), 'link.programme.yaml');
    fs.symlinkSync(target, link);
    const r = run(['format', '--write', link]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /symbolic link: not rewritten/);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), UNFORMATTED);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
  });

  test('a file with a YAML error is left alone and named with the reason (exit 1)', () => {
    const file = tmp('broken.programme.yaml', 'programme: 1\nevent:\n  title: Rust: where?\n');
    const r = run(['format', '--write', file]);
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /broken\.programme\.yaml: not formatted: line 3: /);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'programme: 1\nevent:\n  title: Rust: where?\n');
  });

  test('--check with --write is a usage error; --sort orders slots', () => {
    assert.strictEqual(run(['format', '--check', '--write', 'x.yaml']).status, 2);
    const file = tmp(
      's.programme.yaml',
      'programme: 1\ntracks:\n  a:\n    title: A\n    slots:\n      - title: Two\n        start: 2025-06-02 10:00\n      - title: One\n        start: 2025-06-02 09:00\n',
    );
    assert.match(run(['format', '--sort', file]).stdout, /title: One[\s\S]*title: Two/);
    assert.match(run(['format', file]).stdout, /title: Two[\s\S]*title: One/);
  });
});
