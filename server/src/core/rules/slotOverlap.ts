import { Slot, slotPlace } from '../model/model';
import { problem } from '../service/problem';
import { describeSlot, RuleContext, slotAnchor, slotPath } from './context';
import { Report } from './memo';
import { forEachOverlap, groupBy } from './overlaps';
import { CrossTrack } from './crossTrack';

/** What the rule keeps for the last programme of a document it checked. */
interface State {
  /** Each place's slots, one part per track, kept across edits: only the places of changed tracks are regrouped. */
  places: CrossTrack<Slot[]>;
  /** What was found per place (only places with findings), with the zone it was found for. */
  found: Map<string, Report[]>;
  foundFor?: string;
}

/**
 * `slot-overlap`: two slots in the same room at the same time (a slot's room is its own, else
 * its track's); slots without a room may not overlap others of their track. Reported once per
 * slot that starts while others are still running, naming both sides and linking the others.
 */
export function slotOverlap(ctx: RuleContext): void {
  const zone = ctx.model.event.zone;
  const state = ctx.memo.own<State>('slotOverlap', () => ({ places: new CrossTrack(), found: new Map() }));
  const { places } = state;
  // Each track's slots by place (kept while the track is the same): only the places of the
  // tracks an edit changed are looked at again.
  const parts = ctx.memo.tracks('slotOverlap.places', ctx.model, [], (track): ReadonlyMap<string, Slot[]> => groupBy(track.slots, slotPlace));
  const { changed } = places.update(parts);
  const check = (place: string): void => {
    const group = places.group(place);
    const reports = group.length
      ? ctx.memo.reuse('slotOverlap', group, [zone, place], () => overlapsIn(group.length === 1 ? group[0] : group.flat(), place, zone))
      : [];
    if (reports.length) state.found.set(place, reports);
    else state.found.delete(place);
  };
  if (changed === 'all' || state.foundFor !== zone) {
    state.found = new Map();
    for (const place of places.keys()) check(place);
  } else {
    for (const place of changed) check(place);
  }
  state.foundFor = zone;
  for (const reports of state.found.values()) for (const report of reports) ctx.report(report());
}

function overlapsIn(slots: Slot[], place: string, zone: string | undefined): Report[] {
  const names = new Map<Slot, string>();
  const describe = (slot: Slot): string => {
    let name = names.get(slot);
    if (name === undefined) names.set(slot, (name = describeSlot(slot, zone)));
    return name;
  };
  const where = place.startsWith('room:') ? `in room \`${place.slice(5)}\`` : `in track \`${place.slice(6)}\``;
  const out: Report[] = [];
  forEachOverlap(slots, (later: Slot, earlier: Slot[]) => {
    const message = `${describe(later)} overlaps ${earlier.map(describe).join(' and ')} ${where}`;
    const related = earlier.map((e) => ({ slot: e, message: `${describe(e)} overlaps ${describe(later)}` }));
    out.push(() =>
      problem('slot-overlap', message, slotAnchor(later), {
        related: related.map((r) => ({ ...range(slotAnchor(r.slot)), message: r.message })),
        data: { fix: 'move-slot', slotPath: slotPath(later) },
      }),
    );
  });
  return out;
}

function range(node: { start: number; end: number }): { start: number; end: number } {
  return { start: node.start, end: node.end };
}
