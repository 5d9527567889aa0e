/**
 * Property-based fuzzing of the core: random edit sequences on the canonical example, random
 * YAML, and line-level mutations of valid files. Shared by the CI-sized run
 * (test/unit/fuzz.test.ts, fixed seed) and the long run (test/fuzz/core.test.ts, `npm run fuzz`).
 *
 * Properties, for every generated text:
 * - nothing throws out of analyze() or any core feature (completion, hover, outline, folding,
 *   selection ranges, inlay hints, references, rename, code actions, schedule, exports);
 * - every problem (and related location) lies inside the document;
 * - an analysis reached through a sequence of edits (a long-lived incremental parser) equals
 *   the analysis of a fresh open of the same text.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';

import { EXAMPLE_TEXT } from '../support/fixtures';
import {
  analyze,
  Analysis,
  DocumentState,
  toDiagnostics,
  complete,
  hover,
  documentSymbols,
  foldingRanges,
  selectionRanges,
  inlayHints,
  referencesOf,
  symbolAt,
  prepareRename,
  rename,
  codeActions,
  buildSchedule,
  EXPORT_FORMATS,
  exportModel,
} from '../../server/src/core';

export { EXAMPLE_TEXT };

// ---------------------------------------------------------------------------------------------
// Generators

/** Fragments that stress the tokeniser and the line scan: breaks, BOM, NUL, tabs, surrogates. */
const NASTY = [
  '\0',
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '\uFEFF',
  '\t',
  '\uD800',
  '\uDC00',
  '\uD83D\uDE00',
  '\u2028',
  '\u0085',
  '\u202E',
  ': ',
  ':',
  '- ',
  '-',
  '  ',
  '    ',
  '#',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '!!str ',
  '? ',
  '|',
  '>',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '<<: ',
  '<<<<<<< HEAD\n',
  '=======\n',
  '>>>>>>> x\n',
  '2021-09-21 07:00',
  '25:00',
  '1h30m',
  'US/Pacific',
  'alex-williamson',
  '__proto__',
  'constructor',
];

const unicode = fc.string({ unit: 'binary', maxLength: 12 });
const surrogateSoup = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 });

/** Text to insert at a random place: a nasty fragment, random Unicode, or a paste of the example. */
export function insertion(source: string): fc.Arbitrary<string> {
  const paste = fc.tuple(fc.nat(source.length), fc.nat(400)).map(([at, len]) => source.slice(at, at + len));
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 2, arbitrary: unicode },
    { weight: 1, arbitrary: surrogateSoup },
    { weight: 2, arbitrary: paste },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...NASTY), { maxLength: 6 }).map((a) => a.join('')) },
  );
}

/** One edit as fractions of the current length, so that it applies to any text. */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

export function edit(source = EXAMPLE_TEXT): fc.Arbitrary<Edit> {
  return fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(20) }, { weight: 1, arbitrary: fc.nat(600) }),
    insert: fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: insertion(source) }),
  });
}

/** Where an edit lands in `text`: an offset and a length, inside the text. */
export function place(text: string, e: Edit): { start: number; end: number } {
  const start = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  return { start, end: Math.min(text.length, start + e.remove) };
}

export function applyEdit(text: string, e: Edit): string {
  const { start, end } = place(text, e);
  return text.slice(0, start) + e.insert + text.slice(end);
}

/** Line-level mutations of a valid file: what a hurried editor or a bad merge does. */
export function mutated(source = EXAMPLE_TEXT): fc.Arbitrary<string> {
  const lines = source.split('\n');
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), line: fc.nat(lines.length - 1) }),
    fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat(lines.length - 1) }),
    fc.record({ kind: fc.constant('swap' as const), line: fc.nat(lines.length - 1), other: fc.nat(lines.length - 1) }),
    fc.record({ kind: fc.constant('indent' as const), line: fc.nat(lines.length - 1), by: fc.integer({ min: -4, max: 4 }) }),
    fc.record({ kind: fc.constant('value' as const), line: fc.nat(lines.length - 1), other: fc.nat(lines.length - 1) }),
    fc.record({ kind: fc.constant('truncate' as const), line: fc.nat(lines.length - 1) }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 5 }).map((ms) => {
    let ls = [...lines];
    for (const m of ms) {
      const i = m.line % ls.length;
      if (ls.length === 0) break;
      if (m.kind === 'delete') ls.splice(i, 1);
      else if (m.kind === 'duplicate') ls.splice(i, 0, ls[i]);
      else if (m.kind === 'swap') {
        const j = m.other % ls.length;
        [ls[i], ls[j]] = [ls[j], ls[i]];
      } else if (m.kind === 'indent') ls[i] = m.by >= 0 ? ' '.repeat(m.by) + ls[i] : ls[i].replace(new RegExp(`^ {0,${-m.by}}`), '');
      else if (m.kind === 'value') {
        const j = m.other % ls.length;
        const value = ls[j].includes(': ') ? ls[j].slice(ls[j].indexOf(': ') + 2) : ls[j].trim();
        ls[i] = ls[i].includes(': ') ? `${ls[i].slice(0, ls[i].indexOf(': ') + 2)}${value}` : ls[i];
      } else ls = ls.slice(0, i + 1);
    }
    return ls.join('\n');
  });
}

/** Random YAML built from the format's own vocabulary, so that it reaches the deeper checks. */
export function randomYaml(): fc.Arbitrary<string> {
  const key = fc.constantFrom(
    'programme',
    'event',
    'title',
    'start',
    'end',
    'timezone',
    'people',
    'name',
    'rooms',
    'tracks',
    'slots',
    'sessions',
    'speakers',
    'topics',
    'duration',
    'room',
    'leads',
    'kind',
    'materials',
    'url',
    'alice',
    'mc2',
    '__proto__',
    'constructor',
  );
  const scalar = fc.oneof(
    fc.constantFrom(
      '2021-09-21 07:00',
      '2021-09-20',
      '2021-02-30 10:00',
      '20m',
      '1h',
      '0m',
      'US/Pacific',
      'Mars/Olympus',
      'alice',
      'mc2',
      'talk',
      1,
      0,
      -1,
      1e308,
      null,
      true,
      '',
    ),
    fc.string({ maxLength: 10 }),
    fc.integer(),
    fc.double(),
  );
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('tree'), { maxLength: 4 }),
      fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
    ),
  }));
  const root = fc.dictionary(key, tree, { maxKeys: 6 }).map((o) => ({ programme: 1, ...o }));
  const options = fc.record({ flow: fc.boolean(), indent: fc.integer({ min: 1, max: 4 }) });
  return fc.tuple(root, options).map(([value, o]) => {
    try {
      return stringify(value, { indent: o.indent, collectionStyle: o.flow ? 'flow' : 'any' });
    } catch {
      return String(value);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Checks

function assertInside(text: string, what: string, start: number, end: number): void {
  assert.ok(
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length,
    `${what}: range ${start}-${end} is not inside the document (length ${text.length})`,
  );
}

/** Problems in range, and every core feature survives the analysis at a few offsets. */
export function checkAnalysis(a: Analysis, offsets: number[]): void {
  const { text } = a;
  for (const p of a.problems) {
    assertInside(text, `${p.code} "${p.message}"`, p.start, p.end);
    for (const r of p.related ?? []) assertInside(text, `related of ${p.code}`, r.start, r.end);
    assert.equal(typeof p.message, 'string');
  }
  const document = TextDocument.create('file:///fuzz.programme.yaml', 'programme', 1, text);
  const diagnostics = toDiagnostics(a.problems, document);
  const whole = { start: document.positionAt(0), end: document.positionAt(text.length) };
  documentSymbols(a, document);
  foldingRanges(a, document);
  inlayHints(a, document, whole);
  codeActions(a, document, whole, diagnostics);
  selectionRanges(
    a,
    document,
    offsets.map((o) => document.positionAt(o)),
  );
  buildSchedule(a, { uri: document.uri, version: 1 });
  for (const format of EXPORT_FORMATS) exportModel(a.model, format, { stamp: '2021-01-01T00:00:00Z' });
  for (const offset of offsets) {
    const position = document.positionAt(offset);
    complete(a, document, position);
    hover(a, document, offset);
    const symbol = symbolAt(a, offset);
    if (symbol) referencesOf(a, symbol);
    if (prepareRename(a, offset)) rename(a, offset, 'renamed-id');
  }
}

/** The problems of an analysis in a comparable form. */
export function problemsOf(a: Analysis): string[] {
  return a.problems.map(
    (p) => `${p.start}-${p.end} ${p.code} ${p.severity ?? ''} ${p.message}${(p.related ?? []).map((r) => ` [${r.start}-${r.end} ${r.message}]`).join('')}`,
  );
}

const offsetsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 });
const toOffsets = (text: string, fractions: number[]): number[] => fractions.map((f) => Math.floor(f * text.length));

// ---------------------------------------------------------------------------------------------
// Properties

/** Edit sequences: every step survives, and incremental analysis equals a fresh one. */
export function editsProperty(): fc.IPropertyWithHooks<[Edit[], number[]]> {
  return fc.property(fc.array(edit(), { minLength: 1, maxLength: 8 }), offsetsArb, (edits, fractions) => {
    const parser = new DocumentState();
    let text = EXAMPLE_TEXT;
    analyze(text, parser);
    let last: Analysis | undefined;
    for (const e of edits) {
      text = applyEdit(text, e);
      last = analyze(text, parser);
      for (const p of last.problems) assertInside(text, `${p.code} "${p.message}"`, p.start, p.end);
      assert.deepEqual(problemsOf(last), problemsOf(analyze(text)), 'incremental analysis differs from a fresh one');
    }
    // The features on the final text only: they cost more than the analysis itself.
    checkAnalysis(last!, toOffsets(text, fractions));
  });
}

export function randomYamlProperty(): fc.IPropertyWithHooks<[string, number[]]> {
  return fc.property(randomYaml(), offsetsArb, (text, fractions) => {
    checkAnalysis(analyze(text), toOffsets(text, fractions));
  });
}

export function mutationProperty(): fc.IPropertyWithHooks<[string, number[]]> {
  return fc.property(mutated(), offsetsArb, (text, fractions) => {
    const parser = new DocumentState();
    analyze(EXAMPLE_TEXT, parser);
    const a = analyze(text, parser);
    checkAnalysis(a, toOffsets(text, fractions));
    assert.deepEqual(problemsOf(a), problemsOf(analyze(text)), 'incremental analysis differs from a fresh one');
  });
}

/** A property of any input type, as the runners see it. */
export type AnyProperty = fc.IRawProperty<any, false>;

export const CORE_PROPERTIES: Record<string, () => AnyProperty> = { edits: editsProperty, 'random YAML': randomYamlProperty, mutations: mutationProperty };
