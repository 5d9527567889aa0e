/**
 * What rules keep across edits. Slots, sessions, people and intervals are the same objects
 * from one analysis to the next while their text does not change (model.ts), and an edit
 * changes one or two of them. So a rule works per group (a track's slots, a room's slots, a
 * speaker's talks), keeps what it found for the group, and reuses it while the group holds
 * the same members in the same order and everything else the result depends on (`deps`) is
 * equal. Results are kept on the group's first member (a WeakMap): they go when it goes.
 *
 * What is kept must not hold positions: nodes move when text before them changes, so problems
 * are made when reported (`Report`), from the nodes' positions then.
 */
import { Problem } from '../service/problem';
import { Track } from '../model/model';

/** A problem to be made when reported, with the positions its nodes have then. */
export type Report = () => Problem;

interface Entry {
  members: readonly unknown[];
  deps: readonly unknown[];
  value: unknown;
}

const kept = new WeakMap<object, Map<string, Entry>>();

/** `compute()`, or its result for the last group with the same members and deps. */
export function reuse<T>(name: string, members: readonly object[], deps: readonly unknown[], compute: () => T): T {
  if (!members.length) return compute();
  let byName = kept.get(members[0]);
  const entry = byName?.get(name);
  if (entry && same(entry.members, members) && same(entry.deps, deps)) return entry.value as T;
  const value = compute();
  if (!byName) kept.set(members[0], (byName = new Map()));
  byName.set(name, { members: members.slice(), deps: deps.slice(), value });
  return value;
}

function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const tokens = new Map<string, { keys: string[]; values?: unknown[]; token: object }>();

/**
 * A token that stays the same object while the keys of `map` (in order) stay the same: a
 * cheap dependency on a key set (which people or rooms exist) for `reuse`.
 */
export function keysToken(name: string, map: ReadonlyMap<string, unknown>): object {
  return token(name, map, false);
}

/** Like `keysToken`, for the keys and the values (the same objects): which people and what they say. */
export function valuesToken(name: string, map: ReadonlyMap<string, unknown>): object {
  return token(name, map, true);
}

/** Tokens already found for a map object (one model is checked by several rules). */
const known = [new WeakMap<object, object>(), new WeakMap<object, object>()];

function token(name: string, map: ReadonlyMap<string, unknown>, withValues: boolean): object {
  const cache = known[withValues ? 1 : 0];
  let found = cache.get(map);
  if (!found) cache.set(map, (found = compare(name, map, withValues)));
  return found;
}

function compare(name: string, map: ReadonlyMap<string, unknown>, withValues: boolean): object {
  const last = tokens.get(name);
  if (last && last.keys.length === map.size) {
    let i = 0, equal = true;
    for (const [k, v] of map) {
      if (k !== last.keys[i] || (withValues && v !== last.values![i])) { equal = false; break; }
      i++;
    }
    if (equal) return last.token;
  }
  const entry = { keys: [...map.keys()], values: withValues ? [...map.values()] : undefined, token: {} };
  tokens.set(name, entry);
  return entry.token;
}

/** The ids a track's slots name as speakers, each once, in order of first mention. */
export function trackSpeakers(track: Track): string[] {
  return reuse('trackSpeakers', track.slots, [], () => {
    const ids = new Set<string>();
    for (const slot of track.slots) for (const r of slot.speakers) ids.add(r.id);
    return [...ids];
  });
}
