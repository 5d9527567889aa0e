import * as assert from 'assert';
import { Range } from 'vscode-languageserver-types';
import { doc, programme, EXAMPLE_TEXT as EXAMPLE } from '../support/fixtures';
import { analyze, inlayHints } from '../../server/src/core';

/** Each hint as `line text⟨label⟩` (the hint placed where the editor shows it). */
function rendered(text: string, range?: Range): string[] {
  const d = doc(text);
  const hints = inlayHints(analyze(text), d, range ?? Range.create(0, 0, d.lineCount, 0))!;
  return hints.map((h) => {
    const line = text.split('\n')[h.position.line];
    return `${line.slice(0, h.position.character).trim()}⟨${String(h.label)}⟩`;
  });
}

suite('inlay hints', () => {
  test('weekdays after dates and the end after each duration', () => {
    const got = rendered(EXAMPLE);
    assert.deepStrictEqual(got.slice(0, 7), [
      'start: 2021-09-20⟨ Mon⟩',
      'end: 2021-09-24⟨ Fri⟩',
      '- start: 2021-09-21 07:00⟨ Tue⟩',
      'end: 2021-09-21 11:00⟨ Tue⟩',
      'start: 2021-09-21 07:00⟨ Tue⟩',
      'duration: 10m⟨ → 07:10⟩',
      'start: 2021-09-21 07:10⟨ Tue⟩',
    ]);
    assert.ok(got.includes('duration: 15m⟨ → 09:20⟩'));
    assert.ok(!got.some((h) => h.startsWith('duration: 20m') && h.includes('09:25')), 'the unscheduled slot has no end');
  });

  test('an end on another day names the day', () => {
    const text = programme({ slots: '      - title: Late\n        start: 2021-09-21 23:30\n        duration: 1h\n' });
    assert.ok(rendered(text).includes('duration: 1h⟨ → Wed 00:30⟩'));
  });

  test('only hints inside the requested range', () => {
    const line = EXAMPLE.split('\n').findIndex((l) => l.includes('duration: 25m'));
    assert.deepStrictEqual(rendered(EXAMPLE, Range.create(line, 0, line + 1, 0)), ['duration: 25m⟨ → 07:35⟩']);
  });

  test('no hints on values the checks reject, none without an analysis', () => {
    const text = programme({ slots: '      - title: Bad\n        start: 2021-02-30 10:00\n        duration: 10m\n' });
    assert.ok(!rendered(text).some((h) => h.includes('2021-02-30')));
    assert.strictEqual(inlayHints(undefined, doc(''), Range.create(0, 0, 0, 0)), null);
  });
});
