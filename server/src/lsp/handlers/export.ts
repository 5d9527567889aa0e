/**
 * `programme/export` ({uri, format, force?} → {content} or {errors}): the editor's export
 * commands ask for the text of an open programme's export; the client saves it.
 */
import { ServerCapabilities } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../server';
import { EXPORT_METHOD, ExportParams, ExportResult } from '../../protocol';
import { EXPORT_FORMATS, exportModel, isExportFormat, CODES } from '../../core';

export function exportFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.onRequest(EXPORT_METHOD, (params: ExportParams): ExportResult => ctx.guard<ExportResult>('export', { errors: ['internal error: see the output channel'] }, () => {
    const document = ctx.documents.get(params.uri);
    if (!document) return { errors: [`${params.uri} is not open`] };
    if (!isExportFormat(params.format)) return { errors: [`unknown format \`${params.format}\`: use ${EXPORT_FORMATS.join(', ')}`] };
    const file = ctx.workspace.get(document);
    if (!file.analysis) return { errors: [file.tooLarge?.message ?? 'the file is too large'] };
    const errors = file.analysis.problems.filter((p) => (p.severity ?? CODES[p.code]) === 'error');
    if (errors.length && !params.force) return { errors: errors.map((p) => place(document, p.start) + `: ${p.code}: ${p.message}`) };
    return { content: exportModel(file.analysis.model, params.format) };
  }));
  return {};
}

function place(document: TextDocument, offset: number): string {
  const p = document.positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}
