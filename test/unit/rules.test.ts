/**
 * The semantic checks of rules/: each code fires once, at the smallest node at fault, on its
 * `.bad` fixture, and not at all on the `.good` fixture one edit away.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { check, EXAMPLE_TEXT, programme } from '../support/fixtures';
import { CODES } from '../../server/src/core/service/problem';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/checks');

function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, `${name}.programme.yaml`), 'utf8');
}

/** Each code with the 1-based range its bad fixture reports it at. */
const RULE_CODES: Record<string, string> = {
  'unknown-person': '38:20-38:24',
  'unknown-room': '25:11-25:14',
  'unknown-topic': '39:18-39:22',
  'event-dates': '5:8-5:18',
  'outside-event': '55:16-55:32',
  'outside-session': '41:16-41:32',
  'slot-overlap': '41:16-41:32',
  'speaker-conflict': '57:20-57:23',
  'track-overfull': '23:3-23:7',
  'not-scheduled': '40:16-40:20',
  'unused-person': '20:3-20:8',
  'unused-topic': '31:7-31:10',
  'speaker-night': '38:20-38:25',
  'misread-text': '18:16-18:29',
};

/** Asserts the bad fixture of `code` reports only `code`, once, at `range`; the good one nothing. */
function assertFixturePair(code: string, range: string): void {
  const bad = check(fixture(`${code}.bad`));
  assert.deepStrictEqual(bad.codes, [code], `${code}.bad: ${bad.problems.map((p) => p.message).join('; ')}`);
  assert.deepStrictEqual(bad.at(code), [range]);
  const good = check(fixture(`${code}.good`));
  assert.deepStrictEqual(good.problems.map((p) => `${p.code}: ${p.message}`), []);
}

suite('rules: one fixture pair per code', () => {
  for (const [code, range] of Object.entries(RULE_CODES)) {
    test(`${code} fires once at ${range}, and not one edit away`, () => assertFixturePair(code, range));
  }

  test('the canonical example has no error and no warning', () => {
    const a = check(EXAMPLE_TEXT);
    const serious = a.problems.filter((p) => ['error', 'warning'].includes(p.severity ?? CODES[p.code]));
    assert.deepStrictEqual(serious.map((p) => p.message), []);
  });
});

suite('rules: programme days (event.day-change)', () => {
  test('a social evening from 22:00 to 01:00 on the last night is outside the event, unless day-change lets the night belong to the last day', () => {
    const bad = check(fixture('day-change.bad'));
    assert.deepStrictEqual(bad.codes, ['outside-event']);
    assert.deepStrictEqual(bad.at('outside-event'), ['63:16-63:32']);
    assert.strictEqual(bad.problems[0].message, 'a session of track `social` (Fri 2021-09-24 22:00–Sat 01:00 PDT (UTC−7)) is outside the event (2021-09-20 to 2021-09-24); to let the last night run past midnight, set `event.day-change` (like `"04:00"`)');
    assert.deepStrictEqual(check(fixture('day-change.good')).codes, []);
  });

  test('with day-change 04:00, 01:00 on the first date belongs to the day before the event; 04:00 on it is inside', () => {
    const at = (start: string): string[] => check(programme({
      top: '',
      slots: `      - title: Early\n        start: ${start}\n        duration: 10m\n`,
    }).replace('  timezone: America/Los_Angeles\n', '  timezone: America/Los_Angeles\n  day-change: "04:00"\n')).problems.map((p) => `${p.code}: ${p.message}`);
    assert.deepStrictEqual(at('2021-09-20 01:00'), ["outside-event: 'Early' (Mon 2021-09-20 01:00–01:10 PDT (UTC−7)) is outside the event (2021-09-20 to 2021-09-24, days from 04:00 to 04:00)"]);
    assert.deepStrictEqual(at('2021-09-20 04:00'), []);
    assert.deepStrictEqual(at('2021-09-25 03:50'), []);
    assert.deepStrictEqual(at('2021-09-25 04:00').map((m) => m.slice(0, 14)), ['outside-event:']);
  });

  test('a day-change that is not a time of day is a schema error at its value, and days start at midnight', () => {
    const text = programme({ slots: '      - title: Late\n        start: 2021-09-25 01:00\n        duration: 10m\n' })
      .replace('  timezone: America/Los_Angeles\n', '  timezone: America/Los_Angeles\n  day-change: "25:00"\n');
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
    assert.deepStrictEqual(p.related?.map((r) => [r.start, r.end]), [[opening, opening + 16]]);
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
    const text = programme({
      slots: `      - title: A
        start: 2021-09-21 07:00
        duration: 30m
      - title: B
        start: 2021-09-21 07:10
        duration: 30m
`,
      top: '',
    }) + `  other:
    title: Other
    leads: [alice]
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
    assert.deepStrictEqual(p.related?.map((r) => [r.start, r.end]), [[talkBob, talkBob + 3]]);
  });

  test('a speaker listed twice in one slot is no conflict with itself', () => {
    const a = check(programme({ slots: '      - title: Solo\n        start: 2021-09-21 07:00\n        duration: 10m\n        speakers: [alice, alice]\n' }));
    assert.ok(!a.codes.includes('speaker-conflict'), a.codes.join());
  });

  test('speaker-night is reported in the speaker\'s own zone, from 22:00 to 07:00', () => {
    const at = (time: string): string[] => check(programme({
      people: '  carol:\n    name: Carol\n    timezone: Europe/Berlin\n',
      track: '    contacts: [carol]\n',
      slots: `      - title: Late
        start: 2021-09-21 ${time}
        duration: 10m
        speakers: [carol]
`,
    })).codes;
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
      slots: '      - title: Late\n        start: 2021-09-21 08:30\n        duration: 30m\n      - title: Over\n        start: 2021-09-22 07:45\n        duration: 30m\n',
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

  test('a slot with an invalid start is not "not scheduled", nor checked for overlaps', () => {
    const text = programme({
      slots: '      - title: A\n        start: 2021-09-21 07:00\n        duration: 30m\n      - title: B\n        start: 2021-02-30 07:10\n        duration: 30m\n',
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
      const hh = String(Math.floor(m / 60) % 24).padStart(2, '0'), mm = String(m % 60).padStart(2, '0');
      const day = 21 + Math.floor(m / 1440);
      slots += `      - title: Talk ${i}\n        start: 2021-09-${day} ${hh}:${mm}\n        duration: 5m\n        speakers: [alice]\n`;
    }
    const a = check(programme({ slots }));
    assert.deepStrictEqual(a.problems.filter((p) => p.code === 'slot-overlap' || p.code === 'speaker-conflict'), []);
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
    ['*nix tools', 'alias'], ['[WIP] Rust', 'opens a list'], ['{x} marks', 'opens a mapping'], ['@home', '`@`'],
    ['`ls` deep dive', 'backtick'], ['!important talk', 'tag'],
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
