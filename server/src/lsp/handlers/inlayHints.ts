/** Inlay hints: computed end times after durations, weekdays after dates. */
import { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { inlayHints } from '../../core';

export function inlayHintsFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.languages.inlayHint.on((params, token) =>
    ctx.guard(
      'inlayHint',
      null,
      () => {
        const document = ctx.documents.get(params.textDocument.uri);
        return document ? inlayHints(ctx.workspace.get(document).analysis, document, params.range, token) : null;
      },
      token,
    ),
  );
  return { inlayHintProvider: true };
}
