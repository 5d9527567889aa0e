import * as assert from 'assert';
import { check, programme } from '../support/fixtures';

function problems(text: string): string[] {
  const c = check(text);
  return c.problems.map((p) => `${c.at(p.code)[c.problems.filter((q) => q.code === p.code).indexOf(p)]} ${p.code} ${p.message}`);
}

suite('syntax: YAML errors at their cause', () => {
  test('an unclosed quote is reported at its opening quote, not where the parser gave up', () => {
    const text = programme({ slots: '      - title: "Welcome\n        start: 2021-09-21 07:00\n        duration: 10m\n' });
    const p = problems(text);
    assert.strictEqual(p.length, 1, p.join('\n'));
    assert.match(p[0], /^17:16-17:\d+ yaml-syntax unclosed quote/);
  });

  test('an unclosed flow list is reported at its opening bracket', () => {
    const text = programme({ slots: '      - title: A\n        speakers: [alice, bob\n        start: 2021-09-21 07:00\n        duration: 10m\n' });
    const p = problems(text);
    assert.strictEqual(p.length, 1, p.join('\n'));
    assert.match(p[0], /^18:19-18:20 yaml-syntax unclosed `\[`/);
  });

  test('tab indentation is reported at the tab', () => {
    const text = programme({ slots: '      - title: A\n\tstart: 2021-09-21 07:00\n' });
    const c = check(text);
    const tab = c.problems.find((p) => p.message.startsWith('tabs cannot indent'));
    assert.ok(tab, JSON.stringify(c.problems));
    assert.strictEqual(text[tab.start], '\t');
  });

  test('bad indentation is a yaml-syntax error on the offending line', () => {
    const text = 'programme: 1\nevent:\n  title: X\n start: 2021-09-20\n';
    const c = check(text);
    assert.deepStrictEqual(c.codes, ['yaml-syntax']);
    assert.deepStrictEqual(c.at('yaml-syntax'), ['4:1-4:2']);
    assert.match(c.problems[0].message, /same column/);
  });

  test('a duplicate key is reported on the second occurrence, linking the first', () => {
    const text = programme({ people: '  alice:\n    name: Alice Again\n' });
    const c = check(text);
    assert.deepStrictEqual(c.at('duplicate-key'), ['12:3-12:8']);
    const p = c.problems.find((x) => x.code === 'duplicate-key')!;
    assert.strictEqual(p.related?.[0].start, text.indexOf('  alice:') + 2);
  });

  test('a duplicate key inside a slot', () => {
    const text = programme({ slots: '      - title: A\n        title: B\n        start: 2021-09-21 07:00\n        duration: 10m\n' });
    assert.deepStrictEqual(check(text).at('duplicate-key'), ['18:9-18:14']);
  });

  test('duplicate keys in a long mapping are found as in a short one, each linking the first', () => {
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}: ${i}`).join(', ');
    const text = programme({
      slots: `      - title: A\n        start: 2021-09-21 07:00\n        duration: 10m\n        notes: {${keys}, k3: again, k18: again}\n`,
    });
    const c = check(text);
    const p = c.problems.filter((x) => x.code === 'duplicate-key');
    assert.deepStrictEqual(
      p.map((x) => [x.start, x.related?.[0].start]),
      [
        [text.indexOf('k3: again'), text.indexOf('k3: 3')],
        [text.indexOf('k18: again'), text.indexOf('k18: 18')],
      ],
      JSON.stringify(c.problems),
    );
  });

  test('CRLF line endings give the same lines and columns', () => {
    const lf = programme({ slots: '      - title: A\n        start: 2021-09-21 07:00\n        duration: 10m\n        speaker: [alice]\n' });
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.deepStrictEqual(check(crlf).at('schema'), check(lf).at('schema'));
    assert.deepStrictEqual(check(crlf).at('schema'), ['20:9-20:16']);
  });

  test('a leading byte-order mark does not shift columns', () => {
    const text = '\ufeff' + programme({ top: 'extra: 1\n' });
    const c = check(text);
    assert.deepStrictEqual(
      c.problems.map((p) => p.code),
      ['schema'],
    );
    assert.strictEqual(text.slice(c.problems[0].start, c.problems[0].end), 'extra');
  });

  test('two documents in one file: one programme per file', () => {
    const c = check(programme() + '---\nprogramme: 1\n');
    assert.ok(
      c.problems.some((p) => p.code === 'yaml-syntax' && /more than one YAML document/.test(p.message)),
      JSON.stringify(c.problems),
    );
  });

  test('after a syntax error, later consequences are not reported', () => {
    const text = programme({
      slots: '      - title: "Welcome\n        start: 2021-09-21 07:00\n        duration: 10m\n      - title: B\n        speaker: [x]\n',
    });
    assert.deepStrictEqual(check(text).codes, ['yaml-syntax']);
  });
});
