import * as assert from 'assert';
import type { DocumentSymbol, FoldingRange, InlayHint, SelectionRange } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverWith } from '../support/lspClient';
import { EXAMPLE_TEXT as EXAMPLE } from '../support/fixtures';

const URI = 'file:///symbols.programme.yaml';
const DOC = TextDocument.create(URI, 'programme', 1, EXAMPLE);
const textDocument = { uri: URI };

suite('outline, folding, selection and inlay hints over stdio', function () {
  this.timeout(20_000);
  const server = serverWith(URI, EXAMPLE);

  test('the outline lists tracks with their slots and times', async () => {
    const symbols = await server.client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument });
    const tracks = symbols.find((s) => s.name === 'tracks')!;
    const track = tracks.children![0];
    assert.strictEqual(track.name, 'VFIO/IOMMU/PCI MC');
    const slots = track.children!.find((c) => c.name === 'slots')!;
    assert.strictEqual(slots.children!.length, 9);
    assert.strictEqual(slots.children![1].detail, 'Tue 2021-09-21 07:10–07:35 PDT');
  });

  test('folding ranges for the people map and the description', async () => {
    const ranges = await server.client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument });
    const line = (needle: string) => DOC.positionAt(EXAMPLE.indexOf(needle)).line;
    assert.ok(ranges.some((r) => r.startLine === line('people:')));
    assert.ok(ranges.some((r) => r.startLine === line('    description: |') && r.endLine === line('sub-systems.')));
  });

  test('selection ranges grow from an id to the whole document', async () => {
    const position = DOC.positionAt(EXAMPLE.indexOf('[vfio/iopf') + 3);
    const [r] = await server.client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument, positions: [position] });
    assert.strictEqual(DOC.getText(r.range), 'vfio/iopf');
    let top = r;
    while (top.parent) top = top.parent;
    assert.strictEqual(DOC.getText(top.range), EXAMPLE);
  });

  test('inlay hints: the end after a duration, the weekday after a date', async () => {
    const line = DOC.positionAt(EXAMPLE.indexOf('duration: 25m')).line;
    const hints = await server.client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument,
      range: { start: { line: line - 1, character: 0 }, end: { line: line + 1, character: 0 } },
    });
    assert.deepStrictEqual(
      hints.map((h) => h.label),
      [' Tue', ' → 07:35'],
    );
  });
});
