/** Activation: start the language client and wire the commands. Nothing else lives here. */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerExportCommands } from './exportCommands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('programme.restartServer', async () => {
      await client?.restart();
    }),
  );
  context.subscriptions.push(...registerExportCommands((method, params) => client!.sendRequest(method, params)));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
