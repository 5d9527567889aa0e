/**
 * How well a typed word matches a candidate (an id, a name, a zone): the server's own ranking
 * of completion items, so that `gunth` puts `jason-gunthorpe` first in any client.
 */

/** Lower case without accents, so `rodel` matches `Rödel`. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * 0: the candidate starts with the word; 1: a part of it (after `-`, `/`, `_` or a space)
 * does; 2: it contains the word; 3: the word's letters appear in order; -1: no match.
 * The best rank over all `candidates` (an id, then its other names) counts.
 */
export function matchRank(word: string, ...candidates: (string | undefined)[]): number {
  const w = fold(word);
  if (!w) return 0;
  let best = -1;
  for (const c of candidates) {
    if (!c) continue;
    const r = rankOne(w, fold(c));
    if (r >= 0 && (best < 0 || r < best)) best = r;
    if (best === 0) break;
  }
  return best;
}

function rankOne(w: string, c: string): number {
  if (c.startsWith(w)) return 0;
  const at = c.indexOf(w);
  if (at > 0 && /[-/_ .]/.test(c[at - 1])) return 1;
  if (at > 0) {
    for (let i = c.indexOf(w, at + 1); i > 0; i = c.indexOf(w, i + 1)) if (/[-/_ .]/.test(c[i - 1])) return 1;
    return 2;
  }
  let j = 0;
  for (let i = 0; i < c.length && j < w.length; i++) if (c[i] === w[j]) j++;
  return j === w.length && w.length >= 2 ? 3 : -1;
}

/** A sortText that orders by rank, then by the order given. */
export function sortKey(rank: number, index: number): string {
  return `${rank}${String(index).padStart(6, '0')}`;
}
