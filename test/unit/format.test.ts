/**
 * The formatter (core/features/format.ts): canonical key order, two-space indentation,
 * quoting only where needed; comments, blank lines and flow/block choices kept; the same data;
 * idempotent, on every fixture, the canonical example and real imports.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Lexer, parse } from 'yaml';
import { formatProgramme, importSchedule } from '../../server/src/core';
import { EXAMPLE_TEXT } from '../support/fixtures';
import { C3VOC, ROOT } from '../support/exchange';
import { billionLaughs, deepBlockMap, deepBlockSeq, deepFlowSeq, mergeConflict, recursiveAliases } from '../fixtures/hostile/inputs';

function format(text: string, sort = false): string {
  const r = formatProgramme(text, { sort });
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.text;
}

/** Every comment of a YAML text, in order (from the `yaml` lexer, so `#` in strings does not count). */
function comments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((t) => t.startsWith('#')).map((t) => t.trim());
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

/** Formats `text` and checks what must hold for every file: same data, same comments, idempotent. */
function assertFormatsWell(name: string, text: string): void {
  const once = format(text);
  assert.deepStrictEqual(parse(once, { maxAliasCount: 10_000 }), parse(text, { maxAliasCount: 10_000 }), `${name}: the data changed`);
  assert.deepStrictEqual(comments(once).sort(), comments(text).sort(), `${name}: comments lost or changed`);
  assert.strictEqual(format(once), once, `${name}: formatting twice changes the text`);
  assert.strictEqual(formatProgramme(once).ok && !(formatProgramme(once) as { changed: boolean }).changed, true);
}

suite('format: the canonical form', () => {
  test("keys in the order of FORMAT.md, unknown keys after them, id maps in the user's order", () => {
    const text =
      'tracks:\n  b:\n    slots:\n      - duration: 10m\n        speakers: [x]\n        title: T\n        start: 2025-06-02 09:00\n    title: B\n  a:\n    title: A\nevent:\n  timezone: UTC\n  title: E\nprogramme: 1\n';
    assert.strictEqual(
      format(text),
      'programme: 1\nevent:\n  title: E\n  timezone: UTC\ntracks:\n  b:\n    title: B\n    slots:\n      - title: T\n        start: 2025-06-02 09:00\n        duration: 10m\n        speakers: [x]\n  a:\n    title: A\n',
    );
  });

  test('two-space indentation, list items indented under their key', () => {
    assert.strictEqual(
      format('programme: 1\nevent:\n    title: E\ntracks:\n    a:\n        title: A\n        leads:\n        - x\n'),
      'programme: 1\nevent:\n  title: E\ntracks:\n  a:\n    title: A\n    leads:\n      - x\n',
    );
  });

  test('quotes only where YAML would misread the text', () => {
    const text =
      'programme: 1\nevent:\n  title: \'Plain words\'\n  venue: "Room: 1"\npeople:\n  a:\n    name: "yes"\n    affiliation: "20:00"\n    honorific: Dr\n';
    assert.strictEqual(
      format(text),
      'programme: 1\nevent:\n  title: Plain words\n  venue: "Room: 1"\npeople:\n  a:\n    name: "yes"\n    affiliation: "20:00"\n    honorific: Dr\n',
    );
    assert.strictEqual(format('programme: 1\nevent:\n  title: on\n'), 'programme: 1\nevent:\n  title: "on"\n', 'YAML 1.1 readers take `on` for true');
  });

  test('comments, blank lines between entries, flow and block styles and block scalars are kept', () => {
    const text =
      '# Our meetup\n\nprogramme: 1\n\nevent:\n  title: E # the name\n  # the zone\n  timezone: UTC\n\ntracks:\n  a:\n    title: A\n    sessions:\n      - { start: 2025-06-02 09:00, end: 2025-06-02 12:00 }\n    description: |\n      Two\n      lines\n\n  b:\n    title: B\n';
    const out = format(text);
    assert.strictEqual(
      out,
      '# Our meetup\n\nprogramme: 1\n\nevent:\n  title: E # the name\n  # the zone\n  timezone: UTC\n\ntracks:\n  a:\n    title: A\n    description: |\n      Two\n      lines\n    sessions:\n      - { start: 2025-06-02 09:00, end: 2025-06-02 12:00 }\n\n  b:\n    title: B\n',
    );
  });

  test('line endings and a byte-order mark are kept', () => {
    assert.strictEqual(format('\uFEFFprogramme: 1\r\nevent:\r\n    title: E\r\n'), '\uFEFFprogramme: 1\r\nevent:\r\n  title: E\r\n');
  });

  test('--sort orders slots by start, then title; unscheduled ones last, their comments with them', () => {
    const text =
      'programme: 1\ntracks:\n  a:\n    title: A\n    slots:\n      - title: Later\n        start: 2025-06-02 10:00\n      # not yet\n      - title: Someday\n      - title: B\n        start: 2025-06-02 09:00\n      - title: A\n        start: 2025-06-02T09:00\n';
    assert.strictEqual(
      format(text, true),
      'programme: 1\ntracks:\n  a:\n    title: A\n    slots:\n      - title: A\n        start: 2025-06-02T09:00\n      - title: B\n        start: 2025-06-02 09:00\n      - title: Later\n        start: 2025-06-02 10:00\n      # not yet\n      - title: Someday\n',
    );
    assert.match(format(text), /title: Later[\s\S]*title: Someday[\s\S]*title: B/, 'file order without --sort');
  });

  test('a file that does not parse is not formatted, and the reason says where', () => {
    const r = formatProgramme('programme: 1\nevent:\n  title: Rust: where?\n');
    assert.ok(!r.ok);
    assert.match(r.reason, /^line 3: /);
    const dup = formatProgramme('programme: 1\npeople:\n  bob:\n    name: B\n  bob:\n    name: C\n');
    assert.ok(!dup.ok && /^line 5: a key appears twice/.test(dup.reason), 'a duplicate key is not silently dropped');
  });

  test('hostile files are refused or formatted, never a crash', () => {
    for (const text of [billionLaughs(), deepFlowSeq(10_000), deepBlockMap(2_000), mergeConflict(), ...recursiveAliases()]) {
      const r = formatProgramme(text);
      if (r.ok) assert.strictEqual(format(r.text), r.text);
      else assert.ok(r.reason.length > 0);
    }
  });

  test('a file nested thousands of levels deep is refused as such, before the YAML package recurses into it', () => {
    for (const text of [deepFlowSeq(10_000), deepBlockSeq(10_000)]) {
      const r = formatProgramme(text);
      assert.ok(!r.ok && r.reason === 'the file is nested too deep (fix the YAML first)', JSON.stringify(r));
    }
    assert.ok(formatProgramme(deepFlowSeq(100)).ok, 'a hundred levels are formatted');
  });
});

suite('format: every fixture, the example and real imports', () => {
  test('the canonical example: same data and comments, idempotent', () => assertFormatsWell('example', EXAMPLE_TEXT));

  test('every YAML fixture that parses: same data and comments, idempotent', () => {
    let formatted = 0;
    for (const file of files(path.join(ROOT, 'test/fixtures'))) {
      const text = fs.readFileSync(file, 'utf8');
      const r = formatProgramme(text);
      if (!r.ok) {
        assert.ok(!parseOk(text), `${file} parses but was refused: ${r.reason}`);
        continue;
      }
      assertFormatsWell(file, text);
      formatted++;
    }
    assert.ok(formatted >= 30, `only ${formatted} fixtures formatted`);
  });

  const REAL = path.join(ROOT, 'test/fixtures/real-schedules');
  const sources = [
    ...fs
      .readdirSync(C3VOC)
      .filter((f) => /\.(json|xml)$/.test(f) && f !== 'schema.json')
      .map((f) => path.join(C3VOC, f)),
    ...fs
      .readdirSync(REAL)
      .filter((f) => /\.(json|xml)$/.test(f))
      .map((f) => path.join(REAL, f)),
  ];
  for (const file of sources) {
    const name = path.basename(file);
    test(`the import of ${name}: same data and comments, idempotent`, function () {
      this.timeout(120_000);
      const imported = importSchedule(fs.readFileSync(file, 'utf8'), { source: name }).text;
      assertFormatsWell(name, imported);
    });
  }
});

function parseOk(text: string): boolean {
  try {
    parse(text, { uniqueKeys: true });
    return true;
  } catch {
    return false;
  }
}
