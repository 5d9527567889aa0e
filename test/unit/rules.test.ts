/**
 * The semantic checks of rules/: each code fires once, at the smallest node at fault, on its
 * `.bad` fixture (where a comment under the line marks the range expected), and not at all on
 * the `.good` fixture one edit away.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { check, EXAMPLE_TEXT, programme } from '../support/fixtures';
import { CODES } from '../../server/src/core';
import { check as checkFixture, expectations } from '../support/expectations';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/checks');

function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, `${name}.programme.yaml`), 'utf8');
}

/** The check fixtures: each `.bad` one with its expected problems written inline, each `.good` one clean. */
const FILES = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.programme.yaml'))
  .sort();

suite('rules: the check fixtures, with their expectations inline', () => {
  for (const file of FILES) {
    test(file, () => {
      checkFixture(path.join(FIXTURES, file));
    });
  }

  test('a `<code>.bad` fixture expects `<code>` once and nothing else; every `.bad` fixture expects something', () => {
    const bad = FILES.filter((f) => f.includes('.bad.'));
    for (const file of bad) {
      const code = file.replace('.bad.programme.yaml', '');
      const expected = expectations(fixture(`${code}.bad`)).map((e) => e.code);
      if (code in CODES) assert.deepStrictEqual(expected, [code], file);
      else assert.ok(expected.length > 0, file);
    }
  });

  test('the canonical example has no error and no warning', () => {
    const a = check(EXAMPLE_TEXT);
    const serious = a.problems.filter((p) => ['error', 'warning'].includes(p.severity ?? CODES[p.code]));
    assert.deepStrictEqual(
      serious.map((p) => p.message),
      [],
    );
  });
});

suite('rules: programme days (event.day-change)', () => {
  test('a social evening from 22:00 to 01:00 on the last night is outside the event, unless day-change lets the night belong to the last day', () => {
    const bad = checkFixture(path.join(FIXTURES, 'day-change.bad.programme.yaml'));
    assert.strictEqual(
      bad.problems[0].message,
      'a session of track `social` (Fri 2021-09-24 22:00–Sat 01:00 PDT (UTC−7)) is outside the event (2021-09-20 to 2021-09-24); to let the last night run past midnight, set `event.day-change` (like `"04:00"`)',
    );
    checkFixture(path.join(FIXTURES, 'day-change.good.programme.yaml'));
  });

  test('with day-change 04:00, 01:00 on the first date belongs to the day before the event; 04:00 on it is inside', () => {
    const at = (start: string): string[] =>
      check(
        programme({
          top: '',
          slots: `      - title: Early\n        start: ${start}\n        duration: 10m\n`,
        }).replace('  timezone: America/Los_Angeles\n', '  timezone: America/Los_Angeles\n  day-change: "04:00"\n'),
      ).problems.map((p) => `${p.code}: ${p.message}`);
    assert.deepStrictEqual(at('2021-09-20 01:00'), [
      "outside-event: 'Early' (Mon 2021-09-20 01:00–01:10 PDT (UTC−7)) is outside the event (2021-09-20 to 2021-09-24, days from 04:00 to 04:00)",
    ]);
    assert.deepStrictEqual(at('2021-09-20 04:00'), []);
    assert.deepStrictEqual(at('2021-09-25 03:50'), []);
    assert.deepStrictEqual(
      at('2021-09-25 04:00').map((m) => m.slice(0, 14)),
      ['outside-event:'],
    );
  });

  test('a day-change that is not a time of day is a schema error at its value, and days start at midnight', () => {
    const text = programme({ slots: '      - title: Late\n        start: 2021-09-25 01:00\n        duration: 10m\n' }).replace(
      '  timezone: America/Los_Angeles\n',
      '  timezone: America/Los_Angeles\n  day-change: "25:00"\n',
    );
    const a = check(text);
    assert.deepStrictEqual(a.codes, ['schema', 'outside-event']);
    assert.strictEqual(a.problems[0].message, '`25:00` is not a time of day: write HH:MM, from `00:00` to `23:59` (like `04:00`)');
    assert.deepStrictEqual(a.at('schema'), ['7:15-7:22']);
  });
});

suite('rules: conflicts name both sides', () => {
  test('slot-overlap names both slots with times in the event zone and links the other', () => {
    const a = check(fixture('slot-overlap.bad'));
    const p = a.problems[0];
    assert.strictEqual(p.message, "'Talk' 07:20–07:45 PDT overlaps 'Opening' 07:00–07:25 PDT in room `mc1`");
    const opening = a.text.indexOf('2021-09-21 07:00', a.text.indexOf('title: Opening'));
    assert.deepStrictEqual(
      p.related?.map((r) => [r.start, r.end]),
      [[opening, opening + 16]],
    );
    assert.match(p.related![0].message, /'Opening' 07:00–07:25 PDT/);
  });

  test('a slot ending at 07:25 and one starting at 07:25 do not overlap; 07:24 does', () => {
    const slots = (second: string): string => `      - title: Opening
        start: 2021-09-21 07:00
        duration: 25m
      - title: Break
        start: ${second}
        duration: 10m
`;
    assert.deepStrictEqual(check(programme({ slots: slots('2021-09-21 07:25') })).codes, []);
    assert.deepStrictEqual(check(programme({ slots: slots('2021-09-21 07:24') })).codes, ['slot-overlap']);
  });

  test('a slot without a room may overlap a slot of another track, not one of its own', () => {
    const text =
      programme({
        slots: `      - title: A
        start: 2021-09-21 07:00
        duration: 30m
      - title: B
        start: 2021-09-21 07:10
        duration: 30m
`,
        top: '',
      }) +
      `  other:
    title: Other
    slots:
      - title: C
        start: 2021-09-21 07:00
        duration: 30m
`;
    const a = check(text);
    assert.deepStrictEqual(a.codes, ['slot-overlap']);
    assert.match(a.problems[0].message, /^'B' 07:10–07:40 PDT overlaps 'A' 07:00–07:30 PDT in track `main`$/);
  });

  test('a slot in its own room does not clash with the track room', () => {
    const text = programme({
      top: 'rooms:\n  r1:\n    title: One\n  r2:\n    title: Two\n',
      track: '    room: r1\n',
      slots: `      - title: A
        start: 2021-09-21 07:00
        duration: 30m
      - title: B
        room: r2
        start: 2021-09-21 07:00
        duration: 30m
`,
    });
    assert.deepStrictEqual(check(text).codes, []);
  });

  test('speaker-conflict names both slots and links the speaker in the other', () => {
    const a = check(fixture('speaker-conflict.bad'));
    const p = a.problems[0];
    assert.strictEqual(p.message, "Bob Example speaks in 'Hallway' 07:40–08:10 PDT and, at the same time, in 'Talk' 07:25–07:50 PDT");
    const talkBob = a.text.indexOf('[bob]') + 1;
    assert.deepStrictEqual(
      p.related?.map((r) => [r.start, r.end]),
      [[talkBob, talkBob + 3]],
    );
  });

  test('messages name zones as people know them: CEST, not GMT+2 or UTC+2 (UTC+2); UTC+9 where the zone has no abbreviation', () => {
    const overlap = (zone: string): string[] =>
      check(
        programme({
          zone,
          slots:
            '      - title: A\n        start: 2021-09-21 07:00\n        duration: 30m\n      - title: B\n        start: 2021-09-21 07:10\n        duration: 30m\n      - title: Late\n        start: 2021-09-28 07:00\n        duration: 30m\n',
        }),
      ).problems.map((p) => p.message);
    assert.deepStrictEqual(overlap('Europe/Berlin'), [
      "'B' 07:10–07:40 CEST overlaps 'A' 07:00–07:30 CEST in track `main`",
      "'Late' (Tue 2021-09-28 07:00–07:30 CEST (UTC+2)) is outside the event (2021-09-20 to 2021-09-24)",
    ]);
    assert.deepStrictEqual(overlap('Asia/Tokyo')[1], "'Late' (Tue 2021-09-28 07:00–07:30 UTC+9) is outside the event (2021-09-20 to 2021-09-24)");
  });

  test('a speaker listed twice in one slot is no conflict with itself', () => {
    const a = check(programme({ slots: '      - title: Solo\n        start: 2021-09-21 07:00\n        duration: 10m\n        speakers: [alice, alice]\n' }));
    assert.ok(!a.codes.includes('speaker-conflict'), a.codes.join());
  });

  test("speaker-night is reported in the speaker's own zone, from 22:00 to 07:00", () => {
    const at = (time: string): string[] =>
      check(
        programme({
          people: '  carol:\n    name: Carol\n    timezone: Europe/Berlin\n',
          track: '    contacts: [carol]\n',
          slots: `      - title: Late
        start: 2021-09-21 ${time}
        duration: 10m
        speakers: [carol]
`,
        }),
      ).codes;
    assert.deepStrictEqual(at('12:59'), []); // 21:59 in Berlin
    assert.deepStrictEqual(at('13:00'), ['speaker-night']); // 22:00
    assert.deepStrictEqual(at('21:59'), ['speaker-night']); // 06:59
    assert.deepStrictEqual(at('22:00'), []); // 07:00
  });

  test('outside-session: inside one of several (unordered) sessions is inside', () => {
    const text = programme({
      track: `    sessions:
      - start: 2021-09-22 07:00
        duration: 1h
      - start: 2021-09-21 07:00
        end: 2021-09-21 09:00
      - start: 2021-09-21 07:30
        duration: 15m
`,
      slots:
        '      - title: Late\n        start: 2021-09-21 08:30\n        duration: 30m\n      - title: Over\n        start: 2021-09-22 07:45\n        duration: 30m\n',
    });
    const a = check(text);
    assert.deepStrictEqual(a.codes, ['outside-session']);
    assert.match(a.problems[0].message, /^'Over' \(07:45–08:15 PDT\)/);
  });
});

suite('rules: one mistake, one diagnostic', () => {
  test('reversed event dates: event-dates only, no outside-event for every slot', () => {
    assert.deepStrictEqual(check(fixture('event-dates.bad')).codes, ['event-dates']);
  });

  test('a session with an invalid time makes no outside-session for the slots it would hold', () => {
    const text = programme({
      track: '    sessions:\n      - start: 2021-09-21 07:00\n        duration: 1h\n      - start: 2021-09-22 25:00\n        duration: 1h\n',
      slots: '      - title: Second day\n        start: 2021-09-22 07:00\n        duration: 10m\n',
    });
    assert.deepStrictEqual(check(text).codes, ['invalid-datetime']);
  });

  test('a misspelt speaker id: unknown-person with its "did you mean", and no unused-person for the person meant', () => {
    const text = fixture('unknown-person.good').replace('speakers: [bob]', 'speakers: [bobb]');
    const a = check(text);
    assert.deepStrictEqual(
      a.problems.map((p) => `${p.code}: ${p.message}`),
      ['unknown-person: unknown person `bobb` in speakers: not in `people`; did you mean `bob`?'],
    );
    // A person nobody means is still unused.
    const b = check(text.replace('  carol:\n    name: Carol Example\n', '  carol:\n    name: Carol Example\n  zoe:\n    name: Zoe\n'));
    assert.deepStrictEqual(b.codes, ['unused-person', 'unknown-person']);
  });

  test('a tab that breaks the YAML and empties a mapping or a list: the syntax error only', () => {
    const base = fixture('unknown-person.good');
    const person = check(base.replace('  bob:\n    name: Bob Example\n', '  bob:\n\tname: Bob Example\n'));
    assert.deepStrictEqual(
      person.problems.map((p) => `${p.code}: ${p.message}`),
      ['yaml-syntax: tabs cannot indent YAML: use spaces'],
    );
    const leads = check(base.replace('    leads: [alice]\n', '    leads:  # who runs it\n\t- alice\n'));
    assert.deepStrictEqual(leads.codes, ['yaml-syntax']);
    // A schema error that has nothing to do with the syntax error stays.
    const unrelated = check(
      base
        .replace('    name: Alice Example\n', '    name: Alice Example\n    nmae: A\n')
        .replace('  bob:\n    name: Bob Example\n', '  bob:\n\tname: Bob Example\n'),
    );
    assert.deepStrictEqual(unrelated.codes, ['schema', 'yaml-syntax']);
  });

  test('a slot with an invalid start is not "not scheduled", nor checked for overlaps', () => {
    const text = programme({
      slots:
        '      - title: A\n        start: 2021-09-21 07:00\n        duration: 30m\n      - title: B\n        start: 2021-02-30 07:10\n        duration: 30m\n',
    });
    assert.deepStrictEqual(check(text).codes, ['invalid-datetime']);
  });
});

suite('rules: scale', () => {
  test('2,000 slots at the same time in one room: one report per slot, not one per pair', () => {
    let slots = '';
    for (let i = 0; i < 2000; i++) slots += `      - title: Talk ${i}\n        start: 2021-09-21 07:00\n        duration: 20m\n`;
    const a = check(programme({ slots }));
    const overlaps = a.problems.filter((p) => p.code === 'slot-overlap');
    assert.strictEqual(overlaps.length, 1999);
    assert.ok(overlaps.every((p) => (p.related?.length ?? 0) <= 3));
  });

  test('2,000 back-to-back slots: no overlap reported', () => {
    let slots = '';
    for (let i = 0; i < 2000; i++) {
      const m = 7 * 60 + i * 5;
      const hh = String(Math.floor(m / 60) % 24).padStart(2, '0'),
        mm = String(m % 60).padStart(2, '0');
      const day = 21 + Math.floor(m / 1440);
      slots += `      - title: Talk ${i}\n        start: 2021-09-${day} ${hh}:${mm}\n        duration: 5m\n        speakers: [alice]\n`;
    }
    const a = check(programme({ slots }));
    assert.deepStrictEqual(
      a.problems.filter((p) => p.code === 'slot-overlap' || p.code === 'speaker-conflict'),
      [],
    );
  });
});

suite('rules: text YAML misreads', () => {
  test('a `: ` in a title: one plain-words error and a fix that quotes the title', () => {
    const a = check(programme({ slots: '      - title: Rust in the kernel: where are we?\n        start: 2021-09-21 07:00\n        duration: 10m\n' }));
    assert.deepStrictEqual(a.codes, ['yaml-syntax']);
    assert.strictEqual(a.problems[0].message, 'a `: ` inside a plain value starts a mapping: quote the title (`"Rust in the kernel: where are we?"`)');
    assert.deepStrictEqual(a.problems[0].data, { fix: 'replace', replacement: '"Rust in the kernel: where are we?"', title: 'Quote the title' });
    assert.strictEqual(a.text.slice(a.problems[0].start, a.problems[0].end), 'Rust in the kernel: where are we?');
  });

  for (const [title, words] of [
    ['*nix tools', 'alias'],
    ['[WIP] Rust', 'opens a list'],
    ['{x} marks', 'opens a mapping'],
    ['@home', '`@`'],
    ['`ls` deep dive', 'backtick'],
    ['!important talk', 'tag'],
  ]) {
    test(`\`${title}\`: one problem, in words (${words}), quoted by the fix`, () => {
      const a = check(programme({ slots: `      - title: ${title}\n        start: 2021-09-21 07:00\n        duration: 10m\n` }));
      assert.strictEqual(a.problems.length, 1, a.problems.map((p) => p.message).join('; '));
      assert.ok(a.problems[0].message.includes(words), a.problems[0].message);
      assert.strictEqual((a.problems[0].data as { replacement: string }).replacement, JSON.stringify(title));
    });
  }

  test('`&co talk` and `true` as titles get the quote fix too', () => {
    const anchor = check(programme({ slots: '      - title: &co talk\n        start: 2021-09-21 07:00\n        duration: 10m\n' }));
    assert.deepStrictEqual(anchor.codes, ['misread-text']);
    assert.strictEqual((anchor.problems[0].data as { replacement: string }).replacement, '"&co talk"');
    const bool = check(programme({ slots: '      - title: true\n        start: 2021-09-21 07:00\n        duration: 10m\n' }));
    assert.deepStrictEqual(bool.codes, ['schema']);
    assert.strictEqual((bool.problems[0].data as { replacement: string }).replacement, '"true"');
  });
});

/** A programme of several tracks: `tracks` is the YAML under `tracks:`. */
function tracks(body: string, people = 'alice, bob, carol, dan'): string {
  const persons = people
    .split(', ')
    .map((id) => `  ${id}:\n    name: ${id[0].toUpperCase()}${id.slice(1)}\n`)
    .join('');
  return `programme: 1
event:
  title: Test Conf
  start: 2021-09-20
  end: 2021-09-24
  timezone: America/Los_Angeles
rooms:
  r1:
    title: One
  r2:
    title: Two
people:
${persons}tracks:
${body}`;
}

/** A track with a room, leads, key attendees, sessions (`start/duration`) and slots. */
function track(id: string, o: { room?: string; leads?: string; ka?: string; contacts?: string; sessions?: string[]; slots?: string }): string {
  return `  ${id}:
    title: Track ${id}
${o.room ? `    room: ${o.room}\n` : ''}${o.leads ? `    leads: [${o.leads}]\n` : ''}${o.ka ? `    key-attendees: [${o.ka}]\n` : ''}${o.contacts ? `    contacts: [${o.contacts}]\n` : ''}${
    o.sessions
      ? `    sessions:\n${o.sessions
          .map((s) => {
            const [start, duration] = s.split(' / ');
            return `      - start: ${start}\n        duration: ${duration}\n`;
          })
          .join('')}`
      : ''
  }${o.slots ? `    slots:\n${o.slots}` : ''}`;
}

function talk(title: string, start: string, duration: string, speakers?: string, room?: string): string {
  return `      - title: ${title}\n        start: ${start}\n        duration: ${duration}\n${room ? `        room: ${room}\n` : ''}${speakers ? `        speakers: [${speakers}]\n` : ''}`;
}

suite('rules: room-conflict', () => {
  const names = 'alice, bob, carol, dan';
  const lead = (i: number): string => names.split(', ')[i];

  test('names the room, the other track and both times, at the later session, linking the earlier', () => {
    const a = check(fixture('room-conflict.bad'));
    const p = a.problems[0];
    assert.strictEqual(
      p.message,
      'a session of track `bof` (Tue 08:45–09:45 PDT) holds room `mc1` at the same time as a session of track `main` (Tue 07:00–09:00 PDT)',
    );
    const mainStart = a.text.indexOf('2021-09-21 07:00', a.text.indexOf('sessions:'));
    assert.deepStrictEqual(
      p.related?.map((r) => [r.start, r.end, r.message]),
      [[mainStart, mainStart + 16, 'a session of track `main` (Tue 07:00–09:00 PDT) holds room `mc1`']],
    );
  });

  test('back-to-back sessions in one room, and overlapping sessions in two rooms, are no conflict', () => {
    const text = tracks(
      track('a', { room: 'r1', leads: lead(0), sessions: ['2021-09-21 07:00 / 2h'] }) +
        track('b', { room: 'r1', leads: lead(1), sessions: ['2021-09-21 09:00 / 2h', '2021-09-21 05:00 / 2h'] }) +
        track('c', { room: 'r2', leads: lead(2), sessions: ['2021-09-21 07:00 / 2h'] }) +
        track('d', { room: 'r2', leads: lead(3), sessions: ['2021-09-22 07:00 / 2h'] }),
    );
    assert.deepStrictEqual(check(text).codes, []);
  });

  test('once per pair of sessions: the pair is reported on each day it clashes, three tracks give two reports', () => {
    const text = tracks(
      track('a', { room: 'r1', leads: lead(0), sessions: ['2021-09-21 07:00 / 2h', '2021-09-22 07:00 / 2h'] }) +
        track('b', { room: 'r1', leads: lead(1), sessions: ['2021-09-21 08:00 / 2h', '2021-09-22 06:00 / 2h'] }) +
        track('c', { room: 'r1', leads: `${lead(2)}, ${lead(3)}`, sessions: ['2021-09-21 08:30 / 10m'] }),
    );
    const a = check(text);
    // In document order: on Wednesday `b` starts first, so `a` is the later one.
    assert.deepStrictEqual(
      a.problems.map((p) => p.message),
      [
        'a session of track `a` (Wed 07:00–09:00 PDT) holds room `r1` at the same time as a session of track `b` (Wed 06:00–08:00 PDT)',
        'a session of track `b` (Tue 08:00–10:00 PDT) holds room `r1` at the same time as a session of track `a` (Tue 07:00–09:00 PDT)',
        'a session of track `c` (Tue 08:30–08:40 PDT) holds room `r1` at the same time as a session of track `a` (Tue 07:00–09:00 PDT) and a session of track `b` (Tue 08:00–10:00 PDT)',
      ],
    );
    assert.ok(a.problems.every((p) => p.code === 'room-conflict'));
  });

  test("a slot with its own room inside another track's session there; if it also overlaps a slot of that track, slot-overlap alone says so", () => {
    const slotIn = (start: string): string =>
      tracks(
        track('a', { room: 'r1', leads: lead(0), sessions: ['2021-09-21 07:00 / 2h'], slots: talk('Main talk', '2021-09-21 07:00', '30m') }) +
          track('b', { room: 'r2', leads: lead(1), sessions: ['2021-09-21 07:00 / 3h'], slots: talk('Visiting', start, '20m', undefined, 'r1') }),
        'alice, bob',
      );
    const a = check(slotIn('2021-09-21 08:00'));
    assert.deepStrictEqual(
      a.problems.map((p) => `${p.code}: ${p.message}`),
      ["room-conflict: 'Visiting' of track `b` (Tue 08:00–08:20 PDT) holds room `r1` at the same time as a session of track `a` (Tue 07:00–09:00 PDT)"],
    );
    assert.deepStrictEqual(check(slotIn('2021-09-21 07:20')).codes, ['slot-overlap']);
    assert.deepStrictEqual(check(slotIn('2021-09-21 09:00')).codes, []);
  });

  test("a slot in its own track's room, and slots of tracks without sessions, are slot-overlap's concern", () => {
    const text = tracks(
      track('a', { room: 'r1', leads: lead(0), sessions: ['2021-09-21 07:00 / 2h'], slots: talk('Own', '2021-09-21 07:00', '30m', undefined, 'r1') }) +
        track('b', { room: 'r1', leads: lead(1), slots: talk('Loose', '2021-09-21 10:00', '30m') }) +
        track('c', { room: 'r1', leads: lead(2), slots: talk('Loose too', '2021-09-21 10:10', '30m') }),
      'alice, bob, carol',
    );
    assert.deepStrictEqual(check(text).codes, ['slot-overlap']);
  });

  test('tracks naming the same unknown room: unknown-room only', () => {
    const text = tracks(
      track('a', { room: 'r9', leads: lead(0), sessions: ['2021-09-21 07:00 / 2h'] }) +
        track('b', { room: 'r9', leads: lead(1), sessions: ['2021-09-21 07:00 / 2h'] }),
      'alice, bob',
    );
    assert.deepStrictEqual(check(text).codes, ['unknown-room', 'unknown-room']);
  });

  test('500 tracks in one room at the same time: one report per later session naming at most three, not one per pair', () => {
    let body = '';
    for (let i = 0; i < 500; i++) body += track(`t${i}`, { room: 'r1', leads: lead(i % 4), sessions: ['2021-09-21 07:00 / 1h'] });
    const a = check(tracks(body));
    const rooms = a.problems.filter((p) => p.code === 'room-conflict');
    assert.strictEqual(rooms.length, 499);
    assert.ok(rooms.every((p) => (p.related?.length ?? 0) <= 3));
  });
});

suite('rules: attendee-conflict', () => {
  test('a key attendee leading a track that runs at the same time: named, with both times, at the later, linking the earlier', () => {
    const a = check(fixture('attendee-conflict.bad'));
    const p = a.problems[0];
    assert.strictEqual(
      p.message,
      'Carol Example is needed in two tracks at once: as lead of track `bof` (Tue 08:30–09:00 PDT) and as key attendee of track `main` (Tue 07:00–09:00 PDT)',
    );
    const ka = a.text.indexOf('[carol]') + 1;
    assert.deepStrictEqual(
      p.related?.map((r) => [r.start, r.end, r.message]),
      [[ka, ka + 5, 'Carol Example as key attendee of track `main` (Tue 07:00–09:00 PDT)']],
    );
  });

  test('the same people on different half-days: no finding', () => {
    const text = tracks(
      track('a', {
        room: 'r1',
        leads: 'alice',
        ka: 'bob',
        sessions: ['2021-09-21 07:00 / 4h', '2021-09-22 07:00 / 4h'],
        slots: talk('A talk', '2021-09-21 07:00', '30m', 'carol'),
      }) +
        track('b', {
          room: 'r2',
          leads: 'bob',
          ka: 'alice',
          sessions: ['2021-09-21 11:00 / 4h', '2021-09-22 13:00 / 4h'],
          slots: talk('B talk', '2021-09-21 11:00', '30m', 'alice, dan'),
        }),
    );
    assert.deepStrictEqual(check(text).codes, []);
  });

  test('leads and key attendees of two overlapping tracks: one report per person per pair of tracks, however many sessions overlap', () => {
    const text = tracks(
      track('a', { room: 'r1', leads: 'alice', ka: 'bob, carol', sessions: ['2021-09-21 07:00 / 2h', '2021-09-22 07:00 / 2h'] }) +
        track('b', { room: 'r2', leads: 'bob', ka: 'alice, dan', sessions: ['2021-09-21 08:00 / 2h', '2021-09-22 08:00 / 2h'] }) +
        track('c', { room: 'r1', leads: 'carol', ka: 'dan', sessions: ['2021-09-23 08:00 / 2h'] }),
    );
    const a = check(text);
    assert.deepStrictEqual(
      a.problems.map((p) => p.message),
      [
        'Bob is needed in two tracks at once: as lead of track `b` (Tue 08:00–10:00 PDT) and as key attendee of track `a` (Tue 07:00–09:00 PDT)',
        'Alice is needed in two tracks at once: as key attendee of track `b` (Tue 08:00–10:00 PDT) and as lead of track `a` (Tue 07:00–09:00 PDT)',
      ],
    );
  });

  test('speaking in another track while leading one: at the talk when it starts later, at the lead when the track starts later', () => {
    const text = (start: string): string =>
      tracks(
        track('a', { room: 'r1', leads: 'alice', sessions: ['2021-09-21 08:00 / 2h'], slots: talk('Own talk', '2021-09-21 09:40', '20m', 'alice') }) +
          track('b', { room: 'r2', leads: 'bob', slots: talk('Guest talk', start, '30m', 'alice') }),
        'alice, bob',
      );
    const later = check(text('2021-09-21 09:00'));
    assert.deepStrictEqual(
      later.problems.map((p) => p.message),
      ["Alice is needed in two tracks at once: as speaker of 'Guest talk' in track `b` (Tue 09:00–09:30 PDT) and as lead of track `a` (Tue 08:00–10:00 PDT)"],
    );
    assert.deepStrictEqual(later.at('attendee-conflict'), ['38:20-38:25']);
    const earlier = check(text('2021-09-21 07:45'));
    assert.deepStrictEqual(
      earlier.problems.map((p) => p.message),
      ["Alice is needed in two tracks at once: as lead of track `a` (Tue 08:00–10:00 PDT) and as speaker of 'Guest talk' in track `b` (Tue 07:45–08:15 PDT)"],
    );
    assert.deepStrictEqual(earlier.at('attendee-conflict'), ['21:13-21:18']);
  });

  test("a talk that clashes with the person's own talk in the other track is speaker-conflict alone; contacts and own tracks are not needs", () => {
    const text = tracks(
      track('a', {
        room: 'r1',
        leads: 'alice',
        contacts: 'carol',
        sessions: ['2021-09-21 08:00 / 2h'],
        slots: talk('Own talk', '2021-09-21 08:00', '30m', 'alice'),
      }) +
        track('b', {
          room: 'r2',
          leads: 'bob',
          slots: talk('Guest talk', '2021-09-21 08:10', '30m', 'alice') + talk('Carol talk', '2021-09-21 08:40', '30m', 'carol'),
        }),
      'alice, bob, carol',
    );
    assert.deepStrictEqual(check(text).codes, ['speaker-conflict']);
  });

  test('the same unknown person leading two tracks at once: unknown-person only', () => {
    const text = tracks(
      track('a', { room: 'r1', leads: 'alice, zed', sessions: ['2021-09-21 08:00 / 2h'] }) +
        track('b', { room: 'r2', leads: 'bob, zed', sessions: ['2021-09-21 08:00 / 2h'] }),
      'alice, bob',
    );
    assert.deepStrictEqual(check(text).codes, ['unknown-person', 'unknown-person']);
  });

  test('one key attendee of many tracks: one report per pair of tracks that run at once', () => {
    let body = '';
    for (let i = 0; i < 12; i++) body += track(`t${i}`, { room: 'r1', ka: 'alice', sessions: [`2021-09-2${1 + (i % 3)} 0${7 + (i % 2)}:00 / 2h`] });
    const a = check(tracks(body, 'alice'));
    // Three days with four tracks each, all running at once on their day: 3 × 6 pairs.
    assert.strictEqual(a.problems.filter((p) => p.code === 'room-conflict').length, 9);
    assert.strictEqual(a.problems.filter((p) => p.code === 'attendee-conflict').length, 18);
  });

  test('a key attendee of 500 tracks at the same time: the first 100 pairs, the last saying there are more', () => {
    let body = '';
    for (let i = 0; i < 500; i++) body += track(`t${i}`, { room: i % 2 ? 'r1' : 'r2', ka: 'alice', sessions: ['2021-09-21 07:00 / 1h'] });
    const found = check(tracks(body, 'alice')).problems.filter((p) => p.code === 'attendee-conflict');
    assert.strictEqual(found.length, 100);
    assert.strictEqual(found.filter((p) => p.message.endsWith('(and in more pairs of tracks at once: only the first 100 are listed)')).length, 1);
  });
});
