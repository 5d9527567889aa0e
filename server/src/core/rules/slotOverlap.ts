import { Slot, slotPlace } from '../model';
import { problem } from '../problem';
import { describeSlot, RuleContext, slotAnchor, slotPath } from './context';
import { forEachOverlap, groupBy } from './overlaps';

/**
 * `slot-overlap`: two slots in the same room at the same time (a slot's room is its own, else
 * its track's); slots without a room may not overlap others of their track. Reported once per
 * slot that starts while others are still running, naming both sides and linking the others.
 */
export function slotOverlap(ctx: RuleContext): void {
  const zone = ctx.model.event.zone;
  const names = new Map<Slot, string>();
  const describe = (slot: Slot): string => {
    let name = names.get(slot);
    if (name === undefined) names.set(slot, (name = describeSlot(slot, zone)));
    return name;
  };
  for (const [place, slots] of groupBy(ctx.model.slots, slotPlace)) {
    const where = place.startsWith('room:') ? `in room \`${place.slice(5)}\`` : `in track \`${place.slice(6)}\``;
    forEachOverlap(slots, (later: Slot, earlier: Slot[]) => {
      const others = earlier.map(describe).join(' and ');
      ctx.report(problem('slot-overlap', `${describe(later)} overlaps ${others} ${where}`, slotAnchor(later), {
        related: earlier.map((e) => ({ ...range(slotAnchor(e)), message: `${describe(e)} overlaps ${describe(later)}` })),
        data: { fix: 'move-slot', slotPath: slotPath(later) },
      }));
    });
  }
}

function range(node: { start: number; end: number }): { start: number; end: number } {
  return { start: node.start, end: node.end };
}
