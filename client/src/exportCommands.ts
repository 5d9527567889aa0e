/**
 * "Programme: Export as iCalendar / schedule.json / schedule.xml": the server makes the text
 * (`programme/export`), the user picks where to save it. A file with errors is not exported
 * unless the user chooses "Export Anyway".
 */
import * as vscode from 'vscode';
import { EXPORT_METHOD, ExportParams, ExportResult } from '../../server/src/protocol';

type Request = (params: ExportParams) => Promise<ExportResult>;

const FORMATS = [
  { command: 'programme.exportIcs', format: 'ics', label: 'iCalendar', extension: 'ics' },
  { command: 'programme.exportScheduleJson', format: 'schedule-json', label: 'schedule.json', extension: 'json' },
  { command: 'programme.exportScheduleXml', format: 'schedule-xml', label: 'schedule.xml', extension: 'xml' },
] as const;

export function registerExportCommands(send: (method: string, params: unknown) => Promise<unknown>): vscode.Disposable[] {
  const request: Request = async (params) => (await send(EXPORT_METHOD, params)) as ExportResult;
  return FORMATS.map((f) => vscode.commands.registerCommand(f.command, () => exportActive(request, f)));
}

async function exportActive(request: Request, f: (typeof FORMATS)[number]): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'programme') {
    void vscode.window.showWarningMessage('Open a programme file to export it.');
    return;
  }
  let result = await request({ uri: document.uri.toString(), format: f.format });
  if (result.errors) {
    const list = result.errors.slice(0, 3).join('; ') + (result.errors.length > 3 ? `; and ${result.errors.length - 3} more` : '');
    const choice = await vscode.window.showErrorMessage(
      `Not exported: the programme has ${result.errors.length} error(s): ${list}`,
      'Show Problems',
      'Export Anyway',
    );
    if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (choice !== 'Export Anyway') return;
    result = await request({ uri: document.uri.toString(), format: f.format, force: true });
    if (result.errors) {
      void vscode.window.showErrorMessage(`Not exported: ${result.errors.join('; ')}`);
      return;
    }
  }
  const base = document.uri.path.replace(/\.programme\.ya?ml$|\.ya?ml$/, '');
  const target = await vscode.window.showSaveDialog({
    defaultUri: document.uri.with({ path: `${base}.${f.extension}` }),
    filters: { [f.label]: [f.extension] },
    title: `Export as ${f.label}`,
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content ?? ''));
  void vscode.window.setStatusBarMessage(`Exported ${vscode.workspace.asRelativePath(target)}`, 5000);
}
