import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { askBrowser, browserBridge, freshCopy, openAndWaitForDiagnostics, positionOf, rangeOf, waitFor, waitForDiagnostics, workspaceFile } from './helpers';

/** A two-day meetup in 2025, as a new user writes it. */
const MEETUP = `programme: 1
event:
  title: Kernel Meetup
  start: 2025-06-02
  end: 2025-06-03
  timezone: Europe/Berlin
people:
  alice-example:
    name: Alice Example
  jason-gunthorpe:
    name: Jason Gunthorpe
tracks:
  main:
    title: Main track
    sessions:
      - start: 2025-06-02 09:00
        end: 2025-06-02 12:00
    slots:
      - title: Opening
        start: 2025-06-02 09:00
        duration: 30m
        speakers: [alice-example]
`;

/** Types `text` as the keyboard would: through VS Code's `type` command, one character at a time. */
async function typeText(text: string): Promise<void> {
  for (const ch of text) await vscode.commands.executeCommand('type', { text: ch });
}

/**
 * Checks that the suggestion list, opened by typing alone, shows `label`: in the page when the
 * browser can be asked, then by accepting the selected suggestion and reading the line.
 */
async function expectSuggested(document: vscode.TextDocument, line: number, label: string, lineAfter: RegExp): Promise<void> {
  if (browserBridge()) {
    const answer = await askBrowser({ kind: 'suggestions', expect: [label] }, 30_000);
    assert.ok(answer.ok, `${answer.message}; list: ${answer.text ?? '(none)'}`);
  }
  await waitFor(
    async () => {
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      return lineAfter.test(document.lineAt(line).text) ? true : undefined;
    },
    `accepting the suggestion to give a line matching ${lineAfter} (line is ${JSON.stringify(document.lineAt(line).text)})`,
  );
}

async function moveCursor(editor: vscode.TextEditor, position: vscode.Position): Promise<void> {
  editor.selection = new vscode.Selection(position, position);
  await vscode.commands.executeCommand('hideSuggestWidget');
}

suite('Typing a programme', () => {
  test('the programme language has YAML-like editor defaults', () => {
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'programme' });
    assert.equal(config.get('insertSpaces'), true);
    assert.equal(config.get('tabSize'), 2);
    assert.deepEqual(config.get('quickSuggestions'), { other: true, comments: false, strings: true });
    assert.equal(config.get('wordBasedSuggestions'), 'off');
  });

  test('typing `Tok` after deleting a zone suggests Asia/Tokyo, with no Ctrl+Space', async function () {
    this.timeout(90_000);
    const uri = await freshCopy('zone');
    const { document, editor } = await openAndWaitForDiagnostics(uri);
    const value = rangeOf(document, 'US/Pacific');
    await editor.edit((b) => b.delete(value));
    await moveCursor(editor, value.start);
    await typeText('Tok');
    await expectSuggested(document, value.start.line, 'Asia/Tokyo', /^ {2}timezone: Asia\/Tokyo$/);
  });

  test('typing `gunth` in a speakers list suggests jason-gunthorpe, with no Ctrl+Space', async function () {
    this.timeout(90_000);
    const uri = await freshCopy('speakers', MEETUP);
    const { document, editor } = await openAndWaitForDiagnostics(uri);
    const at = positionOf(document, 'speakers: [alice-example]', 'speakers: ['.length);
    await editor.edit((b) => b.delete(new vscode.Range(at, at.translate(0, 'alice-example'.length))));
    await moveCursor(editor, at);
    await typeText('gunth');
    await expectSuggested(document, at.line, 'jason-gunthorpe', /speakers: \[jason-gunthorpe\]$/);
  });

  test('the new track, session and slot snippets in a 2025 file insert 2025 times', async function () {
    this.timeout(90_000);
    const uri = await freshCopy('snippets', MEETUP);
    const { document, editor } = await openAndWaitForDiagnostics(uri);
    const insert = async (after: string, indent: string, label: string): Promise<string> => {
      const end = positionOf(document, after, after.length);
      await editor.edit((b) => b.insert(end, `\n${indent}`));
      const at = new vscode.Position(end.line + 1, indent.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at);
      const item = list?.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === label);
      assert.ok(item, `no "${label}" completion at ${at.line + 1}:${at.character + 1}`);
      const snippet = item.insertText instanceof vscode.SnippetString ? item.insertText : new vscode.SnippetString(String(item.insertText));
      const range = item.range instanceof vscode.Range ? item.range : (item.range?.replacing ?? new vscode.Range(at, at));
      assert.ok(await editor.insertSnippet(snippet, range), `inserting "${label}" failed`);
      await vscode.commands.executeCommand('leaveSnippet');
      const lines = document
        .getText()
        .split('\n')
        .slice(at.line, at.line + 12)
        .join('\n');
      return lines;
    };
    const slot = await insert('speakers: [alice-example]', '      ', 'New slot');
    assert.match(slot, /start: 2025-06-02 09:30/, `the slot should start at the track's next free time:\n${slot}`);
    const session = await insert('        end: 2025-06-02 12:00', '      ', 'New session');
    assert.match(session, /start: 2025-06-02 12:00/, `the session should start when the first one ends:\n${session}`);
    const track = await insert('tracks:', '  ', 'New track');
    assert.match(track, /start: 2025-06-02 09:00/, `the track's session should start on the first day:\n${track}`);
    assert.doesNotMatch(document.getText(), /2021-/, 'no date of another year');
  });

  test('Enter after `- title: X` indents under `title`', async function () {
    this.timeout(60_000);
    const uri = await freshCopy('enter', MEETUP);
    const { document, editor } = await openAndWaitForDiagnostics(uri);
    const end = positionOf(document, '- title: Opening', '- title: Opening'.length);
    await moveCursor(editor, end);
    await vscode.commands.executeCommand('type', { text: '\n' });
    const next = document.lineAt(end.line + 1).text;
    const titleColumn = document.lineAt(end.line).text.indexOf('title');
    assert.equal(next.length - next.trimStart().length, titleColumn, `the new line ${JSON.stringify(next)} should start under \`title\``);
    assert.equal(next.trim(), '', 'the rest of the line stays on the next one');
  });

  test('a conference.yaml starting with `programme: 1` opens in the programme language', async function () {
    this.timeout(60_000);
    const uri = workspaceFile('conference.yaml');
    fs.writeFileSync(uri.fsPath, `# Our meetup\n${MEETUP}`);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    await waitFor(
      () => (vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId === 'programme' ? true : undefined),
      'conference.yaml to be switched to the programme language',
    );
    const other = workspaceFile('other.yaml');
    fs.writeFileSync(other.fsPath, 'name: not a programme\n');
    const plain = await vscode.workspace.openTextDocument(other);
    assert.equal(plain.languageId, 'yaml', 'a YAML file without `programme: 1` stays YAML');
  });
});

suite('Quoting', () => {
  test('a title with `: ` gets a plain-words error and a quick fix that quotes it', async function () {
    this.timeout(60_000);
    const uri = await freshCopy('quote', MEETUP);
    const { document } = await openAndWaitForDiagnostics(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, rangeOf(document, 'title: Opening'), 'title: Rust in the kernel: where are we?');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const line = positionOf(document, 'Rust in the kernel').line;
    const diagnostics = await waitForDiagnostics(
      uri,
      (all) => all.some((d) => d.range.start.line === line && d.message.includes('quote the title')),
      'a diagnostic on the title saying to quote it',
    );
    const diagnostic = diagnostics.find((d) => d.range.start.line === line)!;
    assert.match(diagnostic.message, /a `: ` inside a plain value starts a mapping: quote the title/);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range)) ?? [];
    const fix = actions.find((a) => a.title === 'Quote the title');
    assert.ok(fix?.edit, `no "Quote the title" fix; got: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(line).text, '      - title: "Rust in the kernel: where are we?"');
    await waitForDiagnostics(uri, (all) => !all.some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'no errors once quoted');
  });
});

suite('Formatting', () => {
  test('Format Document writes the canonical form', async function () {
    this.timeout(60_000);
    const messy = MEETUP.replace('  title: Kernel Meetup\n  start: 2025-06-02\n', '  start: 2025-06-02\n  title: Kernel Meetup\n')
      .replace('        duration: 30m\n        speakers: [alice-example]\n', '        speakers: [alice-example]\n        duration: 30m\n')
      .replace('    title: Main track\n', "    title: 'Main track'\n");
    assert.notEqual(messy, MEETUP);
    const uri = await freshCopy('format', messy);
    const { document } = await openAndWaitForDiagnostics(uri);
    await vscode.commands.executeCommand('editor.action.formatDocument');
    await waitFor(() => (document.getText() === MEETUP ? true : undefined), `the document to be formatted; it is:\n${document.getText()}`);
  });
});
