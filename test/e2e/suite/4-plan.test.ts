import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { freshCopy, openAndWaitForDiagnostics } from './helpers';

// Two MCs share a lead: the placement must put them in different half-days.
const COMMITTEE = `programme: 1
event:
  title: Plan in the editor
  start: 2024-09-18
  end: 2024-09-18
  timezone: Europe/Vienna
rooms:
  a: { title: A }
  b: { title: B }
blocks:
  - { room: a, start: 2024-09-18 10:00, end: 2024-09-18 13:30 }
  - { room: b, start: 2024-09-18 10:00, end: 2024-09-18 13:30 }
  - { room: a, start: 2024-09-18 15:00, end: 2024-09-18 18:30 }
people:
  ann: { name: Ann }
  bo: { name: Bo }
tracks:
  one:
    title: One   # keeps its comment
    leads: [ann]
  two:
    title: Two
    leads: [ann, bo]
  three:
    title: Three
    leads: [bo]
`;

suite('Place Tracks into Blocks', () => {
  test('the command writes each track a session and a room, without a clash, as one edit that one undo takes back', async () => {
    const uri = await freshCopy('plan', COMMITTEE);
    const { document } = await openAndWaitForDiagnostics(uri);
    const outcome = await vscode.commands.executeCommand<string>('programme.placeTracks', { uri: uri.toString(), confirm: false });
    assert.equal(outcome, 'applied');
    const text = document.getText();
    const sessions = [...text.matchAll(/ {4}sessions:\n {6}- \{ start: (2024-09-18 \d\d:\d\d), end: 2024-09-18 \d\d:\d\d \}\n/g)];
    assert.equal(sessions.length, 3, text);
    assert.match(text, /title: One {3}# keeps its comment\n/);
    // ann leads one and two; bo two and three: two runs alone in its half-day.
    const startOf = (track: string): string =>
      new RegExp(`  ${track}:\\n(?:    .*\\n|      .*\\n)*? {6}- \\{ start: (2024-09-18 \\d\\d:\\d\\d)`).exec(text)![1];
    assert.notEqual(startOf('one'), startOf('two'));
    assert.notEqual(startOf('three'), startOf('two'));
    assert.ok(document.isDirty);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), COMMITTEE);
  });

  test('with nothing to place the command changes nothing', async () => {
    const uri = await freshCopy('plan-nothing');
    const { document } = await openAndWaitForDiagnostics(uri);
    const before = document.getText();
    const outcome = await vscode.commands.executeCommand<string>('programme.placeTracks', { uri: uri.toString(), confirm: false });
    assert.equal(outcome, 'nothing');
    assert.equal(document.getText(), before);
  });
});
