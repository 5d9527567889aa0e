/**
 * A small LSP client for the benchmark: spawns a server over stdio, as an editor does, counts
 * the diagnostics published per document, answers `workspace/configuration`, and reads the
 * server's resident memory.
 */
import { spawn, ChildProcess } from 'child_process';
import { readFileSync } from 'fs';
import {
  createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

export class BenchClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  /** Publishes per URI, and the last one. */
  private published = new Map<string, { count: number; last: PublishDiagnosticsParams }>();
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  capabilities: Record<string, unknown> = {};

  constructor(script: string, args: string[], private readonly configuration: (section: string) => unknown, nodeArgs: string[] = []) {
    this.process = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const entry = this.published.get(p.uri);
      this.published.set(p.uri, { count: (entry?.count ?? 0) + 1, last: p });
      const w = this.waiters;
      this.waiters = [];
      w.forEach((f) => f());
    });
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => this.configuration(i.section ?? '')));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  async initialize(rootUri: string | null): Promise<void> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid, rootUri, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    }) as { capabilities: Record<string, unknown> };
    this.capabilities = result.capabilities;
    await this.connection.sendNotification('initialized', {});
  }

  publishCount(uri: string): number {
    return this.published.get(uri)?.count ?? 0;
  }

  lastDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    return this.published.get(uri)?.last;
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * Waits until `uri` has had more than `after` publishes, and, when the server sends versions,
   * one for `version` or later (a server that sends no version is taken at its next publish).
   */
  async waitPublish(uri: string, after: number, version?: number, timeoutMs = 300_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const p = this.published.get(uri);
      if (p && p.count > after && (version === undefined || p.last.version === undefined || p.last.version === null || p.last.version >= version)) return;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Resident memory of the server process, in MB (Linux /proc). */
  rssMb(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      return m ? Number(m[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
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
        const t = setTimeout(() => { this.process.kill(); resolve(); }, 3000);
        this.process.once('exit', () => { clearTimeout(t); resolve(); });
      });
    }
  }
}
