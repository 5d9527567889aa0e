/** Hover: schema documentation, people, times in several zones, zone offsets. */
import { HoverParams, ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { hover } from '../../core';

export function hoverFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.onHover((params: HoverParams) =>
    ctx.guard('hover', null, () => {
      const document = ctx.documents.get(params.textDocument.uri);
      if (!document) return null;
      return hover(ctx.workspace.get(document).analysis, document, document.offsetAt(params.position));
    }),
  );
  return { hoverProvider: true };
}
