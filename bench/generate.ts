/**
 * A seeded generator of realistic programmes (FORMAT.md): people, rooms, tracks with topics,
 * sessions and slots with speakers. The same seed and size always give the same text. The
 * result is mostly clean: a few slots are left unscheduled (`not-scheduled`, information),
 * nothing else is reported. Used by the benchmark and by the incremental-parse tests.
 */

/** mulberry32: a small, fast, seeded PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'alex',
  'maria',
  'jun',
  'fatima',
  'olga',
  'pedro',
  'chen',
  'amara',
  'lars',
  'ines',
  'kofi',
  'yuki',
  'noor',
  'tomas',
  'priya',
  'sven',
  'lea',
  'omar',
  'hana',
  'ivan',
];
const LAST = [
  'williamson',
  'garcia',
  'tanaka',
  'haddad',
  'petrova',
  'silva',
  'wei',
  'okafor',
  'nilsson',
  'moreau',
  'mensah',
  'sato',
  'rahman',
  'novak',
  'iyer',
  'berg',
  'fischer',
  'aziz',
  'kim',
  'horvat',
];
const ORGS = ['Red Hat', 'Google', 'SUSE', 'Intel', 'Arm', 'Canonical', 'Meta', 'Microsoft', 'NVIDIA', 'IBM'];
const ZONES = ['Europe/Berlin', 'Europe/Paris', 'Europe/London', 'Europe/Madrid', 'Europe/Warsaw'];
const SUBJECTS = [
  'memory',
  'scheduler',
  'tracing',
  'networking',
  'storage',
  'security',
  'virtualization',
  'power',
  'graphics',
  'filesystems',
  'toolchains',
  'testing',
];
const VERBS = ['Rethinking', 'Scaling', 'Debugging', 'Measuring', 'Simplifying', 'Securing', 'Upstreaming', 'Automating'];
const NOUNS = ['allocators', 'page tables', 'queues', 'interrupts', 'locks', 'drivers', 'caches', 'timers', 'namespaces', 'buffers'];
const TRACK_KINDS = ['microconference', 'refereed', 'workshop', 'bof', 'other'];

export interface GenerateOptions {
  slots: number;
  seed?: number;
}

/** Slots per track; each track holds this many over the five days, eight a day. */
const PER_TRACK = 40;
const PER_DAY = 8;
const PEOPLE_PER_TRACK = 10;

export function generateProgramme({ slots, seed = 1 }: GenerateOptions): string {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const trackCount = Math.max(1, Math.ceil(slots / PER_TRACK));
  const out: string[] = [];
  out.push(`# A generated programme: ${slots} slots in ${trackCount} tracks (seed ${seed}).`);
  out.push(
    'programme: 1',
    '',
    'event:',
    '  title: Generated Systems Conference',
    '  start: 2025-09-15',
    '  end: 2025-09-19',
    '  timezone: Europe/Berlin',
    '  venue: Congress Centre',
    '  url: https://conf.example.org/2025/',
    '',
  );
  out.push('rooms:');
  for (let t = 0; t < trackCount; t++) {
    out.push(`  room-${t + 1}:`, `    title: Room ${t + 1}`);
    if (rnd() < 0.5) out.push(`    capacity: ${50 + Math.floor(rnd() * 20) * 10}`);
  }
  out.push('', 'people:');
  const people: string[] = [];
  for (let i = 0; i < trackCount * PEOPLE_PER_TRACK; i++) {
    const first = pick(FIRST),
      last = pick(LAST);
    const id = `${first}-${last}-${i + 1}`;
    people.push(id);
    out.push(`  ${id}:`, `    name: ${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}`);
    if (rnd() < 0.6) out.push(`    affiliation: ${pick(ORGS)}`);
    if (rnd() < 0.3) out.push(`    timezone: ${pick(ZONES)}`);
    if (rnd() < 0.2) out.push(`    email: ${id}@example.org`);
  }
  out.push('', 'tracks:');
  let left = slots;
  for (let t = 0; t < trackCount; t++) {
    const count = Math.min(PER_TRACK, left);
    left -= count;
    const pool = people.slice(t * PEOPLE_PER_TRACK, (t + 1) * PEOPLE_PER_TRACK);
    const subjects = [pick(SUBJECTS), pick(SUBJECTS), pick(SUBJECTS)].filter((s, i, a) => a.indexOf(s) === i);
    out.push(
      `  track-${t + 1}:`,
      `    title: ${subjects[0][0].toUpperCase()}${subjects[0].slice(1)} track ${t + 1}`,
      `    kind: ${pick(TRACK_KINDS)}`,
      `    room: room-${t + 1}`,
      `    leads: [${pool[0]}, ${pool[1]}]`,
    );
    if (rnd() < 0.5) {
      out.push(
        '    description: |',
        `      Everything about ${subjects.join(', ')}: what changed this year,`,
        '      what is blocked, and who will do the work.',
      );
    }
    out.push('    topics:');
    const topics: string[] = [];
    for (const s of subjects) {
      out.push(`      ${s}:`, `        title: ${s[0].toUpperCase()}${s.slice(1)}`, '        topics:');
      for (const sub of ['design', 'review', 'future']) {
        out.push(`          ${sub}: ${s} ${sub}`);
        topics.push(`${s}/${sub}`);
      }
    }
    const days = Math.ceil(count / PER_DAY);
    out.push('    sessions:');
    for (let d = 0; d < days; d++) out.push(`      - start: 2025-09-${15 + d} 09:00`, `        end: 2025-09-${15 + d} 13:00`);
    out.push('    slots:');
    for (let s = 0; s < count; s++) {
      const day = Math.floor(s / PER_DAY),
        k = s % PER_DAY;
      const minutes = 9 * 60 + k * 30;
      const hh = String(Math.floor(minutes / 60)).padStart(2, '0'),
        mm = String(minutes % 60).padStart(2, '0');
      const isBreak = k === 4;
      out.push(`      - title: ${isBreak ? 'Coffee break' : `${pick(VERBS)} ${pick(NOUNS)} in ${pick(subjects)}`}`);
      if (isBreak) out.push('        kind: break');
      else if (rnd() < 0.1) out.push(`        kind: ${pick(['discussion', 'bof'])}`);
      if (rnd() < 0.3) out.push(`        id: t${t + 1}-s${s + 1}`);
      // One slot in a hundred is not scheduled yet.
      if (rnd() >= 0.01) out.push(`        start: 2025-09-${15 + day} ${hh}:${mm}`);
      out.push(`        duration: ${rnd() < 0.7 ? '25m' : '30m'}`);
      if (!isBreak) {
        const a = pool[(s * 3) % PEOPLE_PER_TRACK];
        const b = pool[(s * 3 + 1) % PEOPLE_PER_TRACK];
        if (rnd() < 0.6) out.push(`        speakers: [${a}]`);
        else out.push('        speakers:', `          - ${a}`, `          - ${b}`);
        out.push(`        topics: [${topics[s % topics.length]}]`);
        if (rnd() < 0.4) {
          out.push(
            '        abstract: |',
            '          A look at what works, what does not, and what we should change next.',
            `          With measurements from ${pick(ORGS)} and a proposal for the list.`,
          );
        }
        if (rnd() < 0.2)
          out.push('        materials:', '          - title: Slides', `            url: https://conf.example.org/2025/slides/${t + 1}-${s + 1}.pdf`);
      }
    }
  }
  out.push('');
  return out.join('\n');
}
