import { Ref } from '../model';
import { closest } from '../similar';
import { problem, Problem } from '../problem';
import { RuleContext } from './context';

/** `unknown-person`, `unknown-room`, `unknown-topic`: every id a field names must exist. */
export function unknownReference(ctx: RuleContext): void {
  const { model } = ctx;
  // One guess per unknown id: the same typo repeated in many slots is looked up once.
  const guesses = new Map<string, string | undefined>();
  const guessPerson = (id: string): string | undefined => {
    if (!guesses.has(id)) guesses.set(id, closest(id, model.people.keys()));
    return guesses.get(id);
  };
  const person = (r: Ref, field: string): void => {
    if (model.people.has(r.id)) return;
    const guess = guessPerson(r.id);
    ctx.report(withFix(problem('unknown-person', `unknown person \`${r.id}\` in ${field}: not in \`people\`${guess ? `; did you mean \`${guess}\`?` : ''}`, r.node), guess, { fix: 'add-person', id: r.id }));
  };
  const room = (r: Ref | undefined): void => {
    if (!r || model.rooms.has(r.id)) return;
    const guess = closest(r.id, model.rooms.keys());
    ctx.report(withFix(problem('unknown-room', `unknown room \`${r.id}\`: not in \`rooms\`${guess ? `; did you mean \`${guess}\`?` : ''}`, r.node), guess));
  };
  for (const track of model.tracks.values()) {
    room(track.room);
    for (const r of track.leads) person(r, 'leads');
    for (const r of track.contacts) person(r, 'contacts');
    for (const r of track.keyAttendees) person(r, 'key-attendees');
    for (const slot of track.slots) {
      if (slot.room) room(slot.room);
      for (const r of slot.speakers) person(r, 'speakers');
      for (const r of slot.topics) {
        if (track.topics.has(r.id)) continue;
        const guess = closest(r.id, track.topics.keys());
        ctx.report(withFix(problem('unknown-topic', `unknown topic \`${r.id}\`: not in the topics of track \`${track.id}\`${guess ? `; did you mean \`${guess}\`?` : ''}`, r.node), guess));
      }
    }
  }
}

function withFix(p: Problem, guess: string | undefined, alt?: Problem['data']): Problem {
  if (guess) p.data = { fix: 'replace', replacement: guess, title: `Change to \`${guess}\`` };
  else if (alt) p.data = alt;
  return p;
}
