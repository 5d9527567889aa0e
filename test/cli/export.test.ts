import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, scheduleJsonErrors } from '../support/exchange';
import { runCli, type CliResult } from '../support/cli';

const EXAMPLE = path.join(ROOT, 'examples/lpc2021-vfio-iommu-pci.programme.yaml');
const FIVE = path.join(ROOT, 'test/fixtures/foundation/five-mistakes.programme.yaml');

const run = (args: string[]): CliResult => runCli(args);

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'programme-export-'));
}

suite('programme export', () => {
  test('schedule-json to stdout: exit 0, valid against the official schema', () => {
    const r = run(['export', EXAMPLE, '--to', 'schedule-json']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(scheduleJsonErrors(JSON.parse(r.stdout)), []);
  });

  test('-o writes the file, byte-identical on re-export, with no temporary file left', () => {
    const dir = tmpdir();
    const out = path.join(dir, 'lpc.ics');
    assert.strictEqual(run(['export', EXAMPLE, '--to', 'ics', '-o', out]).status, 0);
    const first = fs.readFileSync(out);
    assert.strictEqual(run(['export', EXAMPLE, '--to', 'ics', '-o', out]).status, 0);
    assert.ok(first.equals(fs.readFileSync(out)));
    assert.deepStrictEqual(fs.readdirSync(dir), ['lpc.ics']);
    assert.match(first.toString(), /^BEGIN:VCALENDAR\r\n/);
  });

  test('--stamp sets DTSTAMP', () => {
    const r = run(['export', EXAMPLE, '--to', 'ics', '--stamp', '2030-05-06T07:08:09Z']);
    assert.match(r.stdout, /\r\nDTSTAMP:20300506T070809Z\r\n/);
  });

  test('a file with errors is refused with the check-style error list and exit 1; --force exports it', () => {
    const dir = tmpdir();
    const out = path.join(dir, 'out.xml');
    const r = run(['export', FIVE, '--to', 'schedule-xml', '-o', out]);
    assert.strictEqual(r.status, 1);
    assert.ok(r.stderr.includes(`${FIVE}:10:5: error schema: unknown key \`affiliaton\``), r.stderr);
    assert.ok(!fs.existsSync(out), 'nothing written');
    const forced = run(['export', FIVE, '--to', 'schedule-xml', '-o', out, '--force']);
    assert.strictEqual(forced.status, 0, forced.stderr);
    assert.match(fs.readFileSync(out, 'utf8'), /^<\?xml version="1.0" encoding="UTF-8"\?>\n<schedule>/);
  });

  test('-o naming the input file is refused (exit 2) and the input is untouched', () => {
    const dir = tmpdir();
    const file = path.join(dir, 'p.programme.yaml');
    fs.copyFileSync(EXAMPLE, file);
    const r = run(['export', file, '--to', 'ics', '-o', path.join(dir, '.', 'p.programme.yaml')]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /is the input /);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), fs.readFileSync(EXAMPLE, 'utf8'));
  });

  test('usage errors: unknown format, missing file (exit 2)', () => {
    const bad = run(['export', EXAMPLE, '--to', 'pdf']);
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /argument 'pdf' is invalid. Allowed choices are ics, schedule-json, schedule-xml/);
    const missing = run(['export', path.join(ROOT, 'nope.programme.yaml'), '--to', 'ics']);
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /nope\.programme\.yaml: cannot read: no such file/);
  });
});
