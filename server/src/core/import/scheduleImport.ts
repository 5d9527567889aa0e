/**
 * A `schedule.json` of frab, pretalx or the c3voc tools → the text of a programme file.
 * People are merged by guid, else id, else code, else name; rooms, tracks and people get
 * unique slug ids; times become local times in the conference zone. A field of the wrong
 * shape throws ImportError naming its JSON path (`$.schedule.conference.days[1].rooms.Curie[0].date`).
 */
import { Document } from 'yaml';
import { formatDuration, formatLocal, fromISO, fromMillis, zoneInfo } from '../model/time';
import { UniqueIds, slugify } from '../exports/slug';

export class ImportError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
  }
}

interface Imported {
  title: string;
  start: number;
  minutes: number;
  room: string;
  track: string;
  persons: string[];
  kind: string;
  abstract?: string;
  materials: { title: string; url: string }[];
  id: string;
}

type Json = Record<string, unknown>;

export interface ImportResult {
  text: string;
  /** Things left out (links that are not absolute URLs...). */
  notes: string[];
}

export function scheduleImport(data: unknown, source = 'schedule.json'): ImportResult {
  const schedule = object(object(data, '$').schedule, '$.schedule');
  const conf = object(schedule.conference, '$.schedule.conference');
  const title = string(conf.title, '$.schedule.conference.title');
  const zoneName = conf.time_zone_name === undefined ? 'UTC' : string(conf.time_zone_name, '$.schedule.conference.time_zone_name');
  const info = zoneInfo(zoneName);
  if (!info.valid) throw new ImportError('$.schedule.conference.time_zone_name', `\`${zoneName}\` is not an IANA time zone`);
  const zone = info.canonical ?? zoneName;
  const notes: string[] = [];
  const people = new People();
  const rooms = new Named();
  const tracks = new Named();
  const slotIds = new UniqueIds();
  for (const r of optionalArray(conf.rooms, '$.schedule.conference.rooms')) {
    if (typeof (r as Json)?.name === 'string') rooms.id((r as Json).name as string);
  }
  const events: Imported[] = [];
  array(conf.days, '$.schedule.conference.days').forEach((day, d) => {
    const dayPath = `$.schedule.conference.days[${d}]`;
    const dayRooms = object(object(day, dayPath).rooms, `${dayPath}.rooms`);
    for (const [roomName, list] of Object.entries(dayRooms)) {
      array(list, `${dayPath}.rooms${key(roomName)}`).forEach((ev, i) => {
        const path = `${dayPath}.rooms${key(roomName)}[${i}]`;
        events.push(readEvent(object(ev, path), path, { zone, people, rooms, tracks, slotIds, notes, roomName }));
      });
    }
  });
  events.sort((a, b) => a.start - b.start || (a.room < b.room ? -1 : a.room > b.room ? 1 : 0));
  return { text: render(title, zone, conf, events, people, rooms, tracks, source), notes };
}

interface Ctx {
  zone: string;
  people: People;
  rooms: Named;
  tracks: Named;
  slotIds: UniqueIds;
  notes: string[];
  roomName: string;
}

function readEvent(ev: Json, path: string, ctx: Ctx): Imported {
  const title = string(ev.title, `${path}.title`);
  const date = string(ev.date, `${path}.date`);
  const start = fromISO(date);
  if (!start) throw new ImportError(`${path}.date`, `\`${date}\` is not an ISO date-time`);
  const duration = string(ev.duration, `${path}.duration`);
  const m = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(duration);
  if (!m) throw new ImportError(`${path}.duration`, `\`${duration}\` is not a duration (HH:MM)`);
  const minutes = Number(m[1]) * 60 + Number(m[2]) + Math.round(Number(m[3] ?? 0) / 60);
  if (minutes <= 0) throw new ImportError(`${path}.duration`, 'the duration must be more than zero');
  const room = typeof ev.room === 'string' && ev.room ? ev.room : ctx.roomName;
  const trackName = typeof ev.track === 'string' && ev.track.trim() ? ev.track : 'General';
  const persons = optionalArray(ev.persons, `${path}.persons`).map((p, i) => ctx.people.id(object(p, `${path}.persons[${i}]`), `${path}.persons[${i}]`));
  const materials: { title: string; url: string }[] = [];
  optionalArray(ev.links, `${path}.links`).forEach((l, i) => {
    const link = object(l, `${path}.links[${i}]`);
    const url = string(link.url, `${path}.links[${i}].url`);
    if (/^https?:\/\/\S+$/.test(url)) materials.push({ title: typeof link.title === 'string' && link.title ? link.title : url, url });
    else ctx.notes.push(`${path}.links[${i}]: \`${url}\` is not an absolute http(s) URL: left out`);
  });
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const abstract = text(ev.abstract), description = text(ev.description);
  const wanted = slugify(typeof ev.slug === 'string' ? ev.slug : title) || 'slot';
  return {
    title, start: start.toMillis(), minutes, room: ctx.rooms.id(room), track: ctx.tracks.id(trackName), persons,
    kind: slotKind(typeof ev.type === 'string' ? ev.type : ''),
    abstract: abstract && description && abstract !== description ? `${abstract}\n\n${description}` : abstract ?? description,
    materials, id: ctx.slotIds.take(wanted, `slot-${wanted}`),
  };
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

/** Names (rooms, tracks) → unique ids, in order of first appearance. */
class Named {
  readonly byName = new Map<string, string>();
  private readonly ids = new UniqueIds();

  id(name: string): string {
    let id = this.byName.get(name);
    if (!id) {
      id = this.ids.take(slugify(name), `x-${slugify(name)}`.replace(/-$/, '') || 'x');
      this.byName.set(name, id);
    }
    return id;
  }
}

/** People merged by guid, else id, else code, else name. */
class People {
  readonly byKey = new Map<string, string>();
  readonly names = new Map<string, string>();
  private readonly ids = new UniqueIds();

  id(p: Json, path: string): string {
    const name = typeof p.public_name === 'string' && p.public_name.trim() ? p.public_name.trim()
      : typeof p.name === 'string' && p.name.trim() ? p.name.trim() : undefined;
    if (!name) throw new ImportError(`${path}.name`, 'a person needs a `name` or `public_name`');
    const key = typeof p.guid === 'string' ? `guid:${p.guid}` : typeof p.id === 'number' || typeof p.id === 'string' ? `id:${p.id}`
      : typeof p.code === 'string' ? `code:${p.code}` : `name:${name}`;
    let id = this.byKey.get(key);
    if (!id) {
      id = this.ids.take(slugify(name), `p-${slugify(name)}`.replace(/-$/, '') || 'person');
      this.byKey.set(key, id);
      this.names.set(id, name);
    }
    return id;
  }
}

function render(title: string, zone: string, conf: Json, events: Imported[], people: People, rooms: Named, tracks: Named, source: string): string {
  const days = events.map((e) => formatLocal(fromMillis(e.start, zone), zone).slice(0, 10))
    .concat(events.map((e) => formatLocal(fromMillis(e.start + (e.minutes - 1) * 60_000, zone), zone).slice(0, 10)));
  const dateOf = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? formatLocal(fromISO(v.length === 10 ? `${v}T00:00` : v, zone) ?? fromMillis(0, zone), zone).slice(0, 10) : undefined);
  const start = [dateOf(conf.start), ...days].filter((d): d is string => !!d).sort()[0] ?? '1970-01-01';
  const end = [dateOf(conf.end) && dateOf(conf.end)! >= start ? dateOf(conf.end) : undefined, ...days].filter((d): d is string => !!d).sort().pop() ?? start;
  const event: Json = { title, start, end, timezone: zone };
  if (typeof conf.url === 'string' && /^https?:\/\//.test(conf.url)) event.url = conf.url;
  const trackMap: Json = {};
  for (const [name, id] of tracks.byName) {
    trackMap[id] = {
      title: name,
      slots: events.filter((e) => e.track === id).map((e) => {
        const slot: Json = { id: e.id, title: e.title };
        if (e.kind !== 'talk') slot.kind = e.kind;
        slot.start = formatLocal(fromMillis(e.start, zone), zone);
        slot.duration = formatDuration(e.minutes);
        slot.room = e.room;
        if (e.persons.length) slot.speakers = e.persons;
        if (e.abstract) slot.abstract = e.abstract;
        if (e.materials.length) slot.materials = e.materials;
        return slot;
      }),
    };
  }
  const doc = new Document({
    programme: 1,
    event,
    rooms: Object.fromEntries([...rooms.byName].map(([name, id]) => [id, { title: name }])),
    people: Object.fromEntries([...people.names].map(([id, name]) => [id, { name }])),
    tracks: trackMap,
  });
  doc.commentBefore = ` Imported from ${source.replace(/[\r\n]/g, ' ')} by \`programme import\`.`;
  return doc.toString({ lineWidth: 0 });
}

function key(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

function object(v: unknown, path: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ImportError(path, `expected an object, found ${describe(v)}`);
  return v as Json;
}

function array(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new ImportError(path, `expected an array, found ${describe(v)}`);
  return v;
}

function optionalArray(v: unknown, path: string): unknown[] {
  return v === undefined || v === null ? [] : array(v, path);
}

function string(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new ImportError(path, `expected a string, found ${describe(v)}`);
  return v;
}

function describe(v: unknown): string {
  return v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}` : `${typeof v} ${JSON.stringify(v)}`;
}
