/**
 * Rescheduling from the preview: the core turns "this slot, as the preview showed it, goes
 * there" into the smallest text edits of the document as it is now. Each case applies the
 * edits and checks the text (what changed, what stayed) and the slot's new place.
 */
import * as assert from 'assert';
import { analyze, applyEdits, buildSchedule, rescheduleSlot, type RescheduleTarget, type SlotIdentity } from '../../server/src/core';
import type { ScheduleView, SlotView } from '../../server/src/protocol';
import { EXAMPLE_TEXT } from '../support/fixtures';
import { changedLines } from '../support/changedLines';

function view(text: string): ScheduleView {
  return buildSchedule(analyze(text), { uri: 'file:///t.programme.yaml', version: 1 });
}

function slotView(v: ScheduleView, title: string): SlotView {
  const all = [...v.days.flatMap((d) => d.slots), ...v.unscheduled];
  const found = all.find((s) => s.title === title);
  assert.ok(found, `no slot “${title}” in the view`);
  return found;
}

/** The identity the preview sends: what it saw of the slot. */
function identity(text: string, title: string): SlotIdentity {
  const s = slotView(view(text), title);
  return { key: s.key, id: s.id, title: s.title };
}

/** Applies the reschedule of `who` (seen in `seen`) to `now`; returns the new text. */
function moved(now: string, who: SlotIdentity, target: RescheduleTarget): string {
  const result = rescheduleSlot(analyze(now), who, target);
  assert.strictEqual(result.error, undefined, result.error);
  return applyEdits(now, result.edits);
}

const WC = 'Write-combine on non-x86 architectures';
const UNSCHEDULED = 'IOMMU core and the device-driver core';

/** A small programme with two rooms; `slots` is the text of the track's slot list. */
function small(slots: string, eol = '\n'): string {
  return [
    'programme: 1',
    'event:',
    '  title: Test',
    '  start: 2024-09-18',
    '  end: 2024-09-20',
    '  timezone: Europe/Vienna',
    'rooms:',
    '  r1: { title: One }',
    '  r2: { title: Two }',
    'people:',
    '  ada: { name: Ada }',
    '  bob: { name: Bob }',
    'tracks:',
    '  main:',
    '    title: Main',
    '    room: r1',
    '    slots:',
    ...slots.split('\n'),
  ]
    .join('\n')
    .replace(/\n/g, eol);
}

suite('reschedule: minimal edits of the slot dragged in the preview', () => {
  test('the example: Write-combine 30 minutes later changes only its `start` line, and the view follows', () => {
    const after = moved(EXAMPLE_TEXT, identity(EXAMPLE_TEXT, WC), { start: '2021-09-21T09:15:00-07:00' });
    assert.deepStrictEqual(changedLines(EXAMPLE_TEXT, after), ['-        start: 2021-09-21 08:45', '+        start: 2021-09-21 09:15']);
    const s = slotView(view(after), WC);
    assert.deepStrictEqual([s.startIso, s.endIso], ['2021-09-21T09:15:00-07:00', '2021-09-21T09:35:00-07:00']);
    // It now overlaps the closing discussion: the checks say so.
    assert.ok(s.diagnostics.some((d) => d.code === 'slot-overlap'));
  });

  test('the same instant given in UTC is written in the event zone', () => {
    const after = moved(EXAMPLE_TEXT, identity(EXAMPLE_TEXT, WC), { start: '2021-09-21T16:15:00.000Z' });
    assert.deepStrictEqual(changedLines(EXAMPLE_TEXT, after), ['-        start: 2021-09-21 08:45', '+        start: 2021-09-21 09:15']);
  });

  test('a shift (the keyboard’s grid step) moves from where the slot is now', () => {
    const after = moved(EXAMPLE_TEXT, identity(EXAMPLE_TEXT, WC), { shift: 5 });
    assert.deepStrictEqual(changedLines(EXAMPLE_TEXT, after), ['-        start: 2021-09-21 08:45', '+        start: 2021-09-21 08:50']);
    const again = moved(after, identity(EXAMPLE_TEXT, WC), { shift: -10 });
    assert.deepStrictEqual(changedLines(EXAMPLE_TEXT, again), ['-        start: 2021-09-21 08:45', '+        start: 2021-09-21 08:40']);
  });

  test('another day keeps the local time, across a DST change', () => {
    const text = small('      - title: A\n        start: 2024-10-26 10:00\n        duration: 30m')
      .replace('2024-09-18', '2024-10-25')
      .replace('2024-09-20', '2024-10-28');
    const after = moved(text, identity(text, 'A'), { days: 1 });
    assert.deepStrictEqual(changedLines(text, after), ['-        start: 2024-10-26 10:00', '+        start: 2024-10-27 10:00']);
  });

  test('a not-scheduled slot dropped on the grid gets a `start` line after its title', () => {
    const after = moved(EXAMPLE_TEXT, identity(EXAMPLE_TEXT, UNSCHEDULED), { start: '2021-09-21T09:20:00-07:00' });
    assert.deepStrictEqual(changedLines(EXAMPLE_TEXT, after), ['+        start: 2021-09-21 09:20']);
    assert.ok(after.includes(`      - title: ${UNSCHEDULED}\n        start: 2021-09-21 09:20\n        duration: 20m`));
    const v = view(after);
    assert.deepStrictEqual(v.unscheduled, []);
    assert.strictEqual(slotView(v, UNSCHEDULED).startIso, '2021-09-21T09:20:00-07:00');
  });

  test('a scheduled slot dropped on the not-scheduled list loses its `start` line only', () => {
    const after = moved(EXAMPLE_TEXT, identity(EXAMPLE_TEXT, WC), { start: null });
    assert.deepStrictEqual(changedLines(EXAMPLE_TEXT, after), ['-        start: 2021-09-21 08:45']);
    assert.deepStrictEqual(
      view(after).unscheduled.map((s) => s.title),
      [WC, UNSCHEDULED],
    );
  });

  test('the first key of a list item can be the `start` removed; an `end` alone becomes the duration', () => {
    const text = small(
      '      - start: 2024-09-18 10:00 # after coffee\n        end: 2024-09-18 10:45\n        title: A\n      - title: B\n        duration: 5m',
    );
    const after = moved(text, identity(text, 'A'), { start: null });
    assert.deepStrictEqual(changedLines(text, after), [
      '-      - start: 2024-09-18 10:00 # after coffee',
      '-        end: 2024-09-18 10:45',
      '+      - duration: 45m',
    ]);
    assert.deepStrictEqual(
      view(after).unscheduled.map((s) => [s.title, s.minutes]),
      [
        ['A', 45],
        ['B', 5],
      ],
    );
  });

  test('resizing writes `duration` (or `end`, as the slot has it)', () => {
    const byDuration = moved(EXAMPLE_TEXT, identity(EXAMPLE_TEXT, WC), { minutes: 35 });
    assert.deepStrictEqual(changedLines(EXAMPLE_TEXT, byDuration), ['-        duration: 20m', '+        duration: 35m']);
    const text = small('      - title: A\n        start: "2024-09-18T10:00"\n        end: "2024-09-18T10:30" # hard stop');
    const byEnd = moved(text, identity(text, 'A'), { minutes: 90 });
    assert.deepStrictEqual(changedLines(text, byEnd), ['-        end: "2024-09-18T10:30" # hard stop', '+        end: "2024-09-18T11:30" # hard stop']);
  });

  test('quotes, the `T` separator and comments stay; `end` moves with `start`', () => {
    const text = small("      - title: A\n        start: '2024-09-18T10:00'  # first\n        end: 2024-09-18T10:30\n        speakers: [ada]");
    const after = moved(text, identity(text, 'A'), { start: '2024-09-18T11:05:00+02:00' });
    assert.deepStrictEqual(changedLines(text, after), [
      "-        start: '2024-09-18T10:00'  # first",
      '-        end: 2024-09-18T10:30',
      "+        start: '2024-09-18T11:05'  # first",
      '+        end: 2024-09-18T11:35',
    ]);
  });

  test('another room: the slot’s own `room` value changes, or a `room` line is added after `start`', () => {
    const text = small(
      '      - title: A\n        start: 2024-09-18 10:00\n        duration: 30m\n      - title: B\n        room: r1\n        start: 2024-09-18 11:00\n        duration: 30m',
    );
    const a = moved(text, identity(text, 'A'), { room: 'r2', start: '2024-09-18T10:30:00+02:00' });
    assert.deepStrictEqual(changedLines(text, a), ['-        start: 2024-09-18 10:00', '+        start: 2024-09-18 10:30', '+        room: r2']);
    const b = moved(text, identity(text, 'B'), { room: 'r2' });
    assert.deepStrictEqual(changedLines(text, b), ['-        room: r1', '+        room: r2']);
    // The track's own room: nothing to write for A.
    assert.deepStrictEqual(rescheduleSlot(analyze(text), identity(text, 'A'), { room: 'r1' }).edits, []);
    assert.match(rescheduleSlot(analyze(text), identity(text, 'A'), { room: 'nowhere' }).error ?? '', /no room `nowhere`/);
  });

  test('flow mappings: values replaced in place, keys added before the brace, `start` removed with its comma', () => {
    const text = small('      - { title: A, start: 2024-09-18 10:00, duration: 30m, speakers: [ada] }\n      - { title: B, duration: 15m }');
    const a = moved(text, identity(text, 'A'), { start: '2024-09-18T12:00:00+02:00', room: 'r2' });
    assert.deepStrictEqual(changedLines(text, a), [
      '-      - { title: A, start: 2024-09-18 10:00, duration: 30m, speakers: [ada] }',
      '+      - { title: A, start: 2024-09-18 12:00, duration: 30m, speakers: [ada], room: r2 }',
    ]);
    const b = moved(text, identity(text, 'B'), { start: '2024-09-18T09:00:00+02:00' });
    assert.deepStrictEqual(changedLines(text, b), ['-      - { title: B, duration: 15m }', '+      - { title: B, duration: 15m, start: 2024-09-18 09:00 }']);
    const c = moved(text, identity(text, 'A'), { start: null });
    assert.deepStrictEqual(changedLines(text, c), [
      '-      - { title: A, start: 2024-09-18 10:00, duration: 30m, speakers: [ada] }',
      '+      - { title: A, duration: 30m, speakers: [ada] }',
    ]);
    for (const t of [a, b, c])
      assert.deepStrictEqual(
        analyze(t).problems.filter((p) => p.severity === 'error'),
        [],
      );
  });

  test('CRLF line endings are kept', () => {
    const text = small('      - title: A\n        duration: 30m', '\r\n');
    const after = moved(text, identity(text, 'A'), { start: '2024-09-18T10:00:00+02:00', room: 'r2' });
    assert.ok(after.includes('      - title: A\r\n        start: 2024-09-18 10:00\r\n        room: r2\r\n        duration: 30m'), JSON.stringify(after));
    assert.ok(!/[^\r]\n/.test(after));
  });

  test('targets that are not times or lengths change nothing and say why', () => {
    const who = identity(EXAMPLE_TEXT, WC);
    const a = analyze(EXAMPLE_TEXT);
    assert.match(rescheduleSlot(a, who, { start: 'tomorrow' }).error ?? '', /not a date-time/);
    assert.match(rescheduleSlot(a, who, { minutes: 0 }).error ?? '', /not a length/);
    assert.match(rescheduleSlot(a, who, { minutes: 2.5 }).error ?? '', /not a length/);
    assert.match(rescheduleSlot(a, identity(EXAMPLE_TEXT, UNSCHEDULED), { shift: 5 }).error ?? '', /no start/);
  });
});

suite('reschedule: the event’s grid', () => {
  test('`event.grid` reaches the view the preview snaps to; absent or unusable, none', () => {
    const withGrid = EXAMPLE_TEXT.replace('  timezone: US/Pacific\n', '  timezone: US/Pacific\n  grid: 15m\n');
    assert.notStrictEqual(withGrid, EXAMPLE_TEXT);
    assert.deepStrictEqual(
      analyze(withGrid).problems.map((p) => p.code),
      analyze(EXAMPLE_TEXT).problems.map((p) => p.code),
      'a valid key',
    );
    assert.strictEqual(view(withGrid).event.grid, 15);
    assert.strictEqual(view(EXAMPLE_TEXT).event.grid, undefined);
    const bad = analyze(EXAMPLE_TEXT.replace('  timezone: US/Pacific\n', '  timezone: US/Pacific\n  grid: often\n'));
    assert.ok(bad.problems.some((p) => p.code === 'schema'));
    assert.strictEqual(buildSchedule(bad, { uri: 'file:///t.programme.yaml' }).event.grid, undefined);
  });
});

suite('reschedule: a drop computed for version N, delivered after an edit (N+1)', () => {
  const seen = EXAMPLE_TEXT;
  const who = identity(seen, WC);

  test('a slot inserted before it (its index moved): the same slot is changed', () => {
    const now = seen.replace(
      '      - title: /dev/ioasid uAPI proposal',
      '      - title: Lightning talks\n        duration: 5m\n      - title: /dev/ioasid uAPI proposal',
    );
    assert.notStrictEqual(identity(now, WC).key, who.key, 'the test needs the index to move');
    const after = moved(now, who, { start: '2021-09-21T09:15:00-07:00' });
    assert.deepStrictEqual(changedLines(now, after), ['-        start: 2021-09-21 08:45', '+        start: 2021-09-21 09:15']);
    assert.strictEqual(slotView(view(after), WC).startIso, '2021-09-21T09:15:00-07:00');
  });

  test('the slot deleted, or renamed: nothing changes', () => {
    const deleted = seen.replace(
      '      - title: Write-combine on non-x86 architectures\n        start: 2021-09-21 08:45\n        duration: 20m\n        topics: [vfio/write-combine]\n        speakers: [benjamin-herrenschmidt]\n',
      '',
    );
    assert.notStrictEqual(deleted, seen);
    const gone = rescheduleSlot(analyze(deleted), who, { start: '2021-09-21T09:15:00-07:00' });
    assert.deepStrictEqual(gone.edits, []);
    assert.match(gone.error ?? '', /no longer in the file/);
    const renamed = seen.replace(`title: ${WC}`, 'title: Write-combining everywhere');
    assert.deepStrictEqual(rescheduleSlot(analyze(renamed), who, { shift: 5 }).edits, []);
  });

  test('a slot with an id is found by its id wherever it went', () => {
    const base = small(
      '      - title: A\n        id: a\n        start: 2024-09-18 10:00\n        duration: 30m\n      - title: B\n        start: 2024-09-18 11:00\n        duration: 30m',
    );
    const a = identity(base, 'A');
    const now =
      base.replace('      - title: A\n        id: a\n        start: 2024-09-18 10:00\n        duration: 30m\n', '') +
      '\n      - title: A\n        id: a\n        start: 2024-09-18 10:00\n        duration: 30m';
    const after = moved(now, a, { shift: 60 });
    assert.deepStrictEqual(changedLines(now, after), ['-        start: 2024-09-18 10:00', '+        start: 2024-09-18 11:00']);
  });

  test('two slots of the same title where it was: nothing rather than a guess', () => {
    const now = seen.replace(
      '      - title: /dev/ioasid uAPI proposal',
      `      - title: ${WC}\n        duration: 5m\n      - title: /dev/ioasid uAPI proposal`,
    );
    assert.deepStrictEqual(rescheduleSlot(analyze(now), who, { shift: 5 }).edits, []);
  });
});
