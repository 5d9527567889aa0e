import { Person } from '../model/model';
import { problem } from '../service/problem';
import { RuleContext } from './context';
import { CrossTrack } from './crossTrack';
import { personGuesser } from './personGuess';
import { Report } from './memo';

/** What the rule keeps for the last programme of a document it checked. */
interface State {
  /** Which tracks name each person, kept across edits: only the people of changed tracks are looked at. */
  naming: CrossTrack<true>;
  /** Ids of people no track names, with the people they were found for. */
  unnamed: Set<string>;
  /** Ids some track names that are not people (for the same people). */
  unknown: Set<string>;
  unnamedFor?: ReadonlyMap<string, Person>;
}

/** `unused-person` and `unused-topic`: declared, but nothing refers to them. */
export function unused(ctx: RuleContext): void {
  const { model } = ctx;
  const state = ctx.memo.own<State>('unused', () => ({ naming: new CrossTrack(), unnamed: new Set(), unknown: new Set() }));
  const { naming } = state;
  // The people each track names (kept while the track is the same).
  const parts = ctx.memo.tracks('unused.people', model, [], (track): ReadonlyMap<string, true> => {
    const ids = new Map<string, true>();
    for (const list of track.people) for (const r of list.refs) ids.set(r.id, true);
    for (const id of ctx.memo.trackPeople(track)) ids.set(id, true);
    return ids;
  });
  // Each track's topics none of its slots covers (kept while the track is the same).
  const uncovered = ctx.memo.tracks('unused.topics', model, [], (track): Report[] => {
    const usedTopics = new Set<string>();
    for (const slot of track.slots) {
      for (const r of slot.topics) {
        // A slot on `vfio/iopf` uses `vfio` too.
        for (let t = track.topics.get(r.id); t; t = t.parent) usedTopics.add(t.path);
      }
    }
    return [...track.topics.values()]
      .filter((topic) => !usedTopics.has(topic.path) && !topic.children.some((c) => usedTopics.has(c.path)))
      .map((topic) => {
        const message = `no slot of track \`${track.id}\` covers topic \`${topic.path}\``;
        return () => problem('unused-topic', message, topic.key);
      });
  });
  for (const reports of uncovered) for (const report of reports) ctx.report(report());
  const { changed } = naming.update(parts);
  // Only the ids some track names differently now, and the people who changed, are looked at again.
  const people = state.unnamedFor ? ctx.memo.peopleChanges(state.unnamedFor, model.people) : 'all';
  const update = (id: string): void => {
    const declared = model.people.has(id);
    const named = naming.has(id);
    if (declared && !named) state.unnamed.add(id);
    else state.unnamed.delete(id);
    if (!declared && named) state.unknown.add(id);
    else state.unknown.delete(id);
  };
  if (changed === 'all' || people === 'all') {
    state.unnamed = new Set();
    state.unknown = new Set();
    for (const id of model.people.keys()) update(id);
    for (const id of naming.keys()) update(id);
  } else {
    for (const id of changed) update(id);
    for (const id of people) update(id);
  }
  state.unnamedFor = model.people;
  // One mistake, one diagnostic: the person a misspelt id was meant to name (the "did you
  // mean" of its `unknown-person`) is not reported unused as well.
  const meant = new Set<string>();
  if (state.unnamed.size) {
    const guess = personGuesser(ctx);
    for (const id of state.unknown) {
      const meantFor = guess(id);
      if (meantFor) meant.add(meantFor);
    }
  }
  for (const id of state.unnamed) {
    if (meant.has(id)) continue;
    const person = model.people.get(id)!;
    ctx.report(problem('unused-person', `${person.name ?? person.id} is not named by any track or slot`, person.key));
  }
}
