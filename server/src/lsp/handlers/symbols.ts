/** Outline (document symbols), folding ranges and selection ranges, from the cached tree. */
import { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { documentSymbols, foldingRanges, selectionRanges } from '../../core';
import { KEPT_ANSWER_MS, recentFor } from '../recent';

export function symbolsFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.onDocumentSymbol((params, token) =>
    ctx.guard(
      'documentSymbol',
      null,
      () => {
        const r = recentFor(ctx, params.textDocument.uri, [], { editedWithinMs: KEPT_ANSWER_MS });
        return r ? r.finish(documentSymbols(r.file.analysis, r.document, token)) : null;
      },
      token,
    ),
  );
  ctx.connection.onFoldingRanges((params, token) =>
    ctx.guard(
      'foldingRange',
      null,
      () => {
        const r = recentFor(ctx, params.textDocument.uri, [], { editedWithinMs: KEPT_ANSWER_MS });
        const ranges = r && foldingRanges(r.file.analysis, r.document, token);
        return ranges ? ranges.map((f) => ({ ...f, startLine: r.line(f.startLine), endLine: r.line(f.endLine) })).filter((f) => f.endLine > f.startLine) : null;
      },
      token,
    ),
  );
  ctx.connection.onSelectionRanges((params) =>
    ctx.guard('selectionRange', null, () => {
      const r = recentFor(ctx, params.textDocument.uri, params.positions);
      return r ? r.finish(selectionRanges(r.file.analysis, r.document, r.positions)) : null;
    }),
  );
  return { documentSymbolProvider: true, foldingRangeProvider: true, selectionRangeProvider: true };
}
