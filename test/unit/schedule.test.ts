import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildSchedule, SCHEDULE_LIMITS } from '../../server/src/core/schedule/schedule';
import type { ScheduleView, SlotView } from '../../server/src/protocol';
import { programme } from '../support/fixtures';
import { analyze, DocumentState } from '../../server/src/core';
import { applyScheduleDelta, encodeScheduleDelta } from '../../server/src/protocol';
import { generateProgramme } from '../../bench/generate';

const EXAMPLE = path.join(__dirname, '../../../examples/lpc2021-vfio-iommu-pci.programme.yaml');

function schedule(text: string): ScheduleView {
  return buildSchedule(analyze(text), { uri: 'file:///t.programme.yaml', version: 3 });
}

/** `title @column top+height` for each slot of a day, in the order the view gives them. */
function placed(slots: SlotView[]): string[] {
  return slots.map(
    (s) => `${s.title} @${s.place!.column} ${s.place!.top}+${s.place!.height}${s.place!.lanes > 1 ? ` lane ${s.place!.lane}/${s.place!.lanes}` : ''}`,
  );
}

function slot(title: string, start: string | undefined, duration: string, extra = ''): string {
  return `      - title: ${title}\n${start ? `        start: ${start}\n` : ''}        duration: ${duration}\n${extra}`;
}

suite('schedule: the view model the preview draws', () => {
  test('the canonical example: one day, one room column, each slot placed by its time and duration', () => {
    const view = schedule(fs.readFileSync(EXAMPLE, 'utf8'));
    assert.strictEqual(view.event.title, 'Linux Plumbers Conference 2021');
    assert.strictEqual(view.event.zone, 'America/Los_Angeles', 'the legacy alias US/Pacific is shown as its canonical zone');
    assert.deepStrictEqual(
      view.days.map((d) => [d.date, d.startIso, d.minutes]),
      [['2021-09-21', '2021-09-21T07:00:00-07:00', 150]],
    );
    assert.deepStrictEqual(view.days[0].columns, [{ key: 'room:mc2', kind: 'room', title: 'Microconference2' }]);
    assert.deepStrictEqual(placed(view.days[0].slots), [
      'Welcome and state of the sub-systems @0 0+10',
      '/dev/ioasid uAPI proposal @0 10+25',
      'I/O page faults for passthrough devices @0 35+20',
      'IOMMU virtualization and nested translation @0 55+20',
      'Break @0 75+10',
      'PASID in SR-IOV virtual functions @0 85+20',
      'Write-combine on non-x86 architectures @0 105+20',
      'Closing discussion @0 125+15',
    ]);
    assert.deepStrictEqual(
      view.days[0].slots.filter((s) => s.kind === 'break').map((s) => s.title),
      ['Break'],
    );
    assert.deepStrictEqual(
      view.unscheduled.map((s) => [s.title, s.minutes, s.speakers.map((p) => p.name)]),
      [['IOMMU core and the device-driver core', 20, ['Jörg Rödel']]],
    );
    assert.ok(view.days[0].slots.every((s) => s.diagnostics.every((d) => d.severity !== 'error' && d.severity !== 'warning')));
    assert.strictEqual(view.syntaxError, undefined);
  });

  test('the canonical example: times with offsets, source lines, the track with its topics and key attendees', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const lines = text.split('\n');
    const view = schedule(text);
    const welcome = view.days[0].slots[0];
    assert.deepStrictEqual([welcome.startIso, welcome.endIso], ['2021-09-21T07:00:00-07:00', '2021-09-21T07:10:00-07:00']);
    assert.match(lines[welcome.lines.start], /- title: Welcome and state of the sub-systems/);
    assert.match(lines[welcome.lines.end], /speakers: \[bjorn-helgaas/);
    const [track] = view.tracks;
    assert.strictEqual(track.title, 'VFIO/IOMMU/PCI MC');
    assert.match(track.description!, /^The PCI interconnect specification/);
    assert.strictEqual(track.keyAttendees.length, 8);
    assert.strictEqual(track.keyAttendees.find((p) => p.id === 'joerg-roedel')?.name, 'Jörg Rödel');
    assert.deepStrictEqual(
      track.topics.slice(0, 3).map((t) => [t.path, t.depth, t.slots]),
      [
        ['vfio', 0, 0],
        ['vfio/write-combine', 1, 1],
        ['vfio/iopf', 1, 1],
      ],
    );
    assert.strictEqual(track.outcomes.length, 7);
  });

  test("rooms make columns; a slot without any room gets its track's column", () => {
    const text = programme({
      top: 'rooms:\n  a:\n    title: Room A\n  b:\n    title: Room B\n',
      slots:
        slot('In B', '2021-09-21 09:30', '1h', '        room: b\n') +
        slot('In A', '2021-09-21 09:00', '30m', '        room: a\n') +
        slot('Roomless', '2021-09-21 10:00', '45m'),
    });
    const [day] = schedule(text).days;
    assert.deepStrictEqual(
      day.columns.map((c) => c.title),
      ['Room A', 'Room B', 'Main track'],
    );
    assert.deepStrictEqual(placed(day.slots), ['In A @0 0+30', 'In B @1 30+60', 'Roomless @2 60+45']);
    assert.strictEqual(day.minutes, 120, 'the day runs from 09:00 to the half hour after the last end (10:45)');
  });

  test('slots on two days make two days, in date order', () => {
    const text = programme({ slots: slot('Second', '2021-09-22 08:15', '20m') + slot('First', '2021-09-21 07:00', '10m') });
    const days = schedule(text).days;
    assert.deepStrictEqual(
      days.map((d) => [d.date, placed(d.slots)]),
      [
        ['2021-09-21', ['First @0 0+10']],
        ['2021-09-22', ['Second @0 15+20']],
      ],
    );
  });

  test('day-change: a slot starting before it is on the day before; the event spans programme days', () => {
    const text = programme({
      slots: slot('Evening', '2021-09-21 22:00', '2h') + slot('Late', '2021-09-22 01:00', '30m') + slot('Morning', '2021-09-22 09:00', '30m'),
    }).replace('  timezone: America/Los_Angeles\n', '  timezone: America/Los_Angeles\n  day-change: "04:00"\n');
    const view = schedule(text);
    assert.deepStrictEqual(
      view.days.map((d) => [d.date, d.slots.map((s) => s.title)]),
      [
        ['2021-09-21', ['Evening', 'Late']],
        ['2021-09-22', ['Morning']],
      ],
    );
    assert.deepStrictEqual(placed(view.days[0].slots), ['Evening @0 0+120', 'Late @0 180+30']);
    assert.deepStrictEqual([view.event.startIso, view.event.endIso], ['2021-09-20T04:00:00-07:00', '2021-09-25T04:00:00-07:00']);
    const midnight = schedule(text.replace('  day-change: "04:00"\n', ''));
    assert.deepStrictEqual(
      midnight.days.map((d) => [d.date, d.slots.map((s) => s.title)]),
      [
        ['2021-09-21', ['Evening']],
        ['2021-09-22', ['Late', 'Morning']],
      ],
    );
    assert.deepStrictEqual([midnight.event.startIso, midnight.event.endIso], ['2021-09-20T00:00:00-07:00', '2021-09-25T00:00:00-07:00']);
  });

  test('a DST day: heights are real elapsed minutes', () => {
    const text = programme({ zone: 'Europe/Berlin', top: '', slots: slot('Night', '2021-10-31 01:30', '2h') }).replace('2021-09-24', '2021-11-02');
    const [day] = schedule(text).days;
    assert.deepStrictEqual(placed(day.slots), ['Night @0 30+120']);
    assert.strictEqual(day.slots[0].endIso, '2021-10-31T02:30:00+01:00');
  });

  test('overlapping slots: the conflict is on both slots and they sit side by side', () => {
    const text = programme({
      slots: slot('Early', '2021-09-21 07:00', '30m') + slot('Late', '2021-09-21 07:20', '20m') + slot('After', '2021-09-21 08:00', '10m'),
    });
    const view = schedule(text);
    const [day] = view.days;
    assert.deepStrictEqual(placed(day.slots), ['Early @0 0+30 lane 0/2', 'Late @0 20+20 lane 1/2', 'After @0 60+10']);
    const marks = (title: string): string[] => day.slots.find((s) => s.title === title)!.diagnostics.map((d) => `${d.severity} ${d.code}`);
    assert.deepStrictEqual(marks('Late'), ['error slot-overlap']);
    assert.deepStrictEqual(marks('Early'), ['error slot-overlap'], 'the earlier slot of the pair is marked too');
    assert.deepStrictEqual(marks('After'), []);
    assert.match(day.slots[1].diagnostics[0].message, /'Late' .*overlaps 'Early'/);
    assert.strictEqual(view.counts.error, 1);
  });

  test('a speaker in two places at once is marked on the slot with the speaker', () => {
    const text = programme({
      top: 'rooms:\n  a: { title: A }\n  b: { title: B }\n',
      slots:
        slot('One', '2021-09-21 07:00', '30m', '        room: a\n        speakers: [alice]\n') +
        slot('Two', '2021-09-21 07:10', '30m', '        room: b\n        speakers: [alice]\n'),
    });
    const two = schedule(text).days[0].slots[1];
    assert.deepStrictEqual(
      two.diagnostics.map((d) => `${d.severity} ${d.code}`),
      ['warning speaker-conflict'],
    );
  });

  test('unscheduled slots are listed in document order, with their "not scheduled" note', () => {
    const text = programme({ slots: slot('Later', undefined, '20m') + slot('Placed', '2021-09-21 07:00', '10m') + slot('Undecided', undefined, '1h') });
    const view = schedule(text);
    assert.deepStrictEqual(
      view.unscheduled.map((s) => [s.title, s.minutes, s.place]),
      [
        ['Later', 20, undefined],
        ['Undecided', 60, undefined],
      ],
    );
    assert.deepStrictEqual(
      view.unscheduled[0].diagnostics.map((d) => d.code),
      ['not-scheduled'],
    );
  });

  test('a YAML syntax error is reported with its line, and what parsed before it is still there', () => {
    const good = programme({ slots: slot('Kept', '2021-09-21 07:00', '10m') });
    const broken = good + '      - title: [unclosed\n';
    const view = schedule(broken);
    assert.ok(view.syntaxError, 'the view says the document does not parse');
    assert.strictEqual(view.syntaxError.line, broken.split('\n').length - 2);
    assert.ok(view.syntaxError.message.length > 0);
    assert.strictEqual(schedule(good).syntaxError, undefined);
  });

  test('hostile strings stay data and are cut to a bounded length', () => {
    const long = 'x'.repeat(SCHEDULE_LIMITS.title + 100);
    const text = programme({ slots: slot(`"<img src=x onerror=alert(1)>"`, '2021-09-21 07:00', '10m') + slot(long, '2021-09-21 07:10', '10m') });
    const view = schedule(text);
    const [xss, cut] = view.days[0].slots;
    assert.strictEqual(xss.title, '<img src=x onerror=alert(1)>');
    assert.strictEqual(cut.title.length, SCHEDULE_LIMITS.title);
    assert.ok(cut.title.endsWith('…'));
    assert.strictEqual(view.truncated, true);
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(view)));
  });

  test('an absurd duration does not make an absurd day', () => {
    const text = programme({ slots: slot('Forever', '2021-09-21 07:00', '100h') });
    const [day] = schedule(text).days;
    assert.strictEqual(day.minutes, SCHEDULE_LIMITS.dayMinutes);
    assert.strictEqual(day.slots[0].place!.height, SCHEDULE_LIMITS.dayMinutes);
  });

  test('garbage, an empty file and a file with no event zone give a view, never an exception', () => {
    for (const text of ['', 'programme: 1\n', '[1, 2', '- a\n- b\n', 'programme: 1\ntracks: 7\n', programme({ zone: 'Mars/Olympus' })]) {
      const view = schedule(text);
      assert.strictEqual(view.uri, 'file:///t.programme.yaml');
      assert.ok(Array.isArray(view.days) && Array.isArray(view.unscheduled));
    }
    const noZone = schedule(programme({ zone: 'Mars/Olympus' }));
    assert.deepStrictEqual([noZone.days.length, noZone.unscheduled.length], [0, 1]);
    assert.match(noZone.notice!, /timezone/);
  });

  test('speaker zones are offered with who lives there', () => {
    const text = programme({
      people: '  carol:\n    name: Carol\n    timezone: Asia/Kolkata\n',
      slots: slot('Talk', '2021-09-21 07:00', '10m', '        speakers: [carol, alice]\n'),
    });
    assert.deepStrictEqual(schedule(text).speakerZones, [{ zone: 'Asia/Kolkata', label: 'Carol' }]);
  });

  test('severity overrides from the settings apply to the marks', () => {
    const text = programme({ slots: slot('Early', '2021-09-21 07:00', '30m') + slot('Late', '2021-09-21 07:20', '20m') });
    const view = buildSchedule(analyze(text), { uri: 'u', severity: { 'slot-overlap': 'off' } });
    assert.deepStrictEqual(
      view.days[0].slots.flatMap((s) => s.diagnostics),
      [],
    );
  });
});

suite('schedule: built again from what the last build kept', () => {
  test('a keystroke in one slot title makes a new view of that slot only; the other slots, days and tracks are the same objects', () => {
    const text = generateProgramme({ slots: 400 });
    const state = new DocumentState();
    const uri = 'file:///big.programme.yaml';
    const before = buildSchedule(analyze(text, state), { uri, version: 1, cache: state.schedule });
    const at = text.indexOf('      - title: ', Math.floor(text.length / 2)) + '      - title: '.length;
    const after = buildSchedule(analyze(text.slice(0, at) + 'x' + text.slice(at), state), { uri, version: 2, cache: state.schedule });
    const edited = after.days.flatMap((d) => d.slots).find((s) => s.lines.start === text.slice(0, at).split('\n').length - 1)!;
    assert.match(edited.title, /^x/);
    const delta = encodeScheduleDelta(after, before)!;
    const sent = [...delta.days.flatMap((d) => (typeof d === 'number' ? [] : d.slots)), ...delta.unscheduled].filter((s) => !Array.isArray(s)) as SlotView[];
    assert.deepStrictEqual(sent, [edited]);
    assert.strictEqual(delta.tracks.filter((t) => typeof t !== 'number').length, 0, 'no track view changed');
    const changed = delta.days.filter((d) => typeof d !== 'number');
    assert.strictEqual(changed.length, 1, 'one day changed');
    // The rest of that day is told as runs of the last view's slots: the slots before the edited one and those after.
    assert.ok(changed[0].slots.length <= 3, JSON.stringify(changed[0].slots.filter((s) => Array.isArray(s))));
    assert.deepStrictEqual(applyScheduleDelta(delta, before), after);
    // The slots of the other days and tracks are the very objects of the last view.
    const beforeSlots = new Set(before.days.flatMap((d) => d.slots));
    assert.strictEqual(after.days.flatMap((d) => d.slots).filter((s) => !beforeSlots.has(s)).length, 1);
  });

  test('a line added in the middle: the slots below it are sent again with their new lines, the others as runs of the last view', () => {
    const text = generateProgramme({ slots: 400 });
    const state = new DocumentState();
    const uri = 'file:///big.programme.yaml';
    const before = buildSchedule(analyze(text, state), { uri, version: 1, cache: state.schedule });
    const at = text.indexOf('\n', text.indexOf('      - title: ', Math.floor(text.length / 2))) + 1;
    const after = buildSchedule(analyze(text.slice(0, at) + '\n' + text.slice(at), state), { uri, version: 2, cache: state.schedule });
    const line = text.slice(0, at).split('\n').length - 1;
    const all = (v: ScheduleView): SlotView[] => [...v.days.flatMap((d) => d.slots), ...v.unscheduled];
    const moved = all(after).filter((s) => s.lines.start > line);
    assert.ok(moved.length > 100 && moved.length < 300, `${moved.length} slots below the new line`);
    assert.deepStrictEqual(
      moved.map((s) => s.lines.start),
      all(before)
        .filter((s) => s.lines.start >= line)
        .map((s) => s.lines.start + 1),
    );
    const delta = encodeScheduleDelta(after, before)!;
    const sent = [...delta.days.flatMap((d) => (typeof d === 'number' ? [] : d.slots)), ...delta.unscheduled].filter((s) => !Array.isArray(s));
    // And the slot the new line is in, which ends a line later.
    const was = new Map(all(before).map((s) => [s.key, s]));
    const longer = all(after).filter((s) => s.lines.start <= line && s.lines.end !== was.get(s.key)!.lines.end);
    assert.strictEqual(longer.length, 1);
    assert.strictEqual(sent.length, moved.length + 1, 'only the slots on other lines are sent whole');
    assert.strictEqual(JSON.stringify(applyScheduleDelta(JSON.parse(JSON.stringify(delta)), before)), JSON.stringify(after));
  });
  test('what slots share in the view (no materials, no problems, a topic) is not changed by the slot that gets one', () => {
    let text = generateProgramme({ slots: 400 });
    const state = new DocumentState();
    const uri = 'file:///big.programme.yaml';
    const all = (v: ScheduleView): SlotView[] => [...v.days.flatMap((d) => d.slots), ...v.unscheduled];
    let view = buildSchedule(analyze(text, state), { uri, version: 0, cache: state.schedule });
    const plain = all(view).filter((s) => !s.materials.length && !s.diagnostics.length && s.topics.length === 1);
    assert.ok(plain.length > 100, 'many slots have no materials, no problems and one topic');
    const first = text.indexOf('\n', text.indexOf('      - title: ', Math.floor(text.length / 2))) + 1;
    const edits = [
      '        materials:\n          - title: Notes\n            url: https://example.org/notes\n',
      '        speakers: [nobody-known]\n',
      '        kind: not-a-kind\n',
      '        room: no-such-room\n',
    ];
    for (let version = 1; version <= edits.length; version++) {
      text = text.slice(0, first) + edits[version - 1] + text.slice(first);
      const next = buildSchedule(analyze(text, state), { uri, version, cache: state.schedule });
      const fresh = buildSchedule(analyze(text), { uri, version });
      assert.strictEqual(next.notice, undefined, `edit ${version}`);
      assert.strictEqual(JSON.stringify(next), JSON.stringify(fresh), `edit ${version}`);
      assert.strictEqual(JSON.stringify(applyScheduleDelta(JSON.parse(JSON.stringify(encodeScheduleDelta(next, view))), view)), JSON.stringify(fresh));
      view = next;
    }
    // The edited slot has the material and the problems; the others that had none still have none.
    const slots = all(view);
    assert.strictEqual(slots.filter((s) => s.materials.some((m) => m.title === 'Notes')).length, 1);
    const edited = slots.find((s) => s.materials.some((m) => m.title === 'Notes'))!;
    assert.ok(edited.diagnostics.length >= 2, JSON.stringify(edited.diagnostics));
    const still = new Set(plain.map((s) => s.key));
    still.delete(edited.key);
    const after = slots.filter((s) => still.has(s.key));
    assert.strictEqual(after.length, still.size);
    assert.ok(after.every((s) => !s.materials.length && !s.diagnostics.length && s.topics.length === 1));
  });
});
