/**
 * The quick reader of the plain YAML subset (syntax/subset.ts) must be invisible: whatever it
 * accepts, the `yaml` package parses without an error, a warning or an alias into the same
 * tree (kinds, flow, quoting, values and ranges), and whatever `yaml` reports a problem for, it
 * declines. Compared on every leaf of the example, the fixtures and generated programmes, and on
 * thousands of those leaves mutated at random.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { Document, parseDocument } from 'yaml';
import { SubsetReader } from '../../server/src/core/syntax/subset';
import { Anchor, Node } from '../../server/src/core/syntax/tree';
import { convertDocument } from '../../server/src/core/syntax/convert';
import { Composite, isComposite, Leaf, split } from '../../server/src/core/syntax/chunks';
import { generateProgramme, random } from '../../bench/generate';
import { EXAMPLE_TEXT } from '../support/fixtures';

const OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true } as const;
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

function dump(node: Node | null | undefined): unknown {
  if (!node) return null;
  if (node.kind === 'scalar') return [node.start, node.end, node.quoted, node.value];
  if (node.kind === 'seq') return [node.start, node.end, 'seq', node.flow, node.items.map(dump)];
  return [node.start, node.end, 'map', node.flow, node.items.map((p) => [dump(p.key), dump(p.value)])];
}

/** The tree `yaml` gives, or undefined when it reports anything (an error, a warning, an alias, a problem of ours). */
function byYaml(source: string): unknown {
  const doc = parseDocument(source, OPTIONS);
  if (doc.errors.length || doc.warnings.length) return undefined;
  const converted = convertDocument(doc, source, new Anchor(0));
  if (converted.usesAliases || converted.problems.length || !converted.root) return undefined;
  return dump(converted.root);
}

function leaves(text: string): string[] {
  const root = split(text);
  if (!root) return [];
  const out: string[] = [];
  const walk = (piece: Leaf | Composite): void => {
    if (isComposite(piece)) piece.children.forEach(walk);
    else out.push(text.slice(piece.start, piece.end));
  };
  walk(root);
  return out;
}

function programmes(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...programmes(file));
    else if (entry.name.endsWith('.yaml')) out.push(fs.readFileSync(file, 'utf8'));
  }
  return out;
}

/** Compares the reader with `yaml` on `source`: true when the reader accepted it. */
function compare(reader: SubsetReader, source: string): boolean {
  const quick = reader.read(source, new Anchor(0));
  if (!quick) return false;
  const reference = byYaml(source);
  assert.notEqual(reference, undefined, `accepted, but yaml reports a problem for ${JSON.stringify(source)}`);
  assert.deepEqual(dump(quick), reference, `differs from yaml on ${JSON.stringify(source)}`);
  return true;
}

/** What a mutation inserts: YAML's indicators, line breaks and indentation, typed values, odd characters. */
const INSERTS = [
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\n  ',
  '\n    - ',
  ':',
  ': ',
  ':x',
  '- ',
  '-',
  '#',
  ' #',
  '# c\n',
  ' # note',
  '\n  # c',
  '\n# c',
  '\n    # c\n',
  '\n      # c',
  '\n         # c\n\n',
  '[',
  ']',
  ',',
  ', ',
  '"',
  "'",
  "''",
  '\\',
  '\\n',
  '|',
  '|-',
  '|+',
  '>',
  '|2',
  '&a ',
  '*a',
  '!',
  '!!str ',
  '{',
  '}',
  '{a: b}',
  '{ a: 1, b: "x" }',
  ', k: v',
  '?',
  '? ',
  '\t',
  '\r',
  '\r\n',
  '~',
  'null',
  'true',
  'False',
  '0x1F',
  '0o17',
  '1e3',
  '-1',
  '+5',
  '.5',
  '.inf',
  '.NaN',
  '007',
  '---',
  '...',
  '%',
  '@',
  '`',
  'a',
  'key: v',
  '\u202E',
  '\u00e9',
  '\uFEFF',
  '\u0007',
  '\uD83D\uDC36',
  '\uD83D',
  // Quoted scalars over several lines, and escapes.
  '"a\n   b"',
  "'a\n\n   b'",
  '"a \\\n   b"',
  '"x\\ty"',
  '"\\u00e9"',
  '"\\x01"',
  '"\\u202E"',
  '"\\q"',
  '"\n',
  "'\n  ",
];

/** Slots whose values are quoted as the `yaml` package writes long or odd strings: over several lines, with escapes. */
function quotedSlots(): string {
  const abstract =
    'Lightning talks are short lectures that any participant may give. Bring your enthusiasm, and a "quote" or two.\r\n\nSecond paragraph: 50% \\ done.';
  const slots = [
    { title: 'Lightning "talks"', abstract },
    { title: "It's \u00e9t\u00e9", abstract: abstract.replace(/\r/g, '') },
  ];
  const printed = new Document({ slots }).toString({ lineWidth: 40 });
  return `tracks:\n  t:\n${printed.replace(/^(?=.)/gm, '    ')}`;
}

suite('syntax: the quick reader agrees with yaml', () => {
  const reader = new SubsetReader(OPTIONS);
  const texts = [EXAMPLE_TEXT, ...programmes(FIXTURES), generateProgramme({ slots: 300, seed: 3 }), generateProgramme({ slots: 300, seed: 11 }), quotedSlots()];
  const all = texts.flatMap(leaves);

  test('on every leaf of the example, the fixtures and generated programmes', () => {
    let accepted = 0;
    for (const leaf of all) if (compare(reader, leaf)) accepted++;
    assert.ok(all.length > 1500, `${all.length} leaves`);
    // The point of the reader: nearly every leaf of a real programme is in the subset.
    assert.ok(accepted / all.length > 0.9, `${accepted} of ${all.length} leaves accepted`);
  });

  /**
   * Mutates leaves picked from `from`, `runs` times, comparing the reader with yaml on each;
   * asserts that both sides were exercised (many mutants stay in the subset, many break the YAML).
   */
  function mutated(from: readonly string[], runs: number, seed: number): void {
    const rnd = random(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
    let accepted = 0;
    let rejected = 0;
    for (let i = 0; i < runs; i++) {
      let s = pick(from);
      const mutations = 1 + Math.floor(rnd() * 3);
      for (let m = 0; m < mutations; m++) {
        const at = Math.floor(rnd() * (s.length + 1));
        const kind = rnd();
        if (kind < 0.55) s = s.slice(0, at) + pick(INSERTS) + s.slice(at);
        else if (kind < 0.8) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rnd() * 3));
        else {
          // Re-indent the line `at` lies in by one or two columns, either way.
          const line = s.lastIndexOf('\n', at - 1) + 1;
          s = rnd() < 0.5 ? s.slice(0, line) + ' '.repeat(1 + Math.floor(rnd() * 2)) + s.slice(line) : s.slice(0, line) + s.slice(line).replace(/^ {1,2}/, '');
        }
      }
      if (compare(reader, s)) accepted++;
      else if (byYaml(s) === undefined) rejected++;
    }
    assert.ok(accepted > runs / 10, `${accepted} of ${runs} accepted`);
    assert.ok(rejected > runs / 10, `${rejected} of ${runs} rejected by yaml`);
  }

  // SUBSET_RUNS and SUBSET_SEED make a longer campaign.
  const RUNS = Number(process.env.SUBSET_RUNS ?? 6000);
  const SEED = Number(process.env.SUBSET_SEED ?? 21);

  test('on thousands of leaves mutated at random', () => mutated(all, RUNS, SEED));

  test('on slots with quoted values over several lines, mutated at random', () => mutated(leaves(quotedSlots()), RUNS / 3, SEED + 1));

  test('values resolve as the core schema says, quoted or not', () => {
    const cases: [string, unknown, boolean][] = [
      ['a: 007\n', 7, false],
      ["a: '007'\n", '007', true],
      ['a: 0x1F\n', 31, false],
      ['a: 1e3\n', 1000, false],
      ['a: ~\n', null, false],
      ['a: True\n', true, false],
      ['a: yes\n', 'yes', false],
      ['a: "it\'s"\n', "it's", true],
      ["a: 'it''s'\n", "it's", true],
      ['a: |\n  one\n\n   two\n', 'one\n\n two\n', true],
      ['a: |-\n  one\n', 'one', true],
    ];
    for (const [source, value, quoted] of cases) {
      const root = reader.read(source, new Anchor(0));
      assert.ok(root && root.kind === 'map', source);
      const v = root.items[0].value;
      assert.ok(v && v.kind === 'scalar', source);
      assert.deepEqual([v.value, v.quoted], [value, quoted], source);
      compare(reader, source);
    }
  });

  test('reads comments and flow collections where yaml places them subtly, as yaml does', () => {
    for (const source of [
      'e:\n  a: 1\n   # deeper\n\n',
      'e:\n  a: 1\n  # same\n\n',
      'e:\n  a: 1\n  # same\n\n# out\n',
      'e:\n  a: 1\n   # deeper\n\nf: 2\n',
      'e:\n  a: 1\n  # same\n\nf: 2\n',
      'e:\n  a:\n    b: 1\n    # same\n  c: 2\n',
      'r:\n  s:\n    t:\n      a: 1\n      # same\n  g: 2\n',
      'e:\n  a:\n    b: 1\n    # same\n  c:\n    d: 1\n',
      'e:\n  - a: 1\n    # same\n\n',
      'e:\n  - 1\n   # deeper\n\n',
      '# before\ne: 1 # after\n',
      'a: { start: 2024-09-19 10:00, duration: 3h30m }\n',
      'a:\n  - { room: x, start: 10:00 }\n  - [10:00, "b", c]\n',
      'a: {}\nb: []\n',
    ])
      assert.ok(compare(reader, source), `left to yaml: ${JSON.stringify(source)}`);
  });

  test('declines what it does not read, leaving it to yaml', () => {
    for (const source of [
      'a: "b"# note\n',
      'a: | # note\n  text\n',
      'a: &x 1\nb: *x\n',
      'a: >\n  folded\n',
      'a: "bell \\x07"\n',
      'a:\n  b: "one\n  two"\n',
      'a:\n  b: "one \\\n\\ two"\n',
      'a: b\na: c\n',
      'a:\n\tb: 1\n',
      'a: one\n  two\n',
      'a: {b: [1]}\n',
      'a: {b}\n',
      'a: {b: 1, b: 2}\n',
    ])
      assert.equal(reader.read(source, new Anchor(0)), undefined, source);
  });

  test('a long mapping: read when its keys differ, left to yaml when one repeats, before or after the sixteenth', () => {
    const keys = Array.from({ length: 30 }, (_, i) => `k${i}: ${i}\n`);
    assert.ok(compare(reader, keys.join('')));
    for (const at of [3, 20]) assert.equal(reader.read(keys.join('') + `k${at}: again\n`, new Anchor(0)), undefined, `k${at} twice`);
  });
});
