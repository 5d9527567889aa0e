import { Interval, Person, Ref, Slot, Track, trackRuns } from '../model/model';
import { problem } from '../service/problem';
import { describeWhen, RuleContext } from './context';
import { CrossTrack } from './crossTrack';
import { Report } from './memo';
import { ActiveByGroup, IntervalIndex } from './overlaps';

/** What a person is needed for in one track, for a while. */
interface Need {
  track: Track;
  /** `lead` or `key attendee` of the track while it runs, or `speaker` of one of its slots. */
  as: 'lead' | 'key attendee' | 'speaker';
  /** Where the person is named: in the track's `leads` or `key-attendees`, or the slot's `speakers`. */
  ref: Ref;
  interval: Interval;
  slot?: Slot;
}

const NONE: ReadonlyMap<string, Need[]> = new Map();
/** How many pairs of tracks are reported per person. */
const MAX_PAIRS = 100;

/** What the rule keeps for the last programme of a document it checked. */
interface State {
  /** Each person's needs, kept across edits: only the people of changed tracks are regrouped. */
  needs: CrossTrack<Need[]>;
  /** What was found per person (only people with findings), with the zone and people it was found for. */
  found: Map<string, Report[]>;
  foundFor?: { zone: string; people: ReadonlyMap<string, Person> };
}

/**
 * `attendee-conflict`: a lead or key attendee of a track is needed elsewhere while the track
 * runs (during its sessions, or its slots when it has no sessions): speaking in another
 * track's slot, or leading or key-attending another track that runs at the same time.
 * Reported once per person and pair of tracks, at the later of the two needs (the person in
 * the later track's list, or in the later slot's `speakers`), naming the other and linking it.
 * Speaking twice at once is `speaker-conflict`'s, and a talk that already clashes with one of
 * the person's talks in the other track is left to it. A sweep per person: O(n log n).
 */
export function attendeeConflict(ctx: RuleContext): void {
  const zone = ctx.model.event.zone;
  if (!zone) return;
  const state = ctx.memo.own<State>('attendeeConflict', () => ({ needs: new CrossTrack(), found: new Map() }));
  const { needs } = state;
  const parts = ctx.memo.tracks('attendeeConflict.needs', ctx.model, [], (track) =>
    !track.leads.length && !track.keyAttendees.length && !track.slots.length ? NONE : trackNeeds(track),
  );
  const { changed } = needs.update(parts);
  // Names in messages come from the people: a person who changed is looked at again.
  const people = state.foundFor ? ctx.memo.peopleChanges(state.foundFor.people, ctx.model.people) : 'all';
  const check = (id: string): void => {
    const group = needs.group(id);
    const name = ctx.model.people.get(id)?.name ?? id;
    const reports = group.length > 1 ? ctx.memo.reuse('attendeeConflict', group, [zone, name], () => conflicts(group, name, zone)) : [];
    if (reports.length) state.found.set(id, reports);
    else state.found.delete(id);
  };
  if (changed === 'all' || people === 'all' || !state.foundFor || state.foundFor.zone !== zone) {
    state.found = new Map();
    for (const id of needs.keys()) check(id);
  } else {
    for (const id of changed) check(id);
    for (const id of people) if (!changed.has(id)) check(id);
  }
  state.foundFor = { zone, people: ctx.model.people };
  // A person not in `people` is `unknown-person`'s: no second diagnostic for the same typo.
  for (const [id, reports] of state.found) if (ctx.model.people.has(id)) for (const report of reports) ctx.report(report());
}

/** A track's needs by person: its leads and key attendees while it runs, its speakers while they speak. */
function trackNeeds(track: Track): ReadonlyMap<string, Need[]> {
  const out = new Map<string, Need[]>();
  const add = (id: string, need: Need): void => {
    const list = out.get(id);
    if (list) list.push(need);
    else out.set(id, [need]);
  };
  const runs = trackRuns(track);
  const roles = new Set<string>();
  const role = (refs: Ref[], as: Need['as']): void => {
    for (const ref of refs) {
      // A lead who is also listed as key attendee is needed once.
      if (roles.has(ref.id)) continue;
      roles.add(ref.id);
      for (const interval of runs) add(ref.id, { track, as, ref, interval });
    }
  };
  role(track.leads, 'lead');
  role(track.keyAttendees, 'key attendee');
  for (const slot of track.slots) {
    if (!slot.interval) continue;
    for (const ref of slot.speakers) {
      const list = out.get(ref.id);
      // Listed twice in one slot: the schema's concern.
      if (list && list[list.length - 1].slot === slot) continue;
      add(ref.id, { track, as: 'speaker', ref, interval: slot.interval, slot });
    }
  }
  return out;
}

function conflicts(parts: Need[][], name: string, zone: string): Report[] {
  // Parts come in track order, each in document order: ties in time keep that order.
  const all = parts.flat().sort((a, b) => a.interval.startMs - b.interval.startMs || a.interval.endMs - b.interval.endMs);
  // The person's talks per track, to leave a talk that clashes with another talk to speaker-conflict.
  const talks = new Map<Track, IntervalIndex>();
  const talksIn = (track: Track): IntervalIndex | undefined => {
    if (!talks.has(track)) {
      const own = parts.find((p) => p[0]?.track === track)?.filter((n) => n.as === 'speaker') ?? [];
      talks.set(track, new IntervalIndex(own.map((n) => n.interval)));
    }
    return talks.get(track);
  };
  const roles = new ActiveByGroup<Need, Track>((n) => n.track);
  const speaking = new ActiveByGroup<Need, Track>((n) => n.track);
  const reported = new Set<number>();
  // Pairs of tracks as numbers: a person needed in hundreds of tracks makes many pairs.
  const index = new Map<Track, number>();
  for (const p of parts) if (p.length && !index.has(p[0].track)) index.set(p[0].track, index.size);
  const n = index.size;
  const pairKey = (a: Track, b: Track): number => {
    const i = index.get(a)!,
      j = index.get(b)!;
    return i < j ? i * n + j : j * n + i;
  };
  const clashes: [later: Need, earlier: Need][] = [];
  const consider = (need: Need, active: ActiveByGroup<Need, Track>): void => {
    for (const track of active.groups.keys()) {
      if (track === need.track) continue;
      const key = pairKey(track, need.track);
      if (reported.has(key)) continue;
      const other = active.groups.get(track)!.values().next().value as Need;
      // A talk during the other track's run that clashes with a talk of the person there too.
      const talk = need.as === 'speaker' ? need : other.as === 'speaker' ? other : undefined;
      const roleTrack = talk === need ? track : need.track;
      if (talk && talksIn(roleTrack)?.overlaps(talk.interval)) continue;
      reported.add(key);
      clashes.push([need, other]);
      if (clashes.length > MAX_PAIRS) return;
    }
  };
  for (const need of all) {
    roles.expire(need.interval.startMs);
    speaking.expire(need.interval.startMs);
    consider(need, roles);
    // Two talks at once are speaker-conflict's concern.
    if (need.as !== 'speaker') consider(need, speaking);
    // A person needed in hundreds of tracks at once is one mistake, not a hundred thousand
    // diagnostics: the first pairs are reported, the last of them saying there are more.
    if (clashes.length > MAX_PAIRS) break;
    (need.as === 'speaker' ? speaking : roles).add(need);
  }
  const more = clashes.length > MAX_PAIRS;
  const shown = clashes.slice(0, MAX_PAIRS);
  return shown.map(([later, earlier], i) => report(later, earlier, name, zone, more && i === shown.length - 1));
}

function what(n: Need, zone: string): string {
  const when = describeWhen(n.interval, zone);
  return n.slot ? `as speaker of '${n.slot.title}' in track \`${n.track.id}\` (${when})` : `as ${n.as} of track \`${n.track.id}\` (${when})`;
}

function report(later: Need, earlier: Need, name: string, zone: string, more: boolean): Report {
  const message =
    `${name} is needed in two tracks at once: ${what(later, zone)} and ${what(earlier, zone)}` +
    (more ? ` (and in more pairs of tracks at once: only the first ${MAX_PAIRS} are listed)` : '');
  const related = `${name} ${what(earlier, zone)}`;
  return () =>
    problem('attendee-conflict', message, later.ref.node, {
      related: [{ start: earlier.ref.node.start, end: earlier.ref.node.end, message: related }],
    });
}
