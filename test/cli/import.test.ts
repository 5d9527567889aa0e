import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { C3VOC, ROOT } from '../support/exchange';

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/programme.js'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(name: string, content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'programme-import-')), name);
  fs.writeFileSync(file, content);
  return file;
}

suite('programme import', () => {
  test('frab: -o writes a programme that checks without error', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'programme-import-')), 'camp.programme.yaml');
    const r = run(['import', path.join(C3VOC, 'frab-camp2019.json'), '-o', out]);
    assert.strictEqual(r.status, 0, r.stderr);
    const check = run(['check', out]);
    assert.strictEqual(check.status, 0, check.stdout);
    const text = fs.readFileSync(out, 'utf8');
    assert.match(text, /timezone: Europe\/Berlin/);
    assert.match(text, /start: 2019-08-22 12:00\n\s+duration: 45m\n\s+room: curie/);
  });

  test('pretalx: to stdout; a conflict that was in the source is listed on stderr', () => {
    const r = run(['import', path.join(C3VOC, 'pretalx-democon.json')]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# Imported from pretalx-democon\.json/);
    assert.match(r.stdout, /\nprogramme: 1\n/);
  });

  test('malformed JSON names the file, line and column', () => {
    const file = tmp('bad.json', '{\n  "schedule": {\n    "version": "1",,\n  }\n}\n');
    const r = run(['import', file]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:20: not valid JSON`));
  });

  test('a field of the wrong shape names its JSON path', () => {
    const source = JSON.parse(fs.readFileSync(path.join(C3VOC, 'pretalx-democon.json'), 'utf8'));
    const first = Object.keys(source.schedule.conference.days[0].rooms)[0];
    source.schedule.conference.days[0].rooms[first][0].date = 42;
    const r = run(['import', tmp('s.json', JSON.stringify(source))]);
    assert.strictEqual(r.status, 2);
    assert.ok(r.stderr.includes(`$.schedule.conference.days[0].rooms${/^\w+$/.test(first) ? '.' + first : `["${first}"]`}[0].date: expected a string, found number 42`), r.stderr);
  });
});
