/**
 * How a text differs from an earlier version of it: the lengths of the start and the end both
 * share, measured (`commonEnds`) or as the editor told the edits (service/workspace.ts).
 */

/**
 * What changed since the text `before`: the lengths of the start (`prefix`) and, not
 * overlapping it, the end (`suffix`) it shares with the text after.
 */
export interface Changed {
  before: string;
  prefix: number;
  suffix: number;
}

/** The length of the common prefix and (not overlapping it) common suffix of two texts. */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const al = a.length,
    bl = b.length;
  const prefix = commonRun(Math.min(al, bl), (from, n) => a.slice(from, from + n) === b.slice(from, from + n));
  const suffix = commonRun(Math.min(al, bl) - prefix, (from, n) => a.slice(al - from - n, al - from) === b.slice(bl - from - n, bl - from));
  return { prefix, suffix };
}

/**
 * How long a run both texts share, up to `max`, where `same(from, n)` compares the `n`
 * characters `from` into the run. Growing blocks are compared while they are equal, then the
 * first difference is homed in on by halving the block: a few dozen block comparisons, and
 * never a long run of single characters.
 */
function commonRun(max: number, same: (from: number, n: number) => boolean): number {
  let run = 0,
    step = 4096,
    growing = true;
  while (step >= 16) {
    if (run + step <= max && same(run, step)) {
      run += step;
      if (growing) step = Math.min(step * 2, 1 << 20);
    } else {
      growing = false;
      step >>= 1;
    }
  }
  while (run < max && same(run, 1)) run++;
  return run;
}
