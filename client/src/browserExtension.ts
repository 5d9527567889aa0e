/**
 * The web entry (package.json `browser`, for vscode.dev, github.dev and other VS Code for the
 * Web): the language server is dist/web/server.js in a web worker.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateOn } from './activate';
import { CLIENT_ID, CLIENT_NAME, createLanguageClient } from './languageClient';

export { deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateOn({
    kind: 'web',
    createClient: () => {
      const url = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true);
      // A fresh worker on every (re)start: a stopped server's worker has exited.
      return createLanguageClient((options) => new LanguageClient(CLIENT_ID, CLIENT_NAME, async () => new Worker(url), options));
    },
  }, context);
}
