import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli, type CliResult } from '../support/cli';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLE = path.join(ROOT, 'examples/lpc2021-vfio-iommu-pci.programme.yaml');
const FIVE = path.join(ROOT, 'test/fixtures/foundation/five-mistakes.programme.yaml');

const run = (args: string[], input?: string): CliResult => runCli(args, { input });

function tmp(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'programme-cli-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

suite('programme check', () => {
  test('the canonical example: exit 0, no error and no warning', () => {
    const r = run(['check', 'examples/lpc2021-vfio-iommu-pci.programme.yaml']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /: (error|warning) /);
  });

  test('text output: file:line:col: severity code: message, 1-based; exit 1 on errors', () => {
    const r = run(['check', FIVE]);
    assert.strictEqual(r.status, 1);
    const lines = r.stdout.trim().split('\n');
    assert.strictEqual(lines[0], `${FIVE}:10:5: error schema: unknown key \`affiliaton\` in person; did you mean \`affiliation\`?`);
    assert.ok(lines.some((l) => l.startsWith(`${FIVE}:13:3: error duplicate-key: `)));
    assert.ok(lines.some((l) => l.startsWith(`${FIVE}:31:19: error yaml-syntax: unclosed quote`)));
  });

  test('json output: 0-based LSP ranges and severity names', () => {
    const r = run(['check', '--format', 'json', FIVE, EXAMPLE]);
    assert.strictEqual(r.status, 1);
    const json = JSON.parse(r.stdout) as {
      file: string;
      diagnostics: { code: string; severity: string; range: { start: { line: number; character: number } } }[];
    }[];
    assert.deepStrictEqual(
      json.map((f) => f.file),
      [FIVE, EXAMPLE],
    );
    assert.deepStrictEqual(json[0].diagnostics[0].range.start, { line: 9, character: 4 });
    assert.strictEqual(json[0].diagnostics[0].severity, 'error');
    assert.ok(json[1].diagnostics.every((d) => d.severity === 'information' || d.severity === 'hint'));
  });

  test('a UTF-8 byte-order mark is accepted with unchanged columns', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8').replace('  venue: Virtual', '  venue: Virtual\n  extra: 1');
    const file = tmp('a.programme.yaml', text);
    const plain = run(['check', file]).stdout;
    fs.writeFileSync(file, '\ufeff' + text);
    const bom = run(['check', file]).stdout;
    assert.strictEqual(bom, plain);
    assert.match(plain, /unknown key `extra`/);
  });

  test('usage errors and unreadable files: exit 2 with a message on stderr', () => {
    assert.strictEqual(run(['check']).status, 2);
    assert.strictEqual(run(['frobnicate']).status, 2);
    const bad = run(['check', '--format', 'xml', EXAMPLE]);
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /argument 'xml' is invalid. Allowed choices are text, json, sarif, github/);
    const missing = run(['check', 'no/such/file.programme.yaml']);
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /no\/such\/file.programme.yaml: cannot read: no such file/);
    const empty = run(['check', path.dirname(tmp('notes.txt', 'x'))]);
    assert.strictEqual(empty.status, 2);
    assert.match(empty.stderr, /no programme file \(\*\.programme\.yaml, programme\.yaml\) in this folder/);
    const glob = run(['check', 'no/such/*.programme.yaml']);
    assert.strictEqual(glob.status, 2);
    assert.match(glob.stderr, /no\/such\/\*\.programme\.yaml: no file matches/);
    const latin1 = run(['check', tmp('l.programme.yaml', Buffer.from('programme: 1\nevent:\n  title: Caf\xe9\n', 'latin1'))]);
    assert.strictEqual(latin1.status, 2);
    assert.match(latin1.stderr, /not valid UTF-8 at byte 32/);
  });

  test('an empty file is an error (exit 1)', () => {
    const r = run(['check', tmp('e.programme.yaml', '')]);
    assert.strictEqual(r.status, 1);
    assert.match(r.stdout, /:1:1: error schema: the programme is empty/);
  });
});
