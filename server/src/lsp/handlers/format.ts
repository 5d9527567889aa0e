/** "Format Document": the core's canonical form, as one edit; a file that cannot be formatted says why. */
import { ServerCapabilities, TextEdit } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { formatProgramme } from '../../core';

export function formatFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.onDocumentFormatting((params) =>
    ctx.guard('formatting', null, () => {
      const document = ctx.documents.get(params.textDocument.uri);
      if (!document) return null;
      const text = document.getText();
      const result = formatProgramme(text);
      if (!result.ok) {
        void ctx.connection.window.showWarningMessage(`Programme not formatted: ${result.reason}`);
        return [];
      }
      if (!result.changed) return [];
      return [TextEdit.replace({ start: document.positionAt(0), end: document.positionAt(text.length) }, result.text)];
    }),
  );
  return { documentFormattingProvider: true };
}
