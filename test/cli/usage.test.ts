/** The command line as people expect of one: help, version, stdin, folders, globs, colour. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { ROOT } from '../support/exchange';
import { runCli } from '../support/cli';

const EXAMPLE = 'examples/lpc2021-vfio-iommu-pci.programme.yaml';
const FIVE = 'test/fixtures/foundation/five-mistakes.programme.yaml';
const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const run = runCli;

/** A programme file with one error (an unknown key) copied into a scratch folder tree. */
function tree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'programme-usage-'));
  const text = fs.readFileSync(path.join(ROOT, EXAMPLE), 'utf8');
  fs.mkdirSync(path.join(dir, 'a/b'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'node_modules/x'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'a/one.programme.yaml'), text);
  fs.writeFileSync(path.join(dir, 'a/b/programme.yml'), text.replace('  venue: Virtual', '  venue: Virtual\n  extra: 1'));
  fs.writeFileSync(path.join(dir, 'a/b/notes.yaml'), 'not: a programme\n');
  fs.writeFileSync(path.join(dir, 'node_modules/x/dep.programme.yaml'), 'broken: [\n');
  return dir;
}

suite('programme: help, version and inputs', () => {
  test('--help and COMMAND --help print usage on stdout and exit 0', () => {
    const top = run(['--help']);
    assert.strictEqual(top.status, 0, top.stderr);
    for (const command of ['check', 'export', 'import', 'render']) assert.match(top.stdout, new RegExp(`^  ${command} `, 'm'));
    for (const command of ['check', 'export', 'import', 'render']) {
      const r = run([command, '--help']);
      assert.strictEqual(r.status, 0, `${command}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`^Usage: programme ${command} `));
      assert.strictEqual(run(['help', command]).stdout, r.stdout);
    }
    assert.match(run(['check', '--help']).stdout, /--format <format> .*choices: "text", "json", "sarif", "github"/s);
  });

  test('no command: usage on stderr, exit 2; an unknown command or option: exit 2 and a suggestion', () => {
    const none = run([]);
    assert.strictEqual(none.status, 2);
    assert.match(none.stderr, /^Usage: programme/);
    const typo = run(['chek', EXAMPLE]);
    assert.strictEqual(typo.status, 2);
    assert.match(typo.stderr, /unknown command 'chek'.*Did you mean check\?/s);
    const option = run(['check', '--fromat', 'json', EXAMPLE]);
    assert.strictEqual(option.status, 2);
    assert.match(option.stderr, /unknown option '--fromat'.*Did you mean --format\?/s);
  });

  test('--version and -v print the package version', () => {
    for (const flag of ['--version', '-v']) {
      const r = run([flag]);
      assert.strictEqual(r.status, 0);
      assert.match(r.stdout, new RegExp(`^programme ${version.replace(/\./g, '\\.')} \\(node `));
    }
  });

  test('`-` reads standard input: check, render and export; messages name <stdin>', () => {
    const text = fs.readFileSync(path.join(ROOT, FIVE), 'utf8');
    const fromFile = run(['check', FIVE]);
    const fromStdin = run(['check', '-'], { input: text });
    assert.strictEqual(fromStdin.status, 1);
    assert.strictEqual(fromStdin.stdout, fromFile.stdout.split(FIVE).join('<stdin>'));
    const example = fs.readFileSync(path.join(ROOT, EXAMPLE), 'utf8');
    const page = run(['render', '-'], { input: example });
    assert.strictEqual(page.status, 0, page.stderr);
    assert.match(page.stdout, /<title>Linux Plumbers Conference 2021/);
    const ics = run(['export', '-', '--to', 'ics', '--stamp', '2021-09-01T00:00:00Z'], { input: example });
    assert.strictEqual(ics.status, 0, ics.stderr);
    assert.match(ics.stdout, /^BEGIN:VCALENDAR/);
    assert.strictEqual(run(['check', '-', '-'], { input: example }).status, 2);
  });

  test('a folder means its programme files, recursively, without node_modules; globs are expanded by the CLI', () => {
    const dir = tree();
    const folder = run(['check', '--format', 'json', 'a'], { cwd: dir });
    assert.strictEqual(folder.status, 1, folder.stderr);
    const files = (JSON.parse(folder.stdout) as { file: string }[]).map((f) => f.file);
    assert.deepStrictEqual(files, [path.join('a', 'b', 'programme.yml'), path.join('a', 'one.programme.yaml')]);
    const glob = run(['check', '--format', 'json', 'a/**/*.programme.yaml'], { cwd: dir });
    assert.strictEqual(glob.status, 0, glob.stderr);
    assert.deepStrictEqual(
      (JSON.parse(glob.stdout) as { file: string }[]).map((f) => f.file),
      ['a/one.programme.yaml'],
    );
  });

  test('colour on a terminal (script(1) gives it one); none with NO_COLOR or through a pipe', () => {
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, 'bin/programme.js'))} check ${FIVE}`;
    const tty = (env: NodeJS.ProcessEnv): string =>
      spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', cwd: ROOT, env: { TERM: 'xterm-256color', ...env } }).stdout;
    // A user's terminal: no NO_COLOR, no FORCE_COLOR, and no CI variable (Node reports a
    // terminal under an unnamed CI as having two colours, and the CLI then writes none).
    const { NO_COLOR: _unused, FORCE_COLOR: _unused2, CI: _unused3, ...env } = process.env;
    assert.match(tty(env), /\x1b\[31merror\x1b\[39m/);
    assert.doesNotMatch(tty({ ...env, NO_COLOR: '1' }), /\x1b\[/);
    assert.doesNotMatch(run(['check', FIVE], { env }).stdout, /\x1b\[/);
  });
});
