/**
 * The checks keep what they found per track, per people section and per place or person
 * across edits: an edit in one part of the programme must still change what is reported in
 * another. After each edit below, the analysis reached through one long-lived document state
 * equals a fresh open of the same text, every field of every problem included (related
 * ranges and fixes too), and the problem the edit was meant to cause is there, or gone again.
 */
import * as assert from 'node:assert/strict';
import { analyze, Code, DocumentState, Problem } from '../../server/src/core';

const PROGRAMME = `programme: 1

event:
  title: Cross-track Conference
  start: 2025-09-15
  end: 2025-09-16
  timezone: Europe/Berlin

rooms:
  hall:
    title: Hall
  lab:
    title: Lab

people:
  ada:
    name: Ada Lovelace
  bob:
    name: Bob Kahn
    timezone: Europe/Berlin
  cy:
    name: Cy Young
  dee:
    name: Dee Dee

tracks:
  kernel:
    title: Kernel
    room: hall
    leads: [ada]
    sessions:
      - start: 2025-09-15 09:00
        end: 2025-09-15 12:00
    slots:
      - title: Memory
        start: 2025-09-15 09:00
        duration: 30m
        speakers: [bob]
      - title: Scheduler
        start: 2025-09-15 10:00
        duration: 30m
        speakers: [cy]
  middle:
    title: Middle
    room: lab
    slots:
      - title: Filler
        start: 2025-09-16 09:00
        duration: 30m
        speakers: [dee]
  tools:
    title: Tools
    room: lab
    slots:
      - title: Compilers
        start: 2025-09-15 14:00
        duration: 30m
        speakers: [dee]
      - title: Linkers
        start: 2025-09-15 15:00
        duration: 30m
        speakers: [cy]
`;

/**
 * Replace `find` (the first after `after`, when given) with `replace`; `expect` is a code this
 * must report, `gone` one it must not. The next step starts from the edited text when `keep`,
 * else from the text before.
 */
interface Step {
  after?: string;
  find: string;
  replace: string;
  expect?: Code;
  gone?: Code;
  keep?: boolean;
}

function full(problems: Problem[]): string[] {
  return problems.map((p) => JSON.stringify(p));
}

/** Applies each step, undoes and redoes it, checking the incremental analysis against a fresh one each time. */
function replay(steps: Step[]): void {
  const state = new DocumentState();
  let text = PROGRAMME;
  let before = full(analyze(text, state).problems);
  assert.deepEqual(before, [], 'the programme starts clean');
  for (const step of steps) {
    const from = step.after ? text.indexOf(step.after) : 0;
    assert.ok(from >= 0, `no ${step.after}`);
    const at = text.indexOf(step.find, from);
    assert.ok(at >= 0, `no ${step.find} after ${step.after}`);
    const edited = text.slice(0, at) + step.replace + text.slice(at + step.find.length);
    const where = `${step.after ?? ''}: ${step.find} → ${step.replace}`;
    const problems = analyze(edited, state).problems;
    const after = full(problems);
    assert.deepEqual(after, full(analyze(edited).problems), where);
    const codes = problems.map((p) => p.code);
    if (step.expect) assert.ok(codes.includes(step.expect), `${where}: expected ${step.expect}, got ${codes.join(', ')}`);
    if (step.gone) assert.ok(!codes.includes(step.gone), `${where}: ${step.gone} is still reported`);
    assert.deepEqual(full(analyze(text, state).problems), before, `undo ${where}`);
    assert.deepEqual(full(analyze(edited, state).problems), after, `redo ${where}`);
    if (step.keep) {
      text = edited;
      before = after;
    }
  }
}

suite('checks kept across edits equal a fresh open', () => {
  test('clashes across tracks come and go with an edit in one of them', () => {
    replay([
      // A talk moved onto another track's talk by the same speaker.
      { after: 'title: Linkers', find: '15:00', replace: '10:00', expect: 'speaker-conflict' },
      // A talk with its own room in another track's room: on a talk there, then only in its session.
      { after: 'title: Compilers', find: 'duration: 30m', replace: 'duration: 30m\n        room: hall', gone: 'slot-overlap', keep: true },
      { after: 'title: Compilers', find: '14:00', replace: '09:00', expect: 'slot-overlap' },
      { after: 'title: Compilers', find: '14:00', replace: '11:00', expect: 'room-conflict' },
      // A lead of one track speaking in another while hers runs.
      { after: 'title: Compilers', find: '[dee]', replace: '[ada]', gone: 'attendee-conflict', keep: true },
      { after: 'title: Compilers', find: '14:00', replace: '10:30', expect: 'attendee-conflict' },
    ]);
  });

  test('an edit in the people or rooms changes what far tracks report', () => {
    replay([
      // Renamed: the references in two tracks become unknown, or the person unused.
      { after: 'people:', find: 'cy:', replace: 'cyd:', expect: 'unknown-person' },
      { after: 'people:', find: 'cy:', replace: 'cyrus:', expect: 'unused-person' },
      // A speaker's own zone puts a morning talk in the night.
      { after: 'bob:', find: 'Europe/Berlin', replace: 'America/Los_Angeles', expect: 'speaker-night' },
      // A room renamed: the tracks in it name an unknown room.
      { after: 'rooms:', find: 'lab:', replace: 'labs:', expect: 'unknown-room' },
      // A name changed in the people: another rule's message in a track says it.
      { after: 'title: Linkers', find: '15:00', replace: '10:00', expect: 'speaker-conflict', keep: true },
      { after: 'cy:', find: 'Cy Young', replace: 'Cy Twice', expect: 'speaker-conflict' },
    ]);
  });

  test('the event, a session or a slot changes what is reported on other lines', () => {
    replay([
      { after: 'event:', find: 'end: 2025-09-16', replace: 'end: 2025-09-15', expect: 'outside-event' },
      { after: 'event:', find: 'Europe/Berlin', replace: 'Mars/Base', expect: 'invalid-timezone' },
      { after: 'sessions:', find: '12:00', replace: '09:45', expect: 'outside-session' },
      { after: 'sessions:', find: '12:00', replace: '09:15', expect: 'track-overfull' },
      { after: 'title: Filler', find: '        start: 2025-09-16 09:00\n', replace: '', expect: 'not-scheduled' },
      // A track renamed: what is kept for it must say its new name.
      { after: 'sessions:', find: '12:00', replace: '09:45', expect: 'outside-session', keep: true },
      { after: 'tracks:', find: 'kernel:', replace: 'kern:', expect: 'outside-session' },
    ]);
  });

  test('a misread title or name, fixed and broken again, also on the last line of its section', () => {
    replay([
      { after: 'title: Filler', find: 'Filler', replace: 'Filler #1', expect: 'misread-text', keep: true },
      { after: 'dee:', find: 'Dee Dee', replace: 'Dee #Dee', expect: 'misread-text', keep: true },
      { after: 'title: Linkers', find: '[cy]', replace: '[cy]\n        title: C #sharp', expect: 'misread-text', keep: true },
      { after: 'tracks:', find: 'title: Kernel', replace: 'title: Kernel #1', expect: 'misread-text', keep: true },
      // A problem of the model's own (a time that does not exist) in a track kept below.
      { after: 'title: Filler', find: '2025-09-16 09:00', replace: '2025-09-16 25:00', expect: 'invalid-datetime', keep: true },
      // Text inserted before the kept misreads moves them: their problems move with them.
      { after: 'people:', find: 'ada:', replace: 'ada:\n    affiliation: Analytical Engines', expect: 'misread-text', keep: true },
      { after: 'people:', find: '    affiliation: Analytical Engines\n', replace: '', expect: 'misread-text', keep: true },
      // An anchor (the text is then parsed whole) and back.
      { after: 'title: Compilers', find: 'Compilers', replace: '&co Compilers', expect: 'misread-text' },
    ]);
  });
});
