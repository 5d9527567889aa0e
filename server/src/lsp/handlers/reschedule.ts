/**
 * `programme/reschedule` ({uri, slot, to} → the edits that move the slot): the preview asks
 * when a slot is dropped, resized or moved with the keyboard, and the client applies the edits
 * to the document version they were computed for.
 */
import { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { RESCHEDULE_METHOD, RescheduleParams, RescheduleResultView, RescheduleTo } from '../../protocol';
import { rescheduleSlot, type RescheduleTarget, type SlotIdentity } from '../../core';

export function rescheduleFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.onRequest(RESCHEDULE_METHOD, (params: RescheduleParams): RescheduleResultView => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    const document = ctx.documents.get(uri);
    if (!document) return { version: 0, edits: [], error: `${uri} is not open` };
    const refused = (error: string): RescheduleResultView => ({ version: document.version, edits: [], error });
    const slot = identity(params.slot);
    const to = target(params.to);
    if (!slot || !to) return refused('the request does not name a slot and where it goes');
    return ctx.guard('reschedule', refused('internal error: see the output channel'), () => {
      const file = ctx.workspace.get(document);
      if (!file.analysis) return refused(file.tooLarge?.message ?? 'the file is too large');
      const result = rescheduleSlot(file.analysis, slot, to);
      return {
        version: document.version,
        edits: result.edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText })),
        ...(result.error ? { error: result.error } : {}),
      };
    });
  });
  return {};
}

function identity(raw: unknown): SlotIdentity | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const s = raw as Record<string, unknown>;
  if (typeof s.key !== 'string' || typeof s.title !== 'string') return undefined;
  if (s.id !== undefined && typeof s.id !== 'string') return undefined;
  return { key: s.key, title: s.title, ...(typeof s.id === 'string' ? { id: s.id } : {}) };
}

function target(raw: unknown): RescheduleTarget | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const t = raw as RescheduleTo;
  const out: RescheduleTarget = {};
  const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (t.start === null || typeof t.start === 'string') out.start = t.start;
  if (finite(t.shift)) out.shift = Math.round(t.shift);
  if (finite(t.days)) out.days = Math.round(t.days);
  if (typeof t.room === 'string') out.room = t.room;
  if (finite(t.minutes)) out.minutes = t.minutes;
  return Object.keys(out).length ? out : undefined;
}
