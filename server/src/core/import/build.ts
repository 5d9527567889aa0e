/**
 * A schedule as a reader found it (source.ts) → the text of a programme file. Decides:
 * - the zone: `--timezone`, else the file's own zone if its events' offsets agree, else one
 *   that keeps every local time as written (`Etc/GMT-1` for a file all at +01:00, a zone that
 *   fits every offset, or UTC when the file has no offset at all), said in a note;
 * - every instant: a `date` with offset as written, a date without offset (or a day's date and
 *   `start`) in that zone, never the machine's;
 * - `day-change` from the source's day boundaries, so that a talk after midnight stays on the
 *   day it was listed under;
 * - people: one per guid, else one per (id, name), else per code and name, else per name;
 * - unique ids for rooms, tracks, people and slots.
 * Whatever cannot be taken over as written is a note with its path; nothing throws for one event.
 */
import { Document } from 'yaml';
import { formatDuration, fixedOffsetZone, localInstant, localParts, nextDate, offsetAt, readISO, zoneInfo, zonesMatching } from '../model/time';
import { UniqueIds, slugify } from '../exports/slug';
import { ImportError, ImportNote, SourceDay, SourceEvent, SourceLink, SourcePerson, SourceSchedule, clockText } from './source';

export interface BuildOptions {
  /** The conference zone, when the user names it (`--timezone`). */
  timezone?: string;
  /** The file name, for the comment at the top. */
  source?: string;
}

export interface ImportResult {
  text: string;
  notes: ImportNote[];
  /** What the file was read as (`a schedule.xml (wafer)`). */
  format: string;
  /** The zone the programme is in. */
  zone: string;
  /** False when neither the file nor the options named it: local times were kept as written. */
  zoneNamed: boolean;
  /** Events in the file, and slots imported from them. */
  events: number;
  slots: number;
  /** True when a note says something was left out. */
  leftOut: boolean;
}

const URL_RE = /^([Hh][Tt][Tt][Pp][Ss]?:\/\/|[Mm][Aa][Ii][Ll][Tt][Oo]:)[^\s]+$/;
const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

interface Resolved {
  ev: SourceEvent;
  order: number;
  ms?: number;
  minutes: number;
  local?: { date: string; time: string };
  room?: string;
  track: string;
  persons: string[];
  materials: { title: string; url: string }[];
  attachments: { title: string; url: string }[];
  url?: string;
  guid?: string;
  id: string;
}

export function buildProgramme(src: SourceSchedule, options: BuildOptions = {}): ImportResult {
  const notes = src.notes;
  const note = (path: string, message: string, leftOut = true): void => {
    notes.push({ path, message, leftOut });
  };
  const { zone, named } = chooseZone(src, options.timezone, note);
  const dayChange = chooseDayChange(src, zone);
  const dayDates = src.days.map((d) => listedDate(d, zone, dayChange));
  const people = new People(note);
  const rooms = new Named('room');
  const tracks = new Named('track');
  const slotIds = new UniqueIds();
  for (const r of src.rooms) rooms.id(r);
  const resolved: Resolved[] = [];
  src.events.forEach((ev, order) => {
    const r = resolve(ev, order, zone, dayChange, ev.day !== undefined ? dayDates[ev.day] : undefined, note);
    if (!r) return;
    r.room = ev.room ? rooms.id(ev.room) : undefined;
    r.track = tracks.id(ev.track ?? 'General');
    r.persons = ev.persons.map((p) => people.id(p));
    const wanted = slugify(ev.slug ?? ev.title!) || 'slot';
    r.id = slotIds.take(wanted, `slot-${wanted}`);
    resolved.push(r);
  });
  people.reportReusedIds();
  resolved.sort((a, b) => (a.ms ?? Infinity) - (b.ms ?? Infinity) || cmp(a.room ?? '', b.room ?? '') || a.order - b.order);
  const text = render(src, zone, dayChange, dayDates, resolved, people, rooms, tracks, options.source ?? 'a schedule');
  return { text, notes, format: src.format, zone, zoneNamed: named, events: src.events.length, slots: resolved.length, leftOut: notes.some((n) => n.leftOut) };
}

type Note = (path: string, message: string, leftOut?: boolean) => void;

/** 0001-01-02 and 9999-12-30 (UTC): within them, an instant has a four-digit year in every zone. */
const FIRST_MS = -62135510400000,
  LAST_MS = 253402128000000;

function writable(ms: number): boolean {
  return Number.isFinite(ms) && ms >= FIRST_MS && ms <= LAST_MS;
}

function resolve(ev: SourceEvent, order: number, zone: string, dayChange: string, listed: string | undefined, note: Note): Resolved | undefined {
  if (!ev.title) {
    note(ev.path, 'an event without a title: left out');
    return undefined;
  }
  const what = `\`${ev.title.length > 50 ? ev.title.slice(0, 50) + '…' : ev.title}\``;
  if (ev.minutes === undefined) {
    note(
      `${ev.path}${ev.durationText === undefined ? '' : '.duration'}`,
      ev.durationText === undefined ? `${what} has no duration: left out` : `${what}: \`${ev.durationText}\` is not a duration (HH:MM): left out`,
    );
    return undefined;
  }
  if (ev.minutes <= 0) {
    note(`${ev.path}.duration`, `${what} lasts ${ev.durationText ?? '0'}: a slot needs a length of at least a minute: left out`);
    return undefined;
  }
  const r: Resolved = { ev, order, minutes: ev.minutes, track: '', persons: [], materials: [], attachments: [], id: '' };
  if (ev.scheduled) {
    r.ms = instant(ev, zone, dayChange, note, what);
    if (r.ms !== undefined && !(writable(r.ms) && writable(r.ms + r.minutes * 60_000))) {
      note(ev.path, `${what} starts or ends outside the years 0001 to 9999 that a programme can hold: left out`);
      return undefined;
    }
    if (r.ms !== undefined) {
      r.local = localParts(r.ms, zone);
      const day = programmeDate(r.local, dayChange);
      if (listed && day !== listed)
        note(ev.path, `${what} is listed under the day ${listed} but starts ${r.local.date} ${r.local.time} (${zone}): its programme day is ${day}`, false);
    }
  }
  r.materials = links(ev.links, note);
  r.attachments = links(ev.attachments, note);
  if (ev.url) {
    if (URL_RE.test(ev.url)) r.url = ev.url;
    else note(`${ev.path}.url`, `\`${ev.url}\` is not an absolute URL: left out`);
  }
  if (ev.guid) {
    if (UUID_RE.test(ev.guid)) r.guid = ev.guid;
    else note(`${ev.path}.guid`, `\`${ev.guid}\` is not a UUID: left out (exports make one)`);
  }
  return r;
}

/** The event's instant, or undefined (with a note) when its start cannot be read. */
function instant(ev: SourceEvent, zone: string, dayChange: string, note: Note, what: string): number | undefined {
  if (ev.zoned) {
    const tz = zoneInfo(ev.zoned.zone).valid ? ev.zoned.zone : zone;
    const ms = localInstant(ev.zoned.date, ev.zoned.time, tz);
    if (ms !== undefined) return ms;
    note(`${ev.path}.startDate`, `${what}: \`${ev.zoned.date} ${ev.zoned.time}\` is not a date and time: imported as not scheduled`);
    return undefined;
  }
  if (ev.date) {
    const t = readISO(ev.date, zone);
    if (t) return t.ms;
    if (!ev.start || !ev.dayDate) {
      note(`${ev.path}.date`, `${what}: \`${ev.date}\` is not an ISO date-time: imported as not scheduled`);
      return undefined;
    }
    note(`${ev.path}.date`, `${what}: \`${ev.date}\` is not an ISO date-time: the start is read from the day's date and \`start\``, false);
  }
  const start = ev.start ? /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(ev.start) : null;
  if (start && ev.dayDate && /^\d{4}-\d{2}-\d{2}$/.test(ev.dayDate)) {
    const time = `${start[1].padStart(2, '0')}:${start[2]}`;
    // Pentabarf: a start before the day change is on the next calendar date.
    const date = time < dayChange ? nextDate(ev.dayDate) : ev.dayDate;
    const ms = localInstant(date, time, zone);
    if (ms !== undefined) return ms;
  }
  note(ev.path, `${what} has no readable start (\`date\`, or the day's date and \`start\`): imported as not scheduled`);
  return undefined;
}

function links(list: SourceLink[], note: Note): { title: string; url: string }[] {
  const out: { title: string; url: string }[] = [];
  for (const l of list) {
    if (!l.url) note(l.path, `a link without a URL${l.title ? ` (\`${l.title}\`)` : ''}: left out`);
    else if (!URL_RE.test(l.url)) note(l.path, `\`${l.url}\` is not an absolute URL: left out`);
    else out.push({ title: l.title ?? l.url, url: l.url });
  }
  return out;
}

/**
 * The programme date of a source day: the date its start falls on in the zone (wafer's `date`
 * is the UTC date of a day that starts at 03:00 local), else its `date`.
 */
function listedDate(day: SourceDay, zone: string, dayChange: string): string | undefined {
  const start = day.start ? readISO(day.start, zone) : undefined;
  if (start) return programmeDate(localParts(start.ms, zone), dayChange);
  return day.date && /^\d{4}-\d{2}-\d{2}$/.test(day.date) ? day.date : undefined;
}

function programmeDate(local: { date: string; time: string }, dayChange: string): string {
  return local.time < dayChange ? nextDate(local.date, -1) : local.date;
}

function offsetText(offset: number): string {
  if (offset === 0) return 'UTC';
  const a = Math.abs(offset);
  return `UTC${offset < 0 ? '−' : '+'}${Math.floor(a / 60)}${a % 60 ? ':' + String(a % 60).padStart(2, '0') : ''}`;
}

/**
 * The offset of every event's local time as the file writes it: `start` minus the UTC time of
 * the instant its `date` names (wafer writes `date` in UTC, `+00:00`, and `start` in local
 * time); the `date`'s own offset when there is no `start`.
 */
function writtenOffsets(src: SourceSchedule): { ms: number; offset: number; path: string }[] {
  const out: { ms: number; offset: number; path: string }[] = [];
  for (const ev of src.events) {
    const t = ev.date ? readISO(ev.date, 'UTC') : undefined;
    if (!t || t.offset === undefined) continue;
    const start = clockText(ev.start);
    let offset = t.offset;
    if (start) {
      const utc = localParts(t.ms, 'UTC').time;
      offset = (minutes(start) - minutes(utc) + 24 * 60) % (24 * 60);
      if (offset > 14 * 60) offset -= 24 * 60;
    }
    out.push({ ms: t.ms, offset, path: `${ev.path}${start && offset !== t.offset ? '.start' : '.date'}` });
  }
  return out;
}

function chooseZone(src: SourceSchedule, option: string | undefined, note: Note): { zone: string; named: boolean } {
  const times = writtenOffsets(src);
  const contradiction = (zone: string): { ms: number; offset: number; path: string } | undefined => times.find((t) => offsetAt(zone, t.ms) !== t.offset);
  const conflict = (zone: string, t: { ms: number; offset: number; path: string }): string =>
    `${t.path} is at ${offsetText(t.offset)}, where ${zone} is at ${offsetText(offsetAt(zone, t.ms))}`;
  if (option !== undefined) {
    const info = zoneInfo(option);
    if (!info.valid)
      throw new ImportError(
        '--timezone',
        `\`${option}\` is not an IANA time zone${info.suggestions?.length ? ` (did you mean \`${info.suggestions[0]}\`?)` : ' (like `Europe/Berlin`)'}`,
      );
    const zone = info.canonical ?? option;
    const bad = contradiction(zone);
    if (bad)
      note(
        bad.path,
        `--timezone ${option} contradicts the file: ${conflict(zone, bad)}; the written instants are kept, so local times differ from the file's`,
        false,
      );
    return { zone, named: true };
  }
  if (src.zone) {
    const info = zoneInfo(src.zone.name);
    if (!info.valid) note(src.zone.path, `\`${src.zone.name}\` is not an IANA time zone: not used`, false);
    else {
      const zone = info.canonical ?? src.zone.name;
      const bad = contradiction(zone);
      if (!bad) return { zone, named: true };
      note(src.zone.path, `the file names the zone ${src.zone.name}, but ${conflict(zone, bad)}: the times are kept as written instead`, false);
    }
  }
  const hint = "name the conference's zone with --timezone ZONE (an IANA name like Europe/Berlin)";
  const where = src.zone?.path ?? (src.format.includes('xml') ? '/schedule/conference' : '$.schedule.conference');
  if (!times.length) {
    note(where, `no time zone and no UTC offset in the file: local times are kept as written, in UTC; ${hint}`, false);
    return { zone: 'UTC', named: false };
  }
  const offsets = [...new Set(times.map((t) => t.offset))];
  if (offsets.length === 1) {
    const fixed = fixedOffsetZone(offsets[0]);
    if (fixed) {
      if (!src.zone) note(where, `no time zone named: local times are kept as written, at ${offsetText(offsets[0])} (zone ${fixed}); ${hint}`, false);
      else note(where, `local times are kept as written, at ${offsetText(offsets[0])} (zone ${fixed}); ${hint}`, false);
      return { zone: fixed, named: false };
    }
  }
  const fitting = zonesMatching(times);
  if (fitting.length) {
    note(
      where,
      `no usable time zone named: the offsets written (${offsets.map(offsetText).join(', ')}) fit ${fitting.length === 1 ? 'only the zone' : `${fitting.length} zones; the first is used:`} ${fitting[0]}; ${hint}`,
      false,
    );
    return { zone: fitting[0], named: false };
  }
  // Offsets no zone explains: the most frequent one; the others keep their instants.
  const count = new Map<number, number>();
  for (const t of times) count.set(t.offset, (count.get(t.offset) ?? 0) + 1);
  const best = [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  const zone = fixedOffsetZone(best) ?? 'UTC';
  note(
    where,
    `the offsets written (${offsets.map(offsetText).join(', ')}) fit no single zone: ${zone} is used, and times at other offsets keep their instants but not their local times; ${hint}`,
    false,
  );
  return { zone, named: false };
}

/**
 * `HH:MM` when a programme day begins: Pentabarf's `<day_change>`; else the time the days
 * that end after midnight end (rounded up to the hour from HH:59: a day to 03:59 changes at
 * 04:00), but not after the earliest day start; else from events listed under the day before
 * their date; else `00:00`.
 */
function chooseDayChange(src: SourceSchedule, zone: string): string {
  if (src.dayChange) return src.dayChange;
  let end: number | undefined, start: number | undefined;
  for (const d of src.days) {
    const s0 = d.start ? readISO(d.start, zone) : undefined;
    const date = s0 ? localParts(s0.ms, zone).date : d.date;
    if (!date) continue;
    const e = d.end ? readISO(d.end, zone) : undefined;
    if (e) {
      const p = localParts(e.ms + 59_000, zone);
      if (p.date > date && p.time !== '00:00') {
        let m = minutes(p.time);
        if (m % 60 === 59) m += 1;
        end = Math.max(end ?? 0, m);
      }
    }
    if (s0) start = Math.min(start ?? 24 * 60, minutes(localParts(s0.ms, zone).time));
  }
  if (end === undefined) {
    // No bounds: events listed under a day but starting after midnight.
    for (const ev of src.events) {
      const t = ev.date && ev.dayDate ? readISO(ev.date, zone) : undefined;
      if (!t) continue;
      const p = localParts(t.ms, zone);
      if (p.date > ev.dayDate! && p.date === nextDate(ev.dayDate!)) end = Math.max(end ?? 0, Math.floor(minutes(p.time) / 60) * 60 + 60);
    }
  }
  if (end === undefined) return '00:00';
  if (start !== undefined && start < end) end = start;
  end = Math.min(end, 23 * 60 + 59);
  return `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names (rooms, tracks) → unique ids, in order of first appearance. */
class Named {
  readonly byName = new Map<string, string>();
  private readonly ids = new UniqueIds();

  constructor(private readonly fallback: string) {}

  id(name: string): string {
    let id = this.byName.get(name);
    if (!id) {
      id = this.ids.take(slugify(name), `${this.fallback}-${slugify(name)}`.replace(/-$/, ''));
      this.byName.set(name, id);
    }
    return id;
  }
}

interface PersonOut {
  name: string;
  guid?: string;
  affiliation?: string;
}

/**
 * People by identity: the guid; else the source's id together with the name (a merged
 * schedule reuses ids for different people); else the pretalx code with the name; else the
 * name. Never two names under one id.
 */
class People {
  readonly byKey = new Map<string, string>();
  readonly people = new Map<string, PersonOut>();
  private readonly ids = new UniqueIds();
  /** Source id → the names it was used with, and where first. */
  private readonly idNames = new Map<string, Map<string, string>>();

  constructor(private readonly note: Note) {}

  id(p: SourcePerson): string {
    const guid = p.guid && UUID_RE.test(p.guid) ? p.guid : undefined;
    const key = guid ? `guid:${guid.toLowerCase()}` : p.id !== undefined ? `id:${p.id}\n${p.name}` : p.code ? `code:${p.code}\n${p.name}` : `name:${p.name}`;
    if (p.id !== undefined && !guid) {
      let names = this.idNames.get(p.id);
      if (!names) this.idNames.set(p.id, (names = new Map()));
      if (!names.has(p.name)) names.set(p.name, p.path);
    }
    let id = this.byKey.get(key);
    if (!id) {
      id = this.ids.take(slugify(p.name), `person-${slugify(p.name)}`.replace(/-$/, ''));
      this.byKey.set(key, id);
      this.people.set(id, { name: p.name, guid, affiliation: p.affiliation });
    } else {
      const known = this.people.get(id)!;
      if (!known.affiliation && p.affiliation) known.affiliation = p.affiliation;
    }
    return id;
  }

  reportReusedIds(): void {
    for (const [id, names] of this.idNames) {
      if (names.size < 2) continue;
      const list = [...names];
      this.note(
        list[1][1],
        `person id ${id} is used by ${names.size} different names (${list.map(([n]) => n).join('; ')}): imported as ${names.size} people, one per id and name`,
        false,
      );
    }
  }
}

type Obj = Record<string, unknown>;

function render(
  src: SourceSchedule,
  zone: string,
  dayChange: string,
  dayDates: (string | undefined)[],
  events: Resolved[],
  people: People,
  rooms: Named,
  tracks: Named,
  source: string,
): string {
  const dates: string[] = [];
  for (const e of events) {
    if (!e.local) continue;
    dates.push(programmeDate(e.local, dayChange));
    // The last minute of the slot, for an event that runs into the next programme day.
    const last = localParts(e.ms! + (e.minutes - 1) * 60_000, zone);
    dates.push(programmeDate(last, dayChange));
  }
  // The event's days: the source's own days when it lists them (a frab `end` may name a day
  // without events after the last listed one), else its start and end.
  const dateOf = (v: string | undefined): string | undefined => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);
  const listed = dayDates.filter((d): d is string => !!d);
  const bounds = listed.length ? listed : [dateOf(src.start), dateOf(src.end)];
  const sorted = [...bounds, ...dates].filter((d): d is string => !!d).sort();
  const start = sorted[0] ?? '1970-01-01';
  const end = sorted[sorted.length - 1] ?? start;
  const event: Obj = { title: src.title ?? 'Imported schedule', start, end, timezone: zone };
  if (dayChange !== '00:00') event['day-change'] = dayChange;
  if (src.venue) event.venue = src.venue;
  if (src.url && URL_RE.test(src.url)) event.url = src.url;
  const trackMap: Obj = {};
  for (const [name, id] of tracks.byName) {
    trackMap[id] = { title: name, slots: events.filter((e) => e.track === id).map((e) => slot(e)) };
  }
  const doc = new Document({
    programme: 1,
    event,
    rooms: Object.fromEntries([...rooms.byName].map(([name, id]) => [id, { title: name }])),
    people: Object.fromEntries(
      [...people.people].map(([id, p]) => [
        id,
        { name: p.name, ...(p.affiliation ? { affiliation: p.affiliation } : {}), ...(p.guid ? { guid: p.guid } : {}) },
      ]),
    ),
    tracks: trackMap,
  });
  doc.commentBefore = ` Imported from ${source.replace(/[\r\n]/g, ' ')} (${src.format}) by \`programme import\`.`;
  return doc.toString({ lineWidth: 0 });
}

function slot(e: Resolved): Obj {
  const ev = e.ev;
  const out: Obj = { id: e.id, title: ev.title };
  if (ev.subtitle) out.subtitle = ev.subtitle;
  const kind = slotKind(ev.type ?? '');
  if (kind !== 'talk') out.kind = kind;
  if (ev.type) out.type = ev.type;
  if (e.local) out.start = `${e.local.date} ${e.local.time}`;
  out.duration = formatDuration(e.minutes);
  if (e.room) out.room = e.room;
  if (e.persons.length) out.speakers = [...new Set(e.persons)];
  const abstract = ev.abstract,
    description = ev.description;
  const text = abstract && description && abstract !== description ? `${abstract}\n\n${description}` : (abstract ?? description);
  if (text) out.abstract = text;
  if (e.materials.length) out.materials = e.materials;
  if (e.attachments.length) out.attachments = e.attachments;
  if (e.guid) out.guid = e.guid;
  if (ev.id !== undefined) out['source-id'] = ev.id;
  if (ev.slug) out.slug = ev.slug;
  if (e.url) out.url = e.url;
  if (ev.language) out.language = ev.language;
  if (ev.doNotRecord) out.recording = false;
  return out;
}

function slotKind(type: string): string {
  const t = type.toLowerCase();
  if (/discussion|panel|podium/.test(t)) return 'discussion';
  if (/\bbof\b|birds|meetup|meeting/.test(t)) return 'bof';
  if (/break|pause|lunch/.test(t)) return 'break';
  if (/opening|welcome/.test(t)) return 'opening';
  if (/closing/.test(t)) return 'closing';
  return 'talk';
}
