/**
 * The part of a programme every export writes, prepared once: scheduled slots in a fixed order
 * (start, room, track, slot), with their room, speakers and stable identifiers.
 *
 * Identifiers are derived, never random, so that exporting twice gives the same bytes and a
 * calendar or a schedule app recognises an updated slot as the same one:
 * - a slot's key is `<track id>/<slot id>`, or `<track id>/slot-<n>` (n = position in the
 *   track's `slots`, from 1) when the slot has no `id`: give slots an `id` to keep their
 *   identity when slots are reordered;
 * - a slot's GUID is the UUIDv5 (URL namespace) of `<event url or urn:programme:<title slug>>#<slot key>`;
 *   the iCalendar UID is that GUID too;
 * - a room's GUID uses `#room/<room id>`, a person's `acct:<email>` when the person has an
 *   email (as the c3voc tools do), else `#person/<person id>`.
 * A slot's or person's `guid` kept from an import is used as is (a second slot with the same
 * guid gets a derived one: GUIDs are unique in a schedule); so is a slot's `source-id` as the
 * legacy integer id, and other slots get the numbers 1, 2, 3... that no slot keeps.
 */
import { v5 as uuidv5 } from 'uuid';
import { Model, Person, Slot, SlotKind, Track, slotRoom } from '../model/model';
import { DateTime, parseDate, zoneInfo } from '../model/time';
import { get, str } from '../syntax/tree';
import { slugify } from './slug';
export { PROGRAMME_VERSION } from '../service/version';
import { programmeDate, programmeDayEnd, programmeDayStart } from '../model/days';

export interface ExportRoom {
  /** The room id, or `track:<id>` for the slots of a track without a room. */
  key: string;
  name: string;
  guid: string;
  capacity?: number;
}

export interface ExportPerson {
  id: string;
  name: string;
  guid: string;
  email?: string;
}

export interface ExportEvent {
  key: string;
  guid: string;
  /** The slot's `source-id`, else 1, 2, 3... in export order, skipping kept ones (the exchange format's legacy integer id). */
  number: number;
  slot: Slot;
  track: Track;
  title: string;
  kind: SlotKind;
  start: DateTime;
  end: DateTime;
  minutes: number;
  room: ExportRoom;
  persons: ExportPerson[];
  abstract?: string;
  materials: { title: string; url: string }[];
}

export interface ExportDay {
  index: number;
  /** `YYYY-MM-DD` in the event zone. */
  date: string;
  start: DateTime;
  end: DateTime;
  events: ExportEvent[];
}

export interface Exportable {
  title: string;
  acronym: string;
  /** The event zone as the exchange formats want it: canonical (`US/Pacific` → `America/Los_Angeles`). */
  zone: string;
  /** Base of every derived identifier. */
  base: string;
  url?: string;
  description?: string;
  venue?: string;
  days: ExportDay[];
  rooms: ExportRoom[];
  events: ExportEvent[];
}

export function exportable(model: Model): Exportable {
  const { event } = model;
  const title = event.title ?? 'Programme';
  const written = event.zone ?? 'UTC';
  const zone = zoneInfo(written).canonical ?? written;
  const base = event.url ?? `urn:programme:${slugify(title) || 'programme'}`;
  const guid = (name: string): string => uuidv5(name, uuidv5.URL);
  const people = new Map<string, ExportPerson>();
  const person = (id: string): ExportPerson => {
    let p = people.get(id);
    if (!p) {
      const known: Person | undefined = model.people.get(id);
      const email = known?.node ? str(get(known.node, 'email')) : undefined;
      p = { id, name: known?.name ?? id, email, guid: known?.guid ?? guid(email ? `acct:${email}` : `${base}#person/${id}`) };
      people.set(id, p);
    }
    return p;
  };
  const rooms = new Map<string, ExportRoom>();
  const roomNames = new Set<string>();
  const roomOf = (slot: Slot): ExportRoom => {
    const ref = slotRoom(slot);
    const key = ref ? ref.id : `track:${slot.track.id}`;
    let room = rooms.get(key);
    if (!room) {
      const known = ref ? model.rooms.get(ref.id) : undefined;
      // Rooms are known by name in the exchange formats: two rooms must not share one.
      let name = ref ? (known?.title ?? ref.id) : slot.track.title;
      if (roomNames.has(name)) name = `${name} (${key})`;
      roomNames.add(name);
      room = { key, name, guid: guid(`${base}#room/${key}`), capacity: known?.capacity };
      rooms.set(key, room);
    }
    return room;
  };
  const events: ExportEvent[] = [];
  const guids = new Set<string>();
  for (const slot of model.slots) {
    if (!slot.interval) continue;
    const key = `${slot.track.id}/${slot.id ?? `slot-${slot.index + 1}`}`;
    // As written (a consumer may compare GUIDs as text); unique regardless of case.
    const kept = slot.exchange.guid;
    const id = kept && !guids.has(kept.toLowerCase()) ? kept : guid(`${base}#${key}`);
    guids.add(id.toLowerCase());
    events.push({
      key,
      guid: id,
      number: 0,
      slot,
      track: slot.track,
      title: slot.title,
      kind: slot.kind,
      start: slot.interval.start.setZone(zone),
      end: slot.interval.end.setZone(zone),
      minutes: Math.round((slot.interval.endMs - slot.interval.startMs) / 60_000),
      room: roomOf(slot),
      persons: slot.speakers.map((s) => person(s.id)),
      abstract: slot.abstract,
      materials: slot.materials,
    });
  }
  events.sort((a, b) => a.start.toMillis() - b.start.toMillis() || cmp(a.room.name, b.room.name) || cmp(a.key, b.key));
  numberEvents(events);
  const roomOrder = [...model.rooms.keys()];
  const orderedRooms = [...rooms.values()].sort((a, b) => rank(roomOrder, a.key) - rank(roomOrder, b.key) || cmp(a.name, b.name));
  return {
    title,
    acronym: acronym(title),
    zone,
    base,
    url: event.url,
    description: event.description,
    venue: event.venue,
    days: days(model, events, zone),
    rooms: orderedRooms,
    events,
  };
}

/** Kept `source-id`s as they are (the first of a repeated one), the others 1, 2, 3... skipping those. */
function numberEvents(events: ExportEvent[]): void {
  const kept = new Set<number>();
  for (const e of events) {
    const n = e.slot.exchange.sourceId;
    if (n !== undefined && !kept.has(n)) {
      kept.add(n);
      e.number = n;
    }
  }
  let next = 1;
  for (const e of events) {
    if (e.number) continue;
    while (kept.has(next)) next++;
    e.number = next++;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

/**
 * A short lowercase name as the exchange format wants (`^[a-z0-9_-][a-z0-9_]{3,}`): the initials
 * of the title's words with its numbers (`Linux Plumbers Conference 2021` → `lpc2021`), else the
 * whole title with underscores.
 */
export function acronym(title: string): string {
  const words = slugify(title, ' ').split(' ').filter(Boolean);
  const initials = words.map((w) => (/^\d+$/.test(w) ? w : w[0])).join('');
  if (words.length > 1 && initials.length >= 4) return initials;
  const whole = words.join('_');
  return whole.length >= 4 ? whole : (whole + '_conf').replace(/^_/, '');
}

/**
 * The event's programme days (from `start` to `end`, widened to every slot's day), each with
 * its slots: a day runs from the event's `day-change` to the next (days.ts), and a slot
 * starting before the day-change is in the day before.
 */
function days(model: Model, events: ExportEvent[], zone: string): ExportDay[] {
  const { start, end, dayChange } = model.event;
  const byDate = new Map<string, ExportEvent[]>();
  if (start && end) {
    for (let d = start.setZone(zone, { keepLocalTime: true }); d <= end.setZone(zone, { keepLocalTime: true }); d = d.plus({ days: 1 }))
      byDate.set(d.toFormat('yyyy-MM-dd'), []);
  }
  for (const e of events) {
    const date = programmeDate(e.start, dayChange);
    const list = byDate.get(date);
    if (list) list.push(e);
    else byDate.set(date, [e]);
  }
  return [...byDate.keys()].sort().map((date, i) => {
    const r = parseDate(date, zone);
    const day = r.ok ? r.date : events[0].start.startOf('day');
    return { index: i + 1, date, start: programmeDayStart(day, dayChange), end: programmeDayEnd(day, dayChange), events: byDate.get(date)! };
  });
}

/** `00:25`, `01:30`: a duration as the exchange format writes it. */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `2021-09-21T07:00:00-07:00`. */
export function isoLocal(time: DateTime): string {
  return time.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? '';
}

/** The greatest common divisor of every slot's start minute and length, between 5 and 60. */
export function timeslot(events: ExportEvent[]): number {
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  let g = 60;
  for (const e of events) g = gcd(gcd(g, e.minutes), e.start.minute || 60);
  return Math.max(5, g);
}
