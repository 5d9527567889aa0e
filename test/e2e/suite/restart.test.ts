import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, freshCopy, openAndWaitForDiagnostics, replaceText, waitFor, waitForDiagnostics } from './helpers';

// Runs last (file names sort after the numbered suites): it kills the language server.

const EXTENSION_ID = 'conference-programme.conference-programme';

/**
 * Process ids of this extension host's language server: its child processes whose command
 * line runs our dist/server.js (other test runs on the machine may run their own).
 */
function serverPids(): number[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this host`);
  const script = path.join(extension.extensionUri.fsPath, 'dist', 'server.js');
  const lines = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n');
  return lines
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => !!m && Number(m[2]) === process.pid && m[3].includes(script))
    .map((m) => Number(m[1]));
}

const hasTypo = (all: vscode.Diagnostic[]): boolean => all.some((d) => codeOf(d) === 'schema' && d.message.includes('speakrs'));

suite('Language server restart', () => {
  test('killed mid-session, the server is restarted with the open document restored and checked again', async () => {
    const uri = await freshCopy('restart');
    const { document } = await openAndWaitForDiagnostics(uri);
    await replaceText(document, 'speakers: [jason-gunthorpe]', 'speakrs: [jason-gunthorpe]');
    await waitForDiagnostics(uri, hasTypo, 'the schema error for `speakrs` before the kill');

    const before = serverPids();
    assert.equal(before.length, 1, `expected one language server process running dist/server.js, found ${before.length}`);
    // Subscribe before the kill, so the publication of the restarted server cannot be missed.
    const restored = waitForDiagnostics(uri, hasTypo, 'the schema error for `speakrs` published by the restarted server', { fresh: true, timeoutMs: 60_000 });
    restored.catch(() => undefined);
    process.kill(before[0], 'SIGKILL');

    const after = await waitFor(
      () => {
        const pids = serverPids().filter((pid) => pid !== before[0]);
        return pids.length ? pids : undefined;
      },
      'a new language server process',
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    assert.equal(after.length, 1, `expected one restarted server, found processes ${after.join(', ')}`);
    await restored;

    // The restarted server knows the document's current text: fixing the typo clears the error.
    await replaceText(document, 'speakrs: [jason-gunthorpe]', 'speakers: [jason-gunthorpe]');
    const fixed = await waitForDiagnostics(uri, (all) => !hasTypo(all), 'the schema error to go once the typo is fixed');
    assert.ok(!hasTypo(fixed), describeDiagnostics(fixed));
  });
});
