/** Quick fixes, computed by the core from an analysis: each applied and the result checked. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { check, doc, programme } from '../support/fixtures';
import { withoutExpectations } from '../support/expectations';
import { analyze, codeActions, toDiagnostics, firstFit, freeGaps } from '../../server/src/core';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/checks');

/** A check fixture without the comments that state its expected problems. */
function fixture(name: string): string {
  return withoutExpectations(fs.readFileSync(path.join(FIXTURES, `${name}.programme.yaml`), 'utf8'));
}

/** The quick fixes offered for the (first) diagnostic of `code` in `text`. */
function fixes(text: string, code: string): { actions: CodeAction[]; document: TextDocument; diagnostic: Diagnostic } {
  const document = doc(text);
  const analysis = analyze(text);
  const diagnostic = toDiagnostics(analysis.problems, document).find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code} in ${analysis.problems.map((p) => p.code).join()}`);
  return { actions: codeActions(analysis, document, diagnostic.range, [diagnostic]), document, diagnostic };
}

function apply(document: TextDocument, action: CodeAction): string {
  const edits = action.edit!.changes![document.uri];
  return TextDocument.applyEdits(document, edits);
}

/** Applies the fix titled like `title` for `code` and returns the new text. */
function fix(text: string, code: string, title: RegExp): string {
  const { actions, document } = fixes(text, code);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no fix like ${title} among ${actions.map((a) => a.title).join(', ')}`);
  assert.strictEqual(action.kind, 'quickfix');
  return apply(document, action);
}

suite('code actions: did you mean', () => {
  for (const code of ['unknown-room', 'unknown-topic', 'timezone-alias', 'invalid-timezone']) {
    test(`${code}: the replacement turns the bad fixture into the good one`, () => {
      const { actions } = fixes(fixture(`${code}.bad`), code);
      assert.strictEqual(actions[0].isPreferred, true);
      assert.strictEqual(fix(fixture(`${code}.bad`), code, /^Change to/), fixture(`${code}.good`));
    });
  }

  test('a quoted value stays quoted', () => {
    const text = programme({ zone: '"US/Pacific"' });
    assert.match(fix(text, 'timezone-alias', /America\/Los_Angeles/), /timezone: "America\/Los_Angeles"\n/);
  });

  test('a misspelt key of the schema', () => {
    const text = programme({ slots: '      - title: Talk\n        start: 2021-09-21 07:00\n        duration: 20m\n        speakres: [alice]\n' });
    const fixed = fix(text, 'schema', /speakers/);
    assert.match(fixed, / {8}speakers: \[alice\]\n/);
    assert.deepStrictEqual(check(fixed).codes, []);
  });

  test('a misspelt enum value', () => {
    const text = programme({ slots: '      - title: Tea\n        kind: brek\n        start: 2021-09-21 07:00\n        duration: 20m\n' });
    const fixed = fix(text, 'schema', /`break`/);
    assert.match(fixed, / {8}kind: break\n/);
    assert.deepStrictEqual(check(fixed).codes, []);
  });

  test('a diagnostic from an older version of the text gets no fix', () => {
    const text = fixture('unknown-room.bad');
    const { diagnostic } = fixes(text, 'unknown-room');
    const edited = 'x: 1\n' + text;
    const moved = codeActions(analyze(edited), doc(edited), diagnostic.range, [diagnostic]);
    assert.deepStrictEqual(moved, []);
  });
});

suite('code actions: add a missing person', () => {
  test('offered besides "did you mean", at the end of people, with the id as words', () => {
    const { actions } = fixes(fixture('unknown-person.bad'), 'unknown-person');
    assert.deepStrictEqual(
      actions.map((a) => a.title),
      ['Change to `carol`', 'Add `carl` to `people`'],
    );
    const fixed = fix(fixture('unknown-person.bad'), 'unknown-person', /^Add/);
    assert.ok(fixed.includes('  carol:\n    name: Carol Example\n  carl:\n    name: Carl\ntracks:'), fixed);
    assert.deepStrictEqual(check(fixed).codes, []);
  });

  test("with the file's own indentation and CRLF line endings", () => {
    const text = [
      'programme: 1',
      'event:',
      '    title: Test Conf',
      '    start: 2021-09-20',
      '    end: 2021-09-24',
      '    timezone: Europe/Berlin',
      'people:',
      '    alice:',
      '        name: Alice Example',
      '    bob:',
      '        name: Bob Example',
      'tracks:',
      '    main:',
      '        title: Main track',
      '        leads: [alice, bob]',
      '        contacts: [jane-q-public]',
      '',
    ].join('\r\n');
    const fixed = fix(text, 'unknown-person', /^Add `jane-q-public`/);
    assert.ok(fixed.includes('    bob:\r\n        name: Bob Example\r\n    jane-q-public:\r\n        name: Jane Q Public\r\ntracks:'), JSON.stringify(fixed));
    assert.doesNotMatch(fixed, /[^\r]\n/);
    assert.deepStrictEqual(check(fixed).codes, []);
  });

  test('after a trailing comment, not inside it', () => {
    const text = programme({ track: '    contacts: [dora]\n' }).replace('name: Bob Example', 'name: Bob Example # chair');
    const fixed = fix(text, 'unknown-person', /^Add `dora`/);
    assert.ok(fixed.includes('name: Bob Example # chair\n  dora:\n    name: Dora\n'), fixed);
  });

  test('into a flow mapping', () => {
    const text = programme({ track: '    contacts: [dora]\n' }).replace(/people:\n( {2}.*\n)+/, 'people: { alice: { name: Alice }, bob: { name: Bob } }\n');
    const fixed = fix(text, 'unknown-person', /^Add `dora`/);
    assert.ok(fixed.includes('people: { alice: { name: Alice }, bob: { name: Bob }, dora: { name: Dora } }'), fixed);
    assert.deepStrictEqual(check(fixed).codes, []);
  });

  test('a new people map when there is none', () => {
    const text = programme().replace(/people:\n( {2}.*\n)+/, '');
    const fixed = fix(text, 'unknown-person', /^Add `alice`/);
    assert.ok(fixed.includes('people:\n  alice:\n    name: Alice\ntracks:'), fixed);
    assert.deepStrictEqual(check(fixed).codes, ['unknown-person']); // bob is still missing
  });
});

suite('code actions: schedule and move slots', () => {
  test("not-scheduled: start at the first free gap that fits, in the slot's indentation", () => {
    const fixed = fix(fixture('not-scheduled.bad'), 'not-scheduled', /^Schedule 'Talk' at 2021-09-21 07:25$/);
    assert.strictEqual(fixed, fixture('not-scheduled.good'));
  });

  test('not-scheduled: skips a gap too short for the slot, and busy time of other tracks in the same room', () => {
    const text =
      programme({
        top: 'rooms:\n  r1:\n    title: One\n',
        track: '    room: r1\n    sessions:\n      - start: 2021-09-21 07:00\n        duration: 2h\n',
        slots: `      - title: A
        start: 2021-09-21 07:00
        duration: 20m
      - title: B
        start: 2021-09-21 07:30
        duration: 30m
      - title: New
        duration: 15m
`,
      }) +
      `  other:
    title: Other
    room: r1
    slots:
      - title: Elsewhere
        start: 2021-09-21 08:00
        duration: 20m
`;
    // Free: 07:20–07:30 (too short), 08:20–09:00.
    const fixed = fix(text, 'not-scheduled', /^Schedule 'New' at 2021-09-21 08:20$/);
    assert.ok(fixed.includes('      - title: New\n        start: 2021-09-21 08:20\n        duration: 15m\n'), fixed);
    assert.deepStrictEqual(check(fixed).codes, []);
  });

  test('not-scheduled: no fix when no gap holds the slot, or the track has no sessions', () => {
    const full = programme({
      track: '    sessions:\n      - start: 2021-09-21 07:00\n        duration: 30m\n',
      slots: '      - title: A\n        start: 2021-09-21 07:00\n        duration: 20m\n      - title: New\n        duration: 15m\n',
    });
    assert.deepStrictEqual(fixes(full, 'not-scheduled').actions, []);
    const open = programme({ slots: '      - title: New\n        duration: 15m\n' });
    assert.deepStrictEqual(fixes(open, 'not-scheduled').actions, []);
  });

  test('slot-overlap: moves the later slot to the next free gap', () => {
    const fixed = fix(fixture('slot-overlap.bad'), 'slot-overlap', /^Move 'Talk' to 2021-09-21 07:25$/);
    assert.strictEqual(fixed, fixture('slot-overlap.good'));
  });

  test('slot-overlap: an `end` moves with the start, and the `T` form is kept', () => {
    const text = programme({
      track: '    sessions:\n      - start: 2021-09-21 07:00\n        duration: 2h\n',
      slots:
        '      - title: A\n        start: 2021-09-21 07:00\n        duration: 30m\n      - title: B\n        start: 2021-09-21T07:10\n        end: 2021-09-21T07:40\n',
    });
    const fixed = fix(text, 'slot-overlap', /^Move 'B'/);
    assert.ok(fixed.includes('        start: 2021-09-21T07:30\n        end: 2021-09-21T08:00\n'), fixed);
    assert.deepStrictEqual(check(fixed).codes, []);
  });

  test('slot-overlap in a flow mapping slot', () => {
    const text = programme({
      track: '    sessions:\n      - start: 2021-09-21 07:00\n        duration: 2h\n',
      slots: '      - { title: A, start: 2021-09-21 07:00, duration: 30m }\n      - { title: New, duration: 10m }\n',
    });
    const fixed = fix(text, 'not-scheduled', /^Schedule 'New'/);
    assert.ok(fixed.includes('- { title: New, duration: 10m, start: 2021-09-21 07:30 }'), fixed);
    assert.deepStrictEqual(check(fixed).codes, []);
  });
});

suite('gaps', () => {
  const span = (a: number, b: number): { startMs: number; endMs: number } => ({ startMs: a, endMs: b });

  test('sessions minus busy time; touching intervals leave no gap', () => {
    assert.deepStrictEqual(freeGaps([span(0, 100)], [span(0, 25), span(25, 40), span(60, 70)]), [span(40, 60), span(70, 100)]);
  });

  test('overlapping sessions are joined, a busy span across two sessions covers both', () => {
    assert.deepStrictEqual(freeGaps([span(50, 100), span(0, 60), span(120, 200)], [span(90, 130)]), [span(0, 90), span(130, 200)]);
  });

  test('first fit: the earliest gap long enough, not before a time if possible', () => {
    const gaps = [span(0, 10 * 60_000), span(20 * 60_000, 60 * 60_000)];
    assert.strictEqual(firstFit(gaps, 10), 0);
    assert.strictEqual(firstFit(gaps, 11), 20 * 60_000);
    assert.strictEqual(firstFit(gaps, 10, 30 * 60_000), 30 * 60_000);
    assert.strictEqual(firstFit(gaps, 10, 55 * 60_000), 0);
    assert.strictEqual(firstFit(gaps, 41), undefined);
  });
});

suite('code actions: room-conflict', () => {
  test('a session in a room another track holds moves to the next time the room is free, with the slots inside it', () => {
    const fixed = fix(fixture('room-conflict.bad'), 'room-conflict', /^Move the session to 2021-09-21 09:00, when room `mc1` is free \(with its slot\)$/);
    assert.ok(
      fixed.includes('      - start: 2021-09-21 09:00\n        duration: 1h\n    slots:\n      - title: Hallway\n        start: 2021-09-21 09:15\n'),
      fixed,
    );
    assert.deepStrictEqual(check(fixed).codes, []);
  });

  test("the next free time skips every holding of the room: other sessions, other tracks' slots there, its own sessions", () => {
    const text = fixture('room-conflict.bad')
      .replace(
        '      - start: 2021-09-21 08:45\n        duration: 1h\n',
        '      - start: 2021-09-21 08:45\n        duration: 1h\n      - start: 2021-09-21 11:00\n        end: 2021-09-21 11:30\n',
      )
      .replace(
        '      - title: Panel\n        room: mc3\n        start: 2021-09-21 07:00\n        duration: 1h10m\n',
        '      - title: Panel\n        room: mc1\n        start: 2021-09-21 10:00\n        duration: 30m\n',
      );
    // Free in mc1 after 09:00: 09:00–10:00 (an hour: fits), so 09:00; with a 90-minute session, 11:30.
    assert.ok(fix(text, 'room-conflict', /to 2021-09-21 09:00/).includes('- start: 2021-09-21 09:00'));
    const longer = text.replace('      - start: 2021-09-21 08:45\n        duration: 1h\n', '      - start: 2021-09-21 08:45\n        duration: 1h30m\n');
    const fixed = fix(longer, 'room-conflict', /to 2021-09-21 11:30/);
    assert.ok(fixed.includes('      - start: 2021-09-21 11:30\n        duration: 1h30m\n'), fixed);
  });
});
