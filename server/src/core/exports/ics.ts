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
  const block = vtimezone(x);
  const calendar = (): ICalCalendar => {
    const cal = new ICalCalendar({
      prodId: { company: 'conference-programme', product: 'programme', language: 'EN' },
      // ical-generator writes NAME without escaping it.
      name: escapeText(icalSafe(x.title)),
    });
    // No calendar-wide zone name: ical-generator would write DTSTAMP in it, and DTSTAMP must be
    // UTC. The events' TZID still brings in the VTIMEZONE.
    if (block) {
      cal.timezone({ name: null, generator: () => block });
      cal.x([['X-WR-TIMEZONE', x.zone]]);
    }
    return cal;
  };
  const stamp = new Date(options.stamp ?? x.days[0]?.start.toISO() ?? x.events[0]?.start.toISO() ?? 0);
  if (Number.isNaN(stamp.getTime())) throw new RangeError(`not a date-time: ${options.stamp}`);
  const zone = block ? x.zone : undefined;
  const cal = calendar();
  for (const e of x.events) addEvent(cal, e, x, stamp, zone);
  if (x.events.length === 0) return cal.toString();
  // ical-generator folds its whole text a character at a time (a TextEncoder for each), which
  // is most of the export of a big programme. So it writes the calendar around one event, and
  // the events are folded here, the same way, in its place.
  const shell = calendar();
  addEvent(shell, x.events[0], x, stamp, zone);
  const text = shell.toString();
  const from = text.indexOf('\r\nBEGIN:VEVENT\r\n') + 2;
  const to = text.indexOf('\r\nEND:VEVENT\r\n', from) + '\r\nEND:VEVENT\r\n'.length;
  return (
    text.slice(0, from) +
    fold(
      cal
        .events()
        .map((e) => e.toString())
        .join(''),
    ) +
    text.slice(to)
  );
}

/**
 * Content lines folded as RFC 5545 §3.1 asks, exactly as ical-generator folds them: a line
 * break and a space before the character that would take a line past 74 octets of UTF-8, never
 * inside a surrogate pair.
 */
export function fold(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      // 18 characters are at most 72 octets: no such line is folded.
      if (line.length <= 18) return line;
      let out = '';
      let from = 0;
      let octets = 0;
      for (let i = 0; i < line.length; i++) {
        const start = i;
        let size = utf8Size(line.charCodeAt(i));
        // A high surrogate goes with the next code unit, whatever it is (as ical-generator reads it).
        if (isHigh(line.charCodeAt(i)) && i + 1 < line.length) {
          i++;
          size = isLow(line.charCodeAt(i)) ? 4 : 3 + utf8Size(line.charCodeAt(i));
        }
        octets += size;
        if (octets > 74) {
          out += line.slice(from, start) + '\r\n ';
          from = start;
          octets = size;
        }
      }
      return out + line.slice(from);
    })
    .join('\r\n');
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** Octets of one UTF-16 code unit in UTF-8; a lone surrogate is written as U+FFFD (3). */
const utf8Size = (c: number): number => (c < 0x80 ? 1 : c < 0x800 ? 2 : 3);

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
  // Each distinct local time once: the library reads its whole zone table on every call.
  const checked = new Set<string>();
  for (const e of x.events) {
    for (const t of [e.start, e.end]) {
      const [date, time, offset] = t.toFormat('yyyy-MM-dd HH:mm ZZZ').split(' ');
      const key = `${date} ${time} ${offset}`;
      if (checked.has(key)) continue;
      if (tzlib_get_offset(x.zone, date, time) !== offset) return undefined;
      checked.add(key);
    }
  }
  return block;
}
