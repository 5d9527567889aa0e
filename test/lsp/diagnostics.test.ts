import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { LspClient } from '../support/lspClient';
import { programme } from '../support/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLE = path.join(ROOT, 'examples/lpc2021-vfio-iommu-pci.programme.yaml');
const FIVE = path.join(ROOT, 'test/fixtures/foundation/five-mistakes.programme.yaml');

function cli(args: string[]): { status: number; stdout: string } {
  try {
    return { status: 0, stdout: execFileSync(process.execPath, [path.join(ROOT, 'bin/programme.js'), ...args], { encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { status: err.status, stdout: err.stdout };
  }
}

suite('language server over stdio', function () {
  this.timeout(20_000);
  let client: LspClient;
  setup(async () => {
    client = new LspClient();
    await client.initialize();
  });
  teardown(async () => client.shutdown());

  test('announces incremental sync', async () => {
    const c2 = new LspClient();
    const result = (await c2.initialize()) as { capabilities: { textDocumentSync: { change: number; openClose: boolean } } };
    assert.deepStrictEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 });
    await c2.shutdown();
  });

  test('the canonical example has no error and no warning', async () => {
    const uri = 'file:///example.programme.yaml';
    await client.open(uri, fs.readFileSync(EXAMPLE, 'utf8'));
    const d = await client.waitDiagnostics(uri, 1);
    assert.deepStrictEqual(
      d.filter((x) => x.severity! <= 2),
      [],
    );
  });

  test('five mistakes: each with its code at its line and column, the same as the CLI', async () => {
    const uri = 'file:///five.programme.yaml';
    await client.open(uri, fs.readFileSync(FIVE, 'utf8'));
    const server = await client.waitDiagnostics(uri, 1);
    const json = JSON.parse(cli(['check', '--format', 'json', FIVE]).stdout) as {
      diagnostics: { code: string; message: string; range: unknown; severity: string }[];
    }[];
    const fromCli = json[0].diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range }));
    const fromServer = server.map((d) => ({ code: d.code, message: d.message, range: d.range }));
    assert.deepStrictEqual(fromServer, fromCli);
    // The syntax error hides nothing before it: the misspelt key, the wrong type, the missing
    // title and the duplicate key are all reported, each at the smallest node at fault.
    const at = fromServer.map(
      (d) =>
        `${d.code} ${(d.range as { start: { line: number; character: number } }).start.line + 1}:${(d.range as { start: { line: number; character: number } }).start.character + 1}`,
    );
    assert.deepStrictEqual(at, ['schema 10:5', 'duplicate-key 13:3', 'schema 16:3', 'schema 26:19', 'yaml-syntax 31:19']);
  });

  test('incremental changes are applied and each version gets its own diagnostics', async () => {
    const uri = 'file:///inc.programme.yaml';
    const text = programme();
    await client.open(uri, text);
    assert.deepStrictEqual(await client.waitDiagnostics(uri, 1), []);
    const at = text.indexOf('title: Opening') + 'title: Opening'.length;
    const line = text.slice(0, at).split('\n').length - 1;
    const col = at - text.lastIndexOf('\n', at - 1) - 1;
    const v2 = await client.change(uri, [{ range: { start: { line, character: col }, end: { line, character: col } }, text: '\n        speaker: [alice]' }]);
    const d2 = await client.waitDiagnostics(uri, v2);
    assert.deepStrictEqual(
      d2.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [['schema', line + 1, 8]],
    );
    const v3 = await client.change(uri, [{ range: { start: { line: line + 1, character: 15 }, end: { line: line + 1, character: 15 } }, text: 's' }]);
    assert.deepStrictEqual(await client.waitDiagnostics(uri, v3), []);
  });

  test('a burst of changes ends with the diagnostics of the last version, never an older one after it', async () => {
    const uri = 'file:///burst.programme.yaml';
    const text = programme();
    await client.open(uri, text);
    await client.waitDiagnostics(uri, 1);
    const at = text.indexOf('title: Opening') + 'title: Opening'.length;
    const line = text.slice(0, at).split('\n').length - 1;
    let col = at - text.lastIndexOf('\n', at - 1) - 1;
    const before = client.published.length;
    let version = 1;
    for (const ch of ' and more words"') {
      version = await client.change(uri, [{ range: { start: { line, character: col }, end: { line, character: col } }, text: ch }]);
      col++;
    }
    const final = await client.waitDiagnostics(uri, version);
    assert.deepStrictEqual(final, []);
    const seen = client.published
      .slice(before)
      .filter((p) => p.uri === uri)
      .map((p) => p.version ?? -1);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1], `published ${seen.join(',')}`);
    assert.strictEqual(seen[seen.length - 1], version);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = 'file:///close.programme.yaml';
    await client.open(uri, programme({ top: 'extra: 1\n' }));
    assert.strictEqual((await client.waitDiagnostics(uri, 1)).length, 1);
    await client.close(uri);
    for (let i = 0; i < 100 && client.last(uri)!.diagnostics.length; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepStrictEqual(client.last(uri)!.diagnostics, []);
  });

  test('shutdown and exit end the process', async () => {
    const c2 = new LspClient();
    await c2.initialize();
    await c2.shutdown();
    assert.notStrictEqual(c2.process.exitCode ?? c2.process.signalCode, null);
  });
});
