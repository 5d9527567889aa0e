/**
 * iCalendar (RFC 5545) export: one VEVENT per scheduled slot. ical-generator writes the text
 * (escaping, folding at 75 octets without splitting a UTF-8 sequence); timezones-ical-library
 * gives the VTIMEZONE of the event zone.
 *
 * Times are written in the event zone with its VTIMEZONE when that VTIMEZONE gives every slot
 * the offset the tz database gives it (the library describes a zone by today's rules; for an
 * event under older rules that would be wrong), else in UTC, which is never ambiguous.
 * UID = the slot's GUID (see exportable.ts). DTSTAMP comes from `options.stamp`, else the start
 * of the event's first day, so that exporting twice gives the same bytes.
 */
import { ICalCalendar, ICalAttendeeRole, ICalAttendeeType } from 'ical-generator';
import { tzlib_get_ical_block, tzlib_get_offset } from 'timezones-ical-library';
import { Model } from '../model/model';
import { ExportEvent, Exportable, exportable } from './exportable';
import { eventUrl } from './scheduleJson';
import { icalSafe } from './characters';

export interface IcsOptions {
  /** The DTSTAMP of every VEVENT (an ISO instant); default: the start of the event's first day. */
  stamp?: string;
}

export function ics(model: Model, options: IcsOptions = {}): string {
  const x = exportable(model);
  const cal = new ICalCalendar({
    prodId: { company: 'conference-programme', product: 'programme', language: 'EN' },
    // ical-generator writes NAME without escaping it.
    name: escapeText(icalSafe(x.title)),
  });
  const block = vtimezone(x);
  // No calendar-wide zone name: ical-generator would write DTSTAMP in it, and DTSTAMP must be
  // UTC. The events' TZID still brings in the VTIMEZONE.
  if (block) {
    cal.timezone({ name: null, generator: () => block });
    cal.x([['X-WR-TIMEZONE', x.zone]]);
  }
  const stamp = new Date(options.stamp ?? x.days[0]?.start.toISO() ?? x.events[0]?.start.toISO() ?? 0);
  if (Number.isNaN(stamp.getTime())) throw new RangeError(`not a date-time: ${options.stamp}`);
  for (const e of x.events) addEvent(cal, e, x, stamp, block ? x.zone : undefined);
  return cal.toString();
}

function addEvent(cal: ICalCalendar, e: ExportEvent, x: Exportable, stamp: Date, zone: string | undefined): void {
  const url = eventUrl(e, x);
  const speakers = e.persons.map((p) => p.name).join(', ');
  const description = [e.abstract?.trim(), speakers ? `Speakers: ${speakers}` : ''].filter(Boolean).join('\n\n');
  const event = cal.createEvent({
    id: e.guid,
    sequence: 0,
    stamp,
    // Luxon DateTimes: ical-generator converts them to `timezone` itself (a JS Date would be
    // read in the machine's zone).
    start: e.start,
    end: e.end,
    timezone: zone ?? null,
    summary: icalSafe(e.title),
    description: description ? icalSafe(description) : undefined,
    location: icalSafe(e.room.name),
    url: /^https?:\/\//.test(url) ? icalSafe(url) : x.url ? icalSafe(x.url) : null,
    categories: [{ name: icalSafe(e.track.title) }],
  });
  for (const p of e.persons) {
    event.createAttendee({
      name: paramText(icalSafe(p.name)),
      // ATTENDEE's value must be an address: a person without one gets a reserved,
      // undeliverable one (RFC 2606 `.invalid`), so no mail is ever sent to a guess.
      email: icalSafe(p.email ?? `${p.id}@speakers.invalid`),
      role: ICalAttendeeRole.REQ,
      type: ICalAttendeeType.INDIVIDUAL,
    });
  }
}

/** TEXT escaping of RFC 5545 §3.3.11, for the values ical-generator does not escape. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => '\\' + c).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A parameter value (CN) may not hold a double quote or a line break: RFC 6868 writes them
 * `^'` and `^n` (and `^` as `^^`). ical-generator adds the surrounding quotes and writes a
 * backslash as `\\`, which ical.js and the common readers turn back into one.
 */
export function paramText(text: string): string {
  return text
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, '^n');
}

/** The zone's VTIMEZONE, if it is right for every slot (see above), else undefined (write UTC). */
function vtimezone(x: Exportable): string | undefined {
  if (x.zone === 'UTC' || x.zone === 'Etc/UTC') return undefined;
  let block: string | undefined;
  try {
    const got = tzlib_get_ical_block(x.zone);
    block = Array.isArray(got) ? got[0] : undefined;
  } catch {
    return undefined;
  }
  if (!block || !block.startsWith('BEGIN:VTIMEZONE') || !block.includes(`TZID:${x.zone}\r\n`)) return undefined;
  for (const e of x.events) {
    for (const t of [e.start, e.end]) {
      if (tzlib_get_offset(x.zone, t.toFormat('yyyy-MM-dd'), t.toFormat('HH:mm')) !== t.toFormat('ZZZ')) return undefined;
    }
  }
  return block;
}
