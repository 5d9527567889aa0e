/**
 * The placement as a mixed-integer program, in CPLEX LP format (which HiGHS, GLPK, CBC and
 * others read). Two formulations:
 *
 * Blocks in time groups (the usual case: blocks that overlap are at the same time, such as the
 * rooms of a half-day), grouped: rooms of one group are alike to a track that may go into any
 * room, so only the group is chosen, which removes the rooms' symmetry.
 * - `z<i>_<g>` (binary): track i runs in group g; `u<i>` (binary): track i is left out.
 *   Each track: Σ_g z + u = 1. Each group: Σ_i z ≤ its rooms; a room of a group holds at most
 *   one of the tracks that must have it (their room is written, or they are in it already and
 *   stay).
 * - `w<p>_<g>` (≥ 0): the clashes of person p in group g. With n = the tracks needing p in g
 *   (placed there, plus those that stay and overlap g), the clashes are n(n−1)/2, a convex
 *   function written as its tangents: w ≥ j·n − j(j+1)/2 for j = 1, 2, ... . Its relaxation
 *   already knows that 7 tracks of one person over 6 half-days clash at least once.
 * The rooms are then given out in each group: tracks that stay keep theirs, tracks with a
 * written room get it, the others the remaining rooms in block order.
 *
 * Blocks in general position, per pair of tracks:
 * - `x<i>_<b>` (binary): track i goes into block b. Each block holds one track; two blocks of
 *   one room that overlap in time hold one track between them.
 * - `y<i>_<j>` (0..1): tracks i and j, which share w_ij people, run at the same time. Two
 *   intervals overlap exactly when both contain the later one's start, so for every block
 *   start s, with X_i(s) = Σ of x_i_b over the blocks b running at s:
 *   X_i(s) + X_j(s) − y_ij ≤ 1. A track that stays adds its shared people to the cost of x_i_b
 *   for each block b it overlaps.
 *
 * Both minimise U·Σu + W·clashes + moves, with W greater than the number of possible moves (the
 * least clashes first, then the fewest moves) and U greater than all the rest (as many tracks
 * placed as possible).
 */
import type { Movable, PlanInput } from './plan';

export interface Milp {
  lp: string;
  variables: number;
  constraints: number;
  /** The block index chosen for each placed track. */
  read(values: Record<string, number>): Map<Movable, number>;
}

export function buildMilp(input: PlanInput): Milp {
  const groups = timeGroups(input);
  return groups ? buildGrouped(input, groups) : buildPairs(input);
}

interface Group {
  /** Indices into input.blocks, in block order. */
  blocks: number[];
  startMs: number;
  endMs: number;
}

/** The blocks' time groups, when blocks that overlap always share their whole interval. */
function timeGroups(input: PlanInput): Group[] | undefined {
  const byTime = new Map<string, Group>();
  input.blocks.forEach((u, b) => {
    const key = `${u.interval.startMs}/${u.interval.endMs}`;
    let g = byTime.get(key);
    if (!g) byTime.set(key, (g = { blocks: [], startMs: u.interval.startMs, endMs: u.interval.endMs }));
    g.blocks.push(b);
  });
  const groups = [...byTime.values()].sort((a, b) => a.startMs - b.startMs);
  for (let k = 1; k < groups.length; k++) if (groups[k].startMs < groups[k - 1].endMs) return undefined;
  // One room twice at the same time would be two blocks that cannot both be used.
  for (const g of groups) if (new Set(g.blocks.map((b) => input.blocks[b].room)).size !== g.blocks.length) return undefined;
  return groups;
}

function buildGrouped(input: PlanInput, groups: Group[]): Milp {
  const { blocks, movables, fixed } = input;
  const n = movables.length;
  const z = (i: number, g: number): string => `z${i}_${g}`;
  const groupOf = new Map<number, number>();
  groups.forEach((g, k) => g.blocks.forEach((b) => groupOf.set(b, k)));
  // Where each track may go: groups, and the room it must have there (written or kept).
  const options = movables.map((m) => {
    const out = new Map<number, Set<string>>();
    for (const b of m.allowed) {
      const g = groupOf.get(b)!;
      if (!out.has(g)) out.set(g, new Set());
      out.get(g)!.add(blocks[b].room);
    }
    return out;
  });
  const restricted = movables.map((m) => (m.current === undefined ? m.track.room?.id : undefined));
  const objective = new Map<string, number>();
  const add = (name: string, c: number): void => {
    objective.set(name, (objective.get(name) ?? 0) + c);
  };
  const rows: string[] = [];
  const binaries: string[] = [];
  const bounded: string[] = [];
  const movesPossible = movables.filter((m) => m.current !== undefined).length;
  const W = movesPossible + 1;

  // People: the movable tracks that need them, and the tracks that stay, per group.
  const people = new Map<string, number[]>();
  movables.forEach((m, i) => {
    for (const p of m.people) {
      if (!people.has(p)) people.set(p, []);
      people.get(p)!.push(i);
    }
  });
  let maxClash = 0;
  const personRows: { name: string; rows: string[] }[] = [];
  let pk = 0;
  for (const [person, tracks] of people) {
    pk++;
    groups.forEach((g, k) => {
      const here = tracks.filter((i) => options[i].has(k));
      if (!here.length) return;
      const stay = fixed.filter((f) => f.people.has(person) && f.intervals.some((iv) => iv.startMs < g.endMs && g.startMs < iv.endMs)).length;
      const most = here.length + stay;
      if (most < 2) return;
      const w = `w${pk}_${k}`;
      const sumZ = here.map((i) => z(i, k));
      const lines: string[] = [];
      for (let j = Math.max(1, stay); j <= most - 1; j++) {
        // w ≥ j·(Σz + stay) − j(j+1)/2
        lines.push(`${sum(sumZ.map((t) => `${j} ${t}`))} - ${w} <= ${(j * (j + 1)) / 2 - j * stay}`);
      }
      personRows.push({ name: w, rows: lines });
      bounded.push(w);
      add(w, W);
      maxClash += (most * (most - 1)) / 2;
    });
  }
  const U = W * (maxClash + 1) + movesPossible + 1;

  for (let i = 0; i < n; i++) {
    const m = movables[i];
    const terms: string[] = [];
    for (const g of options[i].keys()) {
      const v = z(i, g);
      terms.push(v);
      binaries.push(v);
      const stays = m.current !== undefined && groupOf.get(m.current) === g;
      add(v, m.current !== undefined && !stays ? 1 : 0);
    }
    binaries.push(`u${i}`);
    add(`u${i}`, U);
    rows.push(`a${i}: ${sum([...terms, `u${i}`])} = 1`);
  }
  groups.forEach((g, k) => {
    const here = movables.flatMap((_, i) => (options[i].has(k) ? [i] : []));
    if (here.length > g.blocks.length) rows.push(`g${k}: ${sum(here.map((i) => z(i, k)))} <= ${g.blocks.length}`);
    // Per room: the tracks that must have it in this group.
    for (const b of g.blocks) {
      const room = blocks[b].room;
      const must = here.filter((i) => restricted[i] === room || movables[i].current === b);
      if (must.length > 1) rows.push(`q${k}_${b}: ${sum(must.map((i) => z(i, k)))} <= 1`);
    }
  });
  personRows.forEach((p) => p.rows.forEach((r, j) => rows.push(`${p.name}_${j}: ${r}`)));

  const objTerms = [...objective].filter(([, c]) => c !== 0).map(([name, c]) => `${c} ${name}`);
  return {
    lp: lpText(
      objTerms,
      rows,
      bounded.map((w) => ` ${w} >= 0`),
      binaries,
    ),
    variables: binaries.length + bounded.length,
    constraints: rows.length,
    read(values) {
      const out = new Map<Movable, number>();
      const inGroup = groups.map(() => [] as number[]);
      movables.forEach((_, i) => {
        for (const g of options[i].keys()) if ((values[z(i, g)] ?? 0) > 0.5) inGroup[g].push(i);
      });
      inGroup.forEach((tracks, k) => {
        const free = new Set(groups[k].blocks);
        const give = (i: number, b: number): void => {
          out.set(movables[i], b);
          free.delete(b);
        };
        // Tracks that stay keep their block; tracks with a written room get it; the rest fill in.
        for (const i of tracks) if (movables[i].current !== undefined && free.has(movables[i].current!)) give(i, movables[i].current!);
        for (const i of tracks) {
          if (out.has(movables[i]) || !restricted[i]) continue;
          const b = [...free].find((x) => blocks[x].room === restricted[i]);
          if (b !== undefined) give(i, b);
        }
        for (const i of tracks) {
          if (out.has(movables[i])) continue;
          const b = [...free].sort((x, y) => x - y).find((x) => movables[i].allowed.includes(x));
          if (b !== undefined) give(i, b);
        }
      });
      return out;
    },
  };
}

function lpText(objTerms: string[], rows: string[], bounds: string[], binaries: string[]): string {
  return [
    'Minimize',
    ` obj: ${objTerms.length ? wrap(objTerms, ' + ') : '0 u0'}`,
    'Subject To',
    ...rows.map((r) => ` ${r}`),
    'Bounds',
    ...bounds,
    'Binary',
    ...chunk(binaries).map((line) => ` ${line}`),
    'End',
    '',
  ].join('\n');
}

/** Blocks in general position (some overlap without being at the same time): per pair of tracks. */
function buildPairs(input: PlanInput): Milp {
  const { blocks, movables, fixed } = input;
  const n = movables.length;
  const x = (i: number, b: number): string => `x${i}_${b}`;
  const objective = new Map<string, number>();
  const add = (name: string, c: number): void => {
    objective.set(name, (objective.get(name) ?? 0) + c);
  };
  const rows: string[] = [];
  const binaries: string[] = [];
  const bounded: string[] = [];

  // Shared people between movable tracks, and costs against tracks that stay.
  const pairs: { i: number; j: number; w: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let w = 0;
      for (const p of movables[i].people) if (movables[j].people.has(p)) w++;
      if (w) pairs.push({ i, j, w });
    }
  }
  const fixedCost = movables.map((m) =>
    blocks.map((u) => {
      let c = 0;
      for (const f of fixed) {
        if (!f.intervals.some((iv) => iv.startMs < u.interval.endMs && u.interval.startMs < iv.endMs)) continue;
        for (const p of m.people) if (f.people.has(p)) c++;
      }
      return c;
    }),
  );
  const maxClash = pairs.reduce((s, p) => s + p.w, 0) + fixedCost.reduce((s, row) => s + Math.max(0, ...row), 0);
  const movesPossible = movables.filter((m) => m.current !== undefined).length;
  const W = movesPossible + 1;
  const U = W * (maxClash + 1) + movesPossible + 1;

  for (let i = 0; i < n; i++) {
    const m = movables[i];
    const terms = m.allowed.map((b) => x(i, b));
    for (const b of m.allowed) {
      binaries.push(x(i, b));
      add(x(i, b), W * fixedCost[i][b] + (m.current !== undefined && b !== m.current ? 1 : 0));
    }
    binaries.push(`u${i}`);
    add(`u${i}`, U);
    rows.push(`a${i}: ${sum([...terms, `u${i}`])} = 1`);
  }
  const users: number[][] = blocks.map(() => []);
  movables.forEach((m, i) => m.allowed.forEach((b) => users[b].push(i)));
  blocks.forEach((_, b) => {
    if (users[b].length > 1) rows.push(`b${b}: ${sum(users[b].map((i) => x(i, b)))} <= 1`);
  });
  for (let b = 0; b < blocks.length; b++) {
    for (let c = b + 1; c < blocks.length; c++) {
      const p = blocks[b],
        q = blocks[c];
      if (p.room !== q.room || !(p.interval.startMs < q.interval.endMs && q.interval.startMs < p.interval.endMs)) continue;
      const terms = [...users[b].map((i) => x(i, b)), ...users[c].map((i) => x(i, c))];
      if (terms.length > 1) rows.push(`r${b}_${c}: ${sum(terms)} <= 1`);
    }
  }
  // Block starts, and the blocks running at each.
  const starts = [...new Set(blocks.map((u) => u.interval.startMs))].sort((a, b) => a - b);
  const running = starts.map((s) => blocks.flatMap((u, b) => (u.interval.startMs <= s && s < u.interval.endMs ? [b] : [])));
  for (const { i, j, w } of pairs) {
    const y = `y${i}_${j}`;
    let used = false;
    running.forEach((bs, s) => {
      const ti = bs.filter((b) => movables[i].allowed.includes(b)).map((b) => x(i, b));
      const tj = bs.filter((b) => movables[j].allowed.includes(b)).map((b) => x(j, b));
      if (!ti.length || !tj.length) return;
      rows.push(`c${i}_${j}_${s}: ${sum([...ti, ...tj])} - ${y} <= 1`);
      used = true;
    });
    if (used) {
      add(y, W * w);
      bounded.push(y);
    }
  }

  const objTerms = [...objective].map(([name, c]) => `${c} ${name}`);
  const lp = [
    'Minimize',
    ` obj: ${objTerms.length ? wrap(objTerms, ' + ') : '0 u0'}`,
    'Subject To',
    ...rows.map((r) => ` ${r}`),
    'Bounds',
    ...bounded.map((y) => ` 0 <= ${y} <= 1`),
    'Binary',
    ...chunk(binaries).map((line) => ` ${line}`),
    'End',
    '',
  ].join('\n');
  return {
    lp,
    variables: binaries.length + bounded.length,
    constraints: rows.length,
    read(values) {
      const out = new Map<Movable, number>();
      movables.forEach((m, i) => {
        for (const b of m.allowed) if ((values[x(i, b)] ?? 0) > 0.5) out.set(m, b);
      });
      return out;
    },
  };
}

function sum(terms: string[]): string {
  return wrap(terms, ' + ');
}

/** Joins terms, breaking the line every few terms (LP readers limit line length). */
function wrap(terms: string[], sep: string): string {
  const lines: string[] = [];
  for (let k = 0; k < terms.length; k += 20) lines.push(terms.slice(k, k + 20).join(sep));
  return lines.join(`\n   ${sep.trim()} `);
}

function chunk(names: string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < names.length; k += 20) out.push(names.slice(k, k + 20).join(' '));
  return out;
}
