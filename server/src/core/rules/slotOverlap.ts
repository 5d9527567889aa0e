import { Slot, slotPlace } from '../model/model';
import { problem } from '../service/problem';
import { describeSlot, RuleContext, slotAnchor, slotPath } from './context';
import { Report } from './memo';
import { forEachOverlap, groupBy } from './overlaps';

/**
 * `slot-overlap`: two slots in the same room at the same time (a slot's room is its own, else
 * its track's); slots without a room may not overlap others of their track. Reported once per
 * slot that starts while others are still running, naming both sides and linking the others.
 */
export function slotOverlap(ctx: RuleContext): void {
  const zone = ctx.model.event.zone;
  // The slots of each place, as one part per track (kept while the track's slots are the
  // same), so that a place none of whose parts changed is not looked at again.
  const places = new Map<string, Slot[][]>();
  for (const track of ctx.model.tracks.values()) {
    const byPlace = ctx.memo.reuse('slotOverlap.places', track.slots, [track.id, track.room?.id], () => groupBy(track.slots, slotPlace));
    for (const [place, slots] of byPlace) {
      const parts = places.get(place);
      if (parts) parts.push(slots);
      else places.set(place, [slots]);
    }
  }
  for (const [place, parts] of places) {
    const found = ctx.memo.reuse('slotOverlap', parts, [zone, place], () => overlapsIn(parts.length === 1 ? parts[0] : parts.flat(), place, zone));
    for (const report of found) ctx.report(report());
  }
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
