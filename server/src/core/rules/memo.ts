/**
 * What a document's rules keep across edits. Tracks, slots, sessions, people and intervals
 * are the same objects from one analysis to the next while their text does not change
 * (model.ts), and an edit changes one or two of them. So a rule works per track (`tracks`) or
 * per group (a room's slots, a speaker's talks), keeps what it found for it, and reuses it
 * while the track is the same object, or the group holds the same members in the same order,
 * and everything else the result depends on (`deps`) is equal. Results are kept on the track
 * or the group's first member (a WeakMap): they go when it goes. No rule walks every slot on
 * every edit: an unchanged track costs a comparison.
 *
 * One `RuleMemo` belongs to one document (service/state.ts): nothing a rule keeps is shared
 * with another document, and closing the document drops it all. A rule that keeps more than
 * groups (the last programme it checked) keeps it in `own(...)`, never in a module variable.
 *
 * What is kept must not hold positions: nodes move when text before them changes, so problems
 * are made when reported (`Report`), from the nodes' positions then.
 */
import { Problem } from '../service/problem';
import { Model, Person, Track } from '../model/model';
import { CrossTrack } from './crossTrack';

/** A problem to be made when reported, with the positions its nodes have then. */
export type Report = () => Problem;

const NO_CHANGES: ReadonlySet<string> = new Set();
const NO_PLACES: ReadonlySet<number> = new Set();

/** The people a rule's finding for a track depends on: its speakers, or everyone it or its slots name. */
export type Named = 'speakers' | 'named';

interface Entry {
  members: readonly unknown[];
  deps: readonly unknown[];
  value: unknown;
}

export class RuleMemo {
  private readonly kept = new WeakMap<object, Map<string, Entry>>();
  private readonly tokens = new Map<string, { keys: string[]; values?: unknown[]; token: object }>();
  /** Tokens already found for a map object (one model is checked by several rules). */
  private readonly known = [new WeakMap<object, object>(), new WeakMap<object, object>()];
  private readonly owned = new Map<string, unknown>();
  private readonly indexes = new Map<Named, { tracks: Track[]; parts: ReadonlyMap<string, true>[]; cross: CrossTrack<true> }>();
  private readonly trackLists = new WeakMap<ReadonlyMap<string, Track>, Track[]>();
  private readonly changes = new WeakMap<ReadonlyMap<string, Person>, { after: ReadonlyMap<string, Person>; changes: ReadonlySet<string> }>();

  /** `compute()`, or its result for the last group with the same members and deps. */
  reuse<T>(name: string, members: readonly object[], deps: readonly unknown[], compute: () => T): T {
    if (!members.length) return compute();
    let byName = this.kept.get(members[0]);
    const entry = byName?.get(name);
    if (entry && same(entry.members, members) && same(entry.deps, deps)) return entry.value as T;
    const value = compute();
    if (!byName) this.kept.set(members[0], (byName = new Map()));
    byName.set(name, { members: members.slice(), deps: deps.slice(), value });
    return value;
  }

  /**
   * `compute()` for one track, or what it gave for the same Track object and equal `deps`. A
   * track is the same object while its entry's text and the event zone are the same
   * (model.ts), so a rule that works track by track looks again only at the tracks an edit
   * touched; `deps` is what else the result depends on (the people, the event's days).
   */
  track<T>(name: string, track: Track, deps: readonly unknown[], compute: () => T): T {
    return this.reuse(name, [track], deps, compute);
  }

  /**
   * `compute(track)` for every track of `model`, in order: what it gave for the same Track
   * object and equal `deps` is reused, and a track in the same place as in the last call with
   * the same `name` is not looked up at all, so that an unchanged track costs a comparison.
   * `named`: the people a track's result depends on (their Person objects, which stay the same
   * while their entries' text does); a track is looked at again when one of them changed,
   * found through an index of who is named where, not by asking every track.
   */
  tracks<T>(name: string, model: Model, deps: readonly unknown[], compute: (track: Track) => T, named?: Named): T[] {
    const last = this.own<{ tracks: Track[]; deps: readonly unknown[]; values: T[]; people?: ReadonlyMap<string, Person> }>(`tracks:${name}`, () => ({
      tracks: [],
      deps: [],
      values: [],
    }));
    const tracks = this.tracksOf(model);
    const values: T[] = new Array<T>(tracks.length);
    const sameDeps = same(last.deps, deps);
    const changes = named && last.people !== model.people ? this.peopleChanges(last.people, model.people) : undefined;
    // The places of the tracks that name a person who changed.
    const stale = changes === 'all' ? undefined : changes?.size ? this.naming(named!, model).placesOf(changes) : NO_PLACES;
    for (let i = 0; i < tracks.length; i++) {
      const track = tracks[i];
      if (sameDeps && last.tracks[i] === track && stale && !stale.has(i)) {
        values[i] = last.values[i];
        continue;
      }
      const own = named ? [...deps, ...this.named(named, track).map((id) => model.people.get(id))] : deps;
      values[i] = this.track(name, track, own, () => compute(track));
    }
    last.tracks = tracks;
    last.deps = deps.slice();
    last.values = values;
    last.people = model.people;
    return values;
  }

  /**
   * The ids whose Person is not the same object in `after` as in `before` (changed, added or
   * removed), or `all` without `before`: what rules that keep findings per person look at
   * again when the people changed. Worked out once per pair of people maps.
   */
  peopleChanges(before: ReadonlyMap<string, Person> | undefined, after: ReadonlyMap<string, Person>): ReadonlySet<string> | 'all' {
    if (!before) return 'all';
    if (before === after) return NO_CHANGES;
    const known = this.changes.get(before);
    if (known?.after === after) return known.changes;
    const changes = new Set<string>();
    // Both in key order: while the keys agree, one walk compares them.
    const a = before.entries(),
      b = after.entries();
    let aligned = before.size === after.size;
    for (let x = a.next(), y = b.next(); aligned && !x.done && !y.done; x = a.next(), y = b.next()) {
      if (x.value[0] !== y.value[0]) aligned = false;
      else if (x.value[1] !== y.value[1]) changes.add(y.value[0]);
    }
    if (!aligned) {
      for (const [id, p] of after) if (before.get(id) !== p) changes.add(id);
      for (const id of before.keys()) if (!after.has(id)) changes.add(id);
    }
    this.changes.set(before, { after, changes });
    return changes;
  }

  /** The ids a track names as `named` says. */
  private named(named: Named, track: Track): string[] {
    return named === 'speakers' ? this.trackSpeakers(track) : this.trackNamed(track);
  }

  /** Which tracks name each person (as `named` says), kept up to date for the tracks of `model`. */
  private naming(named: Named, model: Model): CrossTrack<true> {
    let index = this.indexes.get(named);
    if (!index) this.indexes.set(named, (index = { tracks: [], parts: [], cross: new CrossTrack() }));
    const tracks = this.tracksOf(model);
    if (index.tracks !== tracks) {
      const last = index;
      const parts = tracks.map((t, i) =>
        last.tracks[i] === t ? last.parts[i] : this.track(`naming:${named}`, t, [], () => new Map(this.named(named, t).map((id) => [id, true as const]))),
      );
      index.cross.update(parts);
      index.tracks = tracks;
      index.parts = parts;
    }
    return index.cross;
  }

  /** The tracks of a model as an array, made once per model. */
  tracksOf(model: Model): Track[] {
    let tracks = this.trackLists.get(model.tracks);
    if (!tracks) this.trackLists.set(model.tracks, (tracks = [...model.tracks.values()]));
    return tracks;
  }

  /**
   * A rule's own state for this document (what it found for the last programme it checked),
   * made by `create` on first use. `name` is the rule's name: one state per rule.
   */
  own<T>(name: string, create: () => T): T {
    let state = this.owned.get(name) as T | undefined;
    if (state === undefined) this.owned.set(name, (state = create()));
    return state;
  }

  /**
   * A token that stays the same object while the keys of `map` (in order) stay the same: a
   * cheap dependency on a key set (which people or rooms exist) for `reuse`.
   */
  keysToken(name: string, map: ReadonlyMap<string, unknown>): object {
    return this.token(name, map, false);
  }

  /** Like `keysToken`, for the keys and the values (the same objects): which people and what they say. */
  valuesToken(name: string, map: ReadonlyMap<string, unknown>): object {
    return this.token(name, map, true);
  }

  /** The ids a track's slots name as speakers, each once, in order of first mention. */
  trackSpeakers(track: Track): string[] {
    return this.track('trackSpeakers', track, [], () => {
      const ids = new Set<string>();
      for (const slot of track.slots) for (const r of slot.speakers) ids.add(r.id);
      return [...ids];
    });
  }

  /** The ids a track names (`leads`...) and its slots name (`speakers`...), each once, in order of first mention. */
  trackNamed(track: Track): string[] {
    return this.track('trackNamed', track, [], () => {
      const ids = new Set<string>();
      for (const list of track.people) for (const r of list.refs) ids.add(r.id);
      for (const id of this.trackPeople(track)) ids.add(id);
      return [...ids];
    });
  }

  /** The ids a track's slots name under any person key (speakers...), each once, in order of first mention. */
  trackPeople(track: Track): string[] {
    return this.track('trackPeople', track, [], () => {
      const ids = new Set<string>();
      for (const slot of track.slots) for (const list of slot.people) for (const r of list.refs) ids.add(r.id);
      return [...ids];
    });
  }

  private token(name: string, map: ReadonlyMap<string, unknown>, withValues: boolean): object {
    const cache = this.known[withValues ? 1 : 0];
    let found = cache.get(map);
    if (!found) cache.set(map, (found = this.compare(name, map, withValues)));
    return found;
  }

  private compare(name: string, map: ReadonlyMap<string, unknown>, withValues: boolean): object {
    const key = `${withValues ? 'values' : 'keys'}:${name}`;
    const last = this.tokens.get(key);
    if (last && last.keys.length === map.size) {
      let i = 0,
        equal = true;
      for (const [k, v] of map) {
        if (k !== last.keys[i] || (withValues && v !== last.values![i])) {
          equal = false;
          break;
        }
        i++;
      }
      if (equal) return last.token;
    }
    const entry = { keys: [...map.keys()], values: withValues ? [...map.values()] : undefined, token: {} };
    this.tokens.set(key, entry);
    return entry.token;
  }
}

function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
