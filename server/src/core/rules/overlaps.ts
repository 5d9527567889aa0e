import { Interval } from '../model/model';

/**
 * Calls `report(later, earlier)` once for every item that intersects items starting before it
 * (or at the same time, earlier in `items`), with up to `max` of those earlier items, earliest
 * first. Intervals are `[start, end)`: touching ends do not overlap.
 *
 * Sort and sweep with a min-heap of the active items by end: O(n log n + n·max), whatever the
 * number of overlapping pairs (2,000 slots at the same time make 1,999 reports, not 2 million).
 */
export function forEachOverlap<T extends { interval?: Interval }>(items: T[], report: (later: T, earlier: T[]) => void, max = 3): void {
  const timed = items.filter((i) => i.interval).sort((a, b) => a.interval!.startMs - b.interval!.startMs || a.interval!.endMs - b.interval!.endMs);
  const active = new EndHeap<T>();
  for (const item of timed) {
    const start = item.interval!.startMs;
    while (active.size && active.peek().interval!.endMs <= start) active.pop();
    if (active.size) {
      const earlier = active.items.slice(0, max).sort((a, b) => a.interval!.startMs - b.interval!.startMs || a.interval!.endMs - b.interval!.endMs);
      report(item, earlier);
    }
    active.push(item);
  }
}

/** A binary min-heap of items by interval end. */
class EndHeap<T extends { interval?: Interval }> {
  readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T {
    return this.items[0];
  }

  push(item: T): void {
    const h = this.items;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.key(h[parent]) <= this.key(h[i])) break;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length && last !== undefined) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1,
          r = l + 1;
        let m = i;
        if (l < h.length && this.key(h[l]) < this.key(h[m])) m = l;
        if (r < h.length && this.key(h[r]) < this.key(h[m])) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }

  private key(item: T): number {
    return item.interval!.endMs;
  }
}

/** Groups items by a key, skipping items without one. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Intervals sorted by start with the running maximum of their ends: whether any of them
 * overlaps `[startMs, endMs)`, in O(log n).
 */
export class IntervalIndex {
  private readonly starts: number[] = [];
  private readonly maxEnd: number[] = [];

  constructor(intervals: Iterable<{ startMs: number; endMs: number }>) {
    const sorted = [...intervals].sort((a, b) => a.startMs - b.startMs);
    for (const i of sorted) {
      this.starts.push(i.startMs);
      this.maxEnd.push(Math.max(i.endMs, this.maxEnd[this.maxEnd.length - 1] ?? -Infinity));
    }
  }

  overlaps(i: { startMs: number; endMs: number }): boolean {
    // Among the intervals starting before `i` ends, the one that ends last must end after `i` starts.
    let lo = 0,
      hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < i.endMs) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnd[lo - 1] > i.startMs;
  }
}

/**
 * Items active at a point of a sweep, by end (for expiry) and by group (a track): each group's
 * active items in the order they started. A sweep asks for the groups active at each item's
 * start without walking every active item.
 */
export class ActiveByGroup<T extends { interval?: Interval }, G> {
  private readonly heap = new EndHeap<T>();
  readonly groups = new Map<G, Set<T>>();

  constructor(private readonly groupOf: (item: T) => G) {}

  /** Drops the items that end at or before `ms`. */
  expire(ms: number): void {
    while (this.heap.size && this.heap.peek().interval!.endMs <= ms) {
      const item = this.heap.pop()!;
      const g = this.groupOf(item);
      const set = this.groups.get(g);
      if (!set) continue;
      set.delete(item);
      if (!set.size) this.groups.delete(g);
    }
  }

  add(item: T): void {
    this.heap.push(item);
    const g = this.groupOf(item);
    const set = this.groups.get(g);
    if (set) set.add(item);
    else this.groups.set(g, new Set([item]));
  }
}
