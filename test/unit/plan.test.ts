/**
 * The planner in the core: what it places where, with the HiGHS solver the adapters give it,
 * and the text edits that write the placement (flow and block mappings, an empty `sessions`,
 * rooms already written).
 */
import * as assert from 'assert';
import { analyze, applyEdits, planProgramme, type PlanResult } from '../../server/src/core';
import { highsSolver } from '../../server/src/solver/highs';

const HEAD = `programme: 1
event:
  title: Plan Conf
  start: 2024-09-18
  end: 2024-09-19
  timezone: Europe/Vienna
rooms:
  a: { title: A }
  b: { title: B }
people:
  ann: { name: Ann }
  bo: { name: Bo }
  cy: { name: Cy }
`;

const AM = '2024-09-18 10:00',
  AM_END = '2024-09-18 13:30',
  PM = '2024-09-18 15:00',
  PM_END = '2024-09-18 18:30';

async function plan(text: string, replan = false): Promise<PlanResult & { after: string }> {
  const result = await planProgramme(analyze(text), highsSolver, { replan });
  return { ...result, after: applyEdits(text, result.edits) };
}

function where(result: PlanResult): string[] {
  return result.placements.map((p) => `${p.track}@${p.block.room} ${p.block.when.slice(15, 20)}`).sort();
}

suite('plan: placement', () => {
  test('two tracks that share a lead go to different half-days; the third fills in', async () => {
    const text = `${HEAD}blocks:
  - { room: a, start: ${AM}, end: ${AM_END} }
  - { room: b, start: ${AM}, end: ${AM_END} }
  - { room: a, start: ${PM}, end: ${PM_END} }
tracks:
  one: { title: One, leads: [ann] }
  two: { title: Two, leads: [ann, bo] }
  three: { title: Three, leads: [cy] }
`;
    const r = await plan(text);
    assert.strictEqual(r.optimal, true);
    assert.deepStrictEqual(r.clashes, []);
    const one = r.placements.find((p) => p.track === 'one')!,
      two = r.placements.find((p) => p.track === 'two')!;
    assert.notStrictEqual(one.block.startMs, two.block.startMs);
    assert.deepStrictEqual(r.freeBlocks, []);
    // Flow mappings get the keys inside their braces.
    assert.match(r.after, /one: \{ title: One, leads: \[ann\], room: \w, sessions: \[\{ start: 2024-09-18 \d\d:00, end: 2024-09-18 \d\d:30 \}\] \}/);
    assert.deepStrictEqual(
      analyze(r.after)
        .problems.filter((p) => p.code !== 'unused-person')
        .map((p) => p.message),
      [],
    );
  });

  test('a track with a written room goes into a block of that room; an empty `sessions:` is filled in place', async () => {
    const text = `${HEAD}blocks:
  - { room: a, start: ${AM}, end: ${AM_END} }
  - { room: b, start: ${AM}, duration: 3h30m }
tracks:
  big:
    title: Big
    room: b   # the big room
    sessions: []
`;
    const r = await plan(text);
    assert.deepStrictEqual(where(r), ['big@b 10:00']);
    assert.strictEqual(r.after, text.replace('    sessions: []\n', `    sessions:\n      - { start: ${AM}, duration: 3h30m }\n`));
  });

  test('blocks of different lengths that overlap: a long block and the two halves of it in one room hold one track between them', async () => {
    const text = `${HEAD}blocks:
  - { room: a, start: 2024-09-18 10:00, end: 2024-09-18 18:00 }
  - { room: a, start: 2024-09-18 10:00, end: 2024-09-18 14:00 }
  - { room: b, start: 2024-09-18 14:00, end: 2024-09-18 18:00 }
  - { room: b, start: 2024-09-19 10:00, end: 2024-09-19 14:00 }
tracks:
  one: { title: One, leads: [ann] }
  two: { title: Two, leads: [ann] }
  three: { title: Three, leads: [ann] }
`;
    const r = await plan(text);
    assert.strictEqual(r.optimal, true);
    // Three tracks of ann: 10–14 in a, 14–18 in b and the next day: no clash is possible only so.
    assert.deepStrictEqual(r.clashes, []);
    assert.deepStrictEqual(r.placements.map((p) => p.block.index).sort(), [1, 2, 3]);
    assert.deepStrictEqual(
      analyze(r.after)
        .problems.filter((p) => p.code !== 'unused-person')
        .map((p) => p.message),
      [],
    );
  });

  test('a track that runs by its slots (no sessions) is placed and counts; the block it holds is taken', async () => {
    const text = `${HEAD}blocks:
  - { room: a, start: ${AM}, end: ${AM_END} }
  - { room: b, start: ${AM}, end: ${AM_END} }
  - { room: b, start: ${PM}, end: ${PM_END} }
tracks:
  talks:
    title: Talks
    room: a
    leads: [ann]
    slots:
      - { title: Opening, start: 2024-09-18 10:00, duration: 30m }
  mc:
    title: MC
    key-attendees: [ann]
`;
    const r = await plan(text);
    assert.deepStrictEqual(where(r), ['mc@b 15:00']);
    assert.deepStrictEqual(r.clashes, []);
  });

  test('an unavoidable clash is listed with the person, both tracks and the time in the event zone', async () => {
    const text = `${HEAD}blocks:
  - { room: a, start: ${AM}, end: ${AM_END} }
  - { room: b, start: ${AM}, end: ${AM_END} }
tracks:
  one: { title: One, leads: [ann] }
  two: { title: Two, key-attendees: [ann] }
`;
    const r = await plan(text);
    assert.strictEqual(r.optimal, true);
    assert.deepStrictEqual(
      r.clashes.map((c) => `${c.person} ${c.tracks.join('+')} ${c.when}`),
      ['ann one+two Wed 2024-09-18 10:00–13:30 CEST'],
    );
    // The written file says the same: one attendee-conflict, no room-conflict.
    const codes = analyze(r.after)
      .problems.map((p) => p.code)
      .filter((c) => c !== 'unused-person');
    assert.deepStrictEqual(codes, ['attendee-conflict']);
  });

  test('nothing to place: no solver call, no edit; the placed tracks are listed as they are', async () => {
    const text = `${HEAD}blocks:
  - { room: a, start: ${AM}, end: ${AM_END} }
tracks:
  one:
    title: One
    room: a
    sessions:
      - { start: ${AM}, end: ${AM_END} }
`;
    const r = await planProgramme(analyze(text), { solve: () => Promise.reject(new Error('not called')) });
    assert.deepStrictEqual(r.edits, []);
    assert.deepStrictEqual(
      r.placements.map((p) => `${p.track} ${p.change}`),
      ['one kept'],
    );
  });

  test('a solver that fails is a blocker, not an exception', async () => {
    const text = `${HEAD}blocks:
  - { room: a, start: ${AM}, end: ${AM_END} }
tracks:
  one: { title: One }
`;
    const r = await planProgramme(analyze(text), { solve: async () => ({ status: 'failed', values: {}, message: 'no luck' }) });
    assert.deepStrictEqual(r.blockers, ['the solver failed: no luck']);
    assert.deepStrictEqual(r.edits, []);
  });
});
