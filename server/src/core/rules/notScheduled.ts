import { problem } from '../service/problem';
import { RuleContext, slotPath } from './context';
import { Report } from './memo';

/** `not-scheduled`: a slot without `start` is a proposal, not yet in the timetable. */
export function notScheduled(ctx: RuleContext): void {
  for (const track of ctx.model.tracks.values()) {
    // A track's slots are looked at again only when the track changed.
    const found = ctx.memo.track('notScheduled', track, [], () => {
      const out: Report[] = [];
      for (const slot of track.slots) {
        if (slot.hasStart) continue;
        const message = `'${slot.title}' is not scheduled: it has no \`start\``;
        out.push(() => problem('not-scheduled', message, slot.titleNode ?? slot.node, { data: { fix: 'schedule-slot', slotPath: slotPath(slot) } }));
      }
      return out;
    });
    for (const report of found) ctx.report(report());
  }
}
