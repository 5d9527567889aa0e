// Runs last (file order): its first half reloads the window, which ends this extension host.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { EXAMPLE, askBrowser, freshCopy, showDocument, waitFor, workspaceFile } from './helpers';
import { RELOAD_SUITE, reloadMark } from './reload';

interface Mark {
  labels: string[];
  locked: string;
  lockedText: string;
}

function previewLabels(): string[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && /programme\.preview/.test((tab.input as vscode.TabInputWebview).viewType))
    .map((tab) => tab.label)
    .sort();
}

const mark = reloadMark();
if (mark) {
  suite(RELOAD_SUITE, () => {
    if (!fs.existsSync(mark)) {
      test('reload the window with a locked and a dynamic preview open', async function () {
        this.timeout(90_000);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const locked = await freshCopy(
          'reload',
          fs.readFileSync(workspaceFile(EXAMPLE).fsPath, 'utf8').replace('Closing discussion', 'Still here after the reload'),
        );
        await showDocument(locked);
        await vscode.commands.executeCommand('programme.showLockedPreviewToSide');
        const shown = await askBrowser({ kind: 'webviewText', expect: ['Still here after the reload'] }, 45_000);
        assert.ok(shown.ok, shown.message);
        // The dynamic preview over the example's editor, in the first group: both previews are in
        // sight, as VS Code revives a hidden webview only when it is shown.
        await showDocument(workspaceFile(EXAMPLE));
        await vscode.commands.executeCommand('programme.showPreview');
        const name = (uri: vscode.Uri): string => uri.path.split('/').pop()!;
        const labels = [`Preview ${name(workspaceFile(EXAMPLE))}`, `[Preview] ${name(locked)}`].sort();
        await waitFor(() => (JSON.stringify(previewLabels()) === JSON.stringify(labels) ? true : undefined), `preview tabs ${JSON.stringify(labels)}`);
        // The dynamic preview has drawn its schedule, so its script has saved its state (the document) for the serializer.
        const dynamic = await askBrowser({ kind: 'webviewText', expect: ['Closing discussion'] }, 45_000);
        assert.ok(dynamic.ok, dynamic.message);
        fs.writeFileSync(mark, JSON.stringify({ labels, locked: locked.toString(), lockedText: 'Still here after the reload' } satisfies Mark));
        // Not awaited: the command's promise is cancelled when this extension host ends.
        void vscode.commands.executeCommand('workbench.action.reloadWindow').then(undefined, () => undefined);
        await new Promise(() => undefined); // this extension host ends with the reload
      });
    } else {
      test('after the reload both previews are back, on the same documents, the locked one showing its own', async function () {
        this.timeout(90_000);
        const expected = JSON.parse(fs.readFileSync(mark, 'utf8')) as Mark;
        await waitFor(
          () => (JSON.stringify(previewLabels()) === JSON.stringify(expected.labels) ? true : undefined),
          `the restored preview tabs ${JSON.stringify(expected.labels)} (now ${JSON.stringify(previewLabels())})`,
          { timeoutMs: 60_000 },
        );
        const shown = await askBrowser({ kind: 'webviewText', expect: [expected.lockedText], screenshot: 'preview-after-reload.png' }, 45_000);
        assert.ok(shown.ok, shown.message);
        assert.deepEqual(previewLabels(), expected.labels);
      });
    }
  });
}
