/**
 * The web entry (package.json `browser`, for vscode.dev, github.dev and other VS Code for the
 * Web): the language server is dist/web/server.js in a web worker.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, MessageTransports } from 'vscode-languageclient/browser';
import { activateOn } from './activate';
import { CLIENT_ID, CLIENT_NAME, createLanguageClient } from './languageClient';

export { deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateOn(
    {
      kind: 'web',
      createClient: () => {
        const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
        // A fresh worker on every (re)start: a stopped server's worker has exited. The transports
        // are made here: VS Code's web worker extension host wraps the Worker constructor, so the
        // client's own `instanceof Worker` test does not recognise the worker.
        const start = async (): Promise<MessageTransports> => {
          const worker = new Worker(await workerUrl(script));
          return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
        };
        return createLanguageClient((options) => new LanguageClient(CLIENT_ID, CLIENT_NAME, start, options));
      },
    },
    context,
  );
}

/**
 * A URL a worker can be started from. An extension served over http(s) (vscode.dev, github.dev)
 * gives its script's own URL; one installed on a remote (`vscode-remote:`, which the web worker
 * extension host cannot start a worker from) gives a blob of the script's text read through the
 * workspace file system.
 */
async function workerUrl(script: vscode.Uri): Promise<string> {
  if (script.scheme === 'http' || script.scheme === 'https') return script.toString(true);
  const text = await vscode.workspace.fs.readFile(script);
  return URL.createObjectURL(new Blob([new TextDecoder().decode(text)], { type: 'text/javascript' }));
}
