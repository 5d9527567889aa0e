import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { askBrowser, browserBridge, codeOf, freshCopy, showDocument, waitFor, waitForDiagnostics } from './helpers';
import { changedLines } from '../../support/changedLines';

const WC = 'Write-combine on non-x86 architectures';
const UNSCHEDULED = 'IOMMU core and the device-driver core';
/** The timeline draws 2.8 pixels a minute. */
const PX = 2.8;

/** Opens a fresh copy of the example with its preview beside it; returns the document. */
async function withPreview(label: string): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const uri = await freshCopy(label);
  const editor = await showDocument(uri);
  await vscode.commands.executeCommand('programme.showPreviewToSide');
  const shown = await askBrowser({ kind: 'webviewText', expect: [WC, UNSCHEDULED] }, 45_000);
  assert.ok(shown.ok, shown.message);
  return editor.document;
}

/** Waits until the document's text is no longer `before`. */
function changed(document: vscode.TextDocument, before: string, what: string): Promise<string> {
  return waitFor(() => (document.getText() !== before ? document.getText() : undefined), what);
}

suite('Reschedule from the preview', () => {
  test('dragging a slot 30 minutes later changes only its `start` line; the preview and diagnostics follow; Ctrl+Z restores the file', async function () {
    this.timeout(180_000);
    if (!browserBridge()) {
      console.log('dragging in the preview is checked only in the code-server run');
      return;
    }
    const document = await withPreview('drag');
    const before = document.getText();
    const drag = await askBrowser({ kind: 'webviewDrag', expect: [], title: WC, dy: 30 * PX });
    assert.ok(drag.ok, drag.message);
    const after = await changed(document, before, 'the drop to change the document');
    assert.deepEqual(changedLines(before, after), ['-        start: 2021-09-21 08:45', '+        start: 2021-09-21 09:15']);
    assert.ok(document.isDirty, 'the edit went through the editor: the document is dirty');
    // Now it overlaps the closing discussion (09:05–09:20): the checks say so, and the preview shows its new time.
    await waitForDiagnostics(document.uri, (all) => all.some((d) => codeOf(d) === 'slot-overlap'), 'slot-overlap after the move');
    const shown = await askBrowser({ kind: 'webviewText', expect: ['09:15–09:35', 'conflict'] }, 30_000);
    assert.ok(shown.ok, shown.message);

    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('undo');
    await waitFor(() => (document.getText() === before ? true : undefined), 'Ctrl+Z to restore the text');
    assert.equal(document.getText(), before, 'byte for byte');
    await waitForDiagnostics(document.uri, (all) => !all.some((d) => codeOf(d) === 'slot-overlap'), 'no slot-overlap after undo');
  });

  test('a not-scheduled slot dropped onto a free gap gets a `start`', async function () {
    this.timeout(180_000);
    if (!browserBridge()) {
      console.log('dragging in the preview is checked only in the code-server run');
      return;
    }
    const document = await withPreview('drop');
    const before = document.getText();
    // The grid starts at 07:00; the closing discussion ends at 09:20, and the session runs to 11:00.
    const drag = await askBrowser({ kind: 'webviewDrag', expect: [], title: UNSCHEDULED, toMinute: 140, column: 0 });
    assert.ok(drag.ok, drag.message);
    const after = await changed(document, before, 'the drop to change the document');
    assert.deepEqual(changedLines(before, after), ['+        start: 2021-09-21 09:20']);
    assert.ok(after.includes(`      - title: ${UNSCHEDULED}\n        start: 2021-09-21 09:20\n`));
    await waitForDiagnostics(document.uri, (all) => !all.some((d) => codeOf(d) === 'not-scheduled'), 'not-scheduled gone');
    const shown = await askBrowser({ kind: 'webviewText', expect: ['09:20–09:40', 'Drop a slot here'] }, 30_000);
    assert.ok(shown.ok, shown.message);
  });

  test('dragging the bottom edge changes `duration`; dropping on the not-scheduled list removes `start`', async function () {
    this.timeout(180_000);
    if (!browserBridge()) {
      console.log('dragging in the preview is checked only in the code-server run');
      return;
    }
    const document = await withPreview('resize');
    const before = document.getText();
    const resize = await askBrowser({ kind: 'webviewDrag', expect: [], title: WC, edge: true, dy: -10 * PX });
    assert.ok(resize.ok, resize.message);
    const resized = await changed(document, before, 'the resize to change the document');
    assert.deepEqual(changedLines(before, resized), ['-        duration: 20m', '+        duration: 10m']);
    const shown = await askBrowser({ kind: 'webviewText', expect: ['08:45–08:55'] }, 30_000);
    assert.ok(shown.ok, shown.message);
    const out = await askBrowser({ kind: 'webviewDrag', expect: [], title: WC, onto: '.unscheduled-day' });
    assert.ok(out.ok, out.message);
    const unscheduled = await changed(document, resized, 'the drop on the not-scheduled list to change the document');
    assert.deepEqual(changedLines(resized, unscheduled), ['-        start: 2021-09-21 08:45']);
    await waitForDiagnostics(document.uri, (all) => all.filter((d) => codeOf(d) === 'not-scheduled').length === 2, 'two not-scheduled slots');
  });

  test('Alt+Down on a focused slot moves it one grid step (5 minutes)', async function () {
    this.timeout(180_000);
    if (!browserBridge()) {
      console.log('the keyboard in the preview is checked only in the code-server run');
      return;
    }
    const document = await withPreview('keyboard');
    const before = document.getText();
    const press = await askBrowser({ kind: 'webviewPress', expect: [], title: WC, key: 'Alt+ArrowDown' });
    assert.ok(press.ok, press.message);
    const after = await changed(document, before, 'Alt+Down to change the document');
    assert.deepEqual(changedLines(before, after), ['-        start: 2021-09-21 08:45', '+        start: 2021-09-21 08:50']);
    const shown = await askBrowser({ kind: 'webviewText', expect: ['08:50–09:10'] }, 30_000);
    assert.ok(shown.ok, shown.message);
  });
});
