/**
 * Groups of what tracks contribute, by key, across all tracks (a speaker's talks, the tracks
 * naming a person), kept up to date from one analysis to the next: an edit changes the part
 * of one or two tracks, so only the keys of those parts are regrouped, not every key of every
 * track. Each rule keeps one of these, for the last programme it checked; another programme
 * (or a change in the number of tracks) regroups everything.
 */
export interface Regrouped {
  /** Every key whose group changed, or `all` when everything was regrouped. */
  changed: Set<string> | 'all';
}

/** How many changed tracks are handled one by one before everything is regrouped. */
const FEW = 16;

export class CrossTrack<P> {
  private parts: ReadonlyMap<string, P>[] = [];
  /** Per key, the parts with their track's index, in track order. */
  private readonly groups = new Map<string, { at: number; part: P }[]>();

  /** Takes each track's parts (the same map object while the track's parts are the same). */
  update(parts: ReadonlyMap<string, P>[]): Regrouped {
    const prev = this.parts;
    this.parts = parts;
    let differ: number[] | undefined = [];
    if (prev.length !== parts.length) differ = undefined;
    else {
      for (let i = 0; i < parts.length; i++) {
        if (prev[i] === parts[i]) continue;
        differ.push(i);
        if (differ.length > FEW) {
          differ = undefined;
          break;
        }
      }
    }
    if (!differ) {
      this.groups.clear();
      parts.forEach((map, at) => {
        for (const [key, part] of map) {
          const group = this.groups.get(key);
          if (group) group.push({ at, part });
          else this.groups.set(key, [{ at, part }]);
        }
      });
      return { changed: 'all' };
    }
    const changed = new Set<string>();
    for (const at of differ) {
      for (const key of prev[at].keys()) {
        const group = this.groups.get(key)!;
        const i = group.findIndex((g) => g.at === at);
        group.splice(i, 1);
        if (!group.length) this.groups.delete(key);
        changed.add(key);
      }
      for (const [key, part] of parts[at]) {
        let group = this.groups.get(key);
        if (!group) this.groups.set(key, (group = []));
        let i = group.length;
        while (i > 0 && group[i - 1].at > at) i--;
        group.splice(i, 0, { at, part });
        changed.add(key);
      }
    }
    return { changed };
  }

  /** The places (track indexes) of the parts of any of `keys`. */
  placesOf(keys: Iterable<string>): Set<number> {
    const out = new Set<number>();
    for (const key of keys) for (const g of this.groups.get(key) ?? []) out.add(g.at);
    return out;
  }

  /** The parts of a key, in track order. */
  group(key: string): P[] {
    return this.groups.get(key)?.map((g) => g.part) ?? [];
  }

  has(key: string): boolean {
    return this.groups.has(key);
  }

  keys(): IterableIterator<string> {
    return this.groups.keys();
  }
}
