import { Interval } from '../model/model';
import { problem } from '../service/problem';
import { formatRangeLong } from '../model/time';
import { Node, get } from '../syntax/tree';
import { RuleContext, slotAnchor } from './context';
import { Report, reuse } from './memo';

/** `outside-event`: sessions and slots happen between the event's first and last day. */
export function outsideEvent(ctx: RuleContext): void {
  const { event } = ctx.model;
  if (!event.start || !event.end || !event.zone) return;
  const from = event.start.toMillis();
  const to = event.end.plus({ days: 1 }).toMillis();
  const zone = event.zone;
  const check = (what: string, interval: Interval | undefined, node: () => Node): Report | undefined => {
    if (!interval || (interval.startMs >= from && interval.endMs <= to)) return undefined;
    const message = `${what} (${formatRangeLong(interval.start, interval.end, zone)}) is outside the event (${event.start!.toFormat('yyyy-MM-dd')} to ${event.end!.toFormat('yyyy-MM-dd')})`;
    return () => problem('outside-event', message, node());
  };
  for (const track of ctx.model.tracks.values()) {
    for (const s of track.sessions) {
      const report = check(`a session of track \`${track.id}\``, s.interval, () => get(s.node, 'start') ?? s.node);
      if (report) ctx.report(report());
    }
    // A track's slots are checked again only when they or the event's days changed.
    const found = reuse('outsideEvent', track.slots, [from, to, zone], () => {
      const out: Report[] = [];
      for (const slot of track.slots) {
        const report = check(`'${slot.title}'`, slot.interval, () => slotAnchor(slot));
        if (report) out.push(report);
      }
      return out;
    });
    for (const report of found) ctx.report(report());
  }
}
