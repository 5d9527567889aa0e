import { Ref } from '../model/model';
import { closest } from '../features/similar';
import { personGuesser } from './personGuess';
import { problem, Problem } from '../service/problem';
import { RuleContext } from './context';
import { Report } from './memo';

/** `unknown-person`, `unknown-room`, `unknown-topic`: every id a field names (a block's room too) must exist. */
export function unknownReference(ctx: RuleContext): void {
  const { model } = ctx;
  // One guess per unknown id, kept while the people ids are the same (personGuess.ts).
  const guessPerson = personGuesser(ctx);
  const person = (r: Ref, field: string): Report | undefined => {
    if (model.people.has(r.id)) return undefined;
    const guess = guessPerson(r.id);
    const message = `unknown person \`${r.id}\` in ${field}: not in \`people\`${guess ? `; did you mean \`${guess}\`?` : ''}`;
    return () => withFix(problem('unknown-person', message, r.node), guess, { fix: 'add-person', id: r.id });
  };
  const room = (r: Ref | undefined): Report | undefined => {
    if (!r || model.rooms.has(r.id)) return undefined;
    const guess = closest(r.id, model.rooms.keys());
    const message = `unknown room \`${r.id}\`: not in \`rooms\`${guess ? `; did you mean \`${guess}\`?` : ''}`;
    return () => withFix(problem('unknown-room', message, r.node), guess);
  };
  const now = (report: Report | undefined): void => {
    if (report) ctx.report(report());
  };
  // What a track names is looked up again only when the track, the people ids or the room ids
  // changed.
  const people = ctx.memo.keysToken('unknownReference.people', model.people);
  const rooms = ctx.memo.keysToken('unknownReference.rooms', model.rooms);
  for (const block of model.blocks) now(room(block.room));
  const found = ctx.memo.tracks('unknownReference', model, [people, rooms], (track) => {
    const out: Report[] = [];
    const add = (report: Report | undefined): void => {
      if (report) out.push(report);
    };
    add(room(track.room));
    for (const list of track.people) for (const r of list.refs) add(person(r, list.key));
    for (const slot of track.slots) {
      if (slot.room) add(room(slot.room));
      for (const list of slot.people) for (const r of list.refs) add(person(r, list.key));
      for (const r of slot.topics) {
        if (track.topics.has(r.id)) continue;
        const guess = closest(r.id, track.topics.keys());
        const message = `unknown topic \`${r.id}\`: not in the topics of track \`${track.id}\`${guess ? `; did you mean \`${guess}\`?` : ''}`;
        out.push(() => withFix(problem('unknown-topic', message, r.node), guess));
      }
    }
    return out;
  });
  for (const reports of found) for (const report of reports) ctx.report(report());
}

function withFix(p: Problem, guess: string | undefined, alt?: Problem['data']): Problem {
  if (guess) p.data = { fix: 'replace', replacement: guess, title: `Change to \`${guess}\`` };
  else if (alt) p.data = alt;
  return p;
}
