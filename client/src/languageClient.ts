/**
 * The language client's options, shared by the Node and the web entries, and the restart policy:
 * tell the user once when the server had to be restarted, give up after 5 stops in 3 minutes.
 * Each entry only says how the server is started (a Node process or a web worker).
 */
import * as vscode from 'vscode';
import { BaseLanguageClient, CloseAction, ErrorAction, LanguageClientOptions, State } from 'vscode-languageclient';

export const CLIENT_ID = 'programme';
export const CLIENT_NAME = 'Conference Programme';

export function createLanguageClient<C extends BaseLanguageClient>(make: (options: LanguageClientOptions) => C): C {
  let restarts: number[] = [];
  let told = false;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'programme' }],
    diagnosticCollectionName: 'programme',
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const now = Date.now();
        restarts = restarts.filter((t) => now - t < 3 * 60_000);
        restarts.push(now);
        if (restarts.length > 4) {
          void vscode.window.showErrorMessage(
            'The Conference Programme language server stopped 5 times in 3 minutes and will not be restarted. Run "Programme: Restart Language Server" after fixing the cause (see the output channel).',
          );
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
  const client = make(clientOptions);
  client.onDidChangeState((e) => {
    if (e.newState === State.Running) told = told && restarts.length > 0;
  });
  return client;
}
