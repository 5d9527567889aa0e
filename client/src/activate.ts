/**
 * The activation shared by the Node entry (extension.ts) and the web entry (browserExtension.ts):
 * start the language client, wire the commands and switch programme files opened as YAML to
 * the programme language. Nothing else lives here. The entries differ
 * only in how the server is started. What needs Node (the `programme` CLI, the planner's HiGHS
 * solver) stays out of sight on the web: its menus say `when: programme.nodeHost`, which is
 * true only in a Node extension host.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { registerExportCommands } from './exportCommands';
import { registerImportCommand } from './importCommand';
import { registerContentDetection } from './contentDetection';
import { registerPlanCommands } from './planCommand';
import { PreviewManager } from './preview/previewManager';
import { RESCHEDULE_METHOD, RescheduleResultView, SCHEDULE_METHOD, ScheduleDeltaResult } from '../../server/src/protocol';
import { scheduleRequester } from './scheduleRequests';

let client: BaseLanguageClient | undefined;

export interface Host {
  /** 'node': the desktop (or remote) extension host; 'web': a web worker (vscode.dev, github.dev). */
  kind: 'node' | 'web';
  createClient(context: vscode.ExtensionContext): BaseLanguageClient;
}

export async function activateOn(host: Host, context: vscode.ExtensionContext): Promise<void> {
  void vscode.commands.executeCommand('setContext', 'programme.nodeHost', host.kind === 'node');
  context.subscriptions.push(registerContentDetection());
  client = host.createClient(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('programme.restartServer', async () => {
      // BaseLanguageClient has no restart(): stop and start, as the Node client's restart() does.
      await client?.stop();
      await client?.start();
    }),
  );
  context.subscriptions.push(...registerExportCommands((method, params) => client!.sendRequest(method, params)));
  context.subscriptions.push(...registerPlanCommands((method, params) => client!.sendRequest(method, params)));
  const started = client.start();
  context.subscriptions.push(
    ...registerImportCommand(async (method, params) => {
      await started;
      return client!.sendRequest(method, params);
    }),
  );
  context.subscriptions.push(
    new PreviewManager({
      extensionUri: context.extensionUri,
      requestSchedule: scheduleRequester(async (params) => {
        await started;
        return client!.sendRequest<ScheduleDeltaResult>(SCHEDULE_METHOD, params);
      }),
      requestReschedule: async (params) => {
        await started;
        return client!.sendRequest<RescheduleResultView>(RESCHEDULE_METHOD, params);
      },
    }),
  );
  await started;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
