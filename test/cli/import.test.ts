import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { C3VOC, ROOT } from '../support/exchange';
import { runCli, type CliResult } from '../support/cli';

const REAL = path.join(ROOT, 'test/fixtures/real-schedules');

const run = (args: string[], env: Record<string, string> = {}): CliResult => runCli(args, { env: { ...process.env, ...env } });

function tmp(name: string, content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'programme-import-')), name);
  fs.writeFileSync(file, content);
  return file;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** DemoCon (pretalx) as an object, to make odd variants of a real file. */
function democon(): any {
  return JSON.parse(fs.readFileSync(path.join(C3VOC, 'pretalx-democon.json'), 'utf8'));
}

function firstRoom(source: any, day = 0): { name: string; events: any[] } {
  const name = Object.keys(source.schedule.conference.days[day].rooms)[0];
  return { name, events: source.schedule.conference.days[day].rooms[name] };
}

suite('programme import', function () {
  this.timeout(120_000);

  test('frab: -o writes a programme that checks without error, zone and local times as in the file', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'programme-import-')), 'camp.programme.yaml');
    const r = run(['import', path.join(C3VOC, 'frab-camp2019.json'), '-o', out]);
    // Camp 2019 has attachments with relative URLs: listed, and the exit code says so.
    assert.strictEqual(r.status, 1, r.stderr);
    assert.match(
      r.stderr,
      /\$\.schedule\.conference\.days\[0\]\.rooms\.Curie\[2\]\.attachments\[0\]: `\/system\/event_attachments\/[^`]+` is not an absolute URL: left out/,
    );
    const check = run(['check', out]);
    assert.strictEqual(check.status, 0, check.stdout);
    const text = fs.readFileSync(out, 'utf8');
    assert.match(text, /timezone: Europe\/Berlin\n\s+day-change: 04:00\n/);
    assert.match(text, /start: 2019-08-22 12:00\n\s+duration: 45m\n\s+room: curie/);
    assert.match(
      text,
      /guid: a0a0fcfe-b7fb-46e3-84b6-97a5406016b4\n\s+source-id: 10386\n\s+slug: Camp2019-10386-opening_ceremony\n\s+url: https:\/\/fahrplan\.events\.ccc\.de\/camp\/2019\/Fahrplan\/events\/10386\.html\n\s+language: en\n/,
    );
  });

  test('pretalx: to stdout; its zone (UTC) contradicts its dates (+01:00): reported, times kept as written', () => {
    const r = run(['import', path.join(C3VOC, 'pretalx-democon.json')]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# Imported from pretalx-democon\.json \(a schedule\.json/);
    assert.match(r.stdout, /\nprogramme: 1\n/);
    assert.match(
      r.stderr,
      /time_zone_name: the file names the zone UTC, but \$\.schedule\.conference\.days\[0\]\.rooms\["Gray Room"\]\[0\]\.date is at UTC\+1, where UTC is at UTC/,
    );
    assert.match(r.stdout, /timezone: Etc\/GMT-1\n/);
    assert.match(r.stdout, /title: Focused 5thgeneration hardware\n(\s+\S.*\n)*?\s+start: 2020-12-14 09:00\n/);
  });

  test('a frab export without a zone name keeps 11:00 at 11:00 and says so; --timezone names the zone', () => {
    const file = path.join(REAL, 'ccc-35c3.json');
    const kept = run(['import', file]);
    assert.strictEqual(kept.status, 1, kept.stderr);
    assert.match(kept.stdout, /timezone: Etc\/GMT-1\n\s+day-change: 03:00\n/);
    assert.match(kept.stdout, /title: Opening Event\n\s+subtitle: "35C3: Refreshing Memories"\n(\s+\S.*\n)*?\s+start: 2018-12-27 11:00\n/);
    assert.match(
      kept.stderr,
      /\$\.schedule\.conference: no time zone named: local times are kept as written, at UTC\+1 \(zone Etc\/GMT-1\); name the conference's zone with --timezone ZONE/,
    );
    const named = run(['import', file, '--timezone', 'Europe/Berlin']);
    assert.match(named.stdout, /timezone: Europe\/Berlin\n/);
    assert.match(named.stdout, /title: Opening Event\n(\s+\S.*\n)*?\s+start: 2018-12-27 11:00\n/);
    assert.doesNotMatch(named.stderr, /zone/);
    const wrong = run(['import', file, '--timezone', 'America/New_York']);
    assert.match(
      wrong.stderr,
      /--timezone America\/New_York contradicts the file: \$\.schedule\.conference\.days\[0\]\.rooms\.\w+\[0\]\.date is at UTC\+1, where America\/New_York is at UTC−5/,
    );
    const bad = run(['import', file, '--timezone', 'Europe/Berln']);
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /import: --timezone: `Europe\/Berln` is not an IANA time zone \(did you mean `Europe\/Berlin`\?\)/);
  });

  test('TZ=Asia/Tokyo and TZ=UTC give byte-identical imports, also of dates without offset', () => {
    const camp = fs.readFileSync(path.join(C3VOC, 'frab-camp2019.json'), 'utf8').replace(/(T\d\d:\d\d:\d\d)\+02:00/g, '$1');
    assert.ok(!/T\d\d:\d\d:\d\d\+02:00/.test(camp));
    const noOffsets = tmp('camp-local.json', camp);
    const files = [
      noOffsets,
      path.join(REAL, 'giggity-fosdem_2021.xml'),
      path.join(REAL, 'giggity-debconf23.xml'),
      path.join(REAL, 'ccc-35c3.json'),
      path.join(REAL, 'voctosched-indico.json'),
    ];
    for (const file of files) {
      const tokyo = run(['import', file], { TZ: 'Asia/Tokyo' });
      const utc = run(['import', file], { TZ: 'UTC' });
      assert.ok(tokyo.stdout.length > 1000, tokyo.stderr);
      assert.strictEqual(tokyo.stdout, utc.stdout, file);
      assert.strictEqual(tokyo.stderr, utc.stderr, file);
    }
    // Dates without offset are read in the file's zone.
    assert.match(run(['import', noOffsets], { TZ: 'Asia/Tokyo' }).stdout, /start: 2019-08-22 12:00\n\s+duration: 45m\n\s+room: curie/);
  });

  test('one odd event aborts nothing: a 00:00 duration, a link without URL, a relative URL, a date of the wrong type are each listed with their path', () => {
    const source = democon();
    const { name, events } = firstRoom(source);
    const at = `$.schedule.conference.days[0].rooms${/^\w+$/.test(name) ? '.' + name : `["${name}"]`}`;
    events[0].duration = '00:00';
    events[1].links = [{ title: 'Slides' }, { url: 'www.example.org', title: 'Home' }, { url: 'https://example.org/kept', title: 'Kept' }];
    events[2].date = 42;
    const r = run(['import', tmp('odd.json', JSON.stringify(source))]);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.ok(r.stderr.includes(`${at}[0].duration: \`${events[0].title}\` lasts 00:00: a slot needs a length of at least a minute: left out`), r.stderr);
    assert.ok(r.stderr.includes(`${at}[1].links[0]: a link without a URL (\`Slides\`): left out`), r.stderr);
    assert.ok(r.stderr.includes(`${at}[1].links[1]: \`www.example.org\` is not an absolute URL: left out`), r.stderr);
    assert.ok(
      r.stderr.includes(`${at}[2].date: \`${events[2].title}\`: \`42\` is not an ISO date-time: the start is read from the day's date and \`start\``),
      r.stderr,
    );
    assert.match(r.stderr, /35 of 36 events imported/);
    assert.match(r.stdout, /url: https:\/\/example\.org\/kept/);
    assert.ok(!r.stdout.includes(`title: ${events[0].title}\n`));
  });

  test('people: one per id and name; ids reused by different names are said on stderr', () => {
    const source = democon();
    const { events } = firstRoom(source);
    events[0].persons = [{ id: 9001, public_name: 'Ada Lovelace' }];
    events[1].persons = [{ id: 9001, public_name: 'Grace Hopper' }];
    events[2].persons = [{ id: 9001, public_name: 'Ada Lovelace' }];
    const r = run(['import', tmp('merged.json', JSON.stringify(source))]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stderr, /person id 9001 is used by 2 different names \(Ada Lovelace; Grace Hopper\): imported as 2 people, one per id and name/);
    assert.match(r.stdout, /\n  ada-lovelace:\n    name: Ada Lovelace\n/);
    assert.match(r.stdout, /\n  grace-hopper:\n    name: Grace Hopper\n/);
    assert.strictEqual((r.stdout.match(/name: Ada Lovelace/g) ?? []).length, 1);
  });

  test('malformed JSON names the file, line and column', () => {
    const file = tmp('bad.json', '{\n  "schedule": {\n    "version": "1",,\n  }\n}\n');
    const r = run(['import', file]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, new RegExp(`${escape(file)}:3:20: not valid JSON`));
  });

  test('malformed XML names the line and column', () => {
    const file = tmp('bad.xml', '<?xml version="1.0"?>\n<schedule>\n  <day index="1">\n  </room>\n</schedule>\n');
    const r = run(['import', file]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, new RegExp(`${escape(file)}:4:\\d+: not well-formed XML: `));
  });

  test('what import cannot read is named, with what it reads', () => {
    const cases: [string, string, RegExp][] = [
      [
        'cal.ics',
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n',
        /:1:1: this is an iCalendar file: it has no rooms, tracks or speakers to import; import reads schedule\.json/,
      ],
      [
        'v2.json',
        JSON.stringify({ $schema: 'https://c3voc.de/schedule/schema.json', schedule: { version: '2.0', events: [] } }),
        /\$\.schedule: a schedule version 2 file \(flat `events` with `rooms`\): import reads schedule\.json version 1/,
      ],
      ['other.json', JSON.stringify({ name: 'x', items: [] }), /: \$: a JSON file import does not know \(keys `name`, `items`\): import reads schedule\.json/],
      ['other.xml', '<?xml version="1.0"?>\n<rss><channel/></rss>\n', /: \/rss: an XML file whose root element is <rss>, not <schedule>: import reads/],
      [
        'timetable.json',
        JSON.stringify({ _type: 'HTTPAPIResult', results: { '1': { '20210915': {} } } }),
        /\$\.results: an Indico timetable export .*\/export\/event\/ID\.json\?detail=contributions/,
      ],
      ['empty.json', '', /the file is empty: import reads/],
    ];
    for (const [name, content, message] of cases) {
      const r = run(['import', tmp(name, content)]);
      assert.strictEqual(r.status, 2, name);
      assert.match(r.stderr, message, name);
      assert.strictEqual(r.stdout, '', name);
    }
  });

  test('Pentabarf schedule.xml: no zone in the file: kept as written in UTC, said on stderr; --timezone Europe/Brussels names it', () => {
    const file = path.join(REAL, 'giggity-fosdem_2021.xml');
    const kept = run(['import', file]);
    assert.match(
      kept.stderr,
      /\/schedule\/conference: no time zone and no UTC offset in the file: local times are kept as written, in UTC; name the conference's zone with --timezone ZONE/,
    );
    assert.match(kept.stdout, /title: Welcome to FOSDEM 2021\n(\s+\S.*\n)*?\s+start: 2021-02-06 09:00\n/);
    const named = run(['import', file, '--timezone', 'Europe/Brussels']);
    assert.match(named.stdout, /timezone: Europe\/Brussels\n/);
    assert.match(named.stdout, /title: Welcome to FOSDEM 2021\n(\s+\S.*\n)*?\s+start: 2021-02-06 09:00\n/);
    assert.match(named.stderr, /\/schedule\/day\[1\]\/room\[25\]\/event\[4\]\/links\/link\[3\]: `https:\/\/` is not an absolute URL: left out/);
  });

  test('Indico: sessions become tracks, primary authors speakers with their affiliation, contribution numbers and URLs kept', () => {
    const r = run(['import', path.join(REAL, 'voctosched-indico.json')]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /timezone: Europe\/Warsaw\n/);
    assert.match(r.stdout, /\n  martin-peres:\n    name: Martin Peres\n    affiliation: X\.Org\n/);
    assert.match(
      r.stdout,
      /title: Making bare-metal testing accessible to every developer\n(\s+\S.*\n)*?\s+start: 2021-09-17 16:10\n\s+duration: 20m\n\s+speakers:\n\s+- martin-peres\n/,
    );
    assert.match(r.stdout, /source-id: 12\n\s+url: https:\/\/indico\.freedesktop\.org\/event\/1\/contributions\/26\/\n/);
    assert.match(r.stdout, /\n  main-track:\n    title: Main Track\n/);
  });

  test('hub schedule.json: days from 10:30 to 06:00; a 01:30 talk after the last evening stays on the last day, person guids and HH:MM:SS durations kept', () => {
    const ev = (guid: string, date: string, start: string, duration: string, title: string, person: { guid: string; name: string }): object => ({
      guid,
      id: Number(guid.slice(-3)),
      date,
      start,
      duration,
      room: 'Saal 1',
      slug: `hub-${title.toLowerCase().replace(/\W+/g, '-')}`,
      url: `https://events.ccc.de/congress/2023/hub/event/${guid}`,
      title,
      subtitle: '',
      track: 'Hardware',
      type: 'Talk',
      language: 'en',
      abstract: '',
      do_not_record: false,
      persons: [person],
      links: [],
      attachments: [],
    });
    const ada = { guid: '0b7f2c1e-1111-4a2b-8c3d-000000000001', name: 'Ada' };
    const hub = {
      schedule: {
        version: 'hub',
        conference: {
          acronym: '37c3',
          title: '37C3',
          start: '2023-12-27',
          end: '2023-12-28',
          daysCount: 2,
          timeslot_duration: '00:05',
          time_zone_name: 'Europe/Berlin',
          rooms: [{ name: 'Saal 1', guid: 'ba692ba3-421b-5371-8309-60acc34a3c05' }],
          days: [
            {
              index: 1,
              date: '2023-12-27',
              day_start: '2023-12-27T10:30:00+01:00',
              day_end: '2023-12-28T06:00:00+01:00',
              rooms: { 'Saal 1': [ev('5d1c6a4e-2222-4b3c-9d4e-000000000101', '2023-12-27T11:00:00+01:00', '11:00', '00:40:00', 'Opening', ada)] },
            },
            {
              index: 2,
              date: '2023-12-28',
              day_start: '2023-12-28T10:30:00+01:00',
              day_end: '2023-12-29T06:00:00+01:00',
              rooms: {
                'Saal 1': [
                  ev('5d1c6a4e-2222-4b3c-9d4e-000000000102', '2023-12-28T22:00:00+01:00', '22:00', '01:00:00', 'Evening', ada),
                  ev('5d1c6a4e-2222-4b3c-9d4e-000000000103', '2023-12-29T01:30:00+01:00', '01:30', '00:30:00', 'After Midnight', {
                    guid: '0b7f2c1e-1111-4a2b-8c3d-000000000002',
                    name: 'Grace',
                  }),
                ],
              },
            },
          ],
        },
      },
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'programme-import-'));
    const programme = path.join(dir, 'hub.programme.yaml');
    const r = run(['import', tmp('hub.json', JSON.stringify(hub)), '-o', programme]);
    assert.strictEqual(r.status, 0, r.stderr);
    const text = fs.readFileSync(programme, 'utf8');
    assert.match(text, /start: 2023-12-27\n\s+end: 2023-12-28\n\s+timezone: Europe\/Berlin\n\s+day-change: 06:00\n/);
    assert.match(text, /title: After Midnight\n(\s+\S.*\n)*?\s+start: 2023-12-29 01:30\n\s+duration: 30m\n/);
    assert.match(text, /\n  ada:\n    name: Ada\n    guid: 0b7f2c1e-1111-4a2b-8c3d-000000000001\n/);
    assert.strictEqual(run(['check', programme]).status, 0);
    const out = JSON.parse(run(['export', programme, '--to', 'schedule-json']).stdout);
    const days = out.schedule.conference.days;
    assert.deepStrictEqual(
      days.map((d: { date: string }) => d.date),
      ['2023-12-27', '2023-12-28'],
      'no extra day',
    );
    const last = Object.values(days[1].rooms).flat() as {
      title: string;
      guid: string;
      date: string;
      duration: string;
      persons: { guid: string; name: string }[];
    }[];
    assert.deepStrictEqual(
      last.map((e) => [e.title, e.guid, e.date, e.duration]),
      [
        ['Evening', '5d1c6a4e-2222-4b3c-9d4e-000000000102', '2023-12-28T22:00:00+01:00', '01:00'],
        ['After Midnight', '5d1c6a4e-2222-4b3c-9d4e-000000000103', '2023-12-29T01:30:00+01:00', '00:30'],
      ],
    );
    assert.deepStrictEqual(last[1].persons, [{ guid: '0b7f2c1e-1111-4a2b-8c3d-000000000002', name: 'Grace' }]);
  });

  test('an event outside the years 0001-9999 is left out with its path (exit 1), never written as `Invalid DateTime`', () => {
    const source = JSON.parse(fs.readFileSync(path.join(C3VOC, 'pretalx-democon.json'), 'utf8'));
    const first = Object.keys(source.schedule.conference.days[0].rooms)[0];
    // Two hours from 23:30 on the last day of 9999: the end is in the year 10000.
    Object.assign(source.schedule.conference.days[0].rooms[first][0], { date: '9999-12-31T23:30:00+00:00', start: '23:30', duration: '02:00' });
    const r = run(['import', tmp('s.json', JSON.stringify(source))]);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.ok(!/Invalid/.test(r.stdout + r.stderr), r.stdout);
    assert.match(r.stderr, /\[0\]: `[^`]+` starts or ends outside the years 0001 to 9999 that a programme can hold: left out/);
  });

  test('a schedule over the size limit is refused before it is read (exit 2); --max-size sets the limit', () => {
    const source = path.join(C3VOC, 'frab-camp2019.json');
    const mb = (fs.statSync(source).size / 1024 / 1024).toFixed(1);
    const r = run(['import', source, '--max-size', '0.05']);
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stdout, '');
    assert.ok(r.stderr.includes(`frab-camp2019.json: too large: ${mb} MB is over the limit of 0.05 MB for import (--max-size MB raises it)`), r.stderr);
    assert.notStrictEqual(run(['import', source, '--max-size', '5']).status, 2, 'imported under a larger limit');
    const bad = run(['import', source, '--max-size', 'lots']);
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /--max-size `lots` is not a positive number of megabytes/);
  });
});
