import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import ICAL from 'ical.js';
import { ics } from '../../server/src/core/exports/ics';
import { scheduleJson } from '../../server/src/core/exports/scheduleJson';
import { scheduleXml } from '../../server/src/core/exports/scheduleXml';
import { C3VOC, ROOT, XSD, scheduleJsonErrors } from '../support/exchange';
import { programme } from '../support/fixtures';
import { validateXml } from '../support/xmllint';
import { analyze, importSchedule, Model, CODES } from '../../server/src/core';

const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples/lpc2021-vfio-iommu-pci.programme.yaml'), 'utf8');
const SOURCES = ['frab-camp2019.json', 'pretalx-democon.json'];

function model(text: string): Model {
  return analyze(text).model;
}

function imported(name: string): string {
  return importSchedule(fs.readFileSync(path.join(C3VOC, name), 'utf8'), { source: name }).text;
}

/** Every VEVENT of an iCalendar text as [uid, start ms, end ms, summary, attendees' CN]. */
function vevents(text: string): { uid: string; start: number; end: number; summary: string; cns: string[]; location: string }[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      start: e.startDate.toJSDate().getTime(),
      end: e.endDate.toJSDate().getTime(),
      summary: e.summary,
      location: e.location,
      cns: v.getAllProperties('attendee').map((a) => String(a.getParameter('cn'))),
    };
  });
}

suite('exports: the canonical example', () => {
  const m = model(EXAMPLE);
  const scheduled = m.slots.filter((s) => s.interval);

  test('schedule.json validates against the official schema', () => {
    assert.deepStrictEqual(scheduleJsonErrors(JSON.parse(scheduleJson(m))), []);
  });

  test('schedule.json writes the canonical zone for a legacy alias (US/Pacific)', () => {
    const conf = JSON.parse(scheduleJson(m)).schedule.conference;
    assert.strictEqual(conf.time_zone_name, 'America/Los_Angeles');
    assert.strictEqual(conf.acronym, 'lpc2021');
    assert.strictEqual(conf.daysCount, 5);
    const first = Object.values(conf.days[1].rooms as Record<string, { date: string; duration: string }[]>)[0][0];
    assert.strictEqual(first.date, '2021-09-21T07:00:00-07:00');
  });

  test('schedule.xml validates against the official XSD', () => {
    const r = validateXml(scheduleXml(m), XSD);
    assert.ok(r.valid, r.errors);
  });

  test('iCalendar: one VEVENT per scheduled slot, at the same instants as the programme', () => {
    const events = vevents(ics(m));
    assert.strictEqual(events.length, scheduled.length);
    const expected = scheduled.map((s) => [s.title, s.interval!.startMs, s.interval!.endMs]).sort((a, b) => Number(a[1]) - Number(b[1]));
    assert.deepStrictEqual(
      events.map((e) => [e.summary, e.start, e.end]),
      expected,
    );
    assert.ok(ics(m).includes('DTSTART;TZID=America/Los_Angeles:20210921T070000'));
  });

  test('exports are deterministic: the same bytes twice, with UIDs stable across edits elsewhere', () => {
    assert.strictEqual(ics(m), ics(model(EXAMPLE)));
    assert.strictEqual(scheduleJson(m), scheduleJson(model(EXAMPLE)));
    assert.strictEqual(scheduleXml(m), scheduleXml(model(EXAMPLE)));
    const edited = model(EXAMPLE.replace('venue: Virtual', 'venue: Online'));
    assert.deepStrictEqual(
      vevents(ics(edited)).map((e) => e.uid),
      vevents(ics(m)).map((e) => e.uid),
    );
  });

  test('DTSTAMP comes from the option, else the first day (UTC), never the clock', () => {
    assert.match(ics(m), /\r\nDTSTAMP:20210920T070000Z\r\n/);
    assert.match(ics(m, { stamp: '2024-01-02T03:04:05Z' }), /\r\nDTSTAMP:20240102T030405Z\r\n/);
  });
});

suite('exports: programme days (event.day-change)', () => {
  const text = programme({
    slots: `      - title: Evening
        start: 2021-09-24 22:00
        duration: 2h
      - title: Late
        start: 2021-09-25 01:00
        duration: 30m
`,
  }).replace('  timezone: America/Los_Angeles\n', '  timezone: America/Los_Angeles\n  day-change: "04:00"\n');
  const m = model(text);

  test('schedule.json: a slot after midnight is in the day before, and days run from day-change to day-change', () => {
    const conf = JSON.parse(scheduleJson(m)).schedule.conference;
    assert.deepStrictEqual(scheduleJsonErrors(JSON.parse(scheduleJson(m))), []);
    assert.strictEqual(conf.daysCount, 5);
    const last = conf.days[4];
    assert.deepStrictEqual([last.date, last.day_start, last.day_end], ['2021-09-24', '2021-09-24T04:00:00-07:00', '2021-09-25T04:00:00-07:00']);
    const titles = (d: { rooms: Record<string, { title: string }[]> }): string[] =>
      Object.values(d.rooms)
        .flat()
        .map((e) => e.title);
    assert.deepStrictEqual(titles(last), ['Evening', 'Late']);
    assert.deepStrictEqual(conf.days.slice(0, 4).map(titles), [[], [], [], []]);
    assert.strictEqual(conf.days[0].day_start, '2021-09-20T04:00:00-07:00');
  });

  test('schedule.xml: the same days, and it validates', () => {
    const xml = scheduleXml(m);
    assert.ok(validateXml(xml, XSD).valid);
    assert.match(xml, /<day index="5" date="2021-09-24" start="2021-09-24T04:00:00-07:00" end="2021-09-25T04:00:00-07:00">/);
    assert.strictEqual((xml.match(/<day /g) ?? []).length, 5);
  });

  test('without day-change, days run from midnight and the late slot is a day of its own', () => {
    const conf = JSON.parse(scheduleJson(model(text.replace('  day-change: "04:00"\n', '')))).schedule.conference;
    assert.deepStrictEqual(conf.days.map((d: { date: string }) => d.date).slice(4), ['2021-09-24', '2021-09-25']);
    assert.strictEqual(conf.days[4].day_start, '2021-09-24T00:00:00-07:00');
  });
});

suite('exports: hostile text', () => {
  const hostile = 'Talk, with; commas\\ and "quotes" ' + 'é'.repeat(50) + ' <b>&amp;</b> ' + '会议'.repeat(20) + '🎤'.repeat(30);
  const text = programme({
    people: '  carol:\n    name: \'Rödel, Jörg "JR"; x:y \\ z\'\n',
    slots: `      - title: ${JSON.stringify(hostile)}\n        start: 2021-09-21 07:00\n        duration: 10m\n        speakers: [carol]\n        abstract: "line one\\nline two"\n`,
  });
  const m = model(text);

  test('iCalendar lines are folded at 75 octets without splitting a UTF-8 character', () => {
    const out = ics(m);
    for (const line of out.split('\r\n')) {
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
      assert.ok(!line.includes('\uFFFD'), line);
      assert.ok(!/[\uD800-\uDBFF]$/.test(line) && !/^ ?[\uDC00-\uDFFF]/.test(line), `a surrogate pair split: ${line}`);
    }
    assert.ok(
      out.split('\r\n').some((l) => l.startsWith(' ')),
      'a long line was folded',
    );
  });

  test('iCalendar escaping reads back exactly (summary, CN with quotes, commas and colons)', () => {
    const [e] = vevents(ics(m));
    assert.strictEqual(e.summary, hostile);
    assert.deepStrictEqual(e.cns, ['Rödel, Jörg "JR"; x:y \\ z']);
  });

  test('schedule.xml escapes markup and stays valid', () => {
    const xml = scheduleXml(m);
    assert.ok(xml.includes('&lt;b&gt;&amp;amp;&lt;/b&gt;'), xml);
    const r = validateXml(xml, XSD);
    assert.ok(r.valid, r.errors);
  });

  test('a zone whose VTIMEZONE is impossible to trust is written in UTC with the right instants', () => {
    const utc = model(programme({ zone: 'UTC' }));
    const out = ics(utc);
    assert.ok(!out.includes('BEGIN:VTIMEZONE'));
    assert.strictEqual(vevents(out)[0].start, utc.slots[0].interval!.startMs);
  });
});

suite('exports: imported real schedules', () => {
  for (const name of SOURCES) {
    test(`${name}: the import checks without error, and its exports validate`, () => {
      const a = analyze(imported(name));
      assert.deepStrictEqual(
        a.problems.filter((p) => (p.severity ?? CODES[p.code]) === 'error').map((p) => p.message),
        [],
      );
      assert.deepStrictEqual(scheduleJsonErrors(JSON.parse(scheduleJson(a.model))), []);
      const r = validateXml(scheduleXml(a.model), XSD);
      assert.ok(r.valid, r.errors);
      const events = vevents(ics(a.model));
      assert.strictEqual(events.length, a.model.slots.length);
    });

    test(`${name}: import then export gives the same events (title, start, duration, room, persons)`, () => {
      const source = JSON.parse(fs.readFileSync(path.join(C3VOC, name), 'utf8'));
      const again = JSON.parse(scheduleJson(model(imported(name))));
      const flat = (s: { schedule: { conference: { days: { rooms: Record<string, Record<string, unknown>[]> }[] } } }): string[] =>
        s.schedule.conference.days
          .flatMap((d) => Object.values(d.rooms).flat())
          .map((e) =>
            JSON.stringify([
              e.title,
              new Date(e.date as string).getTime(),
              toMinutes(e.duration as string),
              e.room,
              // Names are trimmed on import (frab has `"Tobias Zillner "`).
              (e.persons as { public_name?: string; name?: string }[]).map((p) => (p.public_name ?? p.name)?.trim()),
            ]),
          )
          .sort();
      const before = flat(source),
        after = flat(again);
      assert.strictEqual(after.length, before.length);
      before.forEach((b, i) => assert.strictEqual(after[i], b));
    });
  }
});

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}
