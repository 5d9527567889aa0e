/** Completion: the core reads the cursor's context from the text and the cached analysis. */
import { ServerCapabilities, TextDocumentPositionParams } from 'vscode-languageserver';
import { complete } from '../core/complete';
import type { ServerContext } from '../server';

export function completionFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.onCompletion((params: TextDocumentPositionParams) => ctx.guard('completion', null, () => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return null;
    return complete(ctx.workspace.get(document).analysis, document, params.position);
  }));
  return { completionProvider: { triggerCharacters: [' ', '[', ',', '/', ':', '-'], resolveProvider: false } };
}
