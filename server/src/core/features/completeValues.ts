/**
 * Value candidates for completion, from what only this domain knows: person ids, topic paths
 * of the slot's own track, room ids, IANA zones, start times that follow the previous slot or
 * fill a free gap, and the usual slot lengths.
 */
import { Analysis } from '../service/analysis';
import { EventInfo, Session, Slot, Track, slotPlace } from '../model/model';
import { get, str } from '../syntax/tree';
import { Span, busyIn, freeGaps, trackPlace } from '../model/gaps';
import {
  allZones,
  atTime,
  daysBetween,
  durationMinutes,
  formatDay,
  formatLocal,
  formatRange,
  fromMillis,
  parseLocal,
  plusMinutes,
  zoneInfo,
} from '../model/time';
import { matchRank } from './matchRank';
import { Cancellation, NEVER_CANCELLED } from '../service/cancel';

export interface Candidate {
  value: string;
  /** Shown beside the label (a person's name and affiliation). */
  detail?: string;
  documentation?: string;
  /** Other words that should find the candidate (a person's name). */
  alsoMatches?: string;
  rank: number;
}

export const USUAL_DURATIONS = ['10m', '15m', '20m', '25m', '30m', '45m', '1h', '1h30m', '2h'];
const MAX_ITEMS = 200;

function ranked(list: Candidate[]): Candidate[] {
  return list
    .filter((c) => c.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, MAX_ITEMS);
}

export function personCandidates(analysis: Analysis, prefix: string, exclude: ReadonlySet<string>, cancel: Cancellation = NEVER_CANCELLED): Candidate[] {
  const out: Candidate[] = [];
  let n = 0;
  for (const p of analysis.model.people.values()) {
    if ((++n & 1023) === 0 && cancel.isCancellationRequested) return [];
    if (exclude.has(p.id)) continue;
    const detail = [p.honorific && p.name ? `${p.honorific} ${p.name}` : p.name, p.affiliation].filter(Boolean).join(', ');
    out.push({ value: p.id, detail: detail || undefined, alsoMatches: p.name, rank: matchRank(prefix, p.id, p.name, p.affiliation) });
  }
  return ranked(out);
}

export function topicCandidates(analysis: Analysis, trackId: string | undefined, prefix: string, exclude: ReadonlySet<string>): Candidate[] {
  const track = trackId ? analysis.model.tracks.get(trackId) : undefined;
  if (!track) return [];
  const out: Candidate[] = [];
  for (const t of track.topics.values()) {
    if (exclude.has(t.path)) continue;
    out.push({ value: t.path, detail: t.title, alsoMatches: t.title, rank: matchRank(prefix, t.path, t.id, t.title) });
  }
  return ranked(out);
}

export function roomCandidates(analysis: Analysis, prefix: string): Candidate[] {
  return ranked(
    [...analysis.model.rooms.values()].map((r) => ({
      value: r.id,
      detail: r.title,
      alsoMatches: r.title,
      rank: matchRank(prefix, r.id, r.title),
    })),
  );
}

export function zoneCandidates(prefix: string): Candidate[] {
  const out: Candidate[] = [];
  for (const z of allZones()) {
    const rank = matchRank(prefix, z);
    if (rank < 0 || rank > 2) continue;
    const canonical = zoneInfo(z).canonical;
    out.push({ value: z, detail: canonical ? `alias of ${canonical}` : undefined, rank: canonical ? rank + 0.5 : rank });
  }
  return ranked(out);
}

export function durationCandidates(prefix: string): Candidate[] {
  return USUAL_DURATIONS.filter((d) => d.startsWith(prefix)).map((value) => ({ value, rank: 0 }));
}

/** The slot of `track` the cursor is in (or just after, for a slot being written). */
export function slotAt(track: Track, offset: number): { slot?: Slot; before: number } {
  const slots = track.slots;
  let lo = 0,
    hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (slots[mid].node.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const last = slots[lo - 1];
  if (last && offset <= last.node.end + 1) return { slot: last, before: lo - 1 };
  return { before: lo };
}

/** A working day's hours, for tracks that hold no sessions: new slots go between them. */
const DAY_FROM = 9,
  DAY_TO = 18;
/** Where new sessions start on a day the track has none. */
const SESSION_HOUR = 9;
export const SESSION_LENGTHS = ['1h', '2h', '3h', '4h', '6h', '8h'];

/**
 * Start times for a slot, none of them taken by another slot in the same place: right after
 * the previous scheduled slot (when the slot fits there), the first free gap, then the first
 * free time of every other day of the event. The free time is the track's sessions minus the
 * slots held there; a track without sessions has every day of the event from 09:00 to 18:00.
 * `newItem`: for a slot not written yet (a snippet), so the slot before the cursor is not taken
 * for the cursor's own.
 */
export function startCandidates(analysis: Analysis, trackId: string | undefined, offset: number, newItem = false): Candidate[] {
  const model = analysis.model;
  const zone = model.event.zone;
  const track = trackId ? model.tracks.get(trackId) : undefined;
  if (!zone || !track) return [];
  const at = slotAt(track, offset);
  const slot = newItem ? undefined : at.slot;
  const before = newItem && at.slot ? at.before + 1 : at.before;
  const need = Math.max(1, slot?.minutes ?? 1) * 60_000;
  const busy = busyIn(model, slot ? slotPlace(slot) : trackPlace(track), slot);
  const sessions = track.sessions.flatMap((s) => (s.interval ? [s.interval] : []));
  const gaps = freeGaps(sessions.length ? sessions : workingDays(model.event), busy).filter((g) => g.endMs - g.startMs >= need);
  // Free for the slot's length, and inside the sessions (or anywhere, for a track without any).
  const fits = (ms: number): boolean =>
    sessions.length ? gaps.some((g) => g.startMs <= ms && ms + need <= g.endMs) : !busy.some((b) => b.startMs < ms + need && ms < b.endMs);
  const out: Candidate[] = [];
  const add = (ms: number, detail: string, rank: number): void => {
    const value = formatLocal(fromMillis(ms, zone), zone);
    if (!out.some((c) => c.value === value)) out.push({ value, detail, rank });
  };
  for (let i = before - 1; i >= 0 && i >= before - 50; i--) {
    const prev = track.slots[i];
    if (prev.interval) {
      if (fits(prev.interval.endMs)) add(prev.interval.endMs, `after “${prev.title}”`, 0);
      break;
    }
  }
  const range = (g: Span): string => formatRange(fromMillis(g.startMs, zone), fromMillis(g.endMs, zone), zone);
  if (gaps[0]) add(gaps[0].startMs, `first free gap (${range(gaps[0])})`, 1);
  const days = new Set<string>();
  for (const g of gaps) {
    const day = formatDay(fromMillis(g.startMs, zone), zone);
    if (days.has(day)) continue;
    days.add(day);
    add(g.startMs, `free on ${day} (${range(g)})`, 2);
  }
  return out;
}

/** Each day of the event from 09:00 to 18:00 local time. */
function workingDays(event: EventInfo): Span[] {
  if (!event.start || !event.end) return [];
  return daysBetween(event.start, event.end).map((d) => ({ startMs: atTime(d, DAY_FROM).toMillis(), endMs: atTime(d, DAY_TO).toMillis() }));
}

/** The session of `track` the cursor is in (or right after), if any. */
function sessionAt(track: Track, offset: number): Session | undefined {
  return track.sessions.find((s) => s.node.start <= offset && offset <= s.node.end + 1);
}

/**
 * Start times for a session: one on every day of the event, at 09:00 or, where the track's
 * other sessions hold that time, when the last of them ends that day. `newItem`: for a session
 * not written yet (a snippet), so the one before the cursor is not the cursor's own.
 */
export function sessionStartCandidates(analysis: Analysis, trackId: string | undefined, offset: number, newItem = false): Candidate[] {
  const event = analysis.model.event;
  const zone = event.zone;
  const track = trackId ? analysis.model.tracks.get(trackId) : undefined;
  if (!zone || !track || !event.start || !event.end) return [];
  const own = newItem ? undefined : sessionAt(track, offset);
  const others = track.sessions.flatMap((s) => (s !== own && s.interval ? [s.interval] : []));
  const out: Candidate[] = [];
  for (const day of daysBetween(event.start, event.end)) {
    let at = atTime(day, SESSION_HOUR).toMillis();
    const dayEnd = day.plus({ days: 1 }).toMillis();
    for (let moved = true; moved;) {
      moved = false;
      for (const o of others)
        if (o.startMs <= at && at < o.endMs) {
          at = o.endMs;
          moved = true;
        }
    }
    if (at >= dayEnd) continue;
    const value = formatLocal(fromMillis(at, zone), zone);
    out.push({ value, detail: formatDay(fromMillis(at, zone), zone), rank: 0 });
  }
  return out;
}

/** End times for a slot or session with a start: the start plus the usual lengths. */
export function endCandidates(analysis: Analysis, trackId: string | undefined, offset: number, of: 'slot' | 'session'): Candidate[] {
  const zone = analysis.model.event.zone;
  const track = trackId ? analysis.model.tracks.get(trackId) : undefined;
  if (!zone || !track) return [];
  const node = of === 'slot' ? slotAt(track, offset).slot?.node : sessionAt(track, offset)?.node;
  const written = str(get(node, 'start'));
  const parsed = written ? parseLocal(written, zone) : undefined;
  if (!parsed?.ok) return [];
  return (of === 'slot' ? USUAL_DURATIONS : SESSION_LENGTHS).map((d) => ({
    value: formatLocal(plusMinutes(parsed.time, durationMinutes(d)), zone),
    detail: `${d} after the start`,
    rank: 0,
  }));
}
