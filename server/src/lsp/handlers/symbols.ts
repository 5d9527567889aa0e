/** Outline (document symbols), folding ranges and selection ranges, from the cached tree. */
import { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { documentSymbols, foldingRanges, selectionRanges } from '../../core';

export function symbolsFeature(ctx: ServerContext): ServerCapabilities {
  const open = (uri: string) => {
    const document = ctx.documents.get(uri);
    return document ? { document, analysis: ctx.workspace.get(document).analysis } : undefined;
  };
  ctx.connection.onDocumentSymbol((params, token) =>
    ctx.guard(
      'documentSymbol',
      null,
      () => {
        const f = open(params.textDocument.uri);
        return f ? documentSymbols(f.analysis, f.document, token) : null;
      },
      token,
    ),
  );
  ctx.connection.onFoldingRanges((params, token) =>
    ctx.guard(
      'foldingRange',
      null,
      () => {
        const f = open(params.textDocument.uri);
        return f ? foldingRanges(f.analysis, f.document, token) : null;
      },
      token,
    ),
  );
  ctx.connection.onSelectionRanges((params) =>
    ctx.guard('selectionRange', null, () => {
      const f = open(params.textDocument.uri);
      return f ? selectionRanges(f.analysis, f.document, params.positions) : null;
    }),
  );
  return { documentSymbolProvider: true, foldingRangeProvider: true, selectionRangeProvider: true };
}
