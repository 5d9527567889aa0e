/**
 * The preview's HTML shell: a strict CSP with a fresh nonce per render, the bundled script and
 * style from dist/, and the initial state in an escaped data attribute (never inline script).
 */
import * as vscode from 'vscode';
import type { InitialState } from '../../webview/messages';

export const VIEW_TYPE = 'programme.preview';

/** Options for a preview panel: scripts on, forms off, resources only from the extension's dist/. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

/** 16 random bytes, base64: Web Crypto, present in Node 20 and in web workers alike. */
function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, state: InitialState): string {
  const nonce = makeNonce();
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString();
  const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString();
  const src = webview.cspSource;
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${src}; img-src ${src} https: data:; font-src ${src}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeAttribute(style)}">
<title>Schedule preview</title>
</head>
<body>
<div id="app" data-state="${escapeAttribute(JSON.stringify(state))}"></div>
<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(script)}"></script>
</body>
</html>`;
}
