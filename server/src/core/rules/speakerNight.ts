import { problem } from '../service/problem';
import { formatRange } from '../model/time';
import { RuleContext } from './context';
import { Interval } from '../model/model';
import { Report } from './memo';

/** Start hours by zone, per interval: intervals are kept across edits (model.ts), zone changes are slow. */
type Hours = WeakMap<Interval, Map<string, number>>;

function localHour(hours: Hours, interval: Interval, zone: string): number {
  let byZone = hours.get(interval);
  if (!byZone) hours.set(interval, (byZone = new Map()));
  let hour = byZone.get(zone);
  if (hour === undefined) byZone.set(zone, (hour = interval.start.setZone(zone).hour));
  return hour;
}

/** `speaker-night`: a slot starts between 22:00 and 07:00 where one of its speakers lives. */
export function speakerNight(ctx: RuleContext): void {
  const { people } = ctx.model;
  const hours = ctx.memo.own<Hours>('speakerNight.hours', () => new WeakMap());
  // A track is checked again only when it or one of its speakers changed (a person is the same
  // object while its entry's text is the same).
  const found = ctx.memo.tracks(
    'speakerNight',
    ctx.model,
    [],
    (track) => {
      const out: Report[] = [];
      for (const slot of track.slots) {
        if (!slot.interval) continue;
        for (const s of slot.speakers) {
          const zone = people.get(s.id)?.timezone;
          if (!zone) continue;
          const hour = localHour(hours, slot.interval, zone);
          if (hour >= 22 || hour < 7) {
            const local = slot.interval.start.setZone(zone);
            const name = people.get(s.id)?.name ?? s.id;
            const message = `for ${name} this slot is at night: ${local.toFormat('ccc')} ${formatRange(slot.interval.start, slot.interval.end, zone)} (${zone})`;
            out.push(() => problem('speaker-night', message, s.node));
          }
        }
      }
      return out;
    },
    'speakers',
  );
  for (const reports of found) for (const report of reports) ctx.report(report());
}
