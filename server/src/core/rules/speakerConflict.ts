import { Ref, Slot } from '../model';
import { problem } from '../problem';
import { describeSlot, RuleContext } from './context';
import { Report, reuse } from './memo';
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
  // Each speaker's talks, as one part per track (kept while the track's slots are the same),
  // so that a speaker none of whose parts changed is not looked at again.
  const bySpeaker = new Map<string, Talk[][]>();
  for (const track of ctx.model.tracks.values()) {
    const talks = reuse('speakerConflict.talks', track.slots, [], () => {
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
    for (const [id, list] of talks) {
      const parts = bySpeaker.get(id);
      if (parts) parts.push(list);
      else bySpeaker.set(id, [list]);
    }
  }
  for (const [id, parts] of bySpeaker) {
    const name = ctx.model.people.get(id)?.name ?? id;
    const found = reuse('speakerConflict', parts, [zone, name], () => {
      const out: Report[] = [];
      forEachOverlap(parts.length === 1 ? parts[0] : parts.flat(), (later: Talk, earlier: Talk[]) => {
        const others = earlier.map((e) => describeSlot(e.slot, zone)).join(' and ');
        const message = `${name} speaks in ${describeSlot(later.slot, zone)} and, at the same time, in ${others}`;
        const related = earlier.map((e) => ({ ref: e.ref, message: `${name} in ${describeSlot(e.slot, zone)}` }));
        out.push(() => problem('speaker-conflict', message, later.ref.node, {
          related: related.map((r) => ({ start: r.ref.node.start, end: r.ref.node.end, message: r.message })),
        }));
      });
      return out;
    });
    for (const report of found) ctx.report(report());
  }
}
