import * as assert from 'assert';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../support/lspClient';
import { EXAMPLE_TEXT as EXAMPLE } from '../support/fixtures';

const CURSOR = '‸';

suite('completion over stdio', function () {
  this.timeout(20_000);
  let client: LspClient;
  let n = 0;
  suiteSetup(async () => {
    client = new LspClient();
    await client.initialize();
  });
  suiteTeardown(async () => client.shutdown());

  /** Opens `input` (with the cursor) as a new document and asks for completions at the cursor. */
  async function complete(input: string): Promise<CompletionItem[]> {
    const offset = input.indexOf(CURSOR);
    const text = input.slice(0, offset) + input.slice(offset + 1);
    const uri = `file:///completion-${n++}.programme.yaml`;
    await client.open(uri, text);
    const position = TextDocument.create(uri, 'programme', 1, text).positionAt(offset);
    const list = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position });
    return Array.isArray(list) ? list : (list?.items ?? []);
  }

  test('announces completion', async () => {
    const c = new LspClient();
    const init = (await c.initialize()) as { capabilities: { completionProvider?: { triggerCharacters?: string[] } } };
    await c.shutdown();
    assert.ok(init.capabilities.completionProvider?.triggerCharacters?.includes('['));
  });

  test("typing `gunth` in a slot's speakers offers jason-gunthorpe first", async () => {
    const items = await complete(EXAMPLE.replace('speakers: [jason-gunthorpe]', `speakers: [gunth${CURSOR}]`));
    assert.strictEqual(items[0]?.label, 'jason-gunthorpe');
    assert.strictEqual((items[0].textEdit as { newText: string }).newText, 'jason-gunthorpe');
  });

  test('`America/Los_` offers America/Los_Angeles', async () => {
    const items = await complete(EXAMPLE.replace('timezone: US/Pacific', `timezone: America/Los_${CURSOR}`));
    assert.strictEqual(items[0]?.label, 'America/Los_Angeles');
  });

  test('an unfinished `speakers: [` (a syntax error) offers the people', async () => {
    const items = await complete(EXAMPLE.replace('speakers: [jason-gunthorpe]', `speakers: [${CURSOR}`));
    assert.ok(items.some((i) => i.label === 'eric-auger'));
  });

  test('a key with no value yet: `kind:` offers the slot kinds', async () => {
    const items = await complete(EXAMPLE.replace('        kind: break', `        kind: ${CURSOR}`));
    assert.deepStrictEqual(
      items.map((i) => i.label),
      ['talk', 'discussion', 'opening', 'closing', 'break', 'bof'],
    );
  });

  test('an empty file offers the top-level keys, required first', async () => {
    const items = await complete(CURSOR);
    const required = items
      .filter((i) => i.sortText?.startsWith('0'))
      .map((i) => i.label)
      .sort();
    assert.deepStrictEqual(required, ['event', 'programme', 'tracks']);
  });

  test('a new slot snippet under `slots:`', async () => {
    const items = await complete(EXAMPLE.replace('    slots:\n', `    slots:\n      ${CURSOR}\n`));
    const slot = items.find((i) => i.label === 'New slot');
    assert.strictEqual(slot?.insertTextFormat, 2, 'a snippet');
    assert.match((slot.textEdit as { newText: string }).newText, /^- title: \$\{1:Title\}\n {8}start: \$\{2:2021-09-21 09:20\}/);
  });
});
