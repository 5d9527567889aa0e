/**
 * Indico's HTTP export of an event with its contributions
 * (`/export/event/ID.json?detail=contributions`): `results[0]` is the event (`title`,
 * `timezone`, `startDate`, `endDate`, `url`), its `contributions[]` have `startDate`/`endDate`
 * as `{date, time, tz}`, `duration` in minutes, `session` (the track: a micro-conference at
 * Plumbers), `track` (the submission type), `roomFullname`/`room`, `speakers`,
 * `primaryauthors` (`first_name`, `last_name`, `affiliation`, `person_id`), `url`, `material`.
 * A contribution without `startDate` is not scheduled.
 */
import { ImportError, Json, SourceEvent, SourceLink, SourcePerson, SourceSchedule, describe, integer, isObject, text, title } from './source';

export function isIndicoEvent(data: Json): boolean {
  return Array.isArray(data.results) && isObject(data.results[0]) && Array.isArray((data.results[0] as Json).contributions);
}

export function readIndicoEvent(data: Json): SourceSchedule {
  const event = Array.isArray(data.results) ? data.results[0] : undefined;
  if (!isObject(event)) throw new ImportError('$.results[0]', `expected the event (an object), found ${describe(event)}`);
  const src: SourceSchedule = {
    format: 'an Indico event export',
    title: text(event.title),
    url: text(event.url),
    description: text(event.description),
    venue: text(event.location),
    start: isObject(event.startDate) ? text(event.startDate.date) : undefined,
    end: isObject(event.endDate) ? text(event.endDate.date) : undefined,
    days: [],
    rooms: [],
    events: [],
    notes: [],
  };
  const zone = text(event.timezone);
  if (zone) src.zone = { name: zone, path: '$.results[0].timezone' };
  const contributions = event.contributions as unknown[];
  contributions.forEach((c, i) => {
    const path = `$.results[0].contributions[${i}]`;
    if (!isObject(c)) {
      src.notes.push({ path, message: `expected a contribution (an object), found ${describe(c)}: left out`, leftOut: true });
      return;
    }
    src.events.push(readContribution(c, path, src));
  });
  return src;
}

function readContribution(c: Json, path: string, src: SourceSchedule): SourceEvent {
  const start = isObject(c.startDate) ? c.startDate : undefined;
  const date = start ? text(start.date) : undefined,
    time = start ? text(start.time) : undefined,
    tz = start ? text(start.tz) : undefined;
  const end = isObject(c.endDate) ? c.endDate : undefined;
  // `duration` (minutes); else from `endDate`, when both ends are in one zone.
  const span =
    start && end && text(end.date) && text(end.time) && text(end.tz) === tz
      ? (Date.parse(`${text(end.date)}T${text(end.time)}Z`) - Date.parse(`${date}T${time}Z`)) / 60_000
      : NaN;
  const minutes = typeof c.duration === 'number' && Number.isFinite(c.duration) ? Math.round(c.duration) : Number.isFinite(span) ? Math.round(span) : undefined;
  const room = text(c.roomFullname) ?? text(c.room);
  if (room && !src.rooms.includes(room)) src.rooms.push(room);
  const out: SourceEvent = {
    path,
    title: title(c.title),
    zoned: date && time ? { date, time, zone: tz ?? src.zone?.name ?? 'UTC' } : undefined,
    scheduled: !!start,
    minutes,
    durationText: c.duration === undefined ? undefined : String(c.duration),
    room,
    track: text(c.session),
    type: text(c.track) ?? text(c.type),
    id: integer(c.friendly_id) ?? integer(c.id),
    url: text(c.url),
    abstract: text(c.description),
    persons: [],
    links: [],
    attachments: materials(c.material, `${path}.material`),
  };
  if (start && !out.zoned)
    src.notes.push({ path: `${path}.startDate`, message: 'a start without `date` and `time`: imported as not scheduled', leftOut: true });
  const speakers =
    Array.isArray(c.speakers) && c.speakers.length
      ? { list: c.speakers, name: 'speakers' }
      : { list: Array.isArray(c.primaryauthors) ? c.primaryauthors : [], name: 'primaryauthors' };
  speakers.list.forEach((p, i) => {
    const person = isObject(p) ? readPerson(p, `${path}.${speakers.name}[${i}]`) : undefined;
    if (person) out.persons.push(person);
    else src.notes.push({ path: `${path}.${speakers.name}[${i}]`, message: 'a person without a name: left out', leftOut: true });
  });
  return out;
}

function readPerson(p: Json, path: string): SourcePerson | undefined {
  const first = text(p.first_name),
    last = text(p.last_name);
  let name = [first, last].filter(Boolean).join(' ');
  if (!name) {
    // `fullName` is `Last, First`.
    const full = text(p.fullName);
    const m = full ? /^([^,]+),\s*(.+)$/.exec(full) : null;
    name = m ? `${m[2]} ${m[1]}` : (full ?? '');
  }
  if (!name) return undefined;
  return { path, name, id: text(p.person_id) ?? text(p.db_id) ?? text(p.id), affiliation: text(p.affiliation) };
}

function materials(v: unknown, path: string): SourceLink[] {
  if (!Array.isArray(v)) return [];
  const out: SourceLink[] = [];
  v.forEach((m, i) => {
    if (!isObject(m)) return;
    const resources = Array.isArray(m.resources) ? m.resources : [];
    if (!resources.length) out.push({ path: `${path}[${i}]`, title: text(m.title), url: text(m.url) });
    resources.forEach((r, j) => {
      if (isObject(r)) out.push({ path: `${path}[${i}].resources[${j}]`, title: text(r.name) ?? text(r.title) ?? text(m.title), url: text(r.url) });
    });
  });
  return out;
}
