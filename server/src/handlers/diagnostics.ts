/**
 * Publishes diagnostics: the first change after a pause is checked at once, later changes in
 * a burst at most every THROTTLE_MS, and every publish carries the version it was computed
 * for, so a result for an older version is never sent after a newer one.
 */
import { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostics } from '../core/diagnostics';
import { ProgrammeWorkspace } from '../core/workspace';
import { SettingsCache } from '../settings';

const THROTTLE_MS = 100;

export class DiagnosticsPublisher {
  private timers = new Map<string, NodeJS.Timeout>();
  private lastRun = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly workspace: ProgrammeWorkspace,
    private readonly settings: SettingsCache,
  ) {}

  schedule(uri: string): void {
    if (this.timers.has(uri)) return;
    const since = Date.now() - (this.lastRun.get(uri) ?? 0);
    const delay = since >= THROTTLE_MS ? 0 : THROTTLE_MS - since;
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.publish(uri);
    }, delay));
  }

  async publish(uri: string): Promise<void> {
    const settings = await this.settings.get(uri);
    const document = this.documents.get(uri);
    if (!document) return;
    this.lastRun.set(uri, Date.now());
    try {
      const file = this.workspace.get(document);
      const problems = file.tooLarge ? [file.tooLarge] : file.analysis!.problems;
      // The document may have changed while settings were fetched: only the current version counts.
      if (this.documents.get(uri)?.version !== document.version) return this.schedule(uri);
      const diagnostics = toDiagnostics(problems, document, settings.severity);
      await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    } catch (error) {
      this.connection.console.error(`checking ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  clear(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.lastRun.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  refreshAll(): void {
    for (const d of this.documents.all()) this.schedule(d.uri);
  }
}
