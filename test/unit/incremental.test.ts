/**
 * The incremental parser must be invisible: after every edit of a recorded sequence, the
 * analysis reached through one long-lived ProgrammeParser equals a fresh open of the same
 * text (same problems, same tree), and on valid documents the split parse equals parsing the
 * whole text as one YAML document.
 */
import * as assert from 'node:assert/strict';
import { Node, plain } from '../../server/src/core/syntax/tree';
import { generateProgramme, random } from '../../bench/generate';
import { EXAMPLE_TEXT as EXAMPLE } from '../support/fixtures';
import { analyze, buildSchedule, createProgrammeService, DocumentState, ProgrammeParser, parseWhole, Syntax } from '../../server/src/core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyScheduleDelta, encodeScheduleDelta, ScheduleView } from '../../server/src/protocol';

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

function apply(text: string, e: Edit): string {
  return text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
}

/** The tree as plain data: kinds, ranges, keys and scalar values. */
function dump(node: Node | null | undefined): unknown {
  if (!node) return null;
  if (node.kind === 'scalar') return [node.start, node.end, node.quoted, node.value];
  if (node.kind === 'seq') return [node.start, node.end, 'seq', node.items.map(dump)];
  return [node.start, node.end, 'map', node.items.map((p) => [dump(p.key), dump(p.value)])];
}

function problemsOf(text: string, state?: DocumentState): unknown[] {
  return analyze(text, state).problems.map((p) => `${p.code} ${p.start}-${p.end} ${p.message}`);
}

/**
 * Replays `edits` on `text`, comparing the incremental parser with a fresh one after each, and
 * the schedule view built from the parts the last one kept with one built afresh; the delta
 * against the last view, applied to it, is the view again.
 */
function replay(text: string, edits: (text: string) => Edit[], label: string): number {
  const parser = new DocumentState();
  const uri = 'file:///replay.programme.yaml';
  let view: ScheduleView = buildSchedule(analyze(text, parser), { uri, version: 0, cache: parser.schedule });
  let steps = 0;
  for (const edit of edits(text)) {
    text = apply(text, edit);
    steps++;
    const incremental = analyze(text, parser);
    const fresh = analyze(text);
    const where = `${label}, edit ${steps} (${JSON.stringify(edit)})`;
    assert.deepEqual(
      incremental.problems.map((p) => `${p.code} ${p.start}-${p.end} ${p.message}`),
      fresh.problems.map((p) => `${p.code} ${p.start}-${p.end} ${p.message}`),
      where,
    );
    assert.deepEqual(dump(incremental.syntax.root), dump(fresh.syntax.root), where);
    assert.deepEqual(plain(incremental.syntax.root ?? null), plain(fresh.syntax.root ?? null), where);
    // Falling back to a whole parse would hide a bug of the incremental split: same path both ways.
    assert.equal(incremental.syntax.whole, fresh.syntax.whole, where);
    const next = buildSchedule(incremental, { uri, version: steps, cache: parser.schedule });
    assert.equal(JSON.stringify(next), JSON.stringify(buildSchedule(fresh, { uri, version: steps })), `schedule: ${where}`);
    const delta = encodeScheduleDelta(next, view)!;
    assert.equal(JSON.stringify(applyScheduleDelta(JSON.parse(JSON.stringify(delta)), view)), JSON.stringify(next), `delta: ${where}`);
    view = next;
  }
  return steps;
}

/** Offsets of every line start, for edits that work on lines. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** Text blocks of whole slots: `[start, end)` of each `      - title:` item. */
function slotBlocks(text: string): [number, number][] {
  const starts: number[] = [];
  for (let i = text.indexOf('\n      - title: '); i >= 0; i = text.indexOf('\n      - title: ', i + 1)) starts.push(i + 1);
  return starts.map((s, k) => {
    const next = k + 1 < starts.length ? starts[k + 1] : text.indexOf('\n  track-', s);
    const end = next < 0 ? text.length : next > s ? next : text.length;
    // A block ends at the next slot, or at the end of its track.
    const trackEnd = text.indexOf('\n  track-', s);
    return [s, trackEnd >= 0 && trackEnd < end ? trackEnd + 1 : end];
  });
}

const CHARS = ['x', 'a', ' ', ':', '-', '#', '"', "'", '[', ']', '{', '\n', '7', '&', '*', '|', '\t'];

/** Typing one character at a random place and deleting it again, or deleting one character. */
function typing(seed: number, count: number) {
  return (start: string): Edit[] => {
    const rnd = random(seed);
    const edits: Edit[] = [];
    let len = start.length;
    for (let i = 0; i < count; i++) {
      const at = Math.floor(rnd() * len);
      if (rnd() < 0.8) {
        const c = CHARS[Math.floor(rnd() * CHARS.length)];
        edits.push({ at, remove: 0, insert: c }, { at, remove: 1, insert: '' });
      } else {
        edits.push({ at, remove: 1, insert: '' });
        len--;
      }
    }
    return edits;
  };
}

suite('incremental parse equals a fresh open', () => {
  const small = generateProgramme({ slots: 30, seed: 7 });

  test('typing and deleting characters at many positions', () => {
    assert.ok(replay(small, typing(11, 50), 'typing') >= 80);
    assert.ok(replay(EXAMPLE, typing(12, 40), 'typing (example)') >= 60);
  });

  test('typing a word into a slot title, one key at a time, then deleting it', () => {
    const at = small.indexOf('      - title: ', small.length / 2) + 20;
    replay(
      small,
      () => {
        const edits: Edit[] = [];
        const word = 'incremental: [x';
        for (let i = 0; i < word.length; i++) edits.push({ at: at + i, remove: 0, insert: word[i] });
        for (let i = word.length - 1; i >= 0; i--) edits.push({ at: at + i, remove: 1, insert: '' });
        return edits;
      },
      'word',
    );
  });

  test('pasting lines', () => {
    replay(
      small,
      (text) => {
        const rnd = random(21);
        const starts = lineStarts(text);
        const edits: Edit[] = [];
        let shift = 0;
        for (let i = 0; i < 40; i++) {
          const k = Math.floor(rnd() * (starts.length - 1));
          const line = text.slice(starts[k], starts[k + 1]);
          // Pasted before an earlier line, so later offsets of the original text stay valid.
          const target = starts[Math.floor(rnd() * k)];
          edits.push({ at: target + (target >= 0 ? 0 : shift), remove: 0, insert: line });
          shift += line.length;
          if (i % 4 === 3) edits.push({ at: target, remove: line.length, insert: '' });
        }
        return edits;
      },
      'paste',
    );
  });

  test('inserting and removing whole slots', () => {
    replay(
      small,
      (text) => {
        const blocks = slotBlocks(text);
        const edits: Edit[] = [];
        for (let i = blocks.length - 2; i > 0; i -= 5) {
          const [s, e] = blocks[i];
          const block = text.slice(s, e);
          edits.push({ at: s, remove: 0, insert: block }); // duplicate: overlaps and all
          edits.push({ at: s, remove: block.length, insert: '' }); // and take it away again
          edits.push({ at: s, remove: block.length, insert: '' }); // remove the slot itself
        }
        return edits;
      },
      'slots',
    );
  });

  test('breaking and fixing syntax', () => {
    const breakers = ['"', '[', '{', ': :', '\t', '- ', '&a ', '*a ', '---\n', '  ', '\r', '\u00a0', '%YAML 1.2\n'];
    replay(
      small,
      (text) => {
        const rnd = random(31);
        const starts = lineStarts(text);
        const edits: Edit[] = [];
        for (let i = 0; i < 40; i++) {
          const b = breakers[i % breakers.length];
          const at = rnd() < 0.5 ? starts[Math.floor(rnd() * starts.length)] : Math.floor(rnd() * text.length);
          edits.push({ at, remove: 0, insert: b });
          // Another edit while broken, then the fix.
          const other = Math.floor(rnd() * text.length);
          const o = other >= at ? other + b.length : other;
          edits.push({ at: o, remove: 0, insert: 'z' }, { at: o, remove: 1, insert: '' }, { at, remove: b.length, insert: '' });
        }
        return edits;
      },
      'syntax',
    );
  });

  test('reshaping lines without going back: indenting, joining, commenting out, cutting across tracks', () => {
    // Each edit works on the text the last one left: the split must follow a text whose
    // structure drifts further from the one it was first split along.
    const reshape =
      (seed: number, count: number) =>
      (start: string): Edit[] => {
        const rnd = random(seed);
        const edits: Edit[] = [];
        let text = start;
        for (let i = 0; i < count; i++) {
          const starts = lineStarts(text);
          const k = Math.floor(rnd() * starts.length);
          const at = starts[k];
          const next = k + 1 < starts.length ? starts[k + 1] : text.length;
          const kind = Math.floor(rnd() * 7);
          let edit: Edit;
          if (kind === 0)
            edit = { at, remove: 0, insert: '  ' }; // indent
          else if (kind === 1)
            edit = { at, remove: text.startsWith('  ', at) ? 2 : 0, insert: '' }; // dedent
          else if (kind === 2)
            edit = { at: next - 1, remove: next > at ? 1 : 0, insert: '' }; // join with the next line
          else if (kind === 3)
            edit = { at, remove: 0, insert: '# ' }; // comment out
          else if (kind === 4)
            edit = { at, remove: 0, insert: '\n' }; // a blank line
          else if (kind === 5) {
            // cut a run of lines, maybe across a track's end
            const to = starts[Math.min(starts.length - 1, k + 1 + Math.floor(rnd() * 12))];
            edit = { at, remove: Math.max(0, to - at), insert: '' };
          } else {
            // paste a run of lines from elsewhere
            const from = starts[Math.floor(rnd() * starts.length)];
            edit = { at, remove: 0, insert: text.slice(from, from + Math.floor(rnd() * 200)) };
          }
          edits.push(edit);
          text = apply(text, edit);
        }
        return edits;
      };
    assert.equal(replay(small, reshape(41, 60), 'reshape'), 60);
    assert.equal(replay(EXAMPLE, reshape(42, 40), 'reshape (example)'), 40);
  });

  test("edits told to the service, several between analyses, give a fresh open's analysis", () => {
    // The service passes what the edits changed to the parser instead of comparing the texts.
    const service = createProgrammeService();
    const uri = 'file:///told.programme.yaml';
    const rnd = random(51);
    let text = small;
    service.get(TextDocument.create(uri, 'programme', 1, text));
    let split = 0;
    for (let version = 2; version < 60; version++) {
      const count = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < count; k++) {
        // Edits that keep the text well-formed mostly (a broken text is parsed whole, and the
        // told change only matters to the split): words typed into titles, slots copied and cut.
        const titles: number[] = [];
        for (let i = text.indexOf('title: '); i >= 0; i = text.indexOf('title: ', i + 1)) titles.push(i + 7);
        const blocks = slotBlocks(text);
        const kind = rnd();
        let edit: Edit;
        if (kind < 0.5 || blocks.length < 3)
          edit = { at: titles[Math.floor(rnd() * titles.length)] + 2, remove: 0, insert: ['x', 'word ', 'é'][Math.floor(rnd() * 3)] };
        else if (kind < 0.7) edit = { at: titles[Math.floor(rnd() * titles.length)] + 1, remove: 2, insert: '' };
        else {
          const [s, e] = blocks[Math.floor(rnd() * blocks.length)];
          const [to] = blocks[Math.floor(rnd() * blocks.length)];
          edit = kind < 0.85 ? { at: to, remove: 0, insert: text.slice(s, e) } : { at: s, remove: e - s, insert: '' };
        }
        service.edited(uri, { start: edit.at, end: edit.at + edit.remove, length: edit.insert.length });
        text = apply(text, edit);
      }
      const told = service.get(TextDocument.create(uri, 'programme', version, text)).analysis!;
      const fresh = analyze(text);
      const where = `version ${version}`;
      assert.deepEqual(
        told.problems.map((p) => `${p.code} ${p.start}-${p.end} ${p.message}`),
        fresh.problems.map((p) => `${p.code} ${p.start}-${p.end} ${p.message}`),
        where,
      );
      assert.deepEqual(dump(told.syntax.root), dump(fresh.syntax.root), where);
      if (!told.syntax.whole) split++;
    }
    assert.ok(split > 40, `most versions are split (${split})`);
  });

  test('changing the event timezone', () => {
    const text = small.replace('duration: 25m', 'duration: 25m\n        end: 2025-09-15 09:10'); // one slot with both
    replay(
      text,
      (t) => {
        const at = t.indexOf('Europe/Berlin');
        const zones = ['America/New_York', 'Mars/Olympus', 'US/Pacific', 'Asia/Kolkata', 'Europe/Berlin'];
        const edits: Edit[] = [];
        let current = 'Europe/Berlin';
        for (const z of zones) {
          edits.push({ at, remove: current.length, insert: z });
          current = z;
        }
        return edits;
      },
      'timezone',
    );
  });

  test('many tracks: retiming and moving slots, renaming a track, lines moving, a track id written twice', () => {
    const text = generateProgramme({ slots: 200, seed: 5 });
    replay(
      text,
      (t) => {
        const edits: Edit[] = [];
        const nth = (s: string, k: number): number => {
          let at = -1;
          for (let i = 0; i <= k; i++) at = t.indexOf(s, at + 1);
          return at;
        };
        // Retime a slot of the third track (its day's layout changes), then put it back.
        const start = nth('        start: 2025-09-16 09:30', 2) + '        start: 2025-09-16 '.length;
        edits.push({ at: start, remove: 5, insert: '11:10' }, { at: start, remove: 5, insert: '09:30' });
        // A slot of the second track into another room, and back.
        const slot = t.indexOf('        duration: 25m\n', t.indexOf('  track-2:')) + '        duration: 25m\n'.length;
        edits.push({ at: slot, remove: 0, insert: '        room: room-4\n' }, { at: slot, remove: '        room: room-4\n'.length, insert: '' });
        // Rename a track (its column's title), and back.
        const title = t.indexOf('    title: ', t.indexOf('  track-2:')) + '    title: '.length;
        edits.push({ at: title, remove: 0, insert: 'New ' }, { at: title, remove: 4, insert: '' });
        // A line inserted in the first track moves the lines of every later slot; then removed.
        const first = t.indexOf('      - title: ');
        edits.push({ at: first, remove: 0, insert: '      # a comment\n' }, { at: first, remove: '      # a comment\n'.length, insert: '' });
        // A lead of the second track leads the third too (the two clash where they run at once), and no more.
        const lead = t.slice(t.indexOf('leads: [', t.indexOf('  track-2:')) + 'leads: ['.length).split(/[,\]]/)[0];
        const leads = t.indexOf('leads: [', t.indexOf('  track-3:')) + 'leads: ['.length;
        edits.push({ at: leads, remove: 0, insert: `${lead}, ` }, { at: leads, remove: lead.length + 2, insert: '' });
        // The third track's id written as the second's (a duplicate key), and back.
        const third = t.indexOf('  track-3:') + 2;
        edits.push({ at: third, remove: 7, insert: 'track-2' }, { at: third, remove: 7, insert: 'track-3' });
        // A speaker's name and a room's title changed, and back: the slots that name them show it.
        const name = t.indexOf('    name: ', t.indexOf('\npeople:')) + '    name: '.length + 2;
        edits.push({ at: name, remove: 0, insert: 'Z' }, { at: name, remove: 1, insert: '' });
        const room = t.indexOf('    title: Room 2') + '    title: Room'.length;
        edits.push({ at: room, remove: 0, insert: 'X' }, { at: room, remove: 1, insert: '' });
        // A character typed in a title and taken away, in each track.
        for (let k = 0; k < 5; k++) {
          const at = t.indexOf('      - title: ', t.indexOf(`  track-${k + 1}:`)) + '      - title: '.length + 3;
          edits.push({ at, remove: 0, insert: 'y' }, { at, remove: 1, insert: '' });
        }
        return edits;
      },
      'tracks',
    );
    assert.ok(replay(text, typing(41, 20), 'typing (tracks)') >= 30);
  });

  test('the split parse of a valid document equals parsing it whole', () => {
    for (const text of [EXAMPLE, generateProgramme({ slots: 200, seed: 3 }), generateProgramme({ slots: 45, seed: 4 })]) {
      const split: Syntax = new ProgrammeParser().parse(text);
      const whole = parseWhole(text);
      assert.equal(split.whole, false, 'a generated programme is split into leaves');
      assert.deepEqual(dump(split.root), dump(whole.root));
      assert.deepEqual(plain(split.root), plain(whole.root));
      assert.deepEqual(split.problems, whole.problems);
      assert.deepEqual(problemsOf(text, new DocumentState()), problemsOf(text));
    }
  });
});

suite('an analysis handed out is a value', () => {
  /** What an analysis says, as plain data: its problems, and its model without node positions. */
  function said(a: ReturnType<typeof analyze>): string {
    return JSON.stringify({
      problems: a.problems,
      people: [...a.model.people.values()].map((p) => [p.id, p.name, p.timezone]),
      tracks: [...a.model.tracks.values()].map((t) => [
        t.id,
        t.title,
        t.slots.map((s) => [s.track.id, s.index, s.title, s.interval?.startMs, s.speakers.map((r) => r.id)]),
      ]),
    });
  }

  test('problems and model objects kept from one version do not change with the next edits', () => {
    // Problems early in the text (an unknown person in the first slot) move when text before
    // them changes; problems later on are kept for nodes the next edit only moves.
    const text = EXAMPLE.replace('speakers: [jason-gunthorpe]', 'speakers: [jason-gunthorp]') + '\n';
    const state = new DocumentState();
    const held = analyze(text, state);
    const before = said(held);
    assert.ok(
      held.problems.some((p) => p.code === 'unknown-person'),
      'the held analysis has a problem to keep',
    );
    const edited = [
      text.replace('people:\n', 'people:\n  new-person:\n    name: New Person\n'),
      text.replace('title: Break', 'title: A longer break'),
      text.replace('timezone: US/Pacific', 'timezone: Europe/Berlin'),
      text.replace('tracks:\n  vfio-iommu-pci:', 'tracks:\n  vfio:'),
    ];
    for (const next of edited) {
      const later = analyze(next, state);
      assert.notEqual(said(later), before, 'the edit changes what the analysis says');
      assert.equal(said(held), before, 'the analysis handed out before the edit is unchanged');
    }
  });
});
