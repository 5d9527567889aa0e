/**
 * A minimal LSP client, driving a server over stdio as an editor would: sends requests and
 * notifications, answers `workspace/configuration`, and waits for published diagnostics. The
 * tests use it on our `dist/server.js`; the benchmark on ours and on yaml-language-server.
 */
import { spawn, ChildProcess } from 'child_process';
import * as path from 'path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { SERVER_LAUNCH } from '../../server/src/launch';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

/** How much of the server's stderr is kept (the end of it), for failure messages. */
const STDERR_KEPT = 64 * 1024;

export interface LspClientOptions {
  /** The server's script (default: our dist/server.js), run with `--stdio` and `args`. */
  script?: string;
  args?: string[];
  /** Options for node itself, before the script (`--cpu-prof`...). */
  nodeArgs?: string[];
  /**
   * The Node options and environment the process starts with, before `nodeArgs`: by default
   * those the extension starts our server with, unless another `script` is given.
   */
  launch?: { readonly execArgv: readonly string[]; readonly env: Readonly<Record<string, string>> };
  /** The language id documents are opened with (default `programme`). */
  languageId?: string;
}

export class LspClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  private diagnostics = new Map<string, PublishDiagnosticsParams>();
  private counts = new Map<string, number>();
  /** Every publishDiagnostics notification received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  private readonly languageId: string;
  /** The end of what the server wrote to stderr. */
  stderr = '';
  /** The capabilities the server announced in its `initialize` answer. */
  capabilities: Record<string, unknown> = {};

  /**
   * What `workspace/configuration` answers: one value for every section asked for, or a
   * function of the section.
   */
  configuration: unknown = {};

  constructor(options: LspClientOptions = {}) {
    const { script = SERVER, args = [], nodeArgs = [] } = options;
    this.languageId = options.languageId ?? 'programme';
    const launch = options.launch ?? (options.script ? { execArgv: [], env: {} } : SERVER_LAUNCH);
    this.process = spawn(process.execPath, [...launch.execArgv, ...nodeArgs, script, '--stdio', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...launch.env },
    });
    this.process.stderr!.on('data', (d) => {
      this.stderr = (this.stderr + String(d)).slice(-STDERR_KEPT);
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.counts.set(p.uri, (this.counts.get(p.uri) ?? 0) + 1);
      this.published.push(p);
      const w = this.waiters;
      this.waiters = [];
      w.forEach((f) => f());
    });
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (typeof this.configuration === 'function' ? this.configuration(i.section ?? '') : this.configuration)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  /** Initializes the server, with `rootUri` as the one workspace folder when given. */
  async initialize(rootUri: string | null = null): Promise<unknown> {
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    })) as { capabilities: Record<string, unknown> };
    this.capabilities = result.capabilities;
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: this.languageId, version, text } });
  }

  /** Sends an incremental change; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Waits for diagnostics of `uri` (of `version` or later, when given). */
  async waitDiagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<Diagnostic[]> {
    await this.waitUntil(
      () => {
        const p = this.diagnostics.get(uri);
        return !!p && (version === undefined || (p.version ?? 0) >= version);
      },
      timeoutMs,
      `no diagnostics for ${uri}${version ? ` version ${version}` : ''} within ${timeoutMs} ms`,
    );
    return this.diagnostics.get(uri)!.diagnostics;
  }

  /** How many times diagnostics of `uri` were published. */
  publishCount(uri: string): number {
    return this.counts.get(uri) ?? 0;
  }

  /**
   * Waits until `uri` has had more than `after` publishes, and, when the server sends versions,
   * one for `version` or later (a server that sends no version is taken at its next publish).
   */
  async waitPublish(uri: string, after: number, version?: number, timeoutMs = 300_000): Promise<void> {
    await this.waitUntil(
      () => {
        const p = this.diagnostics.get(uri);
        return this.publishCount(uri) > after && (version === undefined || p?.version === undefined || p.version === null || p.version >= version);
      },
      timeoutMs,
      `no diagnostics for ${uri} within ${timeoutMs} ms`,
    );
  }

  private async waitUntil(done: () => boolean, timeoutMs: number, failure: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(failure);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** The last diagnostics published for `uri`, with their version. */
  last(uri: string): PublishDiagnosticsParams | undefined {
    return this.diagnostics.get(uri);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.process.kill();
          resolve();
        }, 3000);
        this.process.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }
}

/** A language server with one document open, for the tests of a suite: see `serverWith`. */
export interface ServerWithDocument {
  /** The client of the running server (set once the suite has started). */
  readonly client: LspClient;
  /** The diagnostics first published for the document. */
  readonly diagnostics: Diagnostic[];
  readonly uri: string;
  readonly text: string;
}

/**
 * Call in a suite's body: before its tests, starts and initializes a server, opens `text` at
 * `uri` and waits for the document's first diagnostics; after them, shuts the server down.
 */
export function serverWith(uri: string, text: string): ServerWithDocument {
  let client: LspClient | undefined;
  let diagnostics: Diagnostic[] = [];
  suiteSetup(async () => {
    client = new LspClient();
    await client.initialize();
    await client.open(uri, text);
    diagnostics = await client.waitDiagnostics(uri, 1);
  });
  suiteTeardown(async () => client?.shutdown());
  return {
    get client(): LspClient {
      if (!client) throw new Error('the server starts with the suite: use it in a test or a hook');
      return client;
    },
    get diagnostics(): Diagnostic[] {
      return diagnostics;
    },
    uri,
    text,
  };
}
