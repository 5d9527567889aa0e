/**
 * `programme/export` ({uri, format, force?} → {content} or {errors}): the editor's export
 * commands ask for the text of an open programme's export; the client saves it.
 */
import { ServerCapabilities } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../server';
import { EXPORT_METHOD, ExportParams, ExportResult } from '../../protocol';
import { EXPORT_FORMATS, exportModel, isExportFormat, mayExport } from '../../core';

export function exportFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.onRequest(EXPORT_METHOD, async (params: ExportParams): Promise<ExportResult> => {
    // The user's severities decide what is an error, as in `programme export`.
    const settings = await ctx.settings.get(params.uri);
    return ctx.guard<ExportResult>('export', { errors: ['internal error: see the output channel'] }, () => {
      const document = ctx.documents.get(params.uri);
      if (!document) return { errors: [`${params.uri} is not open`] };
      if (!isExportFormat(params.format)) return { errors: [`unknown format \`${params.format}\`: use ${EXPORT_FORMATS.join(', ')}`] };
      const decision = mayExport(ctx.workspace.get(document), settings.severity, params.force);
      if (!decision.ok && decision.why === 'too-large') return { errors: [decision.message] };
      if (!decision.ok) return { errors: decision.errors.map((p) => place(document, p.start) + `: ${p.code}: ${p.message}`) };
      return { content: exportModel(decision.analysis.model, params.format) };
    });
  });
  return {};
}

function place(document: TextDocument, offset: number): string {
  const p = document.positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}
