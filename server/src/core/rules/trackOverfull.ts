import { problem } from '../service/problem';
import { formatDuration } from '../model/time';
import { RuleContext } from './context';

/** `track-overfull`: a track's slots, scheduled or not, need more time than its sessions hold. */
export function trackOverfull(ctx: RuleContext): void {
  for (const track of ctx.model.tracks.values()) {
    if (!track.sessions.length || track.sessions.some((s) => !s.interval)) continue;
    // Added up again only when the track changed.
    const { held, needed } = ctx.memo.track('trackOverfull', track, [], () => ({
      held: track.sessions.reduce((sum, s) => sum + (s.interval!.endMs - s.interval!.startMs) / 60000, 0),
      needed: track.slots.reduce((sum, s) => sum + (s.minutes ?? 0), 0),
    }));
    if (needed <= held) continue;
    ctx.report(
      problem(
        'track-overfull',
        `track \`${track.id}\` needs ${formatDuration(needed)} for its slots but its sessions hold ${formatDuration(held)} (${formatDuration(needed - held)} too much)`,
        track.key,
      ),
    );
  }
}
