/** "Did you mean": the closest of `candidates` to `word`, if it is close enough to be a typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  for (const c of candidates) {
    if (c === word) continue;
    const d = distance(word.toLowerCase(), c.toLowerCase(), limit);
    const score = d === 0 ? 0.5 : d; // same but for case
    if (d <= limit && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (!best) {
    // A prefix or an unfinished word (`speaker` for `speakers`).
    for (const c of candidates) if (word.length >= 3 && c !== word && c.startsWith(word)) return c;
  }
  return best;
}

/** Optimal-string-alignment distance, stopping early past `limit`. */
export function distance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return prev[b.length];
}
