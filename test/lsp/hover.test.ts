import * as assert from 'assert';
import type { Hover } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverWith } from '../support/lspClient';
import { EXAMPLE_TEXT as EXAMPLE } from '../support/fixtures';

const URI = 'file:///hover.programme.yaml';
const DOC = TextDocument.create(URI, 'programme', 1, EXAMPLE);

suite('hover over stdio', function () {
  this.timeout(20_000);
  const server = serverWith(URI, EXAMPLE);

  async function hoverAt(needle: string, delta: number): Promise<string | undefined> {
    const position = DOC.positionAt(EXAMPLE.indexOf(needle) + delta);
    const h = await server.client.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position });
    return h ? (h.contents as { value: string }).value : undefined;
  }

  test('a person id shows the person and their slots', async () => {
    const text = await hoverAt('speakers: [jason-gunthorpe]', 16);
    assert.match(text ?? '', /Jason Gunthorpe/);
    assert.match(text ?? '', /07:10–07:35 PDT/);
  });

  test('a slot start shows the interval in the event zone and in UTC', async () => {
    const text = await hoverAt('start: 2021-09-21 07:35', 12);
    assert.match(text ?? '', /Tue 2021-09-21 07:35–07:55 PDT \(UTC−7\)/);
    assert.match(text ?? '', /14:35–14:55 UTC/);
  });

  test('a key shows its schema documentation', async () => {
    assert.match((await hoverAt('    key-attendees:', 6)) ?? '', /People whose presence matters/);
  });

  test('a zone shows its canonical name', async () => {
    assert.match((await hoverAt('timezone: US/Pacific', 13)) ?? '', /America\/Los_Angeles/);
  });

  test('no hover on a blank line', async () => {
    assert.strictEqual(await hoverAt('\n\nevent:', 1), undefined);
  });
});
