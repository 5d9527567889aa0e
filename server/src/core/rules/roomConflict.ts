import { Interval, Session, Slot, Track, slotRoom } from '../model/model';
import { problem } from '../service/problem';
import { get } from '../syntax/tree';
import { describeWhen, RuleContext, slotAnchor } from './context';
import { CrossTrack } from './crossTrack';
import { Report } from './memo';
import { ActiveByGroup, IntervalIndex } from './overlaps';

/** A track holding a room for a while: one of its sessions (in the track's room), or one of its slots. */
interface Holding {
  track: Track;
  interval: Interval;
  session?: Session;
  slot?: Slot;
}

/** What one track contributes to one room. */
interface RoomPart {
  holds: Holding[];
  /** Every scheduled slot of the track in the room (by its own room, else the track's). */
  slots: Slot[];
  /** Built when first asked: whether a time overlaps one of `slots`. */
  index?: IntervalIndex;
}

const NONE: ReadonlyMap<string, RoomPart> = new Map();
/** How many other holders a message names. */
const NAMED = 3;

/** What the rule keeps for the last programme of a document it checked. */
interface State {
  /** Each room's holdings, kept across edits: only the rooms of changed tracks are regrouped. */
  holdings: CrossTrack<RoomPart>;
  /** What was found per room (only rooms with findings), with the zone it was found for. */
  found: Map<string, Report[]>;
  foundFor?: string;
}

/**
 * `room-conflict`: two tracks hold the same room at the same time. A track holds its room
 * during its sessions; a slot with its own `room` holds that room. Two sessions that overlap, or a slot of one track in another track's
 * session in that room, are a conflict; two slots are `slot-overlap`'s, and a slot in
 * another track's session that already overlaps one of that track's slots there is left to
 * `slot-overlap` too (one mistake, one diagnostic). Reported once, at the later holding,
 * naming the others and linking them. A sweep per room: O(n log n).
 */
export function roomConflict(ctx: RuleContext): void {
  const zone = ctx.model.event.zone;
  if (!zone) return;
  const state = ctx.memo.own<State>('roomConflict', () => ({ holdings: new CrossTrack(), found: new Map() }));
  const { holdings } = state;
  const parts = ctx.memo.tracks('roomConflict.parts', ctx.model, [], trackParts);
  const { changed } = holdings.update(parts);
  const check = (room: string): void => {
    const group = holdings.group(room);
    const reports = group.length > 1 ? ctx.memo.reuse('roomConflict', group, [zone], () => conflicts(group, room, zone)) : [];
    if (reports.length) state.found.set(room, reports);
    else state.found.delete(room);
  };
  if (changed === 'all' || state.foundFor !== zone) {
    state.found = new Map();
    for (const room of holdings.keys()) check(room);
  } else {
    for (const room of changed) check(room);
  }
  state.foundFor = zone;
  // A room not in `rooms` is `unknown-room`'s: no second diagnostic for the same typo.
  for (const [room, reports] of state.found) if (ctx.model.rooms.has(room)) for (const report of reports) ctx.report(report());
}

function trackParts(track: Track): ReadonlyMap<string, RoomPart> {
  const sessions = track.sessions.length > 0;
  let parts: Map<string, RoomPart> | undefined;
  const part = (room: string): RoomPart => {
    parts ??= new Map();
    let p = parts.get(room);
    if (!p) parts.set(room, (p = { holds: [], slots: [] }));
    return p;
  };
  if (track.room) {
    for (const session of track.sessions) if (session.interval) part(track.room.id).holds.push({ track, interval: session.interval, session });
  }
  for (const slot of track.slots) {
    if (!slot.interval) continue;
    const room = slotRoom(slot);
    if (!room) continue;
    part(room.id).slots.push(slot);
    // A slot holds a room by its own `room` (FORMAT.md); in its track's room, it is inside the
    // track's sessions, which hold the room already.
    if (!slot.room || (sessions && room.id === track.room?.id)) continue;
    part(room.id).holds.push({ track, interval: slot.interval, slot });
  }
  return parts ?? NONE;
}

function conflicts(parts: RoomPart[], room: string, zone: string): Report[] {
  // Parts come in track order, and each track's holdings in document order: ties in time
  // keep that order (the sort is stable).
  const all = parts.flatMap((p) => p.holds).sort((a, b) => a.interval.startMs - b.interval.startMs || a.interval.endMs - b.interval.endMs);
  const partOf = new Map<Track, RoomPart>();
  for (const p of parts) if (p.holds.length) partOf.set(p.holds[0].track, p);
  for (const p of parts) if (p.slots.length && !partOf.has(p.slots[0].track)) partOf.set(p.slots[0].track, p);
  // Whether slot-overlap already reports this slot against a slot of `track` in the room.
  const overlapsSlotOf = (slot: Slot, track: Track): boolean => {
    const p = partOf.get(track);
    if (!p || !p.slots.length) return false;
    p.index ??= new IntervalIndex(p.slots.map((s) => s.interval!));
    return p.index.overlaps(slot.interval!);
  };
  const sessions = new ActiveByGroup<Holding, Track>((h) => h.track);
  const slots = new ActiveByGroup<Holding, Track>((h) => h.track);
  const out: Report[] = [];
  for (const h of all) {
    sessions.expire(h.interval.startMs);
    slots.expire(h.interval.startMs);
    const others: Holding[] = [];
    const consider = (active: ActiveByGroup<Holding, Track>): void => {
      for (const [track, set] of active.groups) {
        if (others.length >= NAMED) return;
        if (track === h.track) continue;
        const first = set.values().next().value as Holding;
        const slot = h.slot ?? first.slot;
        if (slot && overlapsSlotOf(slot, h.slot ? track : h.track)) continue;
        others.push(first);
      }
    };
    consider(sessions);
    // Two slots are slot-overlap's concern.
    if (h.session) consider(slots);
    if (others.length) out.push(report(h, others, room, zone));
    (h.session ? sessions : slots).add(h);
  }
  return out;
}

function what(h: Holding, zone: string): string {
  const when = describeWhen(h.interval, zone);
  return h.slot ? `'${h.slot.title}' of track \`${h.track.id}\` (${when})` : `a session of track \`${h.track.id}\` (${when})`;
}

function anchor(h: Holding): { start: number; end: number } {
  const node = h.slot ? slotAnchor(h.slot) : (get(h.session!.node, 'start') ?? h.session!.node);
  return { start: node.start, end: node.end };
}

function report(h: Holding, others: Holding[], room: string, zone: string): Report {
  const message = `${what(h, zone)} holds room \`${room}\` at the same time as ${others.map((o) => what(o, zone)).join(' and ')}`;
  const related = others.map((o) => ({ holding: o, message: `${what(o, zone)} holds room \`${room}\`` }));
  const data = h.session
    ? { fix: 'move-session' as const, sessionPath: ['tracks', h.track.id, 'sessions', h.session.index] }
    : { fix: 'move-slot' as const, slotPath: ['tracks', h.track.id, 'slots', h.slot!.index] };
  return () =>
    problem('room-conflict', message, anchor(h), {
      related: related.map((r) => ({ ...anchor(r.holding), message: r.message })),
      data,
    });
}
