/**
 * Fuzzing a live language server: random edit sequences sent as incremental didChange
 * notifications, with the requests the server advertises sent at random positions in
 * between. Properties: every request is answered (no error response), and the diagnostics
 * published for the final version equal those of a fresh server that opens the final text.
 * Shared by the CI-sized run (test/lsp/fuzz.test.ts) and the long run (test/fuzz/lsp.test.ts).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, ServerCapabilities } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { EXAMPLE_TEXT, Edit, edit, place } from './properties';

type Params = (uri: string, at: Position, doc: TextDocument) => unknown;

/** Requests worth sending mid-session, by the capability that announces them. */
const REQUESTS: { capability: keyof ServerCapabilities; method: string; params: Params }[] = [
  { capability: 'hoverProvider', method: 'textDocument/hover', params: (uri, at) => ({ textDocument: { uri }, position: at }) },
  { capability: 'completionProvider', method: 'textDocument/completion', params: (uri, at) => ({ textDocument: { uri }, position: at }) },
  { capability: 'documentSymbolProvider', method: 'textDocument/documentSymbol', params: (uri) => ({ textDocument: { uri } }) },
  { capability: 'foldingRangeProvider', method: 'textDocument/foldingRange', params: (uri) => ({ textDocument: { uri } }) },
  { capability: 'selectionRangeProvider', method: 'textDocument/selectionRange', params: (uri, at) => ({ textDocument: { uri }, positions: [at] }) },
  { capability: 'definitionProvider', method: 'textDocument/definition', params: (uri, at) => ({ textDocument: { uri }, position: at }) },
  {
    capability: 'referencesProvider',
    method: 'textDocument/references',
    params: (uri, at) => ({ textDocument: { uri }, position: at, context: { includeDeclaration: true } }),
  },
  { capability: 'renameProvider', method: 'textDocument/prepareRename', params: (uri, at) => ({ textDocument: { uri }, position: at }) },
  { capability: 'documentHighlightProvider', method: 'textDocument/documentHighlight', params: (uri, at) => ({ textDocument: { uri }, position: at }) },
  {
    capability: 'inlayHintProvider',
    method: 'textDocument/inlayHint',
    params: (uri, _at, doc) => ({ textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) } }),
  },
  {
    capability: 'codeActionProvider',
    method: 'textDocument/codeAction',
    params: (uri, at) => ({ textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } }),
  },
];

/** The requests a server advertises (features it lacks are simply not fuzzed). */
export function advertised(capabilities: ServerCapabilities): typeof REQUESTS {
  return REQUESTS.filter((r) => !!capabilities[r.capability]);
}

export type Action = { kind: 'edit'; edit: Edit } | { kind: 'request'; which: number; at: number };

export function actions(requestCount: number, maxLength = 12): fc.Arbitrary<Action[]> {
  const e = edit().map((x): Action => ({ kind: 'edit', edit: x }));
  const r = fc
    .record({ which: fc.nat(Math.max(0, requestCount - 1)), at: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map(({ which, at }): Action => ({ kind: 'request', which, at }));
  return fc.array(requestCount ? fc.oneof({ weight: 3, arbitrary: e }, { weight: 2, arbitrary: r }) : e, { minLength: 1, maxLength });
}

/** Diagnostics in a form that does not depend on the document's URI. */
export function comparable(diagnostics: Diagnostic[], uri: string): string {
  return JSON.stringify(diagnostics).split(JSON.stringify(uri).slice(1, -1)).join('<uri>');
}

export interface Servers {
  live: LspClient;
  fresh: LspClient;
  requests: typeof REQUESTS;
}

export async function startServers(): Promise<Servers> {
  const live = new LspClient();
  const fresh = new LspClient();
  const init = (await live.initialize()) as { capabilities: ServerCapabilities };
  await fresh.initialize();
  return { live, fresh, requests: advertised(init.capabilities) };
}

export async function stopServers(s: Servers | undefined): Promise<void> {
  await Promise.all([s?.live.shutdown(), s?.fresh.shutdown()]);
}

let sessions = 0;

/** One session on the long-lived server, checked against a fresh open of its final text. */
export async function runSession(s: Servers, steps: Action[], timeoutMs = 60_000): Promise<void> {
  const n = ++sessions;
  const uri = `file:///fuzz/session-${n}.programme.yaml`;
  let doc = TextDocument.create(uri, 'programme', 1, EXAMPLE_TEXT);
  await s.live.open(uri, EXAMPLE_TEXT, 1);
  const pending: Promise<unknown>[] = [];
  for (const step of steps) {
    if (step.kind === 'edit') {
      const { start, end } = place(doc.getText(), step.edit);
      const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
      // The mirror applies the change as the server's TextDocument does (CRLF, surrogates).
      doc = TextDocument.update(doc, [{ range, text: step.edit.insert }], doc.version + 1);
      await s.live.change(uri, [{ range, text: step.edit.insert }]);
    } else {
      const r = s.requests[step.which];
      const at = doc.positionAt(Math.floor(step.at * doc.getText().length));
      pending.push(
        s.live.request(r.method, r.params(uri, at, doc)).then(
          () => undefined,
          (error: unknown) => {
            throw new Error(`${r.method} at ${at.line}:${at.character} got an error response: ${String(error)}`);
          },
        ),
      );
    }
  }
  await Promise.all(pending);
  const text = doc.getText();
  const finalDiagnostics = await s.live.waitDiagnostics(uri, doc.version, timeoutMs);
  const freshUri = `file:///fuzz/fresh-${n}.programme.yaml`;
  await s.fresh.open(freshUri, text, 1);
  const freshDiagnostics = await s.fresh.waitDiagnostics(freshUri, 1, timeoutMs);
  await Promise.all([s.live.close(uri), s.fresh.close(freshUri)]);
  assert.equal(
    comparable(finalDiagnostics, uri),
    comparable(freshDiagnostics, freshUri),
    `diagnostics after ${steps.length} steps differ from a fresh open of the final text:\n${JSON.stringify(text)}`,
  );
  assert.equal(s.live.process.exitCode, null, `the server exited:\n${s.live.stderr}`);
}
