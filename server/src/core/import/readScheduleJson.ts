/**
 * `schedule.json` version 1 (frab, pretalx, the CCC hub, the c3voc tools):
 * `schedule.conference.days[].rooms{name: [event]}`. Read leniently (most real files do not
 * validate against the official schema): an odd field of one event is a note, not an abort.
 */
import {
  ImportError,
  Json,
  SourceEvent,
  SourceLink,
  SourcePerson,
  SourceSchedule,
  boolean,
  describe,
  durationText,
  integer,
  isObject,
  key,
  text,
  title,
} from './source';

export function readScheduleJson(data: Json): SourceSchedule {
  const schedule = data.schedule;
  if (!isObject(schedule)) throw new ImportError('$.schedule', `expected an object, found ${describe(schedule)}`);
  const conf = schedule.conference;
  if (!isObject(conf)) throw new ImportError('$.schedule.conference', `expected an object, found ${describe(conf)}`);
  const src: SourceSchedule = {
    format: 'a schedule.json (frab, pretalx, hub)',
    title: text(conf.title),
    url: text(conf.url),
    description: text(conf.description),
    start: text(conf.start),
    end: text(conf.end),
    days: [],
    rooms: [],
    events: [],
    notes: [],
  };
  if (conf.time_zone_name !== undefined && conf.time_zone_name !== null) {
    const name = text(conf.time_zone_name);
    if (name) src.zone = { name, path: '$.schedule.conference.time_zone_name' };
  }
  if (Array.isArray(conf.rooms)) {
    for (const r of conf.rooms) if (isObject(r) && text(r.name)) src.rooms.push(text(r.name)!);
  }
  if (!Array.isArray(conf.days)) throw new ImportError('$.schedule.conference.days', `expected an array, found ${describe(conf.days)}`);
  conf.days.forEach((day, d) => {
    const dayPath = `$.schedule.conference.days[${d}]`;
    if (!isObject(day)) {
      src.notes.push({ path: dayPath, message: `expected a day (an object), found ${describe(day)}: left out`, leftOut: true });
      return;
    }
    const date = text(day.date);
    src.days.push({ path: dayPath, index: integer(day.index), date, start: text(day.day_start), end: text(day.day_end) });
    if (!isObject(day.rooms)) {
      if (day.rooms !== undefined)
        src.notes.push({ path: `${dayPath}.rooms`, message: `expected an object of rooms, found ${describe(day.rooms)}: left out`, leftOut: true });
      return;
    }
    for (const [roomName, list] of Object.entries(day.rooms)) {
      const listPath = `${dayPath}.rooms${key(roomName)}`;
      if (!Array.isArray(list)) {
        src.notes.push({ path: listPath, message: `expected an array of events, found ${describe(list)}: left out`, leftOut: true });
        continue;
      }
      list.forEach((ev, i) => {
        const path = `${listPath}[${i}]`;
        if (!isObject(ev)) src.notes.push({ path, message: `expected an event (an object), found ${describe(ev)}: left out`, leftOut: true });
        else src.events.push({ ...readEvent(ev, path, roomName, date, src), day: src.days.length - 1 });
      });
    }
  });
  return src;
}

function readEvent(ev: Json, path: string, roomName: string, dayDate: string | undefined, src: SourceSchedule): SourceEvent {
  const duration = text(ev.duration);
  const out: SourceEvent = {
    path,
    title: title(ev.title),
    date: text(ev.date),
    start: text(ev.start),
    dayDate,
    minutes: duration === undefined ? undefined : durationText(duration),
    durationText: duration,
    scheduled: true,
    room: text(ev.room) ?? roomName,
    track: text(ev.track),
    type: text(ev.type),
    guid: text(ev.guid),
    id: integer(ev.id),
    slug: text(ev.slug),
    url: text(ev.url),
    language: text(ev.language),
    subtitle: text(ev.subtitle),
    abstract: text(ev.abstract),
    description: text(ev.description),
    doNotRecord: boolean(ev.do_not_record),
    persons: [],
    links: links(ev.links, `${path}.links`, src),
    attachments: links(ev.attachments, `${path}.attachments`, src),
  };
  if (Array.isArray(ev.persons)) {
    ev.persons.forEach((p, i) => {
      const pPath = `${path}.persons[${i}]`;
      const person = isObject(p) ? readPerson(p, pPath) : typeof p === 'string' && p.trim() ? { path: pPath, name: p.trim() } : undefined;
      if (person) out.persons.push(person);
      else
        src.notes.push({
          path: pPath,
          message: `${isObject(p) ? 'a person without `public_name` or `name`' : `expected a person, found ${describe(p)}`}: left out`,
          leftOut: true,
        });
    });
  } else if (ev.persons !== undefined && ev.persons !== null) {
    src.notes.push({ path: `${path}.persons`, message: `expected an array, found ${describe(ev.persons)}: left out`, leftOut: true });
  }
  return out;
}

function readPerson(p: Json, path: string): SourcePerson | undefined {
  const name = text(p.public_name) ?? text(p.name) ?? text(p.full_public_name);
  if (!name) return undefined;
  return { path, name, guid: text(p.guid), id: text(p.id), code: text(p.code) };
}

function links(v: unknown, path: string, src: SourceSchedule): SourceLink[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    src.notes.push({ path, message: `expected an array, found ${describe(v)}: left out`, leftOut: true });
    return [];
  }
  return v.map((l, i) =>
    isObject(l)
      ? { path: `${path}[${i}]`, title: text(l.title), url: text(l.url) }
      : typeof l === 'string'
        ? { path: `${path}[${i}]`, url: text(l) }
        : { path: `${path}[${i}]` },
  );
}
