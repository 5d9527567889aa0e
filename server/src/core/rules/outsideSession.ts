import { problem } from '../problem';
import { formatRange } from '../time';
import { RuleContext, slotAnchor } from './context';

/** `outside-session`: in a track with sessions, each scheduled slot lies inside one of them. */
export function outsideSession(ctx: RuleContext): void {
  const zone = ctx.model.event.zone;
  if (!zone) return;
  for (const track of ctx.model.tracks.values()) {
    const sessions = track.sessions.filter((s) => s.interval);
    if (!sessions.length) continue;
    for (const slot of track.slots) {
      const i = slot.interval;
      if (!i || sessions.some((s) => s.interval!.startMs <= i.startMs && i.endMs <= s.interval!.endMs)) continue;
      const list = sessions.map((s) => `${s.interval!.start.toFormat('ccc')} ${formatRange(s.interval!.start, s.interval!.end, zone)}`).join(', ');
      ctx.report(problem('outside-session', `'${slot.title}' (${formatRange(i.start, i.end, zone)}) is not inside a session of track \`${track.id}\` (${list})`, slotAnchor(slot)));
    }
  }
}
