import { Ref, Slot } from '../model';
import { problem } from '../problem';
import { describeSlot, RuleContext } from './context';
import { forEachOverlap } from './overlaps';

interface Talk {
  slot: Slot;
  ref: Ref;
  interval: Slot['interval'];
}

/**
 * `speaker-conflict`: one person speaks in two overlapping slots (in any tracks). Reported on
 * the speaker in the later slot, naming both slots and linking the speaker in the earlier one.
 */
export function speakerConflict(ctx: RuleContext): void {
  const zone = ctx.model.event.zone;
  const bySpeaker = new Map<string, Talk[]>();
  for (const slot of ctx.model.slots) {
    if (!slot.interval) continue;
    for (const ref of slot.speakers) {
      let list = bySpeaker.get(ref.id);
      if (!list) bySpeaker.set(ref.id, (list = []));
      // A speaker listed twice in one slot is the schema's concern, not a conflict.
      if (list[list.length - 1]?.slot !== slot) list.push({ slot, ref, interval: slot.interval });
    }
  }
  for (const [id, talks] of bySpeaker) {
    const name = ctx.model.people.get(id)?.name ?? id;
    forEachOverlap(talks, (later: Talk, earlier: Talk[]) => {
      const others = earlier.map((e) => describeSlot(e.slot, zone)).join(' and ');
      ctx.report(problem('speaker-conflict', `${name} speaks in ${describeSlot(later.slot, zone)} and, at the same time, in ${others}`, later.ref.node, {
        related: earlier.map((e) => ({ start: e.ref.node.start, end: e.ref.node.end, message: `${name} in ${describeSlot(e.slot, zone)}` })),
      }));
    });
  }
}
