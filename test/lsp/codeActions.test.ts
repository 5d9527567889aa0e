/**
 * Quick fixes through the language server, as an editor asks for them: the diagnostics the
 * server published go back in the code action request, and applying the chosen edit clears
 * the problem.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, InitializeResult } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { withoutExpectations } from '../support/expectations';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/checks');
/** A check fixture without the comments that state its expected problems. */
const read = (name: string): string => withoutExpectations(fs.readFileSync(path.join(FIXTURES, `${name}.programme.yaml`), 'utf8'));

suite('Code actions through the language server', function () {
  let client: LspClient;
  let capabilities: InitializeResult['capabilities'];
  let opened = 0;
  suiteSetup(async () => {
    client = new LspClient();
    capabilities = ((await client.initialize()) as InitializeResult).capabilities;
  });
  suiteTeardown(() => client.shutdown());

  /** Opens `text`, asks for the fixes of its `code` diagnostic, applies the one titled like `title`. */
  async function applyFix(text: string, code: string, title: RegExp): Promise<{ fixed: string; titles: string[]; diagnostic: Diagnostic }> {
    const uri = `file:///actions/${++opened}.programme.yaml`;
    await client.open(uri, text);
    const diagnostic = (await client.waitDiagnostics(uri, 1)).find((d) => d.code === code);
    assert.ok(diagnostic, `no ${code}`);
    assert.ok(diagnostic.data, 'the diagnostic carries data for its fix');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const action = actions.find((a) => title.test(a.title));
    assert.ok(action, `no action like ${title} in ${actions.map((a) => a.title).join(', ')}`);
    assert.deepEqual(action.diagnostics, [diagnostic]);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'programme', 1, text), action.edit!.changes![uri]);
    await client.close(uri);
    return { fixed, titles: actions.map((a) => a.title), diagnostic };
  }

  /** The diagnostics the server publishes for `text`. */
  async function diagnosticsOf(text: string): Promise<string[]> {
    const uri = `file:///actions/${++opened}.programme.yaml`;
    await client.open(uri, text);
    const codes = (await client.waitDiagnostics(uri, 1)).map((d) => String(d.code));
    await client.close(uri);
    return codes;
  }

  test('the server offers quick fixes', () => {
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
  });

  test('unknown-person: "did you mean" and "add to people"', async () => {
    const { titles } = await applyFix(read('unknown-person.bad'), 'unknown-person', /^Change to `carol`$/);
    assert.deepEqual(titles, ['Change to `carol`', 'Add `carl` to `people`']);
    const { fixed } = await applyFix(read('unknown-person.bad'), 'unknown-person', /^Add `carl` to `people`$/);
    assert.ok(fixed.includes('  carol:\n    name: Carol Example\n  carl:\n    name: Carl\ntracks:'), fixed);
    assert.deepEqual(await diagnosticsOf(fixed), []);
  });

  test('unknown room and topic, timezone alias and typo: replaced by the closest known name', async () => {
    for (const code of ['unknown-room', 'unknown-topic', 'timezone-alias', 'invalid-timezone']) {
      const { fixed } = await applyFix(read(`${code}.bad`), code, /^Change to /);
      assert.equal(fixed, read(`${code}.good`), code);
    }
  });

  test('not-scheduled: the slot gets a start at the first free gap, in CRLF if the file is', async () => {
    const text = read('not-scheduled.bad').replace(/\n/g, '\r\n');
    const { fixed } = await applyFix(text, 'not-scheduled', /^Schedule 'Talk' at 2021-09-21 07:25$/);
    assert.equal(fixed, read('not-scheduled.good').replace(/\n/g, '\r\n'));
    assert.deepEqual(await diagnosticsOf(fixed), []);
  });

  test('slot-overlap: the later slot moves to the next free gap', async () => {
    const { fixed, diagnostic } = await applyFix(read('slot-overlap.bad'), 'slot-overlap', /^Move 'Talk' to 2021-09-21 07:25$/);
    assert.equal(fixed, read('slot-overlap.good'));
    // The diagnostic names both slots and links the other one.
    assert.equal(diagnostic.message, "'Talk' 07:20–07:45 PDT overlaps 'Opening' 07:00–07:25 PDT in room `mc1`");
    assert.deepEqual(
      diagnostic.relatedInformation?.map((r) => [r.location.range.start, r.message]),
      [[{ line: 35, character: 15 }, "'Opening' 07:00–07:25 PDT overlaps 'Talk' 07:20–07:45 PDT"]],
    );
  });

  test('asking only for refactorings gets no quick fix', async () => {
    const uri = `file:///actions/${++opened}.programme.yaml`;
    await client.open(uri, read('unknown-room.bad'));
    const [diagnostic] = await client.waitDiagnostics(uri, 1);
    const actions = await client.request<CodeAction[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['refactor'] },
    });
    assert.ok(!actions?.length);
    await client.close(uri);
  });
});
