import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXAMPLE, askBrowser, browserBridge, showDocument, waitFor, workspaceFile } from './helpers';

const SLOT_TITLES = ['Welcome and state of the sub-systems', '/dev/ioasid uAPI proposal', 'Closing discussion'];

function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview);
}

suite('Preview', () => {
  test('`programme.showPreviewToSide` opens a webview that shows the schedule', async function () {
    this.timeout(120_000);
    await showDocument(workspaceFile(EXAMPLE));
    const before = new Set(webviewTabs());
    await vscode.commands.executeCommand('programme.showPreviewToSide');
    const tab = await waitFor(
      () => webviewTabs().find((candidate) => !before.has(candidate)) ?? webviewTabs()[0],
      'a webview tab after programme.showPreviewToSide',
    );
    const input = tab.input as vscode.TabInputWebview;
    const example = workspaceFile(EXAMPLE).toString();
    assert.ok(
      vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === example),
      'the programme should stay visible beside its preview',
    );

    if (!browserBridge()) {
      // Under @vscode/test-electron nobody can look into the webview from outside.
      console.log(`preview opened (${input.viewType}); its content is checked only in the code-server run`);
      return;
    }
    const answer = await askBrowser({ kind: 'webviewText', expect: SLOT_TITLES, screenshot: 'preview.png' }, 45_000);
    assert.ok(answer.ok, `${answer.message}\n${answer.text ? `webview text:\n${answer.text.slice(0, 2000)}` : ''}`);
  });
});
