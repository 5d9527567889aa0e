import { problem } from '../service/problem';
import { RuleContext, slotPath } from './context';
import { Report } from './memo';

/** `not-scheduled`: a slot without `start` is a proposal, not yet in the timetable. */
export function notScheduled(ctx: RuleContext): void {
  // A track's slots are looked at again only when the track changed.
  const found = ctx.memo.tracks('notScheduled', ctx.model, [], (track) => {
    const out: Report[] = [];
    for (const slot of track.slots) {
      if (slot.hasStart) continue;
      const message = `'${slot.title}' is not scheduled: it has no \`start\``;
      out.push(() => problem('not-scheduled', message, slot.titleNode ?? slot.node, { data: { fix: 'schedule-slot', slotPath: slotPath(slot) } }));
    }
    return out;
  });
  for (const reports of found) for (const report of reports) ctx.report(report());
}
