import { random } from '../../bench/generate';
/**
 * Generated committee cases with a planted optimum, for `programme plan`'s tests and the
 * benchmark: tracks (micro-conferences) to place into rooms x half-days, with people (leads and
 * key attendees) shared between tracks.
 *
 * A placement is planted first (track -> block); then every person is made to need tracks that
 * the planted placement puts into different half-days, so the planted placement has no clash.
 * With `crowded`, one person needs that many tracks, more than there are half-days: at least
 * crowded - halfDays clashes are unavoidable, and the planted placement has exactly that many.
 * The optimum is therefore known.
 */

export interface CommitteeOptions {
  rooms: number;
  halfDays: number;
  tracks: number;
  seed: number;
  /** One person needs this many tracks (more than halfDays makes clashes unavoidable). */
  crowded?: number;
  /** How many tracks a person needs: from 2 to this (default 5). */
  maxShare?: number;
}

export interface CommitteeCase {
  text: string;
  /** The least number of clashes. */
  optimum: number;
  /** The planted placement: track id -> block index. */
  planted: Map<string, number>;
}

function shuffle<T>(xs: T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Half-day h: day h/2 from 2024-09-18, mornings 10:00–13:30, afternoons 15:00–18:30. */
export function halfDayTimes(h: number): { start: string; end: string } {
  const date = new Date(Date.UTC(2024, 8, 18 + Math.floor(h / 2)));
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return h % 2 === 0 ? { start: `${day} 10:00`, end: `${day} 13:30` } : { start: `${day} 15:00`, end: `${day} 18:30` };
}

export function committeeCase(o: CommitteeOptions): CommitteeCase {
  const rnd = random(o.seed);
  const blocks: { room: number; half: number }[] = [];
  for (let h = 0; h < o.halfDays; h++) for (let r = 0; r < o.rooms; r++) blocks.push({ room: r, half: h });
  if (o.tracks > blocks.length) throw new Error('more tracks than blocks');
  const order = shuffle(
    blocks.map((_, i) => i),
    rnd,
  );
  const trackIds = Array.from({ length: o.tracks }, (_, t) => `mc${t + 1}`);
  const planted = new Map(trackIds.map((id, t) => [id, order[t]]));
  const byHalf: number[][] = Array.from({ length: o.halfDays }, () => []);
  trackIds.forEach((_, t) => byHalf[blocks[order[t]].half].push(t));
  const halvesWithTracks = byHalf.map((ts, h) => (ts.length ? h : -1)).filter((h) => h >= 0);

  const needs: string[][] = trackIds.map(() => []);
  const people: string[] = [];
  const maxShare = Math.min(o.maxShare ?? 5, halvesWithTracks.length);
  const count = Math.round(o.tracks * 1.5);
  for (let p = 0; p < count; p++) {
    const id = `person-${p + 1}`;
    people.push(id);
    const k = 2 + Math.floor(rnd() * (maxShare - 1));
    for (const h of shuffle(halvesWithTracks, rnd).slice(0, k)) {
      const t = byHalf[h][Math.floor(rnd() * byHalf[h].length)];
      needs[t].push(id);
    }
  }
  let optimum = 0;
  if (o.crowded) {
    const id = 'crowded-person';
    people.push(id);
    const halves = shuffle(halvesWithTracks, rnd);
    const chosen = new Set<number>();
    // One track in each half-day, then the rest in half-days already used (other tracks there).
    for (const h of halves.slice(0, Math.min(o.crowded, halves.length))) chosen.add(byHalf[h][Math.floor(rnd() * byHalf[h].length)]);
    for (const h of halves) {
      if (chosen.size >= o.crowded) break;
      const other = byHalf[h].find((t) => !chosen.has(t));
      if (other !== undefined) chosen.add(other);
    }
    for (const t of chosen) needs[t].push(id);
    // Planted: the person's tracks per half-day, pairs within each.
    const per = new Map<number, number>();
    for (const t of chosen) per.set(blocks[order[t]].half, (per.get(blocks[order[t]].half) ?? 0) + 1);
    for (const n of per.values()) optimum += (n * (n - 1)) / 2;
  }
  const lines: string[] = [
    "# A programme committee's micro-conferences, before they are placed.",
    'programme: 1',
    'event:',
    '  title: Generated Plumbers',
    '  start: 2024-09-18',
    `  end: ${halfDayTimes(o.halfDays - 1).start.slice(0, 10)}`,
    '  timezone: Europe/Vienna',
    'rooms:',
    ...Array.from({ length: o.rooms }, (_, r) => `  room-${r + 1}: { title: Room ${r + 1} }`),
    '# Rooms by half-day: mornings 10:00-13:30, afternoons 15:00-18:30.',
    'blocks:',
    ...blocks.map((b) => {
      const t = halfDayTimes(b.half);
      return `  - { room: room-${b.room + 1}, start: ${t.start}, end: ${t.end} }`;
    }),
    'people:',
    ...people.map((id) => `  ${id}: { name: ${id.replace(/-/g, ' ')} }`),
    'tracks:',
  ];
  trackIds.forEach((id, t) => {
    const uniq = [...new Set(needs[t])];
    const leads = uniq.length ? uniq.slice(0, 1) : [];
    const keys = uniq.slice(1);
    lines.push(`  ${id}:`, `    title: Micro-conference ${t + 1}   # proposal ${t + 1}`, '    kind: microconference');
    if (leads.length) lines.push(`    leads: [${leads.join(', ')}]`);
    if (keys.length) lines.push(`    key-attendees: [${keys.join(', ')}]`);
  });
  return { text: `${lines.join('\n')}\n`, optimum, planted };
}
