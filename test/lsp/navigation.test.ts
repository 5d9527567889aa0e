import * as assert from 'assert';
import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverWith } from '../support/lspClient';
import { EXAMPLE_TEXT as EXAMPLE } from '../support/fixtures';

const URI = 'file:///navigation.programme.yaml';
const DOC = TextDocument.create(URI, 'programme', 1, EXAMPLE);
const at = (needle: string, delta: number) => ({ textDocument: { uri: URI }, position: DOC.positionAt(EXAMPLE.indexOf(needle) + delta) });

suite('definition, references and rename over stdio', function () {
  this.timeout(20_000);
  const server = serverWith(URI, EXAMPLE);

  test('go to definition of a speaker', async () => {
    const loc = await server.client.request<Location | null>('textDocument/definition', at('speakers: [jason-gunthorpe]', 14));
    assert.strictEqual(DOC.getText(loc!.range), 'jason-gunthorpe');
    assert.strictEqual(loc!.range.start.line, DOC.positionAt(EXAMPLE.indexOf('  jason-gunthorpe:')).line);
  });

  test('go to definition of a topic path segment', async () => {
    const loc = await server.client.request<Location | null>('textDocument/definition', at(', vfio/sva', 8));
    assert.strictEqual(DOC.getText(loc!.range), 'sva');
    assert.strictEqual(loc!.range.start.line, DOC.positionAt(EXAMPLE.indexOf('sva: Shared Virtual')).line);
  });

  test('find all references, with the declaration when asked', async () => {
    const refs = await server.client.request<Location[]>('textDocument/references', { ...at('  eric-auger:', 3), context: { includeDeclaration: true } });
    assert.strictEqual(refs.length, 3);
    assert.ok(refs.every((r) => DOC.getText(r.range) === 'eric-auger'));
  });

  test('renaming jason-gunthorpe to jgg changes the people key and every reference, and nothing else', async () => {
    const prepared = await server.client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', at('speakers: [jason-gunthorpe]', 14));
    assert.strictEqual(prepared.placeholder, 'jason-gunthorpe');
    const edit = await server.client.request<WorkspaceEdit>('textDocument/rename', { ...at('speakers: [jason-gunthorpe]', 14), newName: 'jgg' });
    const after = TextDocument.applyEdits(DOC, edit.changes![URI]);
    const expected = EXAMPLE.replace('  jason-gunthorpe:\n', '  jgg:\n')
      .replace('      - jason-gunthorpe\n', '      - jgg\n')
      .replace('speakers: [jason-gunthorpe]', 'speakers: [jgg]');
    assert.strictEqual(after, expected);
  });

  test('rename refuses an existing id and an invalid one, with a message', async () => {
    await assert.rejects(server.client.request('textDocument/rename', { ...at('speakers: [jason-gunthorpe]', 14), newName: 'eric-auger' }), /already exists/);
    await assert.rejects(server.client.request('textDocument/rename', { ...at('speakers: [jason-gunthorpe]', 14), newName: 'JGG' }), /not a valid id/);
  });

  test('prepareRename answers null where there is nothing to rename', async () => {
    assert.strictEqual(await server.client.request('textDocument/prepareRename', at('title: Break', 9)), null);
  });
});
