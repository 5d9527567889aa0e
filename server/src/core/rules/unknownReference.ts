import { PersonList, Ref } from '../model/model';
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
  const person = ({ ref: r, field }: Unknown): Problem => {
    const guess = guessPerson(r.id);
    const message = `unknown person \`${r.id}\` in ${field}: not in \`people\`${guess ? `; did you mean \`${guess}\`?` : ''}`;
    return withFix(problem('unknown-person', message, r.node), guess, { fix: 'add-person', id: r.id });
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
  // What a track names is looked up again only when the track, the room ids or one of the
  // people it names changed; the guess for an unknown person is made when it is reported
  // (it depends on every person's id).
  const rooms = ctx.memo.keysToken('unknownReference.rooms', model.rooms);
  for (const block of model.blocks) now(room(block.room));
  const found = ctx.memo.tracks(
    'unknownReference',
    model,
    [rooms],
    (track): Found => {
      const out: Found = { reports: [], people: [] };
      const add = (report: Report | undefined): void => {
        if (report) out.reports.push(report);
      };
      const named = (list: PersonList): void => {
        for (const ref of list.refs) if (!model.people.has(ref.id)) out.people.push({ ref, field: list.key });
      };
      add(room(track.room));
      track.people.forEach(named);
      for (const slot of track.slots) {
        if (slot.room) add(room(slot.room));
        slot.people.forEach(named);
        for (const r of slot.topics) {
          if (track.topics.has(r.id)) continue;
          const guess = closest(r.id, track.topics.keys());
          const message = `unknown topic \`${r.id}\`: not in the topics of track \`${track.id}\`${guess ? `; did you mean \`${guess}\`?` : ''}`;
          out.reports.push(() => withFix(problem('unknown-topic', message, r.node), guess));
        }
      }
      return out;
    },
    'named',
  );
  for (const { reports, people } of found) {
    for (const report of reports) ctx.report(report());
    for (const unknown of people) ctx.report(person(unknown));
  }
}

/** A person id that names no one, and the key it is under. */
interface Unknown {
  ref: Ref;
  field: string;
}

/** What a track names that is not there: rooms and topics, and people (reported with a guess made then). */
interface Found {
  reports: Report[];
  people: Unknown[];
}

function withFix(p: Problem, guess: string | undefined, alt?: Problem['data']): Problem {
  if (guess) p.data = { fix: 'replace', replacement: guess, title: `Change to \`${guess}\`` };
  else if (alt) p.data = alt;
  return p;
}
