/**
 * The problems of single values found while building the model: zones, calendar dates, DST
 * gaps and overlaps, event dates. Each is reported once, and what depends on a value already
 * reported is not reported again.
 */
import * as assert from 'assert';
import { check, programme } from '../support/fixtures';

// The fixture pair of each time and zone code is checked, with the rest of the check
// fixtures, in rules.test.ts: the expected range is written in the `.bad` fixture itself.

/** A programme in `zone` during `days` (first, last) with one slot at `start`. */
function at(zone: string, start: string, days: [string, string]): ReturnType<typeof check> {
  return check(
    programme({ zone, slots: `      - title: Talk\n        start: ${start}\n        duration: 20m\n` })
      .replace('start: 2021-09-20', `start: ${days[0]}`)
      .replace('end: 2021-09-24', `end: ${days[1]}`),
  );
}

suite('model: DST', () => {
  const la = (start: string, days: [string, string]): ReturnType<typeof check> => at('America/Los_Angeles', start, days);
  const berlin = (start: string, days: [string, string]): ReturnType<typeof check> => at('Europe/Berlin', start, days);
  const march = ['2021-03-13', '2021-03-31'] as [string, string];
  const autumn = ['2021-10-30', '2021-11-08'] as [string, string];

  test('Los Angeles: 2021-03-14 02:30 does not exist (clocks jump from 02:00 to 03:00)', () => {
    const a = la('2021-03-14 02:30', march);
    assert.deepStrictEqual(a.codes, ['nonexistent-time']);
    assert.match(a.problems[0].message, /clocks jump from 02:00 to 03:00/);
    assert.deepStrictEqual(la('2021-03-14 01:59', march).codes, []);
    assert.deepStrictEqual(la('2021-03-14 03:00', march).codes, []);
  });

  test('Los Angeles: 2021-11-07 01:30 happens twice; 00:59 and 02:00 once', () => {
    const a = la('2021-11-07 01:30', autumn);
    assert.deepStrictEqual(a.codes, ['ambiguous-time']);
    assert.match(a.problems[0].message, /UTC−7 and again at UTC−8/);
    assert.deepStrictEqual(la('2021-11-07 00:59', autumn).codes, []);
    assert.deepStrictEqual(la('2021-11-07 02:00', autumn).codes, []);
  });

  test('Berlin changes on its own dates: 2021-03-28 02:30 does not exist, 2021-10-31 02:30 is ambiguous', () => {
    const a = berlin('2021-03-28 02:30', march);
    assert.deepStrictEqual(a.codes, ['nonexistent-time']);
    assert.match(a.problems[0].message, /clocks jump from 02:00 to 03:00/);
    assert.deepStrictEqual(berlin('2021-10-31 02:30', autumn).codes, ['ambiguous-time']);
    // Los Angeles' change dates are ordinary days in Berlin, and the other way round.
    assert.deepStrictEqual(berlin('2021-03-14 02:30', march).codes, []);
    assert.deepStrictEqual(berlin('2021-11-07 01:30', autumn).codes, []);
    assert.deepStrictEqual(la('2021-03-28 02:30', march).codes, []);
    assert.deepStrictEqual(la('2021-10-31 02:30', autumn).codes, []);
  });

  test('an ambiguous start uses the earlier instant, so a slot across the change lasts its real duration', () => {
    const a = la('2021-11-07 01:30', autumn);
    const slot = a.model.slots[0];
    assert.strictEqual(slot.interval!.start.offset, -7 * 60);
    assert.strictEqual((slot.interval!.endMs - slot.interval!.startMs) / 60000, 20);
  });
});

suite('model: zones', () => {
  const zone = (z: string): ReturnType<typeof check> => check(programme({ zone: z }));

  test('legacy aliases come from tz data: Asia/Calcutta is an alias of Asia/Kolkata, not the other way', () => {
    const a = zone('Asia/Calcutta');
    assert.deepStrictEqual(a.codes, ['timezone-alias']);
    assert.match(a.problems[0].message, /canonical IANA zone is `Asia\/Kolkata`/);
    assert.deepStrictEqual(a.problems[0].data, { fix: 'replace', replacement: 'Asia/Kolkata', title: 'Change to `Asia/Kolkata`' });
    assert.deepStrictEqual(zone('Asia/Kolkata').codes, []);
  });

  test('more aliases and their modern names', () => {
    for (const [alias, canonical] of [
      ['US/Pacific', 'America/Los_Angeles'],
      ['Europe/Kiev', 'Europe/Kyiv'],
      ['America/Godthab', 'America/Nuuk'],
    ]) {
      const a = zone(alias);
      assert.deepStrictEqual(a.codes, ['timezone-alias'], alias);
      assert.strictEqual((a.problems[0].data as { replacement: string }).replacement, canonical);
      assert.deepStrictEqual(zone(canonical).codes, [], canonical);
    }
    // What everyone writes is not worth a note.
    assert.deepStrictEqual(zone('UTC').codes, []);
  });

  test('not a zone: invalid-timezone with a suggestion when there is a close one', () => {
    const a = zone('America/Los_Angles');
    assert.deepStrictEqual(a.codes, ['invalid-timezone']);
    assert.deepStrictEqual(a.problems[0].data, { fix: 'replace', replacement: 'America/Los_Angeles', title: 'Change to `America/Los_Angeles`' });
    for (const z of ['Mars/Olympus', 'UTC+5', 'america/los_angeles']) assert.deepStrictEqual(zone(z).codes, ['invalid-timezone'], z);
    assert.strictEqual((zone('america/los_angeles').problems[0].data as { replacement: string }).replacement, 'America/Los_Angeles');
  });

  test("a person's zone is checked the same way", () => {
    const a = check(programme({ people: '  carol:\n    name: Carol\n    timezone: Asia/Calcutta\n', track: '    contacts: [carol]\n' }));
    assert.deepStrictEqual(a.codes, ['timezone-alias']);
  });
});

suite('model: dates', () => {
  test('not a real date or time', () => {
    for (const [start, why] of [
      ['2021-02-29 10:00', /February 2021 has 28 days/],
      ['2021-09-21 25:00', /hours go from 00 to 23/],
      ['2021-09-21 10:60', /minutes go from 00 to 59/],
      ['2021-13-01 10:00', /no month 13/],
    ] as const) {
      const a = check(programme({ slots: `      - title: Talk\n        start: ${start}\n        duration: 20m\n` }));
      assert.deepStrictEqual(a.codes, ['invalid-datetime'], start);
      assert.match(a.problems[0].message, why);
    }
  });

  test('24:00 is not a time of the format (invalid-datetime), never a DST gap', () => {
    for (const zone of ['America/Los_Angeles', 'UTC', 'Europe/Berlin']) {
      const a = check(programme({ zone, slots: '      - title: Talk\n        start: 2021-09-21 24:00\n        duration: 20m\n' }));
      assert.deepStrictEqual(a.codes, ['invalid-datetime'], zone);
      assert.match(a.problems[0].message, /2021-09-21 24:00 is not a real time: hours go from 00 to 23 \(the end of a day is the next day's 00:00\)/);
      assert.doesNotMatch(a.problems[0].message, /clocks jump/);
    }
  });

  test('an invalid event date is reported once, and no slot is called outside the event', () => {
    const a = check(
      programme({ slots: '      - title: Talk\n        start: 2021-09-21 07:00\n        duration: 20m\n' }).replace('start: 2021-09-20', 'start: 2021-02-30'),
    );
    assert.deepStrictEqual(a.codes, ['invalid-datetime']);
  });

  test('a date the schema already rejects is not reported again', () => {
    const a = check(programme().replace('end: 2021-09-24', 'end: 2021-9-24'));
    assert.deepStrictEqual(a.codes, ['schema']);
  });
});

suite('model: one mistake, one diagnostic', () => {
  test('an unknown event zone: no time is resolved, so nothing downstream is reported', () => {
    const slots = `      - title: A
        start: 2021-03-14 02:30
        duration: 30m
      - title: B
        start: 2021-03-14 02:40
        duration: 30m
`;
    const a = check(programme({ zone: 'Mars/Olympus', slots }));
    assert.deepStrictEqual(a.codes, ['invalid-timezone']);
  });

  test('an unknown person zone: no speaker-night guess', () => {
    const a = check(
      programme({
        people: '  carol:\n    name: Carol\n    timezone: Mars/Olympus\n',
        slots: '      - title: Talk\n        start: 2021-09-21 01:00\n        duration: 20m\n        speakers: [carol]\n',
      }),
    );
    assert.deepStrictEqual(a.codes, ['invalid-timezone']);
  });

  test('a nonexistent slot start: no overlap, outside or not-scheduled report for that slot', () => {
    const a = check(
      programme({
        zone: 'America/Los_Angeles',
        slots:
          '      - title: A\n        start: 2021-03-14 02:00\n        duration: 1h\n      - title: B\n        start: 2021-03-14 02:30\n        duration: 30m\n',
      })
        .replace('start: 2021-09-20', 'start: 2021-03-13')
        .replace('end: 2021-09-24', 'end: 2021-03-15'),
    );
    assert.deepStrictEqual(a.codes, ['nonexistent-time', 'nonexistent-time']);
  });
});
