/**
 * Hostile files: each one has a defined outcome (a clear diagnostic at the node at fault) and
 * finishes in bounded time. The bound is each test's mocha timeout, a guard against hangs
 * (set loosely, for a loaded CI machine), not a benchmark.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchedule, SCHEDULE_LIMITS } from '../../server/src/core/schedule/schedule';
import { CODES, createProgrammeService, toDiagnostics, DEFAULT_MAX_FILE_MB } from '../../server/src/core';
import { check, doc, programme } from '../support/fixtures';
import * as hostile from '../fixtures/hostile/inputs';

const CORPUS = path.resolve(__dirname, '../../../test/fixtures/hostile/preview-corpus.programme.yaml');

/** A loose bound on the analysis of one hostile file: it catches hangs and runaway growth. */
const BOUND_MS = 30_000;

function messages(a: ReturnType<typeof check>, code: string): string[] {
  return a.problems.filter((p) => p.code === code).map((p) => p.message);
}

/** Every problem lies inside the text, and no internal error text reaches the user. */
function assertSane(a: ReturnType<typeof check>): void {
  for (const p of a.problems) {
    assert.ok(p.start >= 0 && p.start <= p.end && p.end <= a.text.length, `${p.code} range ${p.start}-${p.end} outside 0-${a.text.length}`);
    assert.doesNotMatch(p.message, /call stack|undefined|\[object /i, `internal error text in: ${p.message}`);
  }
}

/** Only strings, finite numbers, booleans, arrays and plain objects: what postMessage carries as is. */
function assertPlainData(value: unknown, where: string): void {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') return assert.ok(Number.isFinite(value), `${where} is ${value}`);
  if (Array.isArray(value)) return value.forEach((v, i) => assertPlainData(v, `${where}[${i}]`));
  assert.ok(typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype, `${where} is not plain data`);
  for (const [k, v] of Object.entries(value as object)) assertPlainData(v, `${where}.${k}`);
}

suite('Hostile files', () => {
  test('5,000 misspelt speakers among 20,000 people: an unknown-person each, in bounded time (it took ten minutes when each was compared with every person)', function () {
    this.timeout(BOUND_MS);
    const a = check(hostile.manyTypos(20_000, 5_000));
    assertSane(a);
    const unknown = messages(a, 'unknown-person');
    assert.equal(unknown.length, 5_000);
    // Ids with few people of their first letter and length near them are still guessed.
    assert.match(unknown[0], /did you mean `person-0`\?/);
  });

  test('a misspelt speaker still gets its guess among a few people, and among 1,000 people with names of many shapes', () => {
    assert.match(messages(check(hostile.manyTypos(100, 1)), 'unknown-person')[0], /did you mean `person-0`\?/);
    const varied = (i: number): string => (i === 0 ? 'person-0' : `${String.fromCharCode(97 + (i % 26))}${'x'.repeat(i % 9)}-${i}`);
    assert.match(messages(check(hostile.manyTypos(1_000, 1, varied)), 'unknown-person')[0], /did you mean `person-0`\?/);
  });

  test('billion laughs: one "alias expansion limit exceeded" error at the alias that crosses the limit', function () {
    this.timeout(BOUND_MS);
    const text = hostile.billionLaughs();
    const a = check(text);
    assertSane(a);
    const limit = a.problems.filter((p) => p.message.startsWith('alias expansion limit exceeded'));
    assert.equal(limit.length, 1, a.problems.map((p) => p.message).join('\n'));
    assert.equal(limit[0].code, 'yaml-syntax');
    assert.equal(text.slice(limit[0].start, limit[0].end)[0], '*', 'the error points at an alias');
  });

  test('10,000 levels of flow nesting: "nested too deep", never a stack overflow', function () {
    this.timeout(BOUND_MS);
    for (const text of [hostile.deepFlowSeq(10_000), hostile.deepFlowMap(10_000)]) {
      const a = check(text);
      assertSane(a);
      const deep = messages(a, 'yaml-syntax').filter((m) => m.startsWith('nested too deep'));
      assert.ok(deep.length >= 1, a.problems.map((p) => p.message).join('\n'));
    }
  });

  test('10,000 levels of block nesting: "nested too deep", never a stack overflow', function () {
    this.timeout(BOUND_MS);
    for (const text of [hostile.deepBlockSeq(10_000), hostile.deepBlockMap(1_000)]) {
      const a = check(text);
      assertSane(a);
      const deep = messages(a, 'yaml-syntax').filter((m) => m.startsWith('nested too deep'));
      assert.ok(deep.length >= 1, a.problems.map((p) => p.message).join('\n'));
    }
  });

  test('a 20 MB file is not checked: one warning naming its size and the setting', function () {
    this.timeout(BOUND_MS);
    const text = hostile.hugeFile(20);
    const file = createProgrammeService().get(doc(text));
    assert.equal(file.analysis, undefined);
    assert.ok(file.tooLarge);
    assert.equal(file.tooLarge.code, 'file-too-large', 'a code of its own');
    assert.equal(CODES[file.tooLarge.code], 'warning');
    assert.equal(file.tooLarge.message, `file too large to check: 20.0 MB > limit of ${DEFAULT_MAX_FILE_MB} MB (set programme.maxFileSize to raise it)`);
    assert.deepEqual([file.tooLarge.start, file.tooLarge.end], [0, 0]);
  });

  test('more than 1000 problems: the first 1000, then one `more-problems` warning that counts the rest', () => {
    const text = 'programme: 1\n';
    const problems = Array.from({ length: 1003 }, (_, i) => ({ code: 'schema' as const, message: `problem ${i}`, start: 0, end: 1 }));
    const shown = toDiagnostics(problems, doc(text));
    assert.equal(shown.length, 1001);
    assert.deepEqual(
      [shown[1000].code, shown[1000].severity, shown[1000].message],
      ['more-problems', 2, '3 more problems are not shown (at most 1000 per file)'],
    );
    assert.equal(toDiagnostics(problems, doc(text), { 'more-problems': 'off' }).length, 1000, 'a severity like any other code');
  });

  test('a 1 MB single line: "too long" on that value only', function () {
    this.timeout(BOUND_MS);
    const text = hostile.longLine(1 << 20);
    const a = check(text);
    assertSane(a);
    assert.deepEqual(a.codes, ['schema']);
    assert.match(a.problems[0].message, /^`title` is too long: at most \d+ characters$/);
    assert.equal(a.text.slice(a.problems[0].start, a.problems[0].end), 'x'.repeat(1 << 20));
  });

  test('10,001 rooms: "too many entries" on the `rooms` mapping', function () {
    this.timeout(BOUND_MS);
    const a = check(hostile.manyRooms(10_001));
    assertSane(a);
    const many = a.problems.filter((p) => /too many entries/.test(p.message));
    assert.equal(
      many.length,
      1,
      a.problems
        .slice(0, 5)
        .map((p) => p.message)
        .join('\n'),
    );
    assert.equal(many[0].message, '`rooms` has too many entries: at most 10000');
    assert.equal(a.at('schema')[0].split('-')[0], '8:3', 'the error starts at the first room');
  });

  test('a merge conflict left in the file: one error per marker line, at the marker', () => {
    const text = hostile.mergeConflict();
    const a = check(text);
    assertSane(a);
    assert.deepEqual(a.codes, ['yaml-syntax', 'yaml-syntax', 'yaml-syntax']);
    const lines = text.split('\n');
    const markerLines = ['<<<<<<< HEAD', '=======', '>>>>>>> feature/rename'].map((m) => lines.indexOf(m) + 1);
    assert.deepEqual(a.at('yaml-syntax'), [
      `${markerLines[0]}:1-${markerLines[0]}:13`,
      `${markerLines[1]}:1-${markerLines[1]}:8`,
      `${markerLines[2]}:1-${markerLines[2]}:23`,
    ]);
    for (const p of a.problems) assert.match(p.message, /^unresolved merge conflict marker `(<{7}|={7}|>{7})`/);
  });

  test('a diff3-style conflict with CRLF line endings: the base marker is reported too', () => {
    const text = hostile.mergeConflict({ diff3: true }).replace(/\n/g, '\r\n');
    const a = check(text);
    assert.deepEqual(a.codes, ['yaml-syntax', 'yaml-syntax', 'yaml-syntax', 'yaml-syntax']);
    assert.ok(
      a.problems.every((p) => !text.slice(p.start, p.end).includes('\r')),
      'ranges stop before the line break',
    );
    assert.match(a.problems[1].message, /`\|{7}` \(conflict base\)/);
  });

  test('seven `=` inside a block scalar are text, not a conflict marker', () => {
    const a = check(programme({ track: '    description: |\n      Heading\n      =======\n' }));
    assert.deepEqual(a.codes, []);
  });

  test('recursive aliases: "circular alias" at the alias, whatever it sits in', function () {
    this.timeout(BOUND_MS);
    for (const text of hostile.recursiveAliases()) {
      const a = check(text);
      assertSane(a);
      const circular = a.problems.filter((p) => p.message.startsWith('circular alias'));
      assert.equal(circular.length, 1, `${JSON.stringify(text)}:\n${a.problems.map((p) => p.message).join('\n')}`);
      assert.equal(text.slice(circular[0].start, circular[0].end)[0], '*');
    }
  });

  test('2,000 anchors and 2,000 aliases to them: resolved, each person named by a room', function () {
    this.timeout(BOUND_MS);
    const a = check(hostile.manyAliases(2_000));
    assertSane(a);
    assert.deepEqual(
      a.problems.filter((p) => p.code !== 'unused-person'),
      [],
    );
    assert.equal(a.model.rooms.size, 2_000);
    assert.equal(a.model.people.get('p1999')?.name, 'Room 1999');
  });

  test('merge keys (`<<: *d`) are not YAML 1.2: an unknown key each, 3,000 of them in one mapping', function () {
    this.timeout(BOUND_MS);
    const a = check(hostile.manyMergeKeys(3_000));
    assertSane(a);
    assert.equal(a.problems.filter((p) => p.code === 'duplicate-key').length, 2_999);
    assert.ok(
      a.problems.some((p) => p.message.startsWith('unknown key `<<` in person')),
      a.problems
        .slice(0, 5)
        .map((p) => p.message)
        .join('\n'),
    );
  });

  test('a 333 KB file of merges: an unknown key `<<` per person, and nothing lost', function () {
    this.timeout(BOUND_MS);
    const text = hostile.mergesFile(333);
    const a = check(text);
    assertSane(a);
    const merges = a.problems.filter((p) => p.message.startsWith('unknown key `<<`'));
    assert.equal(merges.length, text.split('<<: *d').length - 1);
  });

  test('an undefined alias: "unknown alias" at it, and no silent null in the list', () => {
    const text = programme().replace('leads: [alice, bob]', 'leads: [*nope, bob]');
    const a = check(text);
    assertSane(a);
    const unknown = a.problems.filter((p) => p.code === 'yaml-syntax');
    assert.equal(unknown.length, 1, a.problems.map((p) => p.message).join('\n'));
    assert.equal(unknown[0].message, 'unknown alias `*nope`: no anchor `&nope` is defined before it');
    assert.equal(text.slice(unknown[0].start, unknown[0].end), '*nope');
  });

  test('a duplicate key: `duplicate-key` on the second one, related to the first', () => {
    const text = programme().replace('  bob:\n    name: Bob Example\n', '  bob:\n    name: Bob Example\n  bob:\n    name: Robert\n');
    const a = check(text);
    assert.deepEqual(a.codes, ['duplicate-key']);
    assert.deepEqual(a.at('duplicate-key'), ['12:3-12:6']);
    assert.equal(a.problems[0].related?.[0].start, text.indexOf('  bob:') + 2);
  });

  test('`constructor` is an ordinary person id: declared, it resolves; undeclared, it is unknown-person', () => {
    const slot = '      - title: X\n        start: 2021-09-21 07:00\n        duration: 10m\n        speakers: [constructor]\n';
    assert.deepEqual(check(programme({ people: '  constructor:\n    name: Con Structor\n', slots: slot })).codes, []);
    const a = check(programme({ slots: slot }));
    assert.deepEqual(a.codes, ['unknown-person']);
    assert.match(a.problems[0].message, /`constructor`/);
  });

  test('`__proto__` as a key is data: an invalid id like any other, and no prototype changes', () => {
    const text = programme({ people: '  __proto__:\n    name: Proto\n    polluted: yes\n' });
    const a = check(text);
    assert.deepEqual(a.codes, ['schema', 'unused-person', 'schema']);
    assert.match(a.problems[0].message, /`__proto__` is not a valid id/);
    assert.match(a.problems[2].message, /unknown key `polluted`/);
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
    assert.equal(({} as Record<string, unknown>).name, undefined);
  });

  test('`toString`, `hasOwnProperty` and `constructor` as keys of event are unknown keys, nothing else', () => {
    const text = programme().replace('  title: Test Conf\n', '  title: Test Conf\n  toString: a\n  hasOwnProperty: b\n  constructor: c\n');
    const a = check(text);
    assert.deepEqual(a.codes, ['schema', 'schema', 'schema']);
    assert.ok(
      a.problems.every((p) => p.message.startsWith('unknown key')),
      a.problems.map((p) => p.message).join('\n'),
    );
  });

  test('the preview attack corpus reaches the schedule view as plain, clipped strings', function () {
    this.timeout(BOUND_MS);
    const a = check(hostile.previewCorpus(fs.readFileSync(CORPUS, 'utf8')));
    // Every link that is not https/http/mailto is an error in the editor; so is the 1 MB title.
    const errors = a.problems.filter((p) => p.code === 'schema').map((p) => p.message);
    assert.equal(errors.filter((m) => m.includes('is not a web or mail link')).length, 10, errors.join('\n'));
    assert.ok(errors.includes('`title` is too long: at most 1000 characters'), errors.join('\n'));
    const view = buildSchedule(a, { uri: 'file:///corpus.programme.yaml', version: 1 });
    assertPlainData(view, 'view');
    assert.equal(view.event.title, "<script>alert('event title')</script>");
    assert.equal(view.event.venue, "<img src=x onerror=alert('venue')>");
    assert.equal(view.event.url, undefined, 'a javascript: event URL does not reach the view');
    const slots = view.days.flatMap((d) => d.slots);
    assert.equal(slots.length, 3);
    const [attack, rtl, huge] = slots;
    assert.equal(attack.title, "<img src=x onerror=alert('slot title')>");
    assert.deepEqual(
      attack.materials,
      [
        { title: "<script>alert('material title')</script>", url: 'https://example.org/slides.pdf' },
        { title: 'mail', url: 'mailto:speaker@example.org' },
      ],
      'only web and mail links reach the view',
    );
    assert.equal(attack.speakers[0].name, "</title><script>alert('name')</script>");
    assert.equal(attack.speakers[0].affiliation, "' autofocus onfocus=alert('affiliation') x='");
    assert.equal(rtl.title, 'Right-to-left override: \u202Efdp.exe and isolates \u2066abc\u2069');
    assert.equal(rtl.speakers[0].name, 'Eve \u202Egnp.exe');
    assert.ok(huge.title.length <= SCHEDULE_LIMITS.title, `a ${huge.title.length}-character title reached the view`);
    const track = view.tracks[0];
    assert.equal(track.title, "<b onclick=alert('track')>Attacks</b>");
    assert.deepEqual(track.outcomes, [
      'red;background:url(https://evil.example/x)',
      "</style><script>alert('outcome')</script>",
      'x" style="position:fixed;inset:0"',
    ]);
  });
});
