/**
 * Top-level `blocks`: the schema accepts them, the model resolves their times in the event
 * zone, and bad blocks get the usual codes, once, at the value at fault.
 */
import * as assert from 'assert';
import { check, programme } from '../support/fixtures';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, buildSchedule, referencesOf, symbolAt } from '../../server/src/core';

const ROOT = path.resolve(__dirname, '../../..');

const ROOMS = 'rooms:\n  mc1: { title: Room 1 }\n';

function withBlocks(blocks: string): string {
  return programme({ top: `${ROOMS}blocks:\n${blocks}` });
}

suite('blocks', () => {
  test('valid blocks check clean and are in the model with their room and interval', () => {
    const a = check(
      withBlocks('  - { room: mc1, start: 2021-09-21 07:00, end: 2021-09-21 11:00 }\n  - room: mc1\n    start: 2021-09-21 12:00\n    duration: 3h30m\n'),
    );
    assert.deepStrictEqual(
      a.problems.filter((p) => p.code !== 'not-scheduled' && p.code !== 'unused-person').map((p) => p.message),
      [],
    );
    assert.strictEqual(a.model.blocks.length, 2);
    assert.strictEqual(a.model.blocks[0].room?.id, 'mc1');
    assert.strictEqual(a.model.blocks[0].interval?.start.toISO(), '2021-09-21T07:00:00.000-07:00');
    assert.strictEqual(a.model.blocks[1].interval?.end.toISO(), '2021-09-21T15:30:00.000-07:00');
  });

  test('an unknown room is unknown-room at the id, with a guess', () => {
    const a = check(withBlocks('  - { room: mc2, start: 2021-09-21 07:00, end: 2021-09-21 11:00 }\n'));
    assert.deepStrictEqual(
      a.codes.filter((c) => c !== 'not-scheduled'),
      ['unknown-room'],
    );
    assert.deepStrictEqual(a.at('unknown-room'), ['10:13-10:16']);
    assert.match(a.problems.find((p) => p.code === 'unknown-room')!.message, /unknown room `mc2`.*did you mean `mc1`/);
  });

  test('an impossible date is invalid-datetime; a DST gap nonexistent-time; a day outside the event outside-event', () => {
    assert.deepStrictEqual(check(withBlocks('  - { room: mc1, start: 2021-09-31 07:00, end: 2021-09-21 11:00 }\n')).at('invalid-datetime'), ['10:25-10:41']);
    const dst = check(
      programme({ top: `${ROOMS}blocks:\n  - { room: mc1, start: 2021-03-14 02:30, duration: 3h }\n` }).replace('start: 2021-09-20', 'start: 2021-03-13'),
    );
    assert.deepStrictEqual(dst.at('nonexistent-time'), ['10:25-10:41']);
    const outside = check(withBlocks('  - { room: mc1, start: 2021-09-26 07:00, duration: 3h }\n'));
    assert.deepStrictEqual(
      outside.codes.filter((c) => c !== 'not-scheduled'),
      ['outside-event'],
    );
    assert.deepStrictEqual(outside.at('outside-event'), ['10:25-10:41']);
  });

  test('shape errors are schema errors: no room, both or neither end and duration, an unknown key, end before start', () => {
    const noRoom = check(withBlocks('  - { start: 2021-09-21 07:00, end: 2021-09-21 11:00 }\n'));
    assert.deepStrictEqual(
      noRoom.codes.filter((c) => c !== 'not-scheduled'),
      ['schema'],
    );
    assert.match(noRoom.problems[0].message, /room/);
    const unknownKey = check(withBlocks('  - { room: mc1, start: 2021-09-21 07:00, end: 2021-09-21 11:00, rom: x }\n'));
    assert.deepStrictEqual(
      unknownKey.codes.filter((c) => c !== 'not-scheduled'),
      ['schema'],
    );
    const reversed = check(withBlocks('  - { room: mc1, start: 2021-09-21 07:00, end: 2021-09-21 06:00 }\n'));
    assert.deepStrictEqual(
      reversed.codes.filter((c) => c !== 'not-scheduled'),
      ['schema'],
    );
    assert.deepStrictEqual(reversed.at('schema'), ['10:48-10:64']);
    const neither = check(withBlocks('  - { room: mc1, start: 2021-09-21 07:00 }\n'));
    assert.deepStrictEqual(
      neither.codes.filter((c) => c !== 'not-scheduled'),
      ['schema'],
    );
    const notList = check(programme({ top: `${ROOMS}blocks: mc1\n` }));
    assert.deepStrictEqual(
      notList.codes.filter((c) => c !== 'not-scheduled'),
      ['schema'],
    );
  });

  test("a block's room is a reference to the room: found, so renaming the room renames it too", () => {
    const a = check(withBlocks('  - { room: mc1, start: 2021-09-21 07:00, end: 2021-09-21 11:00 }\n'));
    const at = a.text.indexOf('room: mc1') + 'room: '.length;
    const symbol = symbolAt(a, at + 1)!;
    assert.deepStrictEqual({ kind: symbol.kind, id: symbol.id }, { kind: 'room', id: 'mc1' });
    assert.deepStrictEqual(
      referencesOf(a, symbol)!.map((s) => s.start),
      [at],
    );
  });

  test('the preview shows the blocks by time and room, with the track placed in each and those not placed yet', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples/committee.programme.yaml'), 'utf8');
    const grid = buildSchedule(analyze(text), { uri: 'file:///c.programme.yaml' }).blocks!;
    assert.deepStrictEqual(
      grid.rooms.map((r) => r.title),
      ['Hall A', 'Hall B', 'Room C'],
    );
    assert.deepStrictEqual(
      grid.rows.map((r) => r.label),
      ['Wed 2024-09-18 10:00–13:30 CEST', 'Wed 2024-09-18 15:00–18:30 CEST', 'Thu 2024-09-19 10:00–13:30 CEST'],
    );
    const cell = (row: number, col: number): string => {
      const c = grid.rows[row].cells[col];
      return c === null ? 'none' : c.tracks.map((t) => t.id).join('+') || 'free';
    };
    assert.deepStrictEqual([cell(0, 0), cell(2, 0), cell(2, 1)], ['free', 'bpf', 'free']);
    assert.strictEqual(grid.unplaced.length, 7);
    assert.strictEqual(grid.rows[2].cells[0]!.tracks[0].line, text.split('\n').indexOf('  bpf:'));
  });
});
