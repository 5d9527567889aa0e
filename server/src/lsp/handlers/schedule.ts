/**
 * `programme/schedule`: the schedule view of an open document, for the preview. The document
 * must be open (synchronised by the client); an unknown URI answers null.
 */
import { ServerCapabilities } from 'vscode-languageserver';
import { SCHEDULE_METHOD, ScheduleParams, ScheduleResult } from '../../protocol';
import type { ServerContext } from '../server';
import { buildSchedule } from '../../core';

export function scheduleFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.onRequest(SCHEDULE_METHOD, async (params: ScheduleParams): Promise<ScheduleResult> => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    const settings = await ctx.settings.get(uri);
    return ctx.guard('schedule', null, () => {
      const document = ctx.documents.get(uri);
      if (!document) return null;
      const file = ctx.workspace.get(document);
      const options = { uri, version: document.version, severity: settings.severity };
      return buildSchedule(file.analysis, options, file.tooLarge?.message);
    });
  });
  // A custom request needs no capability.
  return {};
}
