/**
 * The format's shape lives in one module (core/model/shape.ts): a person-list key added there
 * and to the schema shows up in completion, navigation, rename, unknown-person and the outline,
 * with no other change. The test builds such a format (a track's `reviewers`, a key FORMAT.md
 * does not have) and compares it with the programme format, where the same text knows nothing
 * of it.
 */
import * as assert from 'node:assert/strict';
import { DocumentSymbol } from 'vscode-languageserver-types';
import schemaJson from '../../schemas/programme.schema.json';
import {
  Analysis,
  complete,
  createFormat,
  createProgrammeService,
  documentSymbols,
  FORMAT,
  Format,
  referencesOf,
  rename,
  SHAPE,
  Shape,
  symbolAt,
} from '../../server/src/core';
import { doc, EXAMPLE_TEXT } from '../support/fixtures';

/** The programme format with one more person-list key on tracks: only the shape and the schema change. */
function withReviewers(): Format {
  const shape: Shape = { ...SHAPE, personKeys: { ...SHAPE.personKeys, track: [...SHAPE.personKeys.track, 'reviewers'] } };
  const schema = JSON.parse(JSON.stringify(schemaJson));
  schema.$id = schema.$id.replace(/\.schema\.json$/, '.reviewers.schema.json');
  schema.definitions.track.properties.reviewers = {
    $ref: '#/definitions/idList',
    title: 'Reviewers',
    description: 'Who reviews the track (ids from `people`).',
  };
  return createFormat(shape, schema);
}

const TEXT = EXAMPLE_TEXT.replace('    kind: microconference\n', '    kind: microconference\n    reviewers: [eric-auger, nobody-here]\n');
const URI = 'file:///shape.programme.yaml';

function analyse(format: Format, text = TEXT): Analysis {
  return createProgrammeService({ format }).get(doc(text, URI)).analysis!;
}

function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` — ${s.detail}` : ''}`, ...outline(s.children ?? [], depth + 1)]);
}

/** What every feature says about the `reviewers` key in `format`. */
function features(format: Format): Record<string, unknown> {
  const a = analyse(format);
  const d = doc(TEXT, URI);
  const at = TEXT.indexOf('reviewers: [eric-auger') + 'reviewers: ['.length;
  const symbol = symbolAt(a, at + 2);
  // `reviewers: [` typed afresh on a track: the person ids are offered.
  const typing = TEXT.replace('reviewers: [eric-auger, nobody-here]', 'reviewers: [');
  const typed = analyse(format, typing);
  const offered =
    complete(typed, doc(typing, URI), doc(typing, URI).positionAt(typing.indexOf('reviewers: [') + 'reviewers: ['.length))?.items.map((i) => i.label) ?? [];
  // A new key on the track: `reviewers` is among the keys offered.
  const keyText = TEXT.replace('    reviewers: [eric-auger, nobody-here]\n', '    rev\n');
  const keys =
    complete(analyse(format, keyText), doc(keyText, URI), doc(keyText, URI).positionAt(keyText.indexOf('    rev\n') + 7))?.items.map((i) => i.label) ?? [];
  const edits = rename(a, at + 2, 'eric');
  return {
    problems: a.problems
      .filter((p) => TEXT.slice(p.start, p.end).includes('nobody-here') || TEXT.slice(p.start, p.end).includes('reviewers'))
      .map((p) => `${p.code}: ${p.message}`),
    completesIds: offered.includes('eric-auger') && offered.includes('jason-gunthorpe'),
    completesKey: keys.includes('reviewers'),
    symbol: symbol && { kind: symbol.kind, id: symbol.id, declared: symbol.declaration && TEXT.slice(symbol.declaration.start, symbol.declaration.end) },
    referenced: symbol ? (referencesOf(a, symbol) ?? []).some((s) => s.start === at) : false,
    renamed: edits && 'edits' in edits ? edits.edits.some((e) => e.span.start === at) : false,
    outline: outline(documentSymbols(a, d)!).filter((l) => l.trim().startsWith('reviewers')),
  };
}

suite('the format shape: one module, every feature follows', () => {
  test('a person-list key added to the shape and the schema shows up in every feature', () => {
    assert.deepEqual(features(withReviewers()), {
      problems: ['unknown-person: unknown person `nobody-here` in reviewers: not in `people`'],
      completesIds: true,
      completesKey: true,
      symbol: { kind: 'person', id: 'eric-auger', declared: 'eric-auger' },
      referenced: true,
      renamed: true,
      outline: ['    reviewers — Eric Auger, nobody-here'],
    });
  });

  test('without it, the same text knows nothing of the key', () => {
    const got = features(FORMAT);
    assert.deepEqual(
      { ...got, problems: (got.problems as string[]).map((p) => p.split(':')[0]) },
      {
        problems: ['schema'],
        completesIds: false,
        completesKey: false,
        symbol: undefined,
        referenced: false,
        renamed: false,
        outline: [],
      },
    );
  });
});
