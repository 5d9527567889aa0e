import { Interval } from '../model';

/**
 * Calls `report(later, earlier)` for every pair of intervals in `items` that intersect
 * (`[start, end)`: touching ends do not overlap). Sort and sweep: O(n log n) plus the
 * number of overlapping pairs.
 */
export function forEachOverlap<T extends { interval?: Interval }>(items: T[], report: (later: T, earlier: T) => void): void {
  const timed = items.filter((i) => i.interval).sort((a, b) => a.interval!.startMs - b.interval!.startMs || a.interval!.endMs - b.interval!.endMs);
  let active: T[] = [];
  for (const item of timed) {
    const start = item.interval!.startMs;
    active = active.filter((a) => a.interval!.endMs > start);
    for (const other of active) report(item, other);
    active.push(item);
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
