/**
 * Every editing feature, at every cursor offset of the canonical example and of documents
 * caught mid-edit, answers a result or null: never an exception, never an error response.
 * The core functions walk every offset; the LSP pass walks a coarser grid, in batches.
 */
import * as assert from 'assert';
import { Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../support/lspClient';
import { EXAMPLE_TEXT as EXAMPLE } from '../support/fixtures';
import {
  analyze,
  complete,
  hover,
  referencesOf,
  symbolAt,
  prepareRename,
  rename,
  documentSymbols,
  foldingRanges,
  selectionRanges,
  inlayHints,
} from '../../server/src/core';

const FIXTURES: Record<string, string> = {
  example: EXAMPLE,
  'unfinished speakers list': EXAMPLE.replace('speakers: [jason-gunthorpe]', 'speakers: ['),
  'half-typed speaker': EXAMPLE.replace('speakers: [jason-gunthorpe]', 'speakers: [jas'),
  'key with no value': EXAMPLE.replace('        kind: break', '        kind:').replace('    room: mc2', '    room:'),
  'empty file': '',
  'only a comment': '# a programme\n',
  'truncated in the middle': EXAMPLE.slice(0, Math.floor(EXAMPLE.length / 2)),
  'syntax errors':
    'programme: 1\nevent:\n  title: "unclosed\n\ttimezone: UTC\ntracks:\n  t:\n    slots:\n      - title: [a, {b\n        start: 2021-09-21 25:99\n      - ',
  'new slot being typed': EXAMPLE.replace('    slots:\n', '    slots:\n      - title: New\n        sta\n      -\n'),
  'odd scalars': 'programme: 1\npeople:\n  "quoted-id":\n    name: Q\n  ? complex\n  : value\ntracks: [1, 2]\n---\nsecond: doc\n',
};

const METHODS = ['completion', 'hover', 'definition', 'references', 'prepareRename', 'documentSymbol', 'foldingRange', 'selectionRange', 'inlayHint'] as const;

suite('robustness: every feature at every offset, in the core', function () {
  this.timeout(120_000);
  for (const [name, text] of Object.entries(FIXTURES)) {
    test(`${name}: no exception at any offset`, () => {
      const a = analyze(text);
      const d = TextDocument.create('file:///r.programme.yaml', 'programme', 1, text);
      const whole = Range.create(0, 0, d.lineCount, 0);
      assert.ok(Array.isArray(documentSymbols(a, d)));
      assert.ok(Array.isArray(foldingRanges(a, d)));
      assert.ok(Array.isArray(inlayHints(a, d, whole)));
      for (let offset = 0; offset <= text.length; offset++) {
        const where = `${name} at offset ${offset}`;
        try {
          const position = d.positionAt(offset);
          complete(a, d, position);
          hover(a, d, offset);
          const symbol = symbolAt(a, offset);
          if (symbol) assert.ok(referencesOf(a, symbol));
          prepareRename(a, offset);
          rename(a, offset, 'renamed-id');
          assert.strictEqual(selectionRanges(a, d, [position])?.length, 1);
        } catch (error) {
          assert.fail(`${where}: ${error instanceof Error ? error.stack : String(error)}`);
        }
      }
    });
  }
});

suite('robustness: every feature over stdio', function () {
  this.timeout(120_000);
  let client: LspClient;
  suiteSetup(async () => {
    client = new LspClient();
    await client.initialize();
  });
  suiteTeardown(async () => client.shutdown());

  function request(method: (typeof METHODS)[number], uri: string, position: { line: number; character: number }): Promise<unknown> {
    const textDocument = { uri };
    switch (method) {
      case 'references':
        return client.request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } });
      case 'documentSymbol':
        return client.request('textDocument/documentSymbol', { textDocument });
      case 'foldingRange':
        return client.request('textDocument/foldingRange', { textDocument });
      case 'selectionRange':
        return client.request('textDocument/selectionRange', { textDocument, positions: [position] });
      case 'inlayHint':
        return client.request('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: position } });
      default:
        return client.request(`textDocument/${method}`, { textDocument, position });
    }
  }

  let n = 0;
  for (const [name, text] of Object.entries(FIXTURES)) {
    test(`${name}: every request answers a result or null`, async () => {
      const uri = `file:///robust-${n++}.programme.yaml`;
      await client.open(uri, text);
      const d = TextDocument.create(uri, 'programme', 1, text);
      // Every offset of small documents; on large ones the start, middle and end of each
      // line (the core suite above covers every offset).
      const offsets = new Set<number>([text.length]);
      if (text.length <= 300) for (let o = 0; o < text.length; o++) offsets.add(o);
      for (let line = 0; line < d.lineCount; line++) {
        const start = d.offsetAt({ line, character: 0 }),
          end = d.offsetAt({ line: line + 1, character: 0 });
        offsets
          .add(start)
          .add((start + end) >> 1)
          .add(Math.max(start, end - 1));
      }
      const jobs: (() => Promise<void>)[] = [];
      for (const offset of offsets) {
        const position = d.positionAt(offset);
        // Whole-document requests once per line is plenty.
        const methods =
          offset === d.offsetAt({ line: position.line, character: 0 }) ? METHODS : METHODS.filter((m) => m !== 'documentSymbol' && m !== 'foldingRange');
        for (const method of methods) {
          jobs.push(async () => {
            const result = await request(method, uri, position).catch((e: Error) => ({ failed: e.message }));
            assert.ok(result === null || typeof result === 'object', `${method} at ${position.line + 1}:${position.character + 1}`);
            assert.ok(
              !(result && 'failed' in result),
              `${method} at ${position.line + 1}:${position.character + 1} failed: ${(result as { failed?: string })?.failed}`,
            );
          });
        }
      }
      for (let i = 0; i < jobs.length; i += 300) await Promise.all(jobs.slice(i, i + 300).map((j) => j()));
      assert.doesNotMatch(client.stderr, /failed:/, 'the server logged a handler failure');
    });
  }
});
