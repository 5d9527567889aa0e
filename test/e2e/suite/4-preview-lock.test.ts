import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { EXAMPLE, askBrowser, browserBridge, freshCopy, showDocument, waitFor, waitForDiagnostics, workspaceFile, codeOf } from './helpers';

function previewLabels(): string[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && /programme\.preview/.test((tab.input as vscode.TabInputWebview).viewType))
    .map((tab) => tab.label)
    .sort();
}

function name(uri: vscode.Uri): string {
  return uri.path.split('/').pop()!;
}

/** Waits until the preview tabs are exactly `labels` (in any order). */
function waitForPreviews(labels: string[], what: string): Promise<true> {
  const want = [...labels].sort();
  return waitFor(
    () => (JSON.stringify(previewLabels()) === JSON.stringify(want) ? true : undefined),
    `${what}: preview tabs ${JSON.stringify(want)} (now ${JSON.stringify(previewLabels())})`,
  );
}

suite('Preview: lock, Open Source, Refresh', () => {
  suiteSetup(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test("a locked preview stays on its document when the editor switches; the dynamic one follows; Open Source opens the locked one's document", async function () {
    this.timeout(120_000);
    const a = await freshCopy('lock-a');
    const b = await freshCopy('lock-b', fs.readFileSync(workspaceFile(EXAMPLE).fsPath, 'utf8').replace('Closing discussion', 'Farewell from B'));
    await showDocument(a);
    await vscode.commands.executeCommand('programme.showPreviewToSide');
    await waitForPreviews([`Preview ${name(a)}`], 'the dynamic preview of a');

    await vscode.commands.executeCommand('programme.preview.toggleLock');
    await waitForPreviews([`[Preview] ${name(a)}`], 'after Toggle Preview Locking');
    await showDocument(b);
    // The lock holds: switching editors does not move it to b.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(previewLabels(), [`[Preview] ${name(a)}`]);

    await vscode.commands.executeCommand('programme.showSource');
    await waitFor(
      () => (vscode.window.activeTextEditor?.document.uri.toString() === a.toString() ? true : undefined),
      'Open Source to show a in the active editor',
    );

    await showDocument(b);
    await vscode.commands.executeCommand('programme.showPreviewToSide');
    await waitForPreviews([`[Preview] ${name(a)}`, `Preview ${name(b)}`], 'a locked preview of a and a dynamic one of b');
    await showDocument(a);
    await waitForPreviews([`[Preview] ${name(a)}`, `Preview ${name(a)}`], 'the dynamic preview following the editor to a');
    await showDocument(b);
    await waitForPreviews([`[Preview] ${name(a)}`, `Preview ${name(b)}`], 'the dynamic preview following the editor back to b');

    // One locked preview per document: locking the dynamic one on b makes two locked previews.
    await vscode.commands.executeCommand('programme.showLockedPreviewToSide');
    await waitForPreviews([`[Preview] ${name(a)}`, `[Preview] ${name(b)}`, `Preview ${name(b)}`], 'a locked preview of b beside');
    await vscode.commands.executeCommand('programme.showLockedPreviewToSide');
    await waitForPreviews([`[Preview] ${name(a)}`, `[Preview] ${name(b)}`, `Preview ${name(b)}`], 'no second locked preview of b');
    if (browserBridge()) {
      const answer = await askBrowser({ kind: 'webviewText', expect: ['Farewell from B'] }, 45_000);
      assert.ok(answer.ok, answer.message);
    }
  });

  test('Refresh Preview shows what changed outside the document (a severity setting)', async function () {
    this.timeout(120_000);
    if (!browserBridge()) {
      console.log("the preview's content is checked only in the code-server run");
      return;
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const c = await freshCopy('refresh');
    await showDocument(c);
    await vscode.commands.executeCommand('programme.showPreviewToSide');
    await waitForPreviews([`Preview ${name(c)}`], 'the preview of c');
    const before = await askBrowser({ kind: 'webviewText', expect: ['no conflicts', 'IOMMU core and the device-driver core'] }, 45_000);
    assert.ok(before.ok, before.message);
    const config = vscode.workspace.getConfiguration('programme');
    try {
      await config.update('diagnostics.severity', { 'not-scheduled': 'error' }, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(
        c,
        (all) => all.some((d) => codeOf(d) === 'not-scheduled' && d.severity === vscode.DiagnosticSeverity.Error),
        'not-scheduled as an error',
      );
      await vscode.commands.executeCommand('programme.preview.refresh');
      const after = await askBrowser({ kind: 'webviewText', expect: ['1 error'] }, 45_000);
      assert.ok(after.ok, after.message);
    } finally {
      await config.update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
