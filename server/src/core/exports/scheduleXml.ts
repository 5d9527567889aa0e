/**
 * The `schedule.xml` exchange format (pentabarf, frab, pretalx; its XSD is
 * test/fixtures/c3voc/schedule.xml.xsd). Built with fast-xml-parser's XMLBuilder, which
 * escapes text and attributes; element order follows the XSD.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { Model } from '../model/model';
import { ExportEvent, Exportable, PROGRAMME_VERSION, exportable, hhmm, isoLocal, timeslot } from './exportable';
import { eventSlug, eventUrl } from './scheduleJson';
import { mapStrings, xmlSafe } from './characters';

export function scheduleXml(model: Model): string {
  const x = exportable(model);
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: false,
  });
  const body = builder.build(mapStrings({ schedule: schedule(x) }, xmlSafe)) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body.trimEnd()}\n`;
}

function schedule(x: Exportable): object {
  const conference: Record<string, unknown> = {
    title: x.title,
    acronym: x.acronym,
    start: x.days[0]?.date ?? '1970-01-01',
    end: x.days[x.days.length - 1]?.date ?? '1970-01-01',
    days: x.days.length,
    timeslot_duration: hhmm(timeslot(x.events)),
  };
  if (x.url && isHttp(x.url)) conference.url = x.url;
  conference.time_zone_name = x.zone;
  const slugs = new Set<string>();
  return {
    generator: { '@_name': 'programme', '@_version': PROGRAMME_VERSION },
    version: '1.0',
    conference,
    day: x.days.map((d) => ({
      '@_index': d.index,
      '@_date': d.date,
      '@_start': isoLocal(d.start),
      '@_end': isoLocal(d.end),
      room: x.rooms
        .map((r) => ({ r, events: d.events.filter((e) => e.room === r) }))
        .filter(({ events }) => events.length)
        .map(({ r, events }) => ({ '@_name': r.name, '@_guid': r.guid, event: events.map((e) => event(e, x, slugs)) })),
    })),
  };
}

function event(e: ExportEvent, x: Exportable, slugs: Set<string>): object {
  const kept = e.slot.exchange;
  const out: Record<string, unknown> = {
    '@_guid': e.guid,
    '@_id': e.number,
    room: e.room.name,
    title: e.title,
    subtitle: kept.subtitle ?? '',
    type: kept.type ?? e.kind,
    date: isoLocal(e.start),
    start: e.start.toFormat('HH:mm'),
    duration: hhmm(e.minutes),
    abstract: e.abstract ?? '',
  };
  // The XSD's slug is optional, of its own form, and unique.
  const slug = eventSlug(e, x);
  if (/^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$/.test(slug) && !slugs.has(slug)) {
    slugs.add(slug);
    out.slug = slug;
  }
  out.track = e.track.title;
  if (kept.language) out.language = kept.language;
  if (kept.recording !== undefined) out.recording = { license: '', optout: kept.recording === false };
  out.persons = { person: e.persons.map((p) => ({ '@_guid': p.guid, '#text': p.name })) };
  out.links = { link: e.materials.map((m) => ({ '@_href': m.url, '#text': m.title })) };
  if (kept.attachments.length) out.attachments = { attachment: kept.attachments.map((m) => ({ '@_href': m.url, '#text': m.title })) };
  const url = eventUrl(e, x);
  if (isHttp(url)) out.url = url;
  return out;
}

function isHttp(url: string): boolean {
  return /^https?:\/\/\S+$/.test(url);
}
