import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { freshCopy, openAndWaitForDiagnostics, waitFor } from '../suite/helpers';

/** This extension, found by what it contributes (its id follows package.json's metadata). */
function programmeExtension(): vscode.Extension<unknown> | undefined {
  return vscode.extensions.all.find((extension) =>
    (extension.packageJSON as { contributes?: { languages?: Array<{ id?: string }> } }).contributes?.languages?.some((language) => language.id === 'programme'),
  );
}

suite('Web extension host', () => {
  test('the extension is activated in the web worker extension host, where these tests run', async () => {
    // The tests run in the extension host that runs the extension under development.
    const scope = globalThis as { WorkerGlobalScope?: unknown; document?: unknown; process?: { versions?: { node?: string } } };
    const node = scope.process?.versions?.node;
    assert.ok(
      typeof scope.WorkerGlobalScope === 'function' && scope.document === undefined && !node,
      `the web tests should run in a web worker, not ${node ? `Node ${node}` : 'a page'}: is the extension running as a web extension?`,
    );
    const extension = programmeExtension();
    assert.ok(extension, 'the Conference Programme extension is not installed in this window');
    // A copy: the example itself is left for the diagnostics test to open first.
    await openAndWaitForDiagnostics(await freshCopy('web-host'));
    // An extension is active only in the extension host that runs it: a Node host running it
    // instead (say, with no `browser` entry in package.json) leaves it inactive here.
    await waitFor(() => (extension.isActive ? true : undefined), `${extension.id} to be active in the web worker extension host`);
  });
});
