import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codeOf,
  completionLabel,
  countOccurrences,
  describeDiagnostics,
  freshCopy,
  hoverText,
  openAndWaitForDiagnostics,
  positionOf,
  replaceText,
  waitForDiagnostics,
} from './helpers';

const REFERENCE = 'speakers: [jason-gunthorpe]';

suite('Language features', () => {
  test("completing `gunth` in a slot's speakers offers `jason-gunthorpe`", async () => {
    const uri = await freshCopy('completion');
    const { document } = await openAndWaitForDiagnostics(uri);
    await replaceText(document, REFERENCE, 'speakers: [gunth]');
    const position = positionOf(document, 'speakers: [gunth]', 'speakers: [gunth'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    const labels = (list?.items ?? []).map(completionLabel);
    assert.ok(
      labels.includes('jason-gunthorpe'),
      `expected a completion "jason-gunthorpe" at ${position.line + 1}:${position.character + 1}, got ` +
        (labels.length ? labels.slice(0, 30).join(', ') : 'no completions'),
    );
  });

  test("hovering a person id shows the person's name", async () => {
    const uri = await freshCopy('hover');
    const { document } = await openAndWaitForDiagnostics(uri);
    const position = positionOf(document, REFERENCE, 'speakers: [jason'.length);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    const text = hoverText(hovers ?? []);
    assert.ok(
      text.includes('Jason Gunthorpe'),
      `expected the hover at ${position.line + 1}:${position.character + 1} to mention "Jason Gunthorpe", got: ` + (text ? JSON.stringify(text) : 'no hover'),
    );
  });

  test('renaming `jason-gunthorpe` to `jgg` changes the people key and every reference', async () => {
    const uri = await freshCopy('rename');
    const { document } = await openAndWaitForDiagnostics(uri);
    const before = document.getText();
    const references = countOccurrences(before, 'jason-gunthorpe');
    assert.ok(references >= 3, 'the example should use jason-gunthorpe as a key and at least twice as a reference');
    const position = positionOf(document, REFERENCE, 'speakers: [jason'.length);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, position, 'jgg');
    assert.ok(edit && edit.size > 0, 'the rename provider returned no edit');
    assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the rename edit');
    const after = document.getText();
    assert.equal(countOccurrences(after, 'jason-gunthorpe'), 0, `"jason-gunthorpe" is left in:\n${after}`);
    assert.equal(countOccurrences(after, 'jgg'), references, 'every occurrence should have become "jgg"');
    assert.match(after, /^ {2}jgg:\n {4}name: Jason Gunthorpe$/m, 'the people key should be renamed');
    assert.match(after, /^ +speakers: \[jgg\]$/m, 'the slot reference should be renamed');
    assert.match(after, /^ +- jgg$/m, 'the key-attendees reference should be renamed');
    await waitForDiagnostics(uri, (all) => !all.some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'no errors after the rename');
  });

  test('a quick fix repairs an `unknown-person` reference', async () => {
    const uri = await freshCopy('quick-fix');
    const { document } = await openAndWaitForDiagnostics(uri);
    const changed = await replaceText(document, REFERENCE, 'speakers: [jason-gunthorp]');
    const line = changed.start.line;
    const isUnknownPerson = (d: vscode.Diagnostic): boolean => codeOf(d) === 'unknown-person' && d.range.start.line === line;
    const diagnostics = await waitForDiagnostics(
      uri,
      (all) => all.some(isUnknownPerson),
      `a diagnostic with code "unknown-person" on line ${line + 1} (\`speakers: [jason-gunthorp]\`)`,
    );
    const diagnostic = diagnostics.find(isUnknownPerson)!;
    const actions =
      (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diagnostic.range)) ?? [];
    const fixes = actions.filter(
      (action): action is vscode.CodeAction => 'kind' in action && !!action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind),
    );
    assert.ok(
      fixes.length > 0,
      `expected a quick fix for:\n${describeDiagnostics([diagnostic])}\ngot actions: ` + (actions.length ? actions.map((a) => a.title).join(' | ') : 'none'),
    );
    const fix = fixes.find((action) => action.title.includes('jason-gunthorpe')) ?? fixes[0];
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), `applyEdit refused "${fix.title}"`);
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.ok(fix.edit || fix.command, `the quick fix "${fix.title}" has neither an edit nor a command`);
    await waitForDiagnostics(
      uri,
      (all) => !all.some((d) => codeOf(d) === 'unknown-person'),
      `the "unknown-person" diagnostic to go away after the quick fix "${fix.title}"`,
    );
    if (fix.title.includes('jason-gunthorpe')) {
      assert.equal(document.lineAt(line).text.trim(), REFERENCE, `"${fix.title}" should restore the reference`);
    }
  });
});
