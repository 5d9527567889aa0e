import { Slot, slotRoom } from '../model';
import { problem } from '../problem';
import { describeSlot, RuleContext, slotAnchor, slotPath } from './context';
import { forEachOverlap, groupBy } from './overlaps';

/**
 * `slot-overlap`: two slots in the same room at the same time (a slot's room is its own, else
 * its track's); slots without a room may not overlap others of their track. Reported once, on
 * the later slot, linking the earlier.
 */
export function slotOverlap(ctx: RuleContext): void {
  const zone = ctx.model.event.zone;
  const groups = groupBy(ctx.model.slots, (s: Slot) => {
    const room = slotRoom(s);
    return room ? `room:${room.id}` : `track:${s.track.id}`;
  });
  for (const [key, slots] of groups) {
    const where = key.startsWith('room:') ? `in room \`${key.slice(5)}\`` : `in track \`${key.slice(6)}\``;
    forEachOverlap(slots, (later, earlier) => {
      const at = slotAnchor(later);
      ctx.report(problem('slot-overlap', `'${later.title}' overlaps ${describeSlot(earlier, zone)} ${where}`, at, {
        related: [{ start: slotAnchor(earlier).start, end: slotAnchor(earlier).end, message: `${describeSlot(earlier, zone)} is here` }],
        data: { fix: 'move-slot', slotPath: slotPath(later) },
      }));
    });
  }
}
