/**
 * Free time in a track's sessions: where a slot could go without overlapping another slot in
 * the same place. Used by the quick fixes that schedule or move a slot, and by completion of
 * `start` values.
 */
import { Model, Session, Slot, Track, slotPlace, slotRoom } from './model';
import { eventSpan } from './days';

/** A span of time, in milliseconds since the epoch, `[startMs, endMs)`. */
export interface Span {
  startMs: number;
  endMs: number;
}

/**
 * The parts of `sessions` not covered by any of `busy`, in time order. Both lists may be in
 * any order and may overlap themselves. O((n + m) log(n + m)).
 */
export function freeGaps(sessions: readonly Span[], busy: readonly Span[]): Span[] {
  const free = union(sessions);
  const taken = union(busy);
  const out: Span[] = [];
  let j = 0;
  for (const s of free) {
    let cursor = s.startMs;
    while (j < taken.length && taken[j].endMs <= cursor) j++;
    let k = j;
    while (k < taken.length && taken[k].startMs < s.endMs) {
      if (taken[k].startMs > cursor) out.push({ startMs: cursor, endMs: taken[k].startMs });
      cursor = Math.max(cursor, taken[k].endMs);
      k++;
    }
    if (cursor < s.endMs) out.push({ startMs: cursor, endMs: s.endMs });
  }
  return out;
}

/** Sorted, disjoint spans covering the same time as `spans` (touching spans are joined). */
function union(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.endMs > s.startMs).sort((a, b) => a.startMs - b.startMs);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.startMs <= last.endMs) last.endMs = Math.max(last.endMs, s.endMs);
    else out.push({ startMs: s.startMs, endMs: s.endMs });
  }
  return out;
}

/**
 * The earliest start in `gaps` (in time order) for `minutes` of time, not before `notBefore`
 * when there is such a place; otherwise the earliest anywhere; undefined if nothing fits.
 */
export function firstFit(gaps: readonly Span[], minutes: number, notBefore?: number): number | undefined {
  const need = minutes * 60_000;
  if (notBefore !== undefined) {
    for (const g of gaps) {
      const start = Math.max(g.startMs, notBefore);
      if (g.endMs - start >= need) return start;
    }
  }
  for (const g of gaps) if (g.endMs - g.startMs >= need) return g.startMs;
  return undefined;
}

/**
 * The time taken in `place` (`room:<id>` or `track:<id>`, see slotPlace) by every scheduled
 * slot but `except`.
 */
export function busyIn(model: Model, place: string, except?: Slot): Span[] {
  const busy: Span[] = [];
  for (const other of model.slots) {
    if (other !== except && other.interval && slotPlace(other) === place) busy.push(other.interval);
  }
  return busy;
}

/** Where a new slot of `track` takes place: the track's room, else the track. */
export function trackPlace(track: Track): string {
  return track.room ? `room:${track.room.id}` : `track:${track.id}`;
}

/**
 * The free gaps of `slot`'s track's sessions: the sessions minus the time of every other slot
 * in the same place (the same room, or the same track for slots without a room). Empty when
 * the track has no resolved sessions.
 */
export function gapsForSlot(model: Model, slot: Slot): Span[] {
  const sessions = slot.track.sessions.flatMap((s) => (s.interval ? [s.interval] : []));
  if (!sessions.length) return [];
  const busy = busyIn(model, slotPlace(slot), slot);
  // Another track's sessions hold their room: a slot in that room does not go there either.
  const room = slotRoom(slot)?.id;
  if (room) {
    for (const track of model.tracks.values()) {
      if (track === slot.track || track.room?.id !== room) continue;
      for (const s of track.sessions) if (s.interval) busy.push(s.interval);
    }
  }
  return freeGaps(sessions, busy);
}

/** How far ahead the next free time of a room is looked for when the event's days are unknown. */
const AHEAD_MS = 14 * 86_400_000;

/**
 * The next time, at or after the session's start, that its track's room is free for as long
 * as the session lasts: no other track's session in that room, no slot of another track there,
 * no other session of its own track. Within the event's programme days when they are known.
 * Undefined when the track has no room or nothing fits.
 */
export function freeStartForSession(model: Model, session: Session): number | undefined {
  const room = session.track.room?.id;
  const i = session.interval;
  if (!room || !i) return undefined;
  const busy: Span[] = [];
  for (const track of model.tracks.values()) {
    if (track.room?.id === room || track === session.track) {
      for (const s of track.sessions) if (s !== session && s.interval) busy.push(s.interval);
    }
    if (track === session.track) continue;
    for (const slot of track.slots) if (slot.interval && slotRoom(slot)?.id === room) busy.push(slot.interval);
  }
  const span = eventSpan(model.event);
  const domain = { startMs: i.startMs, endMs: span ? Math.max(span.end.toMillis(), i.endMs) : i.startMs + AHEAD_MS };
  const at = firstFit(freeGaps([domain], busy), (i.endMs - i.startMs) / 60_000, i.startMs);
  return at !== undefined && at >= i.startMs ? at : undefined;
}

/**
 * Where `slot` could start: the first free gap of its track's sessions that holds its length,
 * at or after `notBefore` if possible. Undefined when its length is unknown or nothing fits.
 */
export function freeStartFor(model: Model, slot: Slot, notBefore?: number): number | undefined {
  if (!slot.minutes) return undefined;
  return firstFit(gapsForSlot(model, slot), slot.minutes, notBefore);
}
