import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import schemaJson from '../../schemas/programme.schema.json';
import { check, doc, EXAMPLE_TEXT, programme } from '../support/fixtures';
import { CODES, createFormat, createProgrammeService, FORMAT, Format, SHAPE } from '../../server/src/core';

/** The schema problems of `text` as `line:col-line:col message` (1-based). */
function schemaProblems(text: string): string[] {
  const c = check(text);
  const at = c.at('schema');
  return c.problems.filter((p) => p.code === 'schema').map((p, i) => `${at[i]} ${p.message}`);
}

suite('schema: each error at the smallest node at fault, in words', () => {
  test('the canonical example checks clean', () => {
    const c = check(EXAMPLE_TEXT);
    const bad = c.problems.filter((p) => ['error', 'warning'].includes(p.severity ?? CODES[p.code]));
    assert.deepStrictEqual(bad, []);
  });

  test('a misspelt key points at the key and suggests the right one', () => {
    const text = programme({ slots: '      - title: A\n        start: 2021-09-21 07:00\n        duration: 10m\n        speaker: [alice]\n' });
    assert.deepStrictEqual(schemaProblems(text), ['20:9-20:16 unknown key `speaker` in slot; did you mean `speakers`?']);
  });

  test('an unknown top-level key says where it is', () => {
    const text = programme({ top: 'peoples: {}\n' });
    assert.deepStrictEqual(schemaProblems(text), ['7:1-7:8 unknown key `peoples` at the top level; did you mean `people`?']);
  });

  test('a wrong type points at the value', () => {
    const text = programme({ slots: '      - title: A\n        start: 2021-09-21 07:00\n        duration: 20\n' });
    assert.deepStrictEqual(schemaProblems(text), ['19:19-19:21 `duration` must be text, not the number 20 (put it in quotes)']);
  });

  test('a missing required key points at the key of the mapping that lacks it', () => {
    const text = programme().replace('  title: Test Conf\n', '');
    assert.deepStrictEqual(schemaProblems(text), ['2:1-2:6 missing required key `title` in event']);
  });

  test('a slot without title, in a list, points at its first key', () => {
    const text = programme({ slots: '      - start: 2021-09-21 07:00\n        duration: 10m\n' });
    assert.deepStrictEqual(schemaProblems(text), ['17:9-17:14 missing required key `title` in slot']);
  });

  test('a slot needs duration or end, and not both', () => {
    assert.deepStrictEqual(schemaProblems(programme({ slots: '      - title: A\n        start: 2021-09-21 07:00\n' })), [
      '17:9-17:14 slot needs `duration` or `end`',
    ]);
    const both = programme({ slots: '      - title: A\n        start: 2021-09-21 07:00\n        duration: 10m\n        end: 2021-09-21 07:10\n' });
    assert.deepStrictEqual(schemaProblems(both), ['20:9-20:12 give either `duration` or `end` in a slot, not both']);
  });

  test('bad forms of id, date, local date-time and duration name the expected form', () => {
    assert.deepStrictEqual(schemaProblems(programme({ people: '  Carol:\n    name: Carol\n' })), [
      '12:3-12:8 `Carol` is not a valid id: use lower-case letters, digits and dashes (like `alex-williamson`)',
    ]);
    assert.deepStrictEqual(schemaProblems(programme().replace('start: 2021-09-20', 'start: 2021/09/20')), [
      '4:10-4:20 `2021/09/20` is not a date: write YYYY-MM-DD (like `2021-09-20`)',
    ]);
    assert.deepStrictEqual(schemaProblems(programme({ slots: '      - title: A\n        start: 2021-09-21 7:00\n        duration: 1h 30m\n' })), [
      '18:16-18:31 `2021-09-21 7:00` is not a local date-time: write YYYY-MM-DD HH:MM (like `2021-09-21 07:05`)',
      '19:19-19:25 `1h 30m` is not a duration: write minutes and/or hours, like `20m`, `1h` or `1h30m`',
    ]);
  });

  test('an enum value lists the allowed values', () => {
    const text = programme({ slots: '      - title: A\n        kind: keynote\n        start: 2021-09-21 07:00\n        duration: 10m\n' });
    assert.deepStrictEqual(schemaProblems(text), [
      '18:15-18:22 `keynote` is not a valid kind: use one of `talk`, `discussion`, `opening`, `closing`, `break`, `bof`',
    ]);
  });

  test('a key with no value points at the key', () => {
    const text = programme({ slots: '      - title: A\n        start: 2021-09-21 07:00\n        duration: 10m\n        speakers:\n' });
    assert.deepStrictEqual(schemaProblems(text), ['20:9-20:17 `speakers` has no value: it must be a list']);
  });

  test('links are web or mail links only: a javascript: URL is an error at the value', () => {
    const text = programme({
      slots:
        '      - title: A\n        start: 2021-09-21 07:00\n        duration: 10m\n        materials:\n          - { title: Slides, url: "javascript:alert(1)" }\n',
    });
    assert.deepStrictEqual(schemaProblems(text), [
      '21:35-21:56 `javascript:alert(1)` is not a web or mail link: write an `https://`, `http://` or `mailto:` URL',
    ]);
    assert.deepStrictEqual(schemaProblems(text.replace('javascript:alert(1)', 'https://example.org/s.pdf')), []);
  });

  test('the format version must be 1', () => {
    assert.deepStrictEqual(schemaProblems(programme().replace('programme: 1', 'programme: 2')), ['1:12-1:13 `programme` must be 1: this is format version 1']);
  });

  test('a numeric-looking id gets a hint to quote it, and a map where text is expected says so', () => {
    const text = programme({ people: '  carol:\n    name: 007\n' });
    assert.deepStrictEqual(schemaProblems(text), ['13:11-13:14 `name` must be text, not the number 7 (put it in quotes)']);
  });

  test('keys with / and ~ map back to the right node (JSON pointer escaping)', () => {
    const text = programme({ track: '    topics:\n      AI/ML~x: Machine learning\n' });
    assert.deepStrictEqual(schemaProblems(text), [
      '17:7-17:14 `AI/ML~x` is not a valid id: use lower-case letters, digits and dashes (like `alex-williamson`)',
    ]);
  });

  test('an empty file, whitespace or only a comment: one clear error at the start', () => {
    for (const text of ['', '   \n', '# just a comment\n', '---\n']) {
      const c = check(text);
      assert.deepStrictEqual(
        c.problems.map((p) => [p.code, p.message]),
        [['schema', 'the programme is empty: it needs `programme: 1`, `event` and `tracks`']],
        JSON.stringify(text),
      );
    }
  });

  test('prototype-ish ids are ordinary ids', () => {
    const slot = (who: string): string => `      - title: A\n        start: 2021-09-21 07:00\n        duration: 10m\n        speakers: [${who}]\n`;
    const declared = check(programme({ people: '  constructor:\n    name: Con\n', slots: slot('constructor') }));
    assert.deepStrictEqual(declared.codes, []);
    const undeclared = check(programme({ slots: slot('constructor') }));
    assert.deepStrictEqual(
      undeclared.problems.map((p) => [p.code, p.message]),
      [['unknown-person', 'unknown person `constructor` in speakers: not in `people`']],
    );
    const proto = check(programme({ slots: slot('__proto__') }));
    assert.deepStrictEqual(proto.codes, ['schema']);
  });
});

suite('schema: the validators compiled at build time', () => {
  // FORMAT's validators are Ajv standalone code made by the build; createFormat compiles the
  // same schema when it runs. Both must find the same problems, in every fixture of the checks.
  const dir = path.resolve(__dirname, '../../../test/fixtures/checks');
  const runtime = createFormat(SHAPE, schemaJson);
  const broken = [
    programme({ slots: '      - title: A\n        start: 2021-09-21 07:00\n        duration: 10m\n        speaker: [alice]\n' }),
    programme({ top: 'peoples: {}\n' }),
    programme({ slots: '      - title: A\n        start: 2021-09-21 07:00\n        duration: 20\n' }),
    programme({ slots: '      - start: 2021-09-21 07:00\n        duration: 10m\n        kind: dance\n' }),
    programme({ people: '  alice: { name: 7, timezone: [x] }\n' }),
    programme().replace('  title: Test Conf\n', ''),
    EXAMPLE_TEXT.replace(/duration: /g, 'lasts: '),
  ];
  const fixtures = fs.readdirSync(dir).filter((n) => n.endsWith('.yaml'));
  const texts = [EXAMPLE_TEXT, ...broken, ...fixtures.map((n) => fs.readFileSync(path.join(dir, n), 'utf8'))];

  test('are not compiled when the core loads', () => {
    assert.notStrictEqual(FORMAT.validators.shell, runtime.validators.shell);
    assert.ok('schemaEnv' in runtime.validators.shell);
    assert.ok(!('schemaEnv' in FORMAT.validators.shell), 'the shell validator is standalone code, not compiled by an Ajv instance');
  });

  test('find what the schema compiled at run time finds, in every fixture', () => {
    let problems = 0;
    for (const text of texts) {
      const analyse = (format: Format): string[] =>
        createProgrammeService({ format })
          .get(doc(text))
          .analysis!.problems.map((p) => `${p.start}-${p.end} ${p.code} ${p.message}`);
      const ours = analyse(FORMAT);
      assert.deepStrictEqual(ours, analyse(runtime));
      problems += ours.filter((p) => / schema /.test(p)).length;
    }
    assert.ok(problems >= 5, `the fixtures have schema problems to compare (${problems})`);
  });
});
