/** Completion: the core reads the cursor's context from the text and the cached analysis. */
import { CompletionParams, ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { complete } from '../../core';
import { recentFor } from '../recent';

export function completionFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.onCompletion((params: CompletionParams, token) =>
    ctx.guard(
      'completion',
      null,
      () => {
        const r = recentFor(ctx, params.textDocument.uri, [params.position]);
        return r ? r.finish(complete(r.file.analysis, r.document, r.positions[0], params.context?.triggerCharacter, token)) : null;
      },
      token,
    ),
  );
  return { completionProvider: { triggerCharacters: [' ', '[', ',', '/', ':'], resolveProvider: false } };
}
