/**
 * Go to definition, find references and rename for person, room, track and topic ids. A
 * rename the core refuses (an id that exists, an invalid id) answers a ResponseError with the
 * core's message, which editors show to the user.
 */
import { ErrorCodes, Location, Range, ResponseError, ServerCapabilities, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../server';
import { referencesOf, symbolAt, Span, prepareRename, rename } from '../../core';

function toRange(document: TextDocument, span: Span): Range {
  return Range.create(document.positionAt(span.start), document.positionAt(span.end));
}

export function navigationFeature(ctx: ServerContext): ServerCapabilities {
  const { connection } = ctx;
  const open = (uri: string) => {
    const document = ctx.documents.get(uri);
    return document ? { document, analysis: ctx.workspace.get(document).analysis } : undefined;
  };
  connection.onDefinition((params) =>
    ctx.guard('definition', null, () => {
      const f = open(params.textDocument.uri);
      const symbol = f && symbolAt(f.analysis, f.document.offsetAt(params.position));
      return f && symbol?.declaration ? Location.create(params.textDocument.uri, toRange(f.document, symbol.declaration)) : null;
    }),
  );
  connection.onReferences((params, token) =>
    ctx.guard(
      'references',
      null,
      () => {
        const f = open(params.textDocument.uri);
        const symbol = f?.analysis && symbolAt(f.analysis, f.document.offsetAt(params.position));
        if (!f?.analysis || !symbol) return null;
        const spans = referencesOf(f.analysis, symbol, token) ?? [];
        if (params.context.includeDeclaration && symbol.declaration) spans.unshift(symbol.declaration);
        return spans.map((s) => Location.create(params.textDocument.uri, toRange(f.document, s)));
      },
      token,
    ),
  );
  connection.onPrepareRename((params) => {
    const result = ctx.guard('prepareRename', null, () => {
      const f = open(params.textDocument.uri);
      return f ? prepareRename(f.analysis, f.document.offsetAt(params.position)) : null;
    });
    const f = open(params.textDocument.uri);
    if (!result || !f) return null;
    if ('error' in result) return new ResponseError(ErrorCodes.InvalidRequest, result.error);
    return { range: toRange(f.document, result.span), placeholder: result.placeholder };
  });
  connection.onRenameRequest((params, token) => {
    const f = open(params.textDocument.uri);
    const result = f && ctx.guard('rename', null, () => rename(f.analysis, f.document.offsetAt(params.position), params.newName, token));
    if (!f || !result) return null;
    if ('error' in result) return new ResponseError(ErrorCodes.InvalidRequest, result.error);
    const edits = result.edits.map((e) => TextEdit.replace(toRange(f.document, e.span), e.newText));
    return { changes: { [params.textDocument.uri]: edits } };
  });
  return { definitionProvider: true, referencesProvider: true, renameProvider: { prepareProvider: true } };
}
