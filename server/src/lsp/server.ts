/**
 * The language server: capabilities and the registration of one thin handler per feature.
 * Every handler looks up the analysed document, calls the core and returns; a failing
 * handler answers nothing rather than taking the server (or other features) down.
 */
import {
  CancellationToken,
  Connection,
  ConnectionOptions,
  ConnectionStrategy,
  DidChangeConfigurationNotification,
  ErrorCodes,
  InitializeResult,
  LSPErrorCodes,
  Message,
  ResponseError,
  ResponseMessage,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsPublisher } from './handlers/diagnostics';
import { SettingsCache } from './settings';
import { QueueWatch } from './queue';
import { registerFeatures } from './handlers/features';
import { createProgrammeService, ProgrammeService, DEFAULT_MAX_FILE_MB, PROGRAMME_VERSION, type MilpSolver } from '../core';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The programme service this server owns: every open document's state, dropped on close. */
  workspace: ProgrammeService;
  settings: SettingsCache;
  diagnostics: DiagnosticsPublisher;
  /** The MILP solver for `programme/plan`; none where it cannot be loaded (a web worker). */
  solver?: MilpSolver;
  /**
   * Runs a handler body, logging and answering `fallback` if it throws. Given the request's
   * token, a request cancelled meanwhile answers the RequestCancelled error (-32800) instead.
   */
  guard<T>(name: string, fallback: T, body: () => T): T;
  guard<T>(name: string, fallback: T, body: () => T, token: CancellationToken): T | ResponseError<void>;
}

/** The error a cancelled request answers, as the LSP specification asks. */
export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/**
 * How the connection treats a request cancelled while it still waits in the queue: it is
 * answered at once with RequestCancelled, without running (pass to `createConnection`).
 */
export const CONNECTION_STRATEGY: ConnectionStrategy = {
  cancelUndispatched: (message: Message): ResponseMessage | undefined =>
    Message.isRequest(message) ? { jsonrpc: '2.0', id: message.id, error: cancelled().toJson() } : undefined,
};

/**
 * What `createConnection` is given (ConnectionOptions): queued requests cancelled answer at once,
 * and dispatched messages are counted for `queue` (see queue.ts). One per connection.
 */
export function connectionOptions(queue: QueueWatch): ConnectionOptions {
  return { connectionStrategy: CONNECTION_STRATEGY, messageStrategy: queue.strategy };
}

export function startServer(connection: Connection, options: { solver?: MilpSolver; queue?: QueueWatch } = {}): void {
  const settings = new SettingsCache(connection);
  const workspace = createProgrammeService({
    maxFileMegabytes: (uri) => settings.known(uri)?.maxFileSize ?? DEFAULT_MAX_FILE_MB,
    onError: (where, error) => connection.console.error(`${where} failed: ${error instanceof Error ? error.stack : String(error)}`),
  });
  // Each change is applied one at a time and told to the service, which maps positions around
  // it when a request is answered from an earlier analysis (recent.ts).
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (document, changes, version) => {
      for (const change of changes) {
        const [start, end] = 'range' in change ? [document.offsetAt(change.range.start), document.offsetAt(change.range.end)] : [0, document.getText().length];
        workspace.edited(document.uri, { start, end, length: change.text.length });
        document = TextDocument.update(document, [change], version);
      }
      return changes.length ? document : TextDocument.update(document, changes, version);
    },
  });
  const diagnostics = new DiagnosticsPublisher(connection, documents, workspace, settings, options.queue);
  const ctx: ServerContext = {
    connection,
    documents,
    workspace,
    settings,
    diagnostics,
    solver: options.solver,
    guard<T>(name: string, fallback: T, body: () => T, token?: CancellationToken): T | ResponseError<void> {
      if (token?.isCancellationRequested) return cancelled();
      try {
        const result = body();
        return token?.isCancellationRequested ? cancelled() : result;
      } catch (error) {
        connection.console.error(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
        return fallback;
      }
    },
  } as ServerContext;

  // Until `initialize` is answered, every request gets ServerNotInitialized (-32002), as the
  // specification asks; afterwards a method nobody handles gets MethodNotFound (-32601).
  let initialized = false;
  connection.onRequest((method: string) =>
    initialized
      ? new ResponseError(ErrorCodes.MethodNotFound, `unhandled method ${method}`)
      : new ResponseError(ErrorCodes.ServerNotInitialized, `the server is not initialized: send \`initialize\` first (got \`${method}\`)`),
  );

  let registerConfigurationChanges = false;
  connection.onInitialize((params): InitializeResult => {
    initialized = true;
    settings.enable(!!params.capabilities.workspace?.configuration);
    registerConfigurationChanges = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    return {
      capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental }, ...registerFeatures(ctx) },
      serverInfo: { name: 'conference-programme', version: PROGRAMME_VERSION },
    };
  });
  // Settings are pulled (workspace/configuration); the client says when `programme.*` changed.
  connection.onInitialized(() => {
    if (registerConfigurationChanges) connection.client.register(DidChangeConfigurationNotification.type, { section: 'programme' }).catch(() => undefined);
  });
  connection.onDidChangeConfiguration(() => {
    settings.clear();
    diagnostics.refreshAll();
  });
  documents.onDidOpen((e) => diagnostics.schedule(e.document.uri));
  documents.onDidChangeContent((e) => diagnostics.schedule(e.document.uri));
  documents.onDidClose((e) => {
    workspace.close(e.document.uri);
    settings.forget(e.document.uri);
    diagnostics.clear(e.document.uri);
  });
  documents.listen(connection);
  connection.listen();
}
