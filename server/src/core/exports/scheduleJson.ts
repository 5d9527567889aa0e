/**
 * The `schedule.json` exchange format of frab, pretalx and the c3voc tools (its official JSON
 * schema is test/fixtures/c3voc/schema.json). Deterministic: the same programme gives the same
 * bytes.
 */
import { Model } from '../model/model';
import { ExportEvent, Exportable, PROGRAMME_VERSION, exportable, hhmm, isoLocal, timeslot } from './exportable';
import { slugify } from './slug';

export function scheduleJson(model: Model): string {
  return JSON.stringify(scheduleObject(exportable(model)), null, 2) + '\n';
}

const OFFICIAL_ZONE = /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/;

export function scheduleObject(x: Exportable): object {
  const conference: Record<string, unknown> = {
    acronym: x.acronym,
    title: x.title,
    start: x.days[0]?.date ?? '1970-01-01',
    end: x.days[x.days.length - 1]?.date ?? '1970-01-01',
    daysCount: x.days.length,
    timeslot_duration: hhmm(timeslot(x.events)),
  };
  // The official schema takes region zones and UTC only: a fixed-offset zone (`Etc/GMT-1`,
  // kept from a file that named none) is left out, as that file did; every date has its offset.
  if (OFFICIAL_ZONE.test(x.zone)) conference.time_zone_name = x.zone;
  if (x.description) conference.description = x.description;
  if (x.url) conference.url = x.url;
  conference.rooms = x.rooms.map((r) => ({ name: r.name, guid: r.guid, ...(r.capacity !== undefined ? { capacity: r.capacity } : {}) }));
  conference.days = x.days.map((d) => ({
    index: d.index,
    date: d.date,
    day_start: isoLocal(d.start),
    day_end: isoLocal(d.end),
    rooms: Object.fromEntries(
      x.rooms.map((r) => [r.name, d.events.filter((e) => e.room === r).map((e) => event(e, x))] as const).filter(([, events]) => events.length),
    ),
  }));
  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'programme', version: PROGRAMME_VERSION },
    schedule: { version: '1.0', conference },
  };
}

function event(e: ExportEvent, x: Exportable): Record<string, unknown> {
  const kept = e.slot.exchange;
  const out: Record<string, unknown> = {
    guid: e.guid,
    id: e.number,
    date: isoLocal(e.start),
    start: e.start.toFormat('HH:mm'),
    end: isoLocal(e.end),
    duration: hhmm(e.minutes),
    room: e.room.name,
    slug: eventSlug(e, x),
    url: eventUrl(e, x),
    title: e.title,
    subtitle: kept.subtitle ?? '',
    track: e.track.title,
    type: kept.type ?? e.kind,
    language: kept.language ?? null,
    abstract: e.abstract ?? '',
    do_not_record: kept.recording === false,
    persons: e.persons.map((p) => ({ guid: p.guid, name: p.name })),
    links: e.materials.map((m) => ({ url: m.url, title: m.title })),
  };
  if (kept.attachments.length) out.attachments = kept.attachments.map((m) => ({ url: m.url, title: m.title }));
  return out;
}

/**
 * The slot's kept `slug` when the exchange format allows it (`^[a-z0-9_-]+[a-z0-9]$`), else
 * that slug lowercased with other characters as `_`; else `lpc2021-vfio-iommu-pci-slot-3`.
 */
export function eventSlug(e: ExportEvent, x: Exportable): string {
  const kept = e.slot.exchange.slug;
  if (kept) {
    if (SLUG.test(kept)) return kept;
    const fixed = kept
      .toLowerCase()
      .replace(/[^a-z0-9_-]/g, '_')
      .replace(/[_-]+$/, '');
    if (SLUG.test(fixed)) return fixed;
  }
  return `${x.acronym.replace(/-/g, '_')}-${slugify(e.key)}`;
}

const SLUG = /^[a-z0-9_-]+[a-z0-9]$/;

/**
 * The slot's own `url`; else the event's page with the slot key as fragment (or the `urn:`
 * base when the event has no URL).
 */
export function eventUrl(e: ExportEvent, x: Exportable): string {
  return e.slot.exchange.url ?? `${x.base.replace(/#.*$/, '')}#${e.key}`;
}
