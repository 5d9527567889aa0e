/**
 * Starts and stops the language server (dist/server.js, over IPC) and tells the user once
 * when it had to be restarted.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind, State } from 'vscode-languageclient/node';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  let restarts: number[] = [];
  let told = false;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'programme' }],
    synchronize: { configurationSection: 'programme' },
    diagnosticCollectionName: 'programme',
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const now = Date.now();
        restarts = restarts.filter((t) => now - t < 3 * 60_000);
        restarts.push(now);
        if (restarts.length > 4) {
          void vscode.window.showErrorMessage('The Conference Programme language server stopped 5 times in 3 minutes and will not be restarted. Run "Programme: Restart Language Server" after fixing the cause (see the output channel).');
          return { action: CloseAction.DoNotRestart, handled: true };
        }
        if (!told) {
          told = true;
          void vscode.window.showWarningMessage('The Conference Programme language server stopped unexpectedly and was restarted.');
        }
        return { action: CloseAction.Restart, handled: true };
      },
    },
  };
  const client = new LanguageClient('programme', 'Conference Programme', serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    if (e.newState === State.Running) told = told && restarts.length > 0;
  });
  return client;
}
