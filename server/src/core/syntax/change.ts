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
  const n = Math.min(a.length, b.length);
  const al = a.length,
    bl = b.length;
  // Compare growing blocks while they are equal, then home in on the first difference by
  // halving the block: a few dozen block comparisons, and never a long run of single characters.
  let prefix = 0,
    step = 4096,
    growing = true;
  while (step >= 16) {
    if (prefix + step <= n && a.slice(prefix, prefix + step) === b.slice(prefix, prefix + step)) {
      prefix += step;
      if (growing) step = Math.min(step * 2, 1 << 20);
    } else {
      growing = false;
      step >>= 1;
    }
  }
  while (prefix < n && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const max = n - prefix;
  let suffix = 0;
  step = 4096;
  growing = true;
  while (step >= 16) {
    if (suffix + step <= max && a.slice(al - suffix - step, al - suffix) === b.slice(bl - suffix - step, bl - suffix)) {
      suffix += step;
      if (growing) step = Math.min(step * 2, 1 << 20);
    } else {
      growing = false;
      step >>= 1;
    }
  }
  while (suffix < max && a.charCodeAt(al - 1 - suffix) === b.charCodeAt(bl - 1 - suffix)) suffix++;
  return { prefix, suffix };
}
