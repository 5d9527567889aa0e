/**
 * "Programme: Import Schedule…": the user picks a schedule.json, schedule.xml or Indico export
 * (or runs the command on one in the explorer); the client reads its text, the server turns
 * it into a programme (`programme/import`), and the new programme opens beside, unsaved, named
 * after the source (`schedule.programme.yaml`). What import could not take over is listed in
 * the "Programme Import" output.
 */
import * as vscode from 'vscode';
import { IMPORT_METHOD, ImportParams, ImportResultView } from '../../server/src/protocol';

export function registerImportCommand(send: (method: string, params: unknown) => Promise<unknown>): vscode.Disposable[] {
  let output: vscode.OutputChannel | undefined;
  const channel = (): vscode.OutputChannel => (output ??= vscode.window.createOutputChannel('Programme Import'));
  const command = vscode.commands.registerCommand('programme.importSchedule', async (picked?: unknown): Promise<vscode.TextEditor | undefined> => {
    const source =
      picked instanceof vscode.Uri
        ? picked
        : (
            await vscode.window.showOpenDialog({
              canSelectMany: false,
              openLabel: 'Import',
              title: 'Import Schedule (schedule.json, schedule.xml, Indico export)',
              filters: { Schedules: ['json', 'xml'], 'All files': ['*'] },
            })
          )?.[0];
    if (!source) return undefined;
    const name = source.path.split('/').pop() ?? source.path;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(source));
    } catch (error) {
      void vscode.window.showErrorMessage(`Not imported: ${name}: ${error instanceof TypeError ? 'not UTF-8 text' : (error as Error).message}`);
      return undefined;
    }
    const result = (await send(IMPORT_METHOD, { text, fileName: name } satisfies ImportParams)) as ImportResultView;
    if (result.content === undefined) {
      void vscode.window.showErrorMessage(`Not imported: ${name}: ${result.error ?? 'unknown error'}`);
      return undefined;
    }
    const content = result.content;
    const base = source.path.replace(/\.(json|xml)$/i, '');
    const target = vscode.Uri.from({ scheme: 'untitled', path: `${base}.programme.yaml` });
    const document = await vscode.workspace.openTextDocument(target);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(target, new vscode.Range(0, 0, document.lineCount, 0), content);
    await vscode.workspace.applyEdit(edit);
    if (document.languageId !== 'programme') await vscode.languages.setTextDocumentLanguage(document, 'programme');
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    report(result, name, channel, () => nameZone(send, text, name, document));
    return editor;
  });
  return [command, { dispose: () => output?.dispose() }];
}

const NAME_ZONE = 'Name the Time Zone…';

/** The summary as a message; what was left out in the output; the zone to name when the file named none. */
function report(result: ImportResultView, name: string, channel: () => vscode.OutputChannel, rename: () => Promise<void>): void {
  const left = result.notes.filter((n) => n.leftOut).length;
  const summary = `Imported ${result.slots} of ${result.events} events from ${name} (${result.format}), in ${result.zone}` + (left ? `; ${left} left out` : '');
  const out = channel();
  out.appendLine(summary);
  for (const n of result.notes) out.appendLine(`${name}: ${n.path}: ${n.message}`);
  const buttons = [...(result.zoneNamed === false ? [NAME_ZONE] : []), ...(result.notes.length ? ['Show Details'] : [])];
  if (!buttons.length) {
    void vscode.window.setStatusBarMessage(summary, 8000);
    return;
  }
  const message = result.zoneNamed === false ? `${summary}. The file names no usable time zone: its local times are kept as written.` : summary;
  void (left || result.zoneNamed === false ? vscode.window.showWarningMessage : vscode.window.showInformationMessage)(message, ...buttons).then(
    async (choice) => {
      if (choice === NAME_ZONE) await rename();
      else if (choice) out.show(true);
    },
  );
}

/** Asks for the conference's zone and imports again into the same (unsaved) document. */
async function nameZone(send: (method: string, params: unknown) => Promise<unknown>, text: string, name: string, document: vscode.TextDocument): Promise<void> {
  const timezone = (
    await vscode.window.showInputBox({
      title: `The time zone of ${name}`,
      prompt: "The conference's IANA time zone: times are read in it",
      placeHolder: 'Europe/Berlin',
      ignoreFocusOut: true,
    })
  )?.trim();
  if (!timezone) return;
  const again = (await send(IMPORT_METHOD, { text, fileName: name, timezone } satisfies ImportParams)) as ImportResultView;
  if (again.content === undefined) {
    void vscode.window.showErrorMessage(`Not imported: ${name}: ${again.error ?? 'unknown error'}`);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), again.content);
  await vscode.workspace.applyEdit(edit);
  void vscode.window.setStatusBarMessage(`Imported ${name} again, in ${again.zone}`, 8000);
}
