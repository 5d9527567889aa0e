import { problem } from '../problem';
import { formatRange } from '../time';
import { RuleContext } from './context';

/** `speaker-night`: a slot starts between 22:00 and 07:00 where one of its speakers lives. */
export function speakerNight(ctx: RuleContext): void {
  for (const slot of ctx.model.slots) {
    if (!slot.interval) continue;
    for (const s of slot.speakers) {
      const zone = ctx.model.people.get(s.id)?.timezone;
      if (!zone) continue;
      const local = slot.interval.start.setZone(zone);
      if (local.hour >= 22 || local.hour < 7) {
        const name = ctx.model.people.get(s.id)?.name ?? s.id;
        ctx.report(problem('speaker-night', `for ${name} this slot is at night: ${local.toFormat('ccc')} ${formatRange(slot.interval.start, slot.interval.end, zone)} (${zone})`, s.node));
      }
    }
  }
}
