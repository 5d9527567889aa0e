import { problem } from '../service/problem';
import { RuleContext, slotPath } from './context';

/** `not-scheduled`: a slot without `start` is a proposal, not yet in the timetable. */
export function notScheduled(ctx: RuleContext): void {
  for (const slot of ctx.model.slots) {
    if (slot.hasStart) continue;
    ctx.report(
      problem('not-scheduled', `'${slot.title}' is not scheduled: it has no \`start\``, slot.titleNode ?? slot.node, {
        data: { fix: 'schedule-slot', slotPath: slotPath(slot) },
      }),
    );
  }
}
