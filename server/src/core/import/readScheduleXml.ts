/**
 * `schedule.xml` as frab, pretalx, the CCC hub, Pentabarf (FOSDEM) and wafer (DebConf) write
 * it: `<schedule><conference/><day index date [start end]><room name><event id [guid]>`.
 * Events carry `<date>` (any offset) or only `<start>` under their day's date (Pentabarf);
 * persons with or without ids; `<recording><optout>`; links with or without `href`.
 * Paths in notes are XPath-like (`/schedule/day[2]/room[1]/event[3]`, 1-based).
 */
import { XMLParser } from 'fast-xml-parser';
import { ImportError, Json, SourceEvent, SourceLink, SourceSchedule, boolean, clockText, durationText, integer, isObject, text } from './source';

const LISTS = ['schedule.day', 'schedule.day.room', 'schedule.day.room.event', 'persons.person', 'links.link', 'attachments.attachment'];

export function parseXml(xml: string): Json {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    htmlEntities: true,
    processEntities: true,
    isArray: (_name, jpath) => LISTS.some((l) => (jpath as string) === l || (jpath as string).endsWith(`.${l}`)),
  });
  return parser.parse(xml) as Json;
}

export function readScheduleXml(doc: Json): SourceSchedule {
  const schedule = doc.schedule;
  if (!isObject(schedule)) throw new ImportError('/schedule', 'expected a <schedule> element with <conference> and <day> elements');
  const conf = isObject(schedule.conference) ? schedule.conference : {};
  const generator = isObject(schedule.generator) ? text(schedule.generator['@_name']) : undefined;
  const src: SourceSchedule = {
    format: `a schedule.xml${generator ? ` (${generator})` : ''}`,
    title: value(conf.title),
    url: value(conf.url) ?? value(conf.base_url),
    venue: value(conf.venue),
    description: value(conf.description),
    start: value(conf.start),
    end: value(conf.end),
    dayChange: clockText(value(conf.day_change)),
    days: [],
    rooms: [],
    events: [],
    notes: [],
  };
  const zone = value(conf.time_zone_name);
  if (zone) src.zone = { name: zone, path: '/schedule/conference/time_zone_name' };
  if (!isObject(schedule.conference))
    src.notes.push({ path: '/schedule', message: 'no <conference>: the title and dates come from the events', leftOut: false });
  const days = Array.isArray(schedule.day) ? schedule.day : [];
  if (!days.length) throw new ImportError('/schedule', 'no <day> element: a schedule.xml lists its events in <day><room><event>');
  days.forEach((day, d) => {
    const dayPath = `/schedule/day[${d + 1}]`;
    if (!isObject(day)) return;
    const date = text(day['@_date']);
    src.days.push({ path: dayPath, index: integer(day['@_index']), date, start: text(day['@_start']), end: text(day['@_end']) });
    const rooms = Array.isArray(day.room) ? day.room : [];
    rooms.forEach((room, r) => {
      if (!isObject(room)) return;
      const roomName = text(room['@_name']);
      if (roomName && !src.rooms.includes(roomName)) src.rooms.push(roomName);
      const events = Array.isArray(room.event) ? room.event : [];
      events.forEach((ev, e) => {
        const path = `${dayPath}/room[${r + 1}]/event[${e + 1}]`;
        if (isObject(ev)) src.events.push({ ...readEvent(ev, path, roomName, date, src), day: src.days.length - 1 });
      });
    });
  });
  return src;
}

/** The text of an element (with or without attributes); undefined when empty or absent. */
function value(v: unknown): string | undefined {
  if (Array.isArray(v)) return value(v[0]);
  if (isObject(v)) return text(v['#text']);
  return text(v);
}

function readEvent(ev: Json, path: string, roomName: string | undefined, dayDate: string | undefined, src: SourceSchedule): SourceEvent {
  const duration = value(ev.duration);
  const recording = isObject(ev.recording) ? ev.recording : undefined;
  const out: SourceEvent = {
    path,
    title: value(ev.title),
    date: value(ev.date),
    start: value(ev.start),
    dayDate,
    minutes: duration === undefined ? undefined : durationText(duration),
    durationText: duration,
    scheduled: true,
    room: value(ev.room) ?? roomName,
    track: value(ev.track),
    type: value(ev.type),
    guid: text(ev['@_guid']),
    id: integer(ev['@_id']),
    slug: value(ev.slug),
    url: value(ev.url),
    language: value(ev.language),
    subtitle: value(ev.subtitle),
    abstract: value(ev.abstract),
    description: value(ev.description),
    doNotRecord: recording ? boolean(value(recording.optout)) : undefined,
    persons: [],
    links: links(ev.links, 'link', `${path}/links`),
    attachments: links(ev.attachments, 'attachment', `${path}/attachments`),
  };
  const persons = isObject(ev.persons) && Array.isArray(ev.persons.person) ? ev.persons.person : [];
  persons.forEach((p, i) => {
    const pPath = `${path}/persons/person[${i + 1}]`;
    const name = value(p);
    if (!name) {
      src.notes.push({ path: pPath, message: 'a person without a name: left out', leftOut: true });
      return;
    }
    out.persons.push({ path: pPath, name, id: isObject(p) ? text(p['@_id']) : undefined, guid: isObject(p) ? text(p['@_guid']) : undefined });
  });
  return out;
}

function links(v: unknown, element: string, path: string): SourceLink[] {
  if (!isObject(v) || !Array.isArray(v[element])) return [];
  return (v[element] as unknown[]).map((l, i) => ({
    path: `${path}/${element}[${i + 1}]`,
    title: value(l),
    url: isObject(l) ? text(l['@_href']) : undefined,
  }));
}
