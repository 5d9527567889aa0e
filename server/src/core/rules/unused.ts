import { problem } from '../problem';
import { RuleContext } from './context';
import { reuse, trackSpeakers } from './memo';

/** `unused-person` and `unused-topic`: declared, but nothing refers to them. */
export function unused(ctx: RuleContext): void {
  const { model } = ctx;
  const used = new Set<string>();
  for (const track of model.tracks.values()) {
    for (const r of [...track.leads, ...track.contacts, ...track.keyAttendees]) used.add(r.id);
    for (const id of trackSpeakers(track)) used.add(id);
    // The topics the track's slots name, each once (kept while its slots are the same).
    const named = reuse('unused.topics', track.slots, [], () => {
      const ids = new Set<string>();
      for (const slot of track.slots) for (const r of slot.topics) ids.add(r.id);
      return [...ids];
    });
    const usedTopics = new Set<string>();
    for (const id of named) {
      // A slot on `vfio/iopf` uses `vfio` too.
      for (let t = track.topics.get(id); t; t = t.parent) usedTopics.add(t.path);
    }
    for (const topic of track.topics.values()) {
      if (usedTopics.has(topic.path)) continue;
      if (topic.children.some((c) => usedTopics.has(c.path))) continue;
      ctx.report(problem('unused-topic', `no slot of track \`${track.id}\` covers topic \`${topic.path}\``, topic.key));
    }
  }
  for (const person of model.people.values()) {
    if (!used.has(person.id)) ctx.report(problem('unused-person', `${person.name ?? person.id} is not named by any track or slot`, person.key));
  }
}
