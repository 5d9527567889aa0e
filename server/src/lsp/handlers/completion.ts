/** Completion: the core reads the cursor's context from the text and the cached analysis. */
import { CompletionParams, ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { complete } from '../../core';

export function completionFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.onCompletion((params: CompletionParams, token) =>
    ctx.guard(
      'completion',
      null,
      () => {
        const document = ctx.documents.get(params.textDocument.uri);
        if (!document) return null;
        return complete(ctx.workspace.get(document).analysis, document, params.position, params.context?.triggerCharacter, token);
      },
      token,
    ),
  );
  return { completionProvider: { triggerCharacters: [' ', '[', ',', '/', ':'], resolveProvider: false } };
}
