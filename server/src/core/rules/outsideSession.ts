import { Interval } from '../model/model';
import { problem } from '../service/problem';
import { formatRange } from '../model/time';
import { RuleContext, slotAnchor } from './context';
import { Report } from './memo';

/** How many sessions a message lists before "and N more". */
const LISTED = 4;

/** `outside-session`: in a track with sessions, each scheduled slot lies inside one of them. */
export function outsideSession(ctx: RuleContext): void {
  const zone = ctx.model.event.zone;
  if (!zone) return;
  // A track is checked again only when it or the zone changed.
  const found = ctx.memo.tracks('outsideSession', ctx.model, [zone], (track) => {
    // A session whose time is already reported invalid could be the one a slot is in.
    if (!track.sessions.length || track.sessions.some((s) => !s.interval)) return [];
    const sessions = track.sessions.flatMap((s) => (s.interval ? [s.interval] : [])).sort((a, b) => a.startMs - b.startMs);
    const inside = containment(sessions);
    const out: Report[] = [];
    for (const slot of track.slots) {
      const i = slot.interval;
      if (!i || inside(i)) continue;
      const list =
        sessions
          .slice(0, LISTED)
          .map((s) => `${s.start.toFormat('ccc')} ${formatRange(s.start, s.end, zone)}`)
          .join(', ') + (sessions.length > LISTED ? ` and ${sessions.length - LISTED} more` : '');
      const message = `'${slot.title}' (${formatRange(i.start, i.end, zone)}) is not inside a session of track \`${track.id}\` (${list})`;
      out.push(() => problem('outside-session', message, slotAnchor(slot)));
    }
    return out;
  });
  for (const reports of found) for (const report of reports) ctx.report(report());
}

/**
 * Whether an interval lies inside one of `sessions` (sorted by start), in O(log n): among the
 * sessions starting no later than it, the one that ends last must end no earlier than it.
 */
function containment(sessions: Interval[]): (i: Interval) => boolean {
  const maxEnd: number[] = [];
  for (const s of sessions) maxEnd.push(Math.max(s.endMs, maxEnd[maxEnd.length - 1] ?? -Infinity));
  return (i) => {
    let lo = 0,
      hi = sessions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sessions[mid].startMs <= i.startMs) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] >= i.endMs;
  };
}
