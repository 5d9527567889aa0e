/**
 * `programme/schedule`: the schedule view of an open document, for the preview. The document
 * must be open (synchronised by the client); an unknown URI answers null. A client that says
 * which version's view it holds (`have`) may get only what changed since (a `ScheduleDelta`).
 */
import { ServerCapabilities } from 'vscode-languageserver';
import { SCHEDULE_METHOD, ScheduleParams, ScheduleDeltaResult } from '../../protocol';
import type { ServerContext } from '../server';

export function scheduleFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.onRequest(SCHEDULE_METHOD, async (params: ScheduleParams): Promise<ScheduleDeltaResult> => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    const settings = await ctx.settings.get(uri);
    return ctx.guard('schedule', null, () => {
      const document = ctx.documents.get(uri);
      if (!document) return null;
      const have = typeof params.have === 'number' ? params.have : undefined;
      return ctx.workspace.schedule(document, { severity: settings.severity }, have);
    });
  });
  // A custom request needs no capability.
  return {};
}
