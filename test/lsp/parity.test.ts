/**
 * Editor/CLI parity: every check fixture (and the canonical example) gives the same
 * diagnostics, field by field, through the language server and `programme check --format json`.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { CODES } from '../../server/src/core';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/checks');
const FILES = [
  ...fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.programme.yaml'))
    .sort()
    .map((f) => path.join(FIXTURES, f)),
  path.join(ROOT, 'examples/lpc2021-vfio-iommu-pci.programme.yaml'),
];
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

interface Row {
  code: unknown;
  severity: string;
  message: string;
  range: Diagnostic['range'];
}

suite('Parity: language server and CLI', function () {
  let client: LspClient;
  let cli: Map<string, Row[]>;

  suiteSetup(async () => {
    client = new LspClient();
    await client.initialize();
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/programme.js'), 'check', '--format', 'json', ...FILES], { encoding: 'utf8' });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    const results = JSON.parse(run.stdout) as { file: string; diagnostics: Row[] }[];
    cli = new Map(results.map((r) => [path.resolve(r.file), r.diagnostics]));
  });
  suiteTeardown(() => client.shutdown());

  test('there is a bad and a good fixture for every semantic check', () => {
    // Structural codes and the limits (file-too-large, more-problems) have no fixture pair.
    const structural = ['yaml-syntax', 'duplicate-key', 'schema', 'file-too-large', 'more-problems'];
    for (const code of Object.keys(CODES).filter((c) => !structural.includes(c))) {
      for (const kind of ['bad', 'good']) assert.ok(FILES.includes(path.join(FIXTURES, `${code}.${kind}.programme.yaml`)), `${code}.${kind}`);
    }
  });

  for (const file of FILES) {
    test(path.relative(ROOT, file), async () => {
      const uri = pathToFileURL(file).href;
      await client.open(uri, fs.readFileSync(file, 'utf8'));
      const lsp = (await client.waitDiagnostics(uri, 1)).map((d) => ({
        code: d.code,
        severity: SEVERITY[d.severity ?? 0],
        message: d.message,
        range: d.range,
      }));
      await client.close(uri);
      assert.deepEqual(lsp, cli.get(file));
      // The bad fixtures are not vacuous: each has its diagnostic on both sides.
      if (file.includes('.bad.')) assert.equal(lsp.length, 1);
    });
  }
});
