/**
 * The language server: capabilities and the registration of one thin handler per feature.
 * Every handler looks up the analysed document, calls the core and returns; a failing
 * handler answers nothing rather than taking the server (or other features) down.
 */
import { Connection, TextDocuments, TextDocumentSyncKind, InitializeResult, DidChangeConfigurationNotification } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsPublisher } from './handlers/diagnostics';
import { SettingsCache } from './settings';
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
  /** Runs a handler body, logging and answering `fallback` if it throws. */
  guard<T>(name: string, fallback: T, body: () => T): T;
}

export function startServer(connection: Connection, options: { solver?: MilpSolver } = {}): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsCache(connection);
  const workspace = createProgrammeService({
    maxFileMegabytes: (uri) => settings.known(uri)?.maxFileSize ?? DEFAULT_MAX_FILE_MB,
    onError: (where, error) => connection.console.error(`${where} failed: ${error instanceof Error ? error.stack : String(error)}`),
  });
  const diagnostics = new DiagnosticsPublisher(connection, documents, workspace, settings);
  const ctx: ServerContext = {
    connection, documents, workspace, settings, diagnostics, solver: options.solver,
    guard(name, fallback, body) {
      try {
        return body();
      } catch (error) {
        connection.console.error(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
        return fallback;
      }
    },
  };

  let registerConfigurationChanges = false;
  connection.onInitialize((params): InitializeResult => {
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
