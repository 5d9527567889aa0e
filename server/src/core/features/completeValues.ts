/**
 * Value candidates for completion, from what only this domain knows: person ids, topic paths
 * of the slot's own track, room ids, IANA zones, start times that follow the previous slot or
 * fill a free gap, and the usual slot lengths.
 */
import { Analysis } from '../service/analysis';
import { Model, Slot, Track } from '../model/model';
import { firstFit, freeGaps, gapsForSlot } from '../model/gaps';
import { allZones, formatLocal, formatRange, fromMillis, zoneInfo } from '../model/time';
import { matchRank } from './matchRank';
import { Cancellation, NEVER_CANCELLED } from '../service/cancel';

export interface Candidate {
  value: string;
  /** Shown beside the label (a person's name and affiliation). */
  detail?: string;
  documentation?: string;
  /** Other words that should find the candidate (a person's name). */
  alsoMatches?: string;
  rank: number;
}

export const PERSON_FIELDS = new Set(['speakers', 'leads', 'contacts', 'key-attendees']);
export const USUAL_DURATIONS = ['10m', '15m', '20m', '25m', '30m', '45m', '1h', '1h30m', '2h'];
const MAX_ITEMS = 200;

function ranked(list: Candidate[]): Candidate[] {
  return list.filter((c) => c.rank >= 0).sort((a, b) => a.rank - b.rank).slice(0, MAX_ITEMS);
}

export function personCandidates(analysis: Analysis, prefix: string, exclude: ReadonlySet<string>, cancel: Cancellation = NEVER_CANCELLED): Candidate[] {
  const out: Candidate[] = [];
  let n = 0;
  for (const p of analysis.model.people.values()) {
    if ((++n & 1023) === 0 && cancel.isCancellationRequested) return [];
    if (exclude.has(p.id)) continue;
    const detail = [p.honorific && p.name ? `${p.honorific} ${p.name}` : p.name, p.affiliation].filter(Boolean).join(', ');
    out.push({ value: p.id, detail: detail || undefined, alsoMatches: p.name, rank: matchRank(prefix, p.id, p.name, p.affiliation) });
  }
  return ranked(out);
}

export function topicCandidates(analysis: Analysis, trackId: string | undefined, prefix: string, exclude: ReadonlySet<string>): Candidate[] {
  const track = trackId ? analysis.model.tracks.get(trackId) : undefined;
  if (!track) return [];
  const out: Candidate[] = [];
  for (const t of track.topics.values()) {
    if (exclude.has(t.path)) continue;
    out.push({ value: t.path, detail: t.title, alsoMatches: t.title, rank: matchRank(prefix, t.path, t.id, t.title) });
  }
  return ranked(out);
}

export function roomCandidates(analysis: Analysis, prefix: string): Candidate[] {
  return ranked([...analysis.model.rooms.values()].map((r) => ({
    value: r.id, detail: r.title, alsoMatches: r.title, rank: matchRank(prefix, r.id, r.title),
  })));
}

export function zoneCandidates(prefix: string): Candidate[] {
  const out: Candidate[] = [];
  for (const z of allZones()) {
    const rank = matchRank(prefix, z);
    if (rank < 0 || rank > 2) continue;
    const canonical = zoneInfo(z).canonical;
    out.push({ value: z, detail: canonical ? `alias of ${canonical}` : undefined, rank: canonical ? rank + 0.5 : rank });
  }
  return ranked(out);
}

export function durationCandidates(prefix: string): Candidate[] {
  return USUAL_DURATIONS.filter((d) => d.startsWith(prefix)).map((value) => ({ value, rank: 0 }));
}

/** The slot of `track` the cursor is in (or just after, for a slot being written). */
export function slotAt(track: Track, offset: number): { slot?: Slot; before: number } {
  const slots = track.slots;
  let lo = 0, hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (slots[mid].node.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const last = slots[lo - 1];
  if (last && offset <= last.node.end + 1) return { slot: last, before: lo - 1 };
  return { before: lo };
}

/** Start times for a slot: right after the previous scheduled slot, and the first free gap. */
export function startCandidates(analysis: Analysis, trackId: string | undefined, offset: number): Candidate[] {
  const zone = analysis.model.event.zone;
  const track = trackId ? analysis.model.tracks.get(trackId) : undefined;
  if (!zone || !track) return [];
  const { slot, before } = slotAt(track, offset);
  const out: Candidate[] = [];
  for (let i = before - 1; i >= 0 && i >= before - 50; i--) {
    const prev = track.slots[i];
    if (prev.interval) {
      out.push({ value: formatLocal(prev.interval.end, zone), detail: `after “${prev.title}”`, rank: 0 });
      break;
    }
  }
  const minutes = slot?.minutes ?? 1;
  const gap = firstFreeGap(analysis.model, track, minutes, slot);
  if (gap !== undefined) {
    const value = formatLocal(fromMillis(gap.start, zone), zone);
    const range = formatRange(fromMillis(gap.start, zone), fromMillis(gap.end, zone), zone);
    if (!out.some((c) => c.value === value)) out.push({ value, detail: `first free gap (${range})`, rank: 1 });
  }
  return out;
}

/**
 * The first stretch of the track's sessions, at least `minutes` long, that no other slot in
 * the same place uses (gaps.ts); for a slot not in the model yet, the track's own slots count.
 */
export function firstFreeGap(model: Model, track: Track, minutes: number, slot?: Slot): { start: number; end: number } | undefined {
  const gaps = slot ? gapsForSlot(model, slot)
    : freeGaps(track.sessions.flatMap((s) => (s.interval ? [s.interval] : [])), track.slots.flatMap((s) => (s.interval ? [s.interval] : [])));
  const start = firstFit(gaps, Math.max(1, minutes));
  const gap = gaps.find((g) => g.startMs <= (start ?? -1) && (start ?? -1) < g.endMs);
  return start !== undefined && gap ? { start, end: gap.endMs } : undefined;
}
