import { Slot } from '../model';
import { problem } from '../problem';
import { describeSlot, RuleContext } from './context';
import { forEachOverlap } from './overlaps';

/** `speaker-conflict`: one person speaks in two overlapping slots (in any tracks). */
export function speakerConflict(ctx: RuleContext): void {
  const zone = ctx.model.event.zone;
  const bySpeaker = new Map<string, { slot: Slot; node: { start: number; end: number }; interval: Slot['interval'] }[]>();
  for (const slot of ctx.model.slots) {
    if (!slot.interval) continue;
    for (const s of slot.speakers) {
      let list = bySpeaker.get(s.id);
      if (!list) bySpeaker.set(s.id, (list = []));
      list.push({ slot, node: s.node, interval: slot.interval });
    }
  }
  for (const [id, entries] of bySpeaker) {
    const name = ctx.model.people.get(id)?.name ?? id;
    forEachOverlap(entries, (later, earlier) => {
      if (later.slot === earlier.slot) return;
      ctx.report(problem('speaker-conflict', `${name} also speaks in ${describeSlot(earlier.slot, zone)} at the same time`, later.node, {
        related: [{ start: earlier.node.start, end: earlier.node.end, message: `${name} in ${describeSlot(earlier.slot, zone)}` }],
      }));
    });
  }
}
