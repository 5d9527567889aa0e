/** "Did you mean": the closest of `candidates` to `word`, if it is close enough to be a typo. */
export function closest(word: string, candidates: Iterable<string>, prefixes = true): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  const lower = word.toLowerCase();
  const rows = newRows(word.length + limit + 1);
  for (const c of candidates) {
    if (c === word || Math.abs(c.length - word.length) > limit) continue;
    const d = distance(lower, c.toLowerCase(), limit, rows);
    const score = d === 0 ? 0.5 : d; // same but for case
    if (d <= limit && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (!best && prefixes) {
    // A prefix or an unfinished word (`speaker` for `speakers`).
    for (const c of candidates) if (word.length >= 3 && c !== word && c.startsWith(word)) return c;
  }
  return best;
}

/** Up to this many candidates, `SimilarIndex` compares a word with every one. */
const FULL_SCAN = 300;

/**
 * `closest` for many words against one large set of candidates (the people of a big programme):
 * a word is compared only with the candidates of its first letter and a length within the
 * typo limit, and gets no guess when even those are more than FULL_SCAN (a guess among
 * thousands of ids a letter apart is no guess). Up to FULL_SCAN candidates it is `closest`.
 * The answer depends only on the word and the candidates, never on what was asked before.
 */
export class SimilarIndex {
  private readonly all: string[];
  /** By first letter (lower case) and length. */
  private readonly buckets = new Map<string, string[]>();
  /** By first letter (lower case), sorted: for the prefix guess. */
  private readonly sorted = new Map<string, string[]>();

  constructor(candidates: Iterable<string>) {
    this.all = [...candidates];
    if (this.all.length <= FULL_SCAN) return;
    for (const c of this.all) {
      const first = c.charAt(0).toLowerCase();
      push(this.buckets, `${first}${c.length}`, c);
      push(this.sorted, first, c);
    }
    for (const list of this.sorted.values()) list.sort();
  }

  closest(word: string): string | undefined {
    if (this.all.length <= FULL_SCAN) return closest(word, this.all);
    const first = word.charAt(0).toLowerCase();
    const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
    const near: string[] = [];
    for (let length = word.length - limit; length <= word.length + limit; length++) near.push(...(this.buckets.get(`${first}${length}`) ?? []));
    if (near.length > FULL_SCAN) return undefined;
    const guess = closest(word, near, false);
    if (guess || word.length < 3) return guess;
    // A prefix: the first candidate in sorted order that starts with the word.
    const list = this.sorted.get(first) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < word) lo = mid + 1;
      else hi = mid;
    }
    while (lo < list.length && list[lo] === word) lo++;
    return lo < list.length && list[lo].startsWith(word) ? list[lo] : undefined;
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Optimal-string-alignment distance, stopping early past `limit`. */
export function distance(a: string, b: string, limit = Infinity, rows?: Rows): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  // Three rows, swapped rather than copied (and given by `closest` for all its candidates): this
  // runs for every pair of a typo and a candidate.
  let [before, prev, cur] = rows && rows[0].length > n ? rows : newRows(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, before[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[n];
}

type Rows = [Int32Array, Int32Array, Int32Array];

const newRows = (length: number): Rows => [new Int32Array(length), new Int32Array(length), new Int32Array(length)];
