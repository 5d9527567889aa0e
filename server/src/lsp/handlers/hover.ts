/** Hover: schema documentation, people, times in several zones, zone offsets. */
import { HoverParams, ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { hover } from '../../core';
import { recentFor } from '../recent';

export function hoverFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.onHover((params: HoverParams) =>
    ctx.guard('hover', null, () => {
      const r = recentFor(ctx, params.textDocument.uri, [params.position]);
      return r ? r.finish(hover(r.file.analysis, r.document, r.document.offsetAt(r.positions[0]))) : null;
    }),
  );
  return { hoverProvider: true };
}
