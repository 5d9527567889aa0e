/**
 * Every date, time and zone question of the core, in one place: the only module that imports
 * Luxon or the tz alias data. Programme times never use the machine's zone: every DateTime is
 * made in an explicit IANA zone.
 *
 * The one module of the core with state at module level, on purpose: pure memo tables
 * (`zoneCandidates`, `zoneNames`, `zoneCache`, `localCache`, `abbreviations`) of answers that depend only on
 * their arguments and the runtime's tz data, the same for every document and every service.
 * A wrong cache here could only be a wrong pure function. test/unit/layers.test.ts allows this
 * file alone; everything else the core keeps lives in a document's state (service/).
 */
import { DateTime, IANAZone } from 'luxon';
import * as ct from 'countries-and-timezones';
import { closest } from '../features/similar';

export type { DateTime } from 'luxon';

export interface ZoneInfo {
  valid: boolean;
  /** The canonical IANA name when `name` is a legacy alias (`US/Pacific` → `America/Los_Angeles`). */
  canonical?: string;
  /** Close valid names, for "did you mean" when invalid. */
  suggestions?: string[];
}

let zoneCandidates: Set<string> | undefined;
let zoneNames: string[] | undefined;

/** The names the runtime and the tz alias data list, before asking the runtime whether it can use each. */
function candidates(): Set<string> {
  if (!zoneCandidates) {
    zoneCandidates = new Set<string>(Intl.supportedValuesOf('timeZone'));
    for (const name of Object.keys(ct.getAllTimezones({ deprecated: true }))) zoneCandidates.add(name);
    zoneCandidates.add('UTC');
  }
  return zoneCandidates;
}

/** Every zone name this runtime and the tz alias data know, sorted (costly the first time: completion and suggestions need it). */
export function allZones(): string[] {
  zoneNames ??= [...candidates()].filter((n) => IANAZone.isValidZone(n)).sort();
  return zoneNames;
}

/** Whether `name` is in `allZones()`, asking the runtime about this one name only. */
function knownZone(name: string): boolean {
  return zoneNames ? zoneNames.includes(name) : candidates().has(name) && IANAZone.isValidZone(name);
}

const zoneCache = new Map<string, ZoneInfo>();

/** Whether `name` is an IANA zone name (exact spelling), and its canonical name if an alias. */
export function zoneInfo(name: string): ZoneInfo {
  let info = zoneCache.get(name);
  if (info) return info;
  const known = /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) && knownZone(name);
  if (!known) {
    info = { valid: false, suggestions: suggestZones(name) };
  } else {
    const tz = ct.getTimezone(name);
    // UTC and GMT are links in tzdata, but they are what everyone writes: not worth a note.
    const alias = tz?.aliasOf && name !== 'UTC' && name !== 'GMT' ? tz.aliasOf : undefined;
    info = alias ? { valid: true, canonical: alias } : { valid: true };
  }
  if (zoneCache.size > 1000) zoneCache.clear();
  zoneCache.set(name, info);
  return info;
}

function suggestZones(name: string): string[] {
  const lower = name.toLowerCase();
  const zones = allZones();
  const exactCase = zones.filter((z) => z.toLowerCase() === lower);
  if (exactCase.length) return exactCase;
  const city = lower.split('/').pop() ?? lower;
  const found = zones.filter((z) => city.length >= 3 && z.toLowerCase().includes(city)).slice(0, 3);
  // A typo in the name (`America/Los_Angles`).
  const typo = found.length ? undefined : closest(name, zones);
  return typo ? [typo] : found;
}

export type DateResult = { ok: true; date: DateTime } | { ok: false; reason: string };

/** A `YYYY-MM-DD` date (already matching the form) as the start of that day in `zone`. */
export function parseDate(text: string, zone: string): DateResult {
  const date = DateTime.fromFormat(text, 'yyyy-MM-dd', { zone });
  if (!date.isValid) return { ok: false, reason: explain(text, date) };
  return { ok: true, date };
}

export type LocalResult =
  | { ok: true; time: DateTime; ambiguous?: { earlier: DateTime; later: DateTime } }
  | { ok: false; kind: 'invalid-datetime' | 'nonexistent-time'; reason: string };

const localCache = new Map<string, LocalResult>();

/**
 * A local date-time (`YYYY-MM-DD HH:MM` or with `T`) in `zone`. Reports dates that do not
 * exist in the calendar, times skipped by a DST change, and times that occur twice.
 */
export function parseLocal(text: string, zone: string): LocalResult {
  const key = zone + '|' + text;
  let result = localCache.get(key);
  if (!result) {
    result = computeLocal(text, zone);
    if (localCache.size > 200_000) localCache.clear();
    localCache.set(key, result);
  }
  return result;
}

function computeLocal(text: string, zone: string): LocalResult {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(text);
  if (!m) return { ok: false, kind: 'invalid-datetime', reason: `\`${text}\` is not of the form YYYY-MM-DD HH:MM` };
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  // Luxon reads 24:00 as the end of the day (the next day's 00:00); the format has no such time.
  if (hour === 24)
    return { ok: false, kind: 'invalid-datetime', reason: `${text} is not a real time: hours go from 00 to 23 (the end of a day is the next day's 00:00)` };
  const utcCheck = DateTime.fromObject({ year, month, day, hour, minute }, { zone: 'UTC' });
  if (!utcCheck.isValid) return { ok: false, kind: 'invalid-datetime', reason: explain(text, utcCheck) };
  const time = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  if (!time.isValid) return { ok: false, kind: 'invalid-datetime', reason: explain(text, time) };
  if (time.hour !== hour || time.minute !== minute || time.day !== day) {
    const jump = transitionBefore(time);
    if (jump.from === jump.to) return { ok: false, kind: 'invalid-datetime', reason: explain(text, time) };
    return {
      ok: false,
      kind: 'nonexistent-time',
      reason: `${text} does not exist in ${zone}: clocks jump from ${jump.from} to ${jump.to} that night`,
    };
  }
  const offsets = time.getPossibleOffsets();
  if (offsets.length > 1) {
    const [earlier, later] = [...offsets].sort((a, b) => a.toMillis() - b.toMillis());
    return { ok: true, time, ambiguous: { earlier, later } };
  }
  return { ok: true, time };
}

/**
 * The offset change just before `time` (within a day), as wall-clock times in the old and the
 * new offset: `{ from: '02:00', to: '03:00' }` for a spring-forward night in Los Angeles.
 */
function transitionBefore(time: DateTime): { from: string; to: string } {
  const after = time.offset;
  let lo = time.toMillis() - 86_400_000,
    hi = time.toMillis();
  const offsetAt = (ms: number): number => DateTime.fromMillis(ms, { zone: time.zone }).offset;
  if (offsetAt(lo) === after) return { from: time.toFormat('HH:mm'), to: time.toFormat('HH:mm') };
  const before = offsetAt(lo);
  // Binary search for the first minute with the new offset.
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (mid <= lo) break;
    if (offsetAt(mid) === after) hi = mid;
    else lo = mid;
  }
  const wall = (offset: number): string => DateTime.fromMillis(hi + offset * 60_000, { zone: 'UTC' }).toFormat('HH:mm');
  return { from: wall(before), to: wall(after) };
}

function explain(text: string, dt: DateTime): string {
  const [datePart, timePart] = text.split(/[ T]/);
  const [y, mo, d] = datePart.split('-').map(Number);
  if (mo < 1 || mo > 12) return `${text} is not a real date: there is no month ${mo}`;
  const days = DateTime.fromObject({ year: y, month: mo }, { zone: 'UTC' }).daysInMonth;
  if (days !== undefined && (d < 1 || d > days))
    return `${text} is not a real date: ${DateTime.fromObject({ year: y, month: mo }, { zone: 'UTC' }).toFormat('LLLL yyyy')} has ${days} days`;
  if (timePart) {
    const [h, mi] = timePart.split(':').map(Number);
    if (h > 23) return `${text} is not a real time: hours go from 00 to 23`;
    if (mi > 59) return `${text} is not a real time: minutes go from 00 to 59`;
  }
  return `${text} is not a real date-time (${dt.invalidExplanation ?? dt.invalidReason ?? 'invalid'})`;
}

/** Minutes of a duration written `20m`, `1h`, `1h30m` (already matching the form). */
export function durationMinutes(text: string): number {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?$/.exec(text);
  if (!m) return NaN;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

/** Writes minutes as the format does: `25m`, `1h`, `1h30m`. */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60),
    m = minutes % 60;
  return h && m ? `${h}h${m}m` : h ? `${h}h` : `${m}m`;
}

export function plusMinutes(time: DateTime, minutes: number): DateTime {
  // Minutes are elapsed time (as Luxon's `plus` counts them); this avoids `plus`'s slow path.
  return DateTime.fromMillis(time.toMillis() + minutes * 60_000, { zone: time.zone });
}

/** `08:15–08:25 PDT`: a time range in one zone, with the zone's abbreviation. */
export function formatRange(start: DateTime, end: DateTime, zone: string): string {
  const s = inZone(start, zone),
    e = inZone(end, zone);
  // Comparing the formatted days is much cheaper than Luxon's hasSame (which goes through startOf).
  const sameDay = s.toFormat('yyyy-MM-dd') === e.toFormat('yyyy-MM-dd');
  return `${s.toFormat('HH:mm')}–${e.toFormat(sameDay ? 'HH:mm' : 'ccc HH:mm')} ${abbreviation(e)}`;
}

/** The same instant in `zone` (without Luxon's costly offset recomputation when already there). */
function inZone(dt: DateTime, zone: string): DateTime {
  return dt.zoneName === zone ? dt : dt.setZone(zone);
}

const weekdayRanges = new Map<string, string>();

/**
 * `Tue 07:00–09:00 PDT`: the weekday and times of a range in `zone`. Kept by instant and zone:
 * conflict messages name the same few sessions many times, and formatting is slow.
 */
export function formatWeekdayRange(start: DateTime, end: DateTime, zone: string): string {
  const key = `${start.toMillis()}|${end.toMillis()}|${zone}`;
  let text = weekdayRanges.get(key);
  if (text === undefined) {
    text = `${inZone(start, zone).toFormat('ccc')} ${formatRange(start, end, zone)}`;
    if (weekdayRanges.size > 10_000) weekdayRanges.clear();
    weekdayRanges.set(key, text);
  }
  return text;
}

/**
 * `Tue 2021-09-21 07:10–07:35 PDT (UTC−7)`; `Tue 2021-09-21 07:10–07:35 UTC+9` where the zone
 * has no abbreviation (the offset is not written twice).
 */
export function formatRangeLong(start: DateTime, end: DateTime, zone: string): string {
  const s = start.setZone(zone);
  return `${s.toFormat('ccc yyyy-MM-dd')} ${formatRange(start, end, zone)}${withOffset(s, abbreviation(inZone(end, zone)))}`;
}

/** ` (UTC−7)` after a zone's abbreviation, nothing when the abbreviation is that offset. */
export function withOffset(dt: DateTime, label: string): string {
  const offset = offsetLabel(dt);
  return label === offset ? '' : ` (${offset})`;
}

/**
 * `minutes` after the start of `day` by the wall clock (`day` at 00:00 in its zone): 04:00 of
 * that day, say. A wall time skipped by a DST change moves forward, as Luxon does.
 */
export function atWallMinutes(day: DateTime, minutes: number): DateTime {
  if (minutes === 0) return day;
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
}

/** The next calendar day, 00:00 in the same zone. */
export function nextDay(day: DateTime): DateTime {
  return day.plus({ days: 1 }).startOf('day');
}

/** The local wall time `YYYY-MM-DD HH:MM` of an instant in `zone`. */
export function formatLocal(time: DateTime, zone: string): string {
  return time.setZone(zone).toFormat('yyyy-MM-dd HH:mm');
}

const abbreviations = new Map<string, string>();

/**
 * English locales whose short zone names are the abbreviations people use where they live:
 * Intl knows `PDT` in `en-US` but `CEST` and `BST` only in `en-GB`, `IST` (India) in `en-IN`,
 * `AEST` in `en-AU`, `NZST` in `en-NZ`, `IST` (Ireland) in `en-IE`, `SAST` in `en-ZA`.
 */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU', 'en-NZ', 'en-IE', 'en-ZA'];

/**
 * The zone's abbreviation at `dt` as people know it (`PDT`, `CEST`, `BST`, `IST`), else its
 * offset (`UTC+9`): never a made-up `GMT+9`.
 */
export function abbreviation(dt: DateTime): string {
  // The name depends only on the zone and the offset; Intl takes a fraction of a millisecond
  // per call, which adds up over thousands of slot descriptions.
  const key = `${dt.zoneName}|${dt.offset}`;
  let label = abbreviations.get(key);
  if (label === undefined) {
    label = offsetLabel(dt);
    for (const locale of ABBREVIATION_LOCALES) {
      const name = dt.setLocale(locale).toFormat('ZZZZ');
      // `GMT+2` is an offset in disguise; plain `GMT` (London in winter) and `UTC` are names.
      if (/^(GMT|UTC)[+\-−]/.test(name) || (name === 'GMT' && dt.offset !== 0)) continue;
      label = name;
      break;
    }
    if (abbreviations.size > 10_000) abbreviations.clear();
    abbreviations.set(key, label);
  }
  return label;
}

/** `UTC−7`, `UTC+5:30`, `UTC` (with a real minus sign). */
export function offsetLabel(dt: DateTime): string {
  const o = dt.offset;
  if (o === 0) return 'UTC';
  const sign = o < 0 ? '−' : '+';
  const abs = Math.abs(o),
    h = Math.floor(abs / 60),
    m = abs % 60;
  return `UTC${sign}${h}${m ? ':' + String(m).padStart(2, '0') : ''}`;
}

export function now(zone: string): DateTime {
  return DateTime.now().setZone(zone);
}

export function fromMillis(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone });
}

export function fromISO(text: string, zone?: string): DateTime | undefined {
  const dt = DateTime.fromISO(text, zone ? { zone, setZone: false } : { setZone: true });
  return dt.isValid ? dt : undefined;
}

/** Each day from `first` to `last` (start-of-day DateTimes in one zone), at most `max` of them. */
export function daysBetween(first: DateTime, last: DateTime, max = 60): DateTime[] {
  const out: DateTime[] = [];
  for (let d = first.startOf('day'); d <= last && out.length < max; d = d.plus({ days: 1 })) out.push(d);
  return out;
}

/** `day` (any time that day) at `hour`:`minute` local time, in its own zone. */
export function atTime(day: DateTime, hour: number, minute = 0): DateTime {
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

/** `ccc yyyy-MM-dd` (`Tue 2021-09-21`) of an instant in `zone`. */
export function formatDay(time: DateTime, zone: string): string {
  return time.setZone(zone).toFormat('ccc yyyy-MM-dd');
}

/** The date `days` days from today, in UTC (`YYYY-MM-DD`): for skeletons of new files. */
export function dateFromToday(days: number): string {
  return DateTime.utc().plus({ days }).toFormat('yyyy-MM-dd');
}

/** An ISO date-time as written: its instant and offset, when it names one (`Z`, `+01:00`). */
export interface WrittenTime {
  ms: number;
  /** Minutes east of UTC, when the text has an offset. */
  offset?: number;
}

/**
 * An ISO date-time (`2018-12-27T11:00:00+01:00`, or without offset: then local in `zone`,
 * never the machine's zone). Undefined when not an ISO date-time.
 */
export function readISO(text: string, zone: string): WrittenTime | undefined {
  if (!/^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return undefined;
  const withOffset = /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(text.trim()) && /T|\s\d/.test(text.trim());
  const dt = DateTime.fromISO(text.trim().replace(' ', 'T'), withOffset ? { setZone: true } : { zone });
  if (!dt.isValid) return undefined;
  return withOffset ? { ms: dt.toMillis(), offset: dt.offset } : { ms: dt.toMillis() };
}

/** The instant of a local date (`YYYY-MM-DD`) and time (`HH:MM[:SS]`) in `zone`. */
export function localInstant(date: string, time: string, zone: string): number | undefined {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  return dt.isValid ? dt.toMillis() : undefined;
}

/** The zone's offset (minutes east of UTC) at an instant. */
export function offsetAt(zone: string, ms: number): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

/** `YYYY-MM-DD` and `HH:MM` of an instant in `zone`. */
export function localParts(ms: number, zone: string): { date: string; time: string } {
  const dt = DateTime.fromMillis(ms, { zone });
  return { date: dt.toFormat('yyyy-MM-dd'), time: dt.toFormat('HH:mm') };
}

/** The IANA zone of a fixed offset: `UTC`, `Etc/GMT-1` (UTC+1: the sign is POSIX's); undefined when not whole hours. */
export function fixedOffsetZone(offset: number): string | undefined {
  if (offset === 0) return 'UTC';
  if (offset % 60 !== 0 || Math.abs(offset) > 14 * 60) return undefined;
  return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset) / 60}`;
}

/** Canonical zones (not aliases, not `Etc/`) that give every instant its written offset. */
export function zonesMatching(times: { ms: number; offset: number }[]): string[] {
  return allZones().filter((z) => z.includes('/') && !z.startsWith('Etc/') && !zoneInfo(z).canonical && times.every((t) => offsetAt(z, t.ms) === t.offset));
}

/** The day after a `YYYY-MM-DD` date (calendar arithmetic, no zone). */
export function nextDate(date: string, days = 1): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toFormat('yyyy-MM-dd');
}
