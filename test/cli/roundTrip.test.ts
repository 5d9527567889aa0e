/**
 * Real schedules (test/fixtures/real-schedules, test/fixtures/c3voc) through `programme import`
 * and `programme export --to schedule-json`: every event comes back with what consumers key on.
 * The expectations are read from each source file here, independently of the importer.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { DateTime } from 'luxon';
import { C3VOC, ROOT, XSD, scheduleJsonErrors } from '../support/exchange';
import { validateXml } from '../support/xmllint';
import { runCli, type CliResult } from '../support/cli';

const REAL = path.join(ROOT, 'test/fixtures/real-schedules');

const run = (args: string[], env: Record<string, string> = {}): CliResult => runCli(args, { env: { ...process.env, ...env } });

/** What a consumer keys on, for one event. Undefined fields are not compared (the source has none). */
interface Expected {
  key: string;
  title: string;
  /** Epoch milliseconds, when the source names an instant. */
  instant?: number;
  /** `HH:MM` as the source writes it. */
  local: string;
  minutes: number;
  room?: string;
  persons: string[];
  /** The programme day (`YYYY-MM-DD`) the event is listed under. */
  day: string;
  guid?: string;
  url?: string;
  language: string | null;
  subtitle: string;
  doNotRecord: boolean;
}

const absolute = (u: unknown): string | undefined => (typeof u === 'string' && /^https?:\/\/\S+$/.test(u.trim()) ? u.trim() : undefined);
const minutesOf = (d: string): number => {
  const [h, m] = d.split(':').map(Number);
  return h * 60 + m;
};
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

function fromScheduleJson(file: string): Expected[] {
  const conf = JSON.parse(fs.readFileSync(file, 'utf8')).schedule.conference;
  const out: Expected[] = [];
  for (const day of conf.days) {
    for (const [roomName, events] of Object.entries(day.rooms as Record<string, Record<string, unknown>[]>)) {
      for (const e of events) {
        out.push({
          key: `guid:${e.guid}`,
          title: e.title as string,
          instant: Date.parse(e.date as string),
          local: e.start as string,
          minutes: minutesOf(e.duration as string),
          room: str(e.room) || roomName,
          persons: (e.persons as Record<string, unknown>[]).map((p) => str(p.public_name ?? p.name)).sort(),
          day: day.date,
          guid: e.guid as string,
          url: absolute(e.url),
          language: str(e.language) || null,
          subtitle: str(e.subtitle),
          doNotRecord: e.do_not_record === true,
        });
      }
    }
  }
  return out;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (name) => ['day', 'room', 'event', 'person', 'link'].includes(name),
});
const text = (v: unknown): string => (Array.isArray(v) ? text(v[0]) : v && typeof v === 'object' ? str((v as Record<string, unknown>)['#text']) : str(v));

/** schedule.xml; `zone` is the zone the day starts are read in (wafer's day `date` is a UTC date). */
function fromScheduleXml(file: string, zone: string): Expected[] {
  const doc = xml.parse(fs.readFileSync(file, 'utf8'));
  const out: Expected[] = [];
  for (const day of doc.schedule.day) {
    const date = day['@_start'] ? DateTime.fromISO(day['@_start']).setZone(zone).toFormat('yyyy-MM-dd') : day['@_date'];
    for (const room of day.room ?? []) {
      for (const e of room.event ?? []) {
        const guid = e['@_guid'] as string | undefined;
        out.push({
          key: guid ? `guid:${guid}` : `id:${e['@_id']}`,
          title: text(e.title),
          instant: e.date ? Date.parse(text(e.date)) : undefined,
          local: text(e.start),
          minutes: minutesOf(text(e.duration)),
          room: text(e.room) || room['@_name'],
          persons: ((e.persons?.person ?? []) as unknown[]).map(text).sort(),
          day: date,
          guid,
          url: absolute(text(e.url)),
          language: text(e.language) || null,
          subtitle: text(e.subtitle),
          doNotRecord: text(e.recording?.optout) === 'true',
        });
      }
    }
  }
  return out;
}

function fromIndico(file: string): Expected[] {
  const event = JSON.parse(fs.readFileSync(file, 'utf8')).results[0];
  return (event.contributions as Record<string, any>[])
    .filter((c) => c.startDate)
    .map((c) => {
      const start = DateTime.fromISO(`${c.startDate.date}T${c.startDate.time}`, { zone: c.startDate.tz }).setZone(event.timezone);
      const people = (c.speakers?.length ? c.speakers : c.primaryauthors) as Record<string, string>[];
      return {
        key: `id:${c.friendly_id}`,
        title: c.title,
        instant: start.toMillis(),
        local: start.toFormat('HH:mm'),
        minutes: c.duration,
        room: str(c.roomFullname) || str(c.room) || undefined,
        persons: people.map((p) => `${p.first_name} ${p.last_name}`.trim()).sort(),
        day: start.toFormat('yyyy-MM-dd'),
        url: absolute(c.url),
        language: null,
        subtitle: '',
        doNotRecord: false,
      };
    });
}

interface Exported extends Expected {
  id: number;
}

function exported(data: any): Exported[] {
  const out: Exported[] = [];
  for (const day of data.schedule.conference.days) {
    for (const events of Object.values(day.rooms as Record<string, any[]>)) {
      for (const e of events) {
        out.push({
          key: '',
          id: e.id,
          title: e.title,
          instant: Date.parse(e.date),
          local: e.start,
          minutes: minutesOf(e.duration),
          room: e.room,
          persons: e.persons.map((p: { name: string }) => p.name).sort(),
          day: day.date,
          guid: e.guid,
          url: e.url,
          language: e.language || null,
          subtitle: e.subtitle,
          doNotRecord: e.do_not_record === true,
        });
      }
    }
  }
  return out;
}

/** `localZone`: where the source has no instant, the zone its local times must be read in. */
const CASES: { name: string; file: string; expected: () => Expected[]; args?: string[]; localZone?: string }[] = [
  {
    name: 'frab schedule.json without a zone name (35C3)',
    file: path.join(REAL, 'ccc-35c3.json'),
    expected: () => fromScheduleJson(path.join(REAL, 'ccc-35c3.json')),
  },
  {
    name: 'frab schedule.json (Camp 2019)',
    file: path.join(C3VOC, 'frab-camp2019.json'),
    expected: () => fromScheduleJson(path.join(C3VOC, 'frab-camp2019.json')),
  },
  {
    name: 'pretalx schedule.json whose zone contradicts its dates (DemoCon)',
    file: path.join(C3VOC, 'pretalx-democon.json'),
    expected: () => fromScheduleJson(path.join(C3VOC, 'pretalx-democon.json')),
  },
  {
    name: 'wafer schedule.xml (DebConf 23)',
    file: path.join(REAL, 'giggity-debconf23.xml'),
    expected: () => fromScheduleXml(path.join(REAL, 'giggity-debconf23.xml'), 'Asia/Kolkata'),
  },
  {
    name: 'Pentabarf schedule.xml (FOSDEM 2021)',
    file: path.join(REAL, 'giggity-fosdem_2021.xml'),
    expected: () => fromScheduleXml(path.join(REAL, 'giggity-fosdem_2021.xml'), 'UTC'),
    localZone: 'UTC',
  },
  {
    name: 'Pentabarf schedule.xml with --timezone Europe/Brussels',
    file: path.join(REAL, 'giggity-fosdem_2021.xml'),
    args: ['--timezone', 'Europe/Brussels'],
    expected: () => fromScheduleXml(path.join(REAL, 'giggity-fosdem_2021.xml'), 'UTC'),
    localZone: 'Europe/Brussels',
  },
  {
    name: 'Indico event export (XDC 2021)',
    file: path.join(REAL, 'voctosched-indico.json'),
    expected: () => fromIndico(path.join(REAL, 'voctosched-indico.json')),
  },
];

suite('import → export round trip of real schedules', function () {
  this.timeout(60_000);
  for (const c of CASES) {
    test(`${c.name}: every event comes back, and the exports validate`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'programme-roundtrip-'));
      const programme = path.join(dir, 'imported.programme.yaml');
      const imported = run(['import', c.file, '-o', programme, ...(c.args ?? [])]);
      assert.ok(imported.status === 0 || imported.status === 1, imported.stderr);
      // Errors left in the programme came from the source (FOSDEM has two talks at once in one room).
      const json = run(['export', programme, '--to', 'schedule-json', '--force']);
      assert.strictEqual(json.status, 0, json.stderr);
      const data = JSON.parse(json.stdout);
      assert.deepStrictEqual(scheduleJsonErrors(data), []);
      const xmlOut = run(['export', programme, '--to', 'schedule-xml', '--force']);
      const valid = validateXml(xmlOut.stdout, XSD);
      assert.ok(valid.valid, valid.errors);

      const expected = c.expected();
      const got = exported(data);
      const byGuid = new Map(got.map((e) => [`guid:${e.guid}`, e]));
      const byId = new Map(got.map((e) => [`id:${e.id}`, e]));
      assert.strictEqual(got.length, expected.length, 'as many events out as in');
      for (const want of expected) {
        const e = byGuid.get(want.key) ?? byId.get(want.key);
        assert.ok(e, `${want.key} (${want.title}) is exported`);
        const where = `${want.key} ${want.title}`;
        assert.strictEqual(e.title, want.title, where);
        if (want.instant !== undefined) assert.strictEqual(e.instant, want.instant, `${where}: start instant`);
        else if (c.localZone)
          assert.strictEqual(
            e.instant,
            DateTime.fromISO(`${want.day}T${want.local}`, { zone: c.localZone }).toMillis(),
            `${where}: start instant in ${c.localZone}`,
          );
        assert.strictEqual(e.local, want.local, `${where}: local start`);
        assert.strictEqual(e.minutes, want.minutes, `${where}: duration`);
        if (want.room) assert.strictEqual(e.room, want.room, `${where}: room`);
        assert.deepStrictEqual(e.persons, want.persons, `${where}: persons`);
        assert.strictEqual(e.day, want.day, `${where}: programme day`);
        if (want.guid) assert.strictEqual(e.guid, want.guid, `${where}: guid`);
        if (want.url) assert.strictEqual(e.url, want.url, `${where}: url`);
        assert.strictEqual(e.language, want.language, `${where}: language`);
        assert.strictEqual(e.subtitle, want.subtitle, `${where}: subtitle`);
        assert.strictEqual(e.doNotRecord, want.doNotRecord, `${where}: do_not_record`);
      }
      // The days are the source's: a talk after midnight adds no day.
      assert.deepStrictEqual(
        data.schedule.conference.days.map((d: { date: string }) => d.date),
        [...new Set(expected.map((e) => e.day))].sort(),
      );
    });
  }
});
