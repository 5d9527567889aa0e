/** Quick fixes: the core computes them from the document's current analysis. */
import { CodeActionKind, CodeActionParams, ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { codeActions } from '../../core';

export function codeActionsFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.onCodeAction((params: CodeActionParams) =>
    ctx.guard('codeAction', null, () => {
      const document = ctx.documents.get(params.textDocument.uri);
      if (!document) return null;
      if (params.context.only && !params.context.only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return null;
      const file = ctx.workspace.get(document);
      if (!file.analysis) return null;
      return codeActions(file.analysis, document, params.range, params.context.diagnostics);
    }),
  );
  return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } };
}
