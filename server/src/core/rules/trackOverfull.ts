import { problem } from '../service/problem';
import { formatDuration } from '../model/time';
import { RuleContext } from './context';
import { Report } from './memo';

/** `track-overfull`: a track's slots, scheduled or not, need more time than its sessions hold. */
export function trackOverfull(ctx: RuleContext): void {
  // Added up again only when the track changed.
  const found = ctx.memo.tracks('trackOverfull', ctx.model, [], (track): Report | undefined => {
    if (!track.sessions.length || track.sessions.some((s) => !s.interval)) return undefined;
    const held = track.sessions.reduce((sum, s) => sum + (s.interval!.endMs - s.interval!.startMs) / 60000, 0);
    const needed = track.slots.reduce((sum, s) => sum + (s.minutes ?? 0), 0);
    if (needed <= held) return undefined;
    const message = `track \`${track.id}\` needs ${formatDuration(needed)} for its slots but its sessions hold ${formatDuration(held)} (${formatDuration(needed - held)} too much)`;
    return () => problem('track-overfull', message, track.key);
  });
  for (const report of found) if (report) ctx.report(report());
}
