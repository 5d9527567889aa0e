import { Interval } from '../model';
import { problem } from '../problem';
import { formatRangeLong } from '../time';
import { Node, get } from '../tree';
import { RuleContext, slotAnchor } from './context';

/** `outside-event`: sessions and slots happen between the event's first and last day. */
export function outsideEvent(ctx: RuleContext): void {
  const { event } = ctx.model;
  if (!event.start || !event.end || !event.zone) return;
  const from = event.start.toMillis();
  const to = event.end.plus({ days: 1 }).toMillis();
  const zone = event.zone;
  const check = (what: string, interval: Interval | undefined, node: Node): void => {
    if (!interval || (interval.startMs >= from && interval.endMs <= to)) return;
    ctx.report(problem('outside-event', `${what} (${formatRangeLong(interval.start, interval.end, zone)}) is outside the event (${event.start!.toFormat('yyyy-MM-dd')} to ${event.end!.toFormat('yyyy-MM-dd')})`, node));
  };
  for (const track of ctx.model.tracks.values()) {
    for (const s of track.sessions) check(`a session of track \`${track.id}\``, s.interval, get(s.node, 'start') ?? s.node);
    for (const slot of track.slots) check(`'${slot.title}'`, slot.interval, slotAnchor(slot));
  }
}
