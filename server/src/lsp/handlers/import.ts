/**
 * `programme/import` ({text, fileName, timezone?} → {content, notes} or {error}): the editor's
 * "Import Schedule…" sends a schedule file's text; the core reads it (any supported format)
 * and makes the programme's text, which the client opens.
 */
import { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { IMPORT_METHOD, ImportParams, ImportResultView } from '../../protocol';
import { ImportError, importSchedule } from '../../core';

export function importFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.onRequest(IMPORT_METHOD, (params: ImportParams): ImportResultView =>
    ctx.guard<ImportResultView>('import', { error: 'internal error: see the output channel', notes: [] }, () => {
      if (typeof params?.text !== 'string') return { error: 'no text to import', notes: [] };
      try {
        const r = importSchedule(params.text, { timezone: params.timezone, source: params.fileName });
        return { content: r.text, notes: r.notes, format: r.format, zone: r.zone, zoneNamed: r.zoneNamed, events: r.events, slots: r.slots };
      } catch (error) {
        if (error instanceof ImportError) return { error: error.message, notes: [] };
        throw error;
      }
    }),
  );
  return {};
}
