/** The Node entry (package.json `main`): the language server is dist/server.js over IPC. */
import * as vscode from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateOn } from './activate';
import { CLIENT_ID, CLIENT_NAME, createLanguageClient } from './languageClient';
import { SERVER_LAUNCH } from '../../server/src/launch';

export { deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateOn(
    {
      kind: 'node',
      createClient: () => {
        const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
        const env = { ...process.env, ...SERVER_LAUNCH.env };
        const serverOptions: ServerOptions = {
          run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_LAUNCH.execArgv], env } },
          debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_LAUNCH.execArgv, '--nolazy', '--inspect=6010'], env } },
        };
        return createLanguageClient((options) => new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options));
      },
    },
    context,
  );
}
