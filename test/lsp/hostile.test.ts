/**
 * Hostile files through the language server: each gets its diagnostic within a bounded time
 * (the test timeout, a guard against hangs), and the server stays usable for other files.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import * as hostile from '../fixtures/hostile/inputs';
import { EXAMPLE_TEXT as EXAMPLE } from '../support/fixtures';

const BOUND_MS = 30_000;

const CASES = hostile.SERVER_CASES;

suite('Hostile files through the language server', function () {
  let client: LspClient;
  let opened = 0;
  suiteSetup(async () => {
    client = new LspClient();
    await client.initialize();
  });
  suiteTeardown(() => client.shutdown());

  /** Opens `text` under a new URI and waits for its first diagnostics. */
  async function open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///hostile/${++opened}.programme.yaml`;
    await client.open(uri, text);
    return { uri, diagnostics: await client.waitDiagnostics(uri, 1, BOUND_MS) };
  }

  for (const c of CASES) {
    test(`${c.name}: its diagnostic, then a normal file still gets its diagnostics and hover`, async function () {
      this.timeout(BOUND_MS * 3);
      const bad = await open(c.text());
      assert.ok(
        bad.diagnostics.some((d) => c.expect.test(String(d.message))),
        bad.diagnostics.map((d) => d.message).join('\n'),
      );
      await client.close(bad.uri);

      const good = await open(EXAMPLE);
      const serious = good.diagnostics.filter((d) => d.severity === 1 || d.severity === 2);
      assert.deepEqual(serious, []);
      const at = EXAMPLE.split('\n').findIndex((l) => l.includes('speakers: [jason-gunthorpe]'));
      const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', {
        textDocument: { uri: good.uri },
        position: { line: at, character: 'speakers: [jason'.length + 8 },
      });
      assert.match(JSON.stringify(hover?.contents ?? ''), /Jason Gunthorpe/);
      await client.close(good.uri);
      assert.equal(client.process.exitCode, null, client.stderr);
    });
  }

  test('programme.maxFileSize applies: a 2 MB file is not checked with a limit of 1 MB', async function () {
    this.timeout(BOUND_MS * 2);
    const limited = new LspClient();
    limited.configuration = { maxFileSize: 1 };
    try {
      await limited.initialize();
      const uri = 'file:///hostile/limited.programme.yaml';
      await limited.open(uri, hostile.hugeFile(2));
      const diagnostics = await limited.waitDiagnostics(uri, 1, BOUND_MS);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.severity, d.message]),
        [['file-too-large', 2, 'file too large to check: 2.0 MB > limit of 1 MB (set programme.maxFileSize to raise it)']],
      );
    } finally {
      await limited.shutdown();
    }
  });
});
