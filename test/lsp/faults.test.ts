/**
 * Session faults: a cancelled request stops its work, and a feature that fails on bad input
 * answers (null) without taking the server or its diagnostics down. No test hook is needed:
 * malformed parameters make the handler throw inside ctx.guard, as a bug would.
 */
import * as assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../support/lspClient';
import { programme } from '../support/fixtures';

/** A programme with thousands of foldable mappings: folding it takes many cancellation checks. */
function bigProgramme(people: number): string {
  return programme({ people: Array.from({ length: people }, (_, i) => `  person-${i}:\n    name: Person ${i}\n`).join('') });
}

suite('Session faults', function () {
  this.timeout(60_000);
  let client: LspClient;
  const logged: string[] = [];
  setup(async () => {
    client = new LspClient();
    logged.length = 0;
    client.connection.onNotification('window/logMessage', (p: { message: string }) => {
      logged.push(p.message);
    });
    await client.initialize();
  });
  teardown(() => client.shutdown());

  test('a request cancelled before it runs answers RequestCancelled (-32800) without doing its work; the same request uncancelled answers in full', async () => {
    const uri = 'file:///faults/big.programme.yaml';
    // A directive makes the big file one that is parsed whole, by `yaml`: the outline request
    // keeps the server busy analysing it while the folding request and its cancellation arrive.
    await client.open(uri, `%YAML 1.2\n---\n${bigProgramme(3000)}`);
    const busy = client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } }, source.token);
    source.cancel();
    await assert.rejects(cancelled, (e: { code?: number }) => e.code === -32800, 'a cancelled request answers the RequestCancelled error');
    await busy;
    const full = await client.request<unknown[] | null>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(Array.isArray(full) && full.length > 3000, `expected the full folding ranges, got ${JSON.stringify(full)?.slice(0, 200)}`);
  });

  test('requests before `initialize` answer ServerNotInitialized (-32002); after it, an unknown method answers MethodNotFound (-32601)', async () => {
    const fresh = new LspClient();
    try {
      for (const method of ['textDocument/hover', 'textDocument/completion', 'programme/schedule', 'no/such']) {
        await assert.rejects(
          fresh.request(method, { textDocument: { uri: 'file:///x.programme.yaml' }, position: { line: 0, character: 0 } }),
          (e: { code?: number }) => e.code === -32002,
          method,
        );
      }
      await fresh.initialize();
      await assert.rejects(fresh.request('no/such', {}), (e: { code?: number }) => e.code === -32601);
      assert.equal(await fresh.request('textDocument/hover', { textDocument: { uri: 'file:///x.programme.yaml' }, position: { line: 0, character: 0 } }), null);
    } finally {
      await fresh.shutdown();
    }
  });

  test('a hover that throws answers null, is logged, and diagnostics go on', async () => {
    const uri = 'file:///faults/doc.programme.yaml';
    await client.open(uri, programme());
    assert.deepEqual(await client.waitDiagnostics(uri, 1), []);
    const answer = await client.request('textDocument/hover', { textDocument: null, position: { line: 0, character: 0 } });
    assert.equal(answer, null);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the log notification follows the answer
    assert.ok(
      logged.some((m) => /^hover failed: TypeError/.test(m)),
      `expected a logged hover failure, got:\n${logged.join('\n')}`,
    );
    const version = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'oops: 1\n' }]);
    const after = await client.waitDiagnostics(uri, version);
    assert.ok(
      after.some((d) => d.code === 'schema' && /unknown key `oops`/.test(String(d.message))),
      JSON.stringify(after),
    );
  });

  test('requests with out-of-range or malformed positions are answered, never an error', async () => {
    const uri = 'file:///faults/positions.programme.yaml';
    const text = programme();
    await client.open(uri, text);
    await client.waitDiagnostics(uri, 1);
    const positions = [
      { line: -1, character: -1 },
      { line: 1e9, character: 1e9 },
      { line: 2, character: 1e9 },
      { line: 0.5, character: 2.5 },
    ];
    for (const position of positions) {
      for (const method of [
        'textDocument/hover',
        'textDocument/completion',
        'textDocument/definition',
        'textDocument/references',
        'textDocument/prepareRename',
      ]) {
        await client.request(method, { textDocument: { uri }, position, context: { includeDeclaration: true } });
      }
    }
    await client.request('textDocument/hover', { textDocument: { uri: 'file:///faults/never-opened.programme.yaml' }, position: { line: 0, character: 0 } });
    assert.equal(client.process.exitCode, null, client.stderr);
    const version = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# still here\n' }]);
    assert.deepEqual(await client.waitDiagnostics(uri, version), []);
  });
});
