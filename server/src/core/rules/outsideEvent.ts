import { EventInfo, Interval } from '../model/model';
import { problem } from '../service/problem';
import { formatRangeLong } from '../model/time';
import { eventSpan, formatDayChange } from '../model/days';
import { Node, get } from '../syntax/tree';
import { RuleContext, slotAnchor } from './context';
import { Report } from './memo';

/** How far past the last day's end an item may run for `day-change` to be worth suggesting. */
const SUGGEST_DAY_CHANGE_MS = 6 * 3_600_000;

/** The event's programme days, as the rule compares and names them. */
interface Span {
  from: number;
  to: number;
  dates: string;
  days: string;
}

function spanOf(event: EventInfo): Span | undefined {
  const span = eventSpan(event);
  if (!span || !event.zone) return undefined;
  return {
    from: span.start.toMillis(),
    to: span.end.toMillis(),
    dates: `${event.start!.toFormat('yyyy-MM-dd')} to ${event.end!.toFormat('yyyy-MM-dd')}`,
    days: event.dayChange ? `, days from ${formatDayChange(event.dayChange)} to ${formatDayChange(event.dayChange)}` : '',
  };
}

/**
 * `outside-event`: sessions, slots and blocks happen within the event's programme days, from the first
 * day's `day-change` (default 00:00) to the day-change after the last day (days.ts): with
 * `day-change: "04:00"`, a social evening from 22:00 to 01:00 on the last night is inside.
 */
export function outsideEvent(ctx: RuleContext): void {
  const { event } = ctx.model;
  // The event's days, worked out once per event (kept while its entry's text is the same).
  const spans = ctx.memo.own('outsideEvent.spans', () => new WeakMap<EventInfo, Span | undefined>());
  if (!spans.has(event)) spans.set(event, spanOf(event));
  const span = spans.get(event);
  if (!span || !event.zone) return;
  const { from, to, dates, days } = span;
  const zone = event.zone;
  const check = (what: string, interval: Interval | undefined, node: () => Node): Report | undefined => {
    if (!interval || (interval.startMs >= from && interval.endMs <= to)) return undefined;
    // Running past midnight after the last day, from inside the event: a day-change would say
    // that the night belongs to the last day.
    const hint =
      !event.dayChange && interval.startMs >= from && interval.startMs < to && interval.endMs - to <= SUGGEST_DAY_CHANGE_MS
        ? '; to let the last night run past midnight, set `event.day-change` (like `"04:00"`)'
        : '';
    const message = `${what} (${formatRangeLong(interval.start, interval.end, zone)}) is outside the event (${dates}${days})${hint}`;
    return () => problem('outside-event', message, node());
  };
  for (const block of ctx.model.blocks) {
    const report = check(
      `block ${block.index + 1}${block.room ? ` (room \`${block.room.id}\`)` : ''}`,
      block.interval,
      () => get(block.node, 'start') ?? block.node,
    );
    if (report) ctx.report(report());
  }
  // A track is checked again only when it or the event's days changed.
  const found = ctx.memo.tracks('outsideEvent', ctx.model, [from, to, zone, event.dayChange], (track) => {
    const out: Report[] = [];
    for (const s of track.sessions) {
      const report = check(`a session of track \`${track.id}\``, s.interval, () => get(s.node, 'start') ?? s.node);
      if (report) out.push(report);
    }
    for (const slot of track.slots) {
      const report = check(`'${slot.title}'`, slot.interval, () => slotAnchor(slot));
      if (report) out.push(report);
    }
    return out;
  });
  for (const reports of found) for (const report of reports) ctx.report(report());
}
