/**
 * `programme plan`: on generated committee cases whose optimum is known (planted), `--write`
 * writes a placement with that many clashes; `--replan` moves as few tracks as needed; the
 * file keeps its comments and layout; the written file checks without room-conflict and its
 * attendee-conflict findings are the clashes the plan reported; exit codes 0, 1 and 2.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../support/exchange';
import { committeeCase } from '../support/committee';
import { analyze } from '../../server/src/core';
import { runCli, type CliResult } from '../support/cli';

const REPLAN = path.join(ROOT, 'test/fixtures/plan/replan.programme.yaml');

const run = (args: string[]): CliResult => runCli(args);

function tmpFile(text: string, name = 'committee.programme.yaml'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'programme-plan-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

interface PlanJson {
  optimal: boolean;
  clashCount: number;
  moves: number;
  written: boolean;
  placements: { track: string; room: string; when: string; change: string }[];
  clashes: { person: string; tracks: [string, string]; when: string }[];
  unplaced: { track: string; reason: string }[];
  freeBlocks: unknown[];
}

/**
 * Clashes counted from the file itself, independently of the planner: for each pair of tracks
 * whose sessions overlap, the people who are lead or key attendee of both.
 */
function countClashes(text: string): { count: number; list: string[] } {
  const { model } = analyze(text);
  const tracks = [...model.tracks.values()];
  const list: string[] = [];
  for (let i = 0; i < tracks.length; i++) {
    for (let j = i + 1; j < tracks.length; j++) {
      const a = tracks[i],
        b = tracks[j];
      const overlap = a.sessions.some((s) => b.sessions.some((t) => s.interval!.startMs < t.interval!.endMs && t.interval!.startMs < s.interval!.endMs));
      if (!overlap) continue;
      const people = (t: typeof a): Set<string> => new Set([...t.leads, ...t.keyAttendees].map((r) => r.id));
      const pa = people(a),
        pb = people(b);
      for (const p of pa) if (pb.has(p)) list.push(`${p}:${a.id}+${b.id}`);
    }
  }
  return { count: list.length, list: list.sort() };
}

/** Every track has one session, no two tracks share a room at a time, and errors are none. */
function assertPlaced(text: string): void {
  const a = analyze(text);
  const serious = a.problems.filter((p) => p.code !== 'unused-person');
  assert.deepStrictEqual(
    serious.map((p) => `${p.code}: ${p.message}`).filter((m) => !m.startsWith('attendee-conflict')),
    [],
  );
  const taken = new Set<string>();
  for (const t of a.model.tracks.values()) {
    assert.strictEqual(t.sessions.length, 1, `${t.id} has ${t.sessions.length} sessions`);
    const key = `${t.room!.id}@${t.sessions[0].interval!.startMs}`;
    assert.ok(!taken.has(key), `two tracks in ${key}`);
    taken.add(key);
  }
}

/**
 * The written file as `programme check` sees it: no room-conflict, and its attendee-conflict
 * findings are exactly the clashes the plan reported (person, both tracks).
 */
function assertCheckAgrees(file: string, clashes: PlanJson['clashes'], names: Map<string, string>): void {
  const r = run(['check', '--format', 'json', file]);
  const diagnostics = (JSON.parse(r.stdout) as { diagnostics: { code: string; message: string }[] }[])[0].diagnostics;
  assert.deepStrictEqual(
    diagnostics.filter((d) => d.code === 'room-conflict').map((d) => d.message),
    [],
  );
  const found = diagnostics
    .filter((d) => d.code === 'attendee-conflict')
    .map((d) => {
      const m = /^(.+) is needed in two tracks at once: as .+ of track `([^`]+)` .* and as .+ of track `([^`]+)`/.exec(d.message);
      assert.ok(m, d.message);
      return `${m[1]}:${[m[2], m[3]].sort().join('+')}`;
    });
  assert.deepStrictEqual(found.sort(), clashes.map((c) => `${names.get(c.person) ?? c.person}:${[...c.tracks].sort().join('+')}`).sort());
}

function namesOf(text: string): Map<string, string> {
  return new Map([...analyze(text).model.people.values()].map((p) => [p.id, p.name ?? p.id]));
}

function planAndCheck(o: Parameters<typeof committeeCase>[0]): { json: PlanJson; before: string; after: string } {
  const c = committeeCase(o);
  const file = tmpFile(c.text);
  const r = run(['plan', file, '--write', '--format', 'json']);
  assert.strictEqual(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout) as PlanJson;
  const after = fs.readFileSync(file, 'utf8');
  assert.strictEqual(json.optimal, true);
  assert.strictEqual(json.written, true);
  assert.strictEqual(json.clashCount, c.optimum, `expected the planted optimum ${c.optimum}, got ${json.clashCount}`);
  assertPlaced(after);
  // The clashes the plan reported are the file's own.
  assert.deepStrictEqual(countClashes(after).list, json.clashes.map((x) => `${x.person}:${x.tracks[0]}+${x.tracks[1]}`).sort());
  assert.deepStrictEqual(fs.readdirSync(path.dirname(file)), [path.basename(file)], 'no temporary file is left');
  assertCheckAgrees(file, json.clashes, namesOf(after));
  return { json, before: c.text, after };
}

suite('programme plan: generated committee cases with a planted optimum', () => {
  test('18 tracks into 3 rooms x 6 half-days with a zero-clash placement: --write writes a zero-clash placement', () => {
    const { json } = planAndCheck({ rooms: 3, halfDays: 6, tracks: 18, seed: 1 });
    assert.strictEqual(json.placements.filter((p) => p.change === 'new').length, 18);
  });

  test('18 tracks, one person needed by 7 tracks over 6 half-days: the least is 1 clash, and it is that person', () => {
    const { json } = planAndCheck({ rooms: 3, halfDays: 6, tracks: 18, seed: 2, crowded: 7 });
    assert.deepStrictEqual(
      json.clashes.map((c) => c.person),
      ['crowded-person'],
    );
  });

  test('30 tracks into 4 rooms x 8 half-days: zero clashes, two blocks left free', () => {
    const { json } = planAndCheck({ rooms: 4, halfDays: 8, tracks: 30, seed: 3 });
    assert.strictEqual(json.freeBlocks.length, 2);
  });
});

suite('programme plan: writing', () => {
  test("--write adds only the placed tracks' sessions and rooms: comments, order and layout stay", () => {
    const c = committeeCase({ rooms: 2, halfDays: 2, tracks: 3, seed: 7 });
    const file = tmpFile(c.text);
    assert.strictEqual(run(['plan', file, '--write']).status, 0);
    const after = fs.readFileSync(file, 'utf8');
    // Removing the added lines gives back the original, byte for byte.
    const added = after.split('\n').filter((l) => /^ {4}room: |^ {4}sessions:$|^ {6}- \{ start: /.test(l));
    assert.strictEqual(added.length, 9);
    assert.strictEqual(
      after
        .split('\n')
        .filter((l) => !added.includes(l))
        .join('\n'),
      c.text,
    );
    assert.match(after, /# proposal 1\n/);
    assert.match(after, / {4}room: room-\d\n {4}sessions:\n {6}- \{ start: 2024-09-1\d \d\d:00, end: 2024-09-1\d \d\d:30 \}\n/);
  });

  test('without --write the file is untouched; the text output lists the placement and says how to write it', () => {
    const c = committeeCase({ rooms: 2, halfDays: 2, tracks: 3, seed: 7 });
    const file = tmpFile(c.text);
    const r = run(['plan', file]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), c.text);
    assert.match(r.stdout, /^Placement:\n {2}Wed 2024-09-18 10:00–13:30 .* {2}room-1 {2}mc\d+ {2}\(placed\)$/m);
    assert.match(r.stdout, /0 clashes: the least possible/);
    assert.match(r.stdout, /Run with --write/);
  });

  test('a symbolic link stays a link: its target gets the new text', () => {
    const c = committeeCase({ rooms: 2, halfDays: 2, tracks: 3, seed: 7 });
    const target = tmpFile(c.text);
    const link = path.join(path.dirname(target), 'link.programme.yaml');
    fs.symlinkSync(target, link);
    assert.strictEqual(run(['plan', link, '--write']).status, 0);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.match(fs.readFileSync(target, 'utf8'), /sessions:/);
  });

  test('CRLF files stay CRLF', () => {
    const c = committeeCase({ rooms: 2, halfDays: 2, tracks: 3, seed: 7 });
    const file = tmpFile(c.text.replace(/\n/g, '\r\n'));
    assert.strictEqual(run(['plan', file, '--write']).status, 0);
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(!/[^\r]\n/.test(after), 'every line ends in CRLF');
    assert.match(after, /\r\n {4}sessions:\r\n/);
  });
});

suite('programme plan: tracks already placed, and re-planning', () => {
  test('placed tracks stay and count: a new track avoids the half-days of placed tracks it shares a lead with', () => {
    const unplace = (text: string, id: string): string =>
      text.replace(new RegExp(`(  ${id}:\n(?:    .*\n)*?)    room: \\w\n    sessions:\n      - \\{ [^}]* \\}\n`), '$1');
    let text = fs.readFileSync(REPLAN, 'utf8').replace('    key-attendees: [xin]   # new: xin is needed here too\n', '');
    for (const id of ['mc5', 'mc7', 'mc9']) text = unplace(text, id);
    // mc9 now needs xin, who leads mc1 (Wednesday morning) and mc4 (Wednesday afternoon).
    text = text.replace('    title: Nine\n', '    title: Nine\n    key-attendees: [xin]\n');
    assert.strictEqual(analyze(text).model.tracks.get('mc9')!.sessions.length, 0);
    const file = tmpFile(text);
    const r = run(['plan', file, '--write', '--format', 'json']);
    assert.strictEqual(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as PlanJson;
    // Free: Wednesday afternoon in room b, Thursday morning in rooms a and c.
    assert.deepStrictEqual(
      json.placements
        .filter((p) => p.change === 'new')
        .map((p) => p.track)
        .sort(),
      ['mc5', 'mc7', 'mc9'],
    );
    assert.strictEqual(json.placements.find((p) => p.track === 'mc9')!.when.slice(0, 14), 'Thu 2024-09-19');
    assert.strictEqual(json.placements.filter((p) => p.change === 'kept').length, 6);
    assert.strictEqual(json.clashCount, 0);
    assertPlaced(fs.readFileSync(file, 'utf8'));
    assertCheckAgrees(file, json.clashes, namesOf(text));
  });

  test('without --replan, a placed programme is left as it is and its clash is reported', () => {
    const r = run(['plan', REPLAN, '--format', 'json']);
    assert.strictEqual(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as PlanJson;
    assert.deepStrictEqual(
      json.clashes.map((c) => `${c.person} ${c.tracks.join('+')}`),
      ['xin mc1+mc2'],
    );
    assertCheckAgrees(REPLAN, json.clashes, namesOf(fs.readFileSync(REPLAN, 'utf8')));
    assert.strictEqual(
      json.placements.every((p) => p.change === 'kept'),
      true,
    );
  });

  test('--replan after a track gained a key attendee: no clash, with the 2 moves an optimal re-plan needs (mc2 and mc9 swap)', () => {
    const before = fs.readFileSync(REPLAN, 'utf8');
    assert.strictEqual(countClashes(before).count, 1);
    const file = tmpFile(before);
    const r = run(['plan', file, '--replan', '--write', '--format', 'json']);
    assert.strictEqual(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as PlanJson;
    assert.strictEqual(json.optimal, true);
    assert.strictEqual(json.clashCount, 0);
    assert.strictEqual(json.moves, 2);
    assert.deepStrictEqual(
      json.placements
        .filter((p) => p.change === 'moved')
        .map((p) => `${p.track} ${p.room}`)
        .sort(),
      ['mc2 c', 'mc9 b'],
    );
    const after = fs.readFileSync(file, 'utf8');
    assertPlaced(after);
    assert.strictEqual(countClashes(after).count, 0);
    assertCheckAgrees(file, json.clashes, namesOf(after));
    // Only mc2's and mc9's room and session changed.
    const diff = before.split('\n').filter((l, i) => l !== after.split('\n')[i]);
    assert.deepStrictEqual(diff, [
      '    room: b',
      '      - { start: 2024-09-18 10:00, end: 2024-09-18 13:30 }',
      '    room: c',
      '      - { start: 2024-09-19 10:00, end: 2024-09-19 13:30 }',
    ]);
  });
});

suite('programme plan: exit codes', () => {
  test('fewer blocks than tracks: exit 1, names the tracks that cannot be placed, writes nothing', () => {
    const c = committeeCase({ rooms: 2, halfDays: 2, tracks: 4, seed: 7 });
    const text = c.text.replace('tracks:\n', 'tracks:\n  extra:\n    title: One Too Many\n');
    const file = tmpFile(text);
    const r = run(['plan', file, '--write']);
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /1 track cannot be placed: \w+; nothing written/);
    assert.match(r.stdout, /cannot place \w+: no free block left for it \(5 tracks to place, 4 free blocks\)/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), text);
  });

  test('a track whose room has no block: exit 1, says so', () => {
    const c = committeeCase({ rooms: 2, halfDays: 2, tracks: 2, seed: 7 });
    const text = c.text
      .replace('rooms:\n', 'rooms:\n  hall: { title: Hall }\n')
      .replace('tracks:\n', 'tracks:\n  keynote:\n    title: Keynote\n    room: hall\n');
    const r = run(['plan', tmpFile(text)]);
    assert.strictEqual(r.status, 1);
    assert.match(r.stdout, /cannot place keynote: no free block in its room `hall`/);
  });

  test('a file with errors is not planned: exit 1, the errors listed, nothing written', () => {
    const c = committeeCase({ rooms: 2, halfDays: 2, tracks: 2, seed: 7 });
    const text = c.text.replace('room: room-2,', 'room: room-9,');
    const file = tmpFile(text);
    const r = run(['plan', file, '--write']);
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /unknown-room: unknown room `room-9`/);
    assert.match(r.stderr, /has errors: not planned/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), text);
  });

  test('bad usage is exit 2: no file, an unknown option, an unknown format, a missing file', () => {
    assert.strictEqual(run(['plan']).status, 2);
    assert.strictEqual(run(['plan', REPLAN, '--wrte']).status, 2);
    assert.strictEqual(run(['plan', REPLAN, '--format', 'xml']).status, 2);
    const missing = run(['plan', path.join(os.tmpdir(), 'no-such.programme.yaml')]);
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /no such file/);
  });
});
