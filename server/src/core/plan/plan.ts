/**
 * Placing tracks into blocks: every track with no session and no scheduled slot gets one of
 * the top-level `blocks` (no block twice; tracks already placed stay and count), with the
 * least number of clashes. A clash is a person who is a lead or key attendee of two tracks
 * whose times overlap, counted once per such pair of tracks. With `replan`, tracks placed in a
 * block may move too: the least clashes first, then the fewest tracks moved.
 *
 * The optimum is found by a mixed-integer program (milp.ts) solved by a solver the adapter
 * provides (the core stays free of WebAssembly loading and of the file system).
 */
import { Analysis } from '../service/analysis';
import { Block, Interval, Track } from '../model/model';
import { CODES } from '../service/problem';
import { formatRange, fromMillis, type DateTime } from '../model/time';
import { buildMilp } from './milp';
import { planEdits, type PlanEdit } from './edits';

export type { PlanEdit } from './edits';

/** A mixed-integer solver: minimises a model written in CPLEX LP format. */
export interface MilpSolver {
  solve(lp: string, options: { timeLimitSeconds: number }): Promise<MilpResult>;
}

export interface MilpResult {
  /** `optimal`: proven; `feasible`: the best found when the time limit stopped the search. */
  status: 'optimal' | 'feasible' | 'failed';
  /** Variable values by name. */
  values: Record<string, number>;
  message?: string;
}

export interface PlanOptions {
  /** Placed tracks may move too (to another block). */
  replan?: boolean;
  /** How long the solver may search; default 300 s. */
  timeLimitSeconds?: number;
}

/** A block as the plan speaks of it. */
export interface PlanBlock {
  /** Index in `blocks` (0-based). */
  index: number;
  room: string;
  /** `Wed 2024-09-18 10:00–13:30 CEST`, in the event zone. */
  when: string;
  startMs: number;
  endMs: number;
}

export interface Placement {
  track: string;
  title: string;
  block: PlanBlock;
  /** `new`: was not placed; `moved`: was in another block (replan); `kept`: already there. */
  change: 'new' | 'moved' | 'kept';
  /** For a moved track, the block it was in. */
  from?: PlanBlock;
}

export interface Clash {
  person: string;
  name?: string;
  /** The two tracks, in document order. */
  tracks: [string, string];
  /** When both tracks run, in the event zone. */
  when: string;
  startMs: number;
  endMs: number;
}

export interface PlanResult {
  /** Error messages that keep the file from being planned (it must check without errors). */
  blockers: string[];
  /** Every track in a block after the plan, in block order. */
  placements: Placement[];
  /** Tracks that could not be placed, with why. */
  unplaced: { track: string; reason: string }[];
  /** Every clash of the resulting programme (placed and fixed tracks alike). */
  clashes: Clash[];
  /** Tracks moved from their block (replan). */
  moves: number;
  /** Blocks no track is placed in and no placed track occupies. */
  freeBlocks: PlanBlock[];
  /** True when the solver proved the result optimal (or there was nothing to choose). */
  optimal: boolean;
  /** The edits that write the plan into the file (empty when something cannot be placed). */
  edits: PlanEdit[];
  /** Sizes, for reports and the benchmark. */
  stats: { tracks: number; blocks: number; variables: number; constraints: number };
  solverMessage?: string;
}

/** A track that the plan may put into a block. */
export interface Movable {
  track: Track;
  people: Set<string>;
  /** Indices into PlanInput.blocks it may go into. */
  allowed: number[];
  /** Where it is now (replan): an index into PlanInput.blocks. */
  current?: number;
}

/** A track that stays where it is (and counts). */
export interface Fixed {
  track: Track;
  people: Set<string>;
  intervals: Interval[];
}

export interface UsableBlock {
  block: Block;
  room: string;
  interval: Interval;
}

export interface PlanInput {
  blocks: UsableBlock[];
  movables: Movable[];
  fixed: Fixed[];
  /** Tracks with nowhere to go, with why. */
  stuck: { track: Track; reason: string }[];
}

/** Plans `analysis` with `solver`; never throws on user input. */
export async function planProgramme(analysis: Analysis, solver: MilpSolver, options: PlanOptions = {}): Promise<PlanResult> {
  const empty: PlanResult = {
    blockers: [],
    placements: [],
    unplaced: [],
    clashes: [],
    moves: 0,
    freeBlocks: [],
    optimal: true,
    edits: [],
    stats: { tracks: 0, blocks: 0, variables: 0, constraints: 0 },
  };
  const blockers = analysis.problems.filter((p) => (p.severity ?? CODES[p.code]) === 'error').map((p) => `${p.code}: ${p.message}`);
  if (blockers.length) return { ...empty, blockers };
  const zone = analysis.model.event.zone;
  if (!zone) return { ...empty, blockers: ['the event has no valid `timezone`'] };
  const input = planInput(analysis, options);
  const describe = (u: UsableBlock): PlanBlock => ({
    index: u.block.index,
    room: u.room,
    when: when(u.interval.start, u.interval.end, zone),
    startMs: u.interval.startMs,
    endMs: u.interval.endMs,
  });
  const milp = buildMilp(input);
  const stats = { tracks: input.movables.length, blocks: input.blocks.length, variables: milp.variables, constraints: milp.constraints };
  let chosen = new Map<Movable, number>();
  let optimal = true;
  let solverMessage: string | undefined;
  if (input.movables.length) {
    const result = await solver.solve(milp.lp, { timeLimitSeconds: options.timeLimitSeconds ?? 300 });
    solverMessage = result.message;
    if (result.status === 'failed') {
      return { ...empty, blockers: [`the solver failed: ${result.message ?? 'no solution'}`], stats, solverMessage };
    }
    optimal = result.status === 'optimal';
    chosen = milp.read(result.values);
  }
  const unplaced = input.stuck.map((s) => ({ track: s.track.id, reason: s.reason }));
  const freeCount = input.blocks.length;
  for (const m of input.movables) {
    if (!chosen.has(m))
      unplaced.push({
        track: m.track.id,
        reason: `no free block left for it (${input.movables.length + input.stuck.length} tracks to place, ${freeCount} free blocks)`,
      });
  }
  const placements: Placement[] = [];
  let moves = 0;
  for (const m of input.movables) {
    const b = chosen.get(m);
    if (b === undefined) continue;
    const change = m.current === undefined ? 'new' : m.current === b ? 'kept' : 'moved';
    if (change === 'moved') moves++;
    placements.push({
      track: m.track.id,
      title: m.track.title,
      block: describe(input.blocks[b]),
      change,
      from: change === 'moved' ? describe(input.blocks[m.current!]) : undefined,
    });
  }
  // Fixed tracks that sit in a block are shown in it too.
  const used = new Set<number>(chosen.values());
  for (const f of input.fixed) {
    const at = blockOf(f.track, analysis.model.blocks);
    if (at) placements.push({ track: f.track.id, title: f.track.title, block: describe(at), change: 'kept' });
  }
  placements.sort((a, b) => a.block.startMs - b.block.startMs || a.block.room.localeCompare(b.block.room) || a.block.index - b.block.index);
  const freeBlocks = input.blocks.filter((_, i) => !used.has(i)).map(describe);
  // The resulting times of every track, for the clash list.
  const times = new Map<Track, Interval[]>();
  for (const f of input.fixed) times.set(f.track, f.intervals);
  for (const m of input.movables) {
    const b = chosen.get(m);
    if (b !== undefined) times.set(m.track, [input.blocks[b].interval]);
  }
  const clashes = listClashes(analysis, times, zone);
  const edits = unplaced.length
    ? []
    : planEdits(
        analysis.text,
        input.movables.flatMap((m) => {
          const b = chosen.get(m);
          return b === undefined || b === m.current ? [] : [{ track: m.track, block: input.blocks[b] }];
        }),
      );
  return { blockers: [], placements, unplaced, clashes, moves, freeBlocks, optimal, edits, stats, solverMessage };
}

/** The people a track needs: its leads and key attendees. */
export function neededPeople(track: Track): Set<string> {
  return new Set([...track.leads, ...track.keyAttendees].map((r) => r.id));
}

/** The times a placed track runs: its sessions, or its scheduled slots when it has none. */
function trackIntervals(track: Track): Interval[] {
  const sessions = track.sessions.flatMap((s) => (s.interval ? [s.interval] : []));
  if (track.sessions.length) return sessions;
  return track.slots.flatMap((s) => (s.interval ? [s.interval] : []));
}

/** Not placed yet: no session and no scheduled slot. */
export function isUnplaced(track: Track): boolean {
  return track.sessions.length === 0 && !track.slots.some((s) => s.hasStart);
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.startMs < b.endMs && b.startMs < a.endMs;
}

/** The block a placed track sits in: its room, every session inside the block. */
function blockOf(track: Track, blocks: Block[]): UsableBlock | undefined {
  if (!track.room || !track.sessions.length || track.slots.some((s) => s.hasStart)) return undefined;
  for (const block of blocks) {
    const iv = block.interval;
    if (!iv || block.room?.id !== track.room.id) continue;
    if (track.sessions.every((s) => s.interval && s.interval.startMs >= iv.startMs && s.interval.endMs <= iv.endMs)) {
      return { block, room: block.room.id, interval: iv };
    }
  }
  return undefined;
}

/** What is to be placed, where it may go, and what stays. */
export function planInput(analysis: Analysis, options: PlanOptions = {}): PlanInput {
  const { model } = analysis;
  const all: UsableBlock[] = [];
  for (const block of model.blocks) {
    if (block.interval && block.room && model.rooms.has(block.room.id)) all.push({ block, room: block.room.id, interval: block.interval });
  }
  const movables: Movable[] = [];
  const fixed: Fixed[] = [];
  const stuck: { track: Track; reason: string }[] = [];
  const unplacedTracks: Track[] = [];
  const claimed = new Set<Block>();
  for (const track of model.tracks.values()) {
    if (isUnplaced(track)) {
      unplacedTracks.push(track);
      continue;
    }
    const at = options.replan ? blockOf(track, model.blocks) : undefined;
    if (at && !claimed.has(at.block)) {
      claimed.add(at.block);
      movables.push({ track, people: neededPeople(track), allowed: [], current: all.findIndex((u) => u.block === at.block) });
    } else {
      fixed.push({ track, people: neededPeople(track), intervals: trackIntervals(track) });
    }
  }
  // A block is taken where a track that stays holds its room at an overlapping time.
  const occupied: { room: string; interval: Interval }[] = [];
  for (const f of fixed) {
    const t = f.track;
    for (const s of t.sessions) if (t.room && s.interval) occupied.push({ room: t.room.id, interval: s.interval });
    for (const s of t.slots) {
      const room = s.room ?? t.room;
      if (room && s.interval) occupied.push({ room: room.id, interval: s.interval });
    }
  }
  const free: UsableBlock[] = all.filter((u) => !occupied.some((o) => o.room === u.room && overlaps(o.interval, u.interval)));
  // Indices are re-based on the free blocks.
  for (const m of movables) {
    const i = free.indexOf(all[m.current!]);
    m.current = i >= 0 ? i : undefined;
  }
  for (const track of unplacedTracks) movables.push({ track, people: neededPeople(track), allowed: [] });
  const result: Movable[] = [];
  for (const m of movables) {
    // A track whose room is written may only go into that room's blocks, unless it is being
    // re-planned (its room was the last plan's choice and moves with it).
    const room = m.current === undefined ? m.track.room?.id : undefined;
    m.allowed = free.flatMap((u, i) => (!room || u.room === room ? [i] : []));
    if (!m.allowed.length) {
      stuck.push({ track: m.track, reason: room ? `no free block in its room \`${room}\`` : free.length ? 'no free block' : 'no free block: add `blocks`' });
    } else {
      result.push(m);
    }
  }
  return { blocks: free, movables: result, fixed, stuck };
}

/** `Wed 2024-09-18 10:00–13:30 CEST`: a time in the event zone. */
function when(start: DateTime, end: DateTime, zone: string): string {
  return `${start.setZone(zone).toFormat('ccc yyyy-MM-dd')} ${formatRange(start, end, zone)}`;
}

/** Every clash between tracks with times: person, both tracks, when they overlap. */
function listClashes(analysis: Analysis, times: Map<Track, Interval[]>, zone: string): Clash[] {
  const tracks = [...analysis.model.tracks.values()].filter((t) => times.get(t)?.length);
  const people = new Map(tracks.map((t) => [t, neededPeople(t)]));
  const out: Clash[] = [];
  for (let i = 0; i < tracks.length; i++) {
    for (let j = i + 1; j < tracks.length; j++) {
      const a = tracks[i],
        b = tracks[j];
      const shared = [...people.get(a)!].filter((p) => people.get(b)!.has(p));
      if (!shared.length) continue;
      let hit: { startMs: number; endMs: number } | undefined;
      for (const x of times.get(a)!) {
        for (const y of times.get(b)!) {
          if (overlaps(x, y)) {
            hit = { startMs: Math.max(x.startMs, y.startMs), endMs: Math.min(x.endMs, y.endMs) };
            break;
          }
        }
        if (hit) break;
      }
      if (!hit) continue;
      const at = when(fromMillis(hit.startMs, zone), fromMillis(hit.endMs, zone), zone);
      for (const p of shared) out.push({ person: p, name: analysis.model.people.get(p)?.name, tracks: [a.id, b.id], when: at, ...hit });
    }
  }
  return out.sort((x, y) => x.startMs - y.startMs || x.person.localeCompare(y.person));
}
