/** Activation: start the language client and wire the commands. Nothing else lives here. */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerExportCommands } from './exportCommands';
import { PreviewManager } from './preview/previewManager';
import { SCHEDULE_METHOD, ScheduleParams, ScheduleResult } from '../../server/src/protocol';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('programme.restartServer', async () => {
      await client?.restart();
    }),
  );
  context.subscriptions.push(...registerExportCommands((method, params) => client!.sendRequest(method, params)));
  const started = client.start();
  context.subscriptions.push(new PreviewManager({
    extensionUri: context.extensionUri,
    requestSchedule: async (uri) => {
      await started;
      return client!.sendRequest<ScheduleResult>(SCHEDULE_METHOD, { uri } satisfies ScheduleParams);
    },
  }));
  await started;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
