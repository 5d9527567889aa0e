/**
 * `programme.diagnostics.severity` through the language server: a code can be raised,
 * lowered or turned off, a value that is not a severity leaves the default, and a change of
 * configuration re-publishes the open documents' diagnostics.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/checks');
const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, `${name}.programme.yaml`), 'utf8');

suite('Settings: diagnostics severity', function () {
  let client: LspClient;
  suiteSetup(async () => {
    client = new LspClient();
    client.configuration = {
      diagnostics: { severity: { 'not-scheduled': 'error', 'slot-overlap': 'hint', 'unused-person': 'off', 'speaker-night': 'loud' } },
    };
    await client.initialize();
  });
  suiteTeardown(() => client.shutdown());

  const open = async (name: string): Promise<{ uri: string; severities: (DiagnosticSeverity | undefined)[] }> => {
    const uri = `file:///settings/${name}.programme.yaml`;
    await client.open(uri, read(name));
    return { uri, severities: (await client.waitDiagnostics(uri, 1)).map((d) => d.severity) };
  };

  test('a code raised to error and one lowered to hint', async () => {
    assert.deepEqual((await open('not-scheduled.bad')).severities, [DiagnosticSeverity.Error]);
    assert.deepEqual((await open('slot-overlap.bad')).severities, [DiagnosticSeverity.Hint]);
  });

  test('off removes the diagnostic', async () => {
    assert.deepEqual((await open('unused-person.bad')).severities, []);
  });

  test('a value that is not a severity leaves the default', async () => {
    assert.deepEqual((await open('speaker-night.bad')).severities, [DiagnosticSeverity.Information]);
  });

  test('a change of configuration applies to open documents', async () => {
    const { uri } = await open('track-overfull.bad');
    client.configuration = { diagnostics: { severity: { 'track-overfull': 'error' } } };
    const before = client.last(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    for (let i = 0; i < 100 && client.last(uri) === before; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(
      client.last(uri)?.diagnostics.map((d) => d.severity),
      [DiagnosticSeverity.Error],
    );
  });
});
