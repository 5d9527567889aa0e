import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { generateProgramme } from '../../../bench/generate';
import { askBrowser, browserBridge, freshCopy, openAndWaitForDiagnostics, waitFor } from './helpers';

/** A slot title found once in the programme, so that the preview shows one slot with it. */
const PROBE = 'Repaint probe talk';

suite('Preview keeps up with typing', () => {
  test('on 2,000 slots, each keystroke in a slot title shows in the preview (the launcher times keystroke to repaint for the benchmark)', async function () {
    this.timeout(240_000);
    const generated = generateProgramme({ slots: 2000 });
    const at = generated.indexOf('      - title: ') + '      - title: '.length;
    const text = generated.slice(0, at) + PROBE + generated.slice(generated.indexOf('\n', at));
    const uri = await freshCopy('repaint', text);
    const { document } = await openAndWaitForDiagnostics(uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('programme.showPreviewToSide');
    await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview), 'the preview tab');
    // The keyboard types into the editor, after the probe title's first character.
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    const cursor = document.positionAt(at + 1);
    editor.selection = new vscode.Selection(cursor, cursor);
    if (!browserBridge()) {
      console.log('the preview is timed only in the code-server run, where the launcher can press keys and look into it');
      return;
    }
    const answer = await askBrowser({ kind: 'typingRepaint', expect: [], title: PROBE, runs: 20 }, 200_000);
    assert.ok(answer.ok, answer.message);
    assert.equal(document.getText().slice(at, at + PROBE.length), PROBE, 'typed and deleted: the title is as it was');
    assert.ok(answer.text?.includes(PROBE), 'the preview shows the title again');
  });
});
