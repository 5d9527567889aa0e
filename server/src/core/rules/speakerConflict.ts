import { Person, Ref, Slot } from '../model/model';
import { problem } from '../service/problem';
import { describeSlot, RuleContext } from './context';
import { CrossTrack } from './crossTrack';
import { Report } from './memo';
import { forEachOverlap } from './overlaps';

interface Talk {
  slot: Slot;
  ref: Ref;
  interval: Slot['interval'];
}

const NONE: ReadonlyMap<string, Talk[]> = new Map();

/** What the rule keeps for the last programme of a document it checked. */
interface State {
  /** Each speaker's talks, kept across edits: only the speakers of changed tracks are regrouped. */
  talks: CrossTrack<Talk[]>;
  /** What was found per speaker (only speakers with findings), with the zone and people it was found for. */
  found: Map<string, Report[]>;
  foundFor?: { zone: string | undefined; people: ReadonlyMap<string, Person> };
}

/**
 * `speaker-conflict`: one person speaks in two overlapping slots (in any tracks). Reported on
 * the speaker in the later slot, naming both slots and linking the speaker in the earlier one.
 */
export function speakerConflict(ctx: RuleContext): void {
  const zone = ctx.model.event.zone;
  const state = ctx.memo.own<State>('speakerConflict', () => ({ talks: new CrossTrack(), found: new Map() }));
  const { talks } = state;
  // Each track's talks by speaker (kept while the track is the same).
  const parts = ctx.memo.tracks('speakerConflict.talks', ctx.model, [], (track): ReadonlyMap<string, Talk[]> => {
    if (!track.slots.length) return NONE;
    const own = new Map<string, Talk[]>();
    for (const slot of track.slots) {
      if (!slot.interval) continue;
      for (const ref of slot.speakers) {
        let list = own.get(ref.id);
        if (!list) own.set(ref.id, (list = []));
        // A speaker listed twice in one slot is the schema's concern, not a conflict.
        if (list[list.length - 1]?.slot !== slot) list.push({ slot, ref, interval: slot.interval });
      }
    }
    return own;
  });
  const { changed } = talks.update(parts);
  // Names in messages come from the people: a person who changed is looked at again.
  const people = state.foundFor ? ctx.memo.peopleChanges(state.foundFor.people, ctx.model.people) : 'all';
  const check = (id: string): void => {
    const group = talks.group(id);
    const name = ctx.model.people.get(id)?.name ?? id;
    const reports = group.length ? ctx.memo.reuse('speakerConflict', group, [zone, name], () => conflicts(group, name, zone)) : [];
    if (reports.length) state.found.set(id, reports);
    else state.found.delete(id);
  };
  if (changed === 'all' || people === 'all' || !state.foundFor || state.foundFor.zone !== zone) {
    state.found = new Map();
    for (const id of talks.keys()) check(id);
  } else {
    for (const id of changed) check(id);
    for (const id of people) if (!changed.has(id)) check(id);
  }
  state.foundFor = { zone, people: ctx.model.people };
  for (const reports of state.found.values()) for (const report of reports) ctx.report(report());
}

function conflicts(parts: Talk[][], name: string, zone: string | undefined): Report[] {
  const out: Report[] = [];
  forEachOverlap(parts.length === 1 ? parts[0] : parts.flat(), (later: Talk, earlier: Talk[]) => {
    const others = earlier.map((e) => describeSlot(e.slot, zone)).join(' and ');
    const message = `${name} speaks in ${describeSlot(later.slot, zone)} and, at the same time, in ${others}`;
    const related = earlier.map((e) => ({ ref: e.ref, message: `${name} in ${describeSlot(e.slot, zone)}` }));
    out.push(() =>
      problem('speaker-conflict', message, later.ref.node, {
        related: related.map((r) => ({ start: r.ref.node.start, end: r.ref.node.end, message: r.message })),
      }),
    );
  });
  return out;
}
