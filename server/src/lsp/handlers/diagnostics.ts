/**
 * Publishes diagnostics: the first change after a pause is checked at once; in a burst of
 * changes the next check waits as long as the last one took (at most THROTTLE_MS), so a cheap
 * check adds no delay to any keystroke and a costly one cannot keep the server busy. A check
 * starts only once the messages that have arrived are handled (QueueWatch): edits queued
 * behind it would make its version stale, and requests would wait. Every publish carries the
 * version it was computed for, so a result for an older version is never sent after a newer one.
 */
import { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SettingsCache } from '../settings';
import { toDiagnostics, ProgrammeService } from '../../core';
import type { QueueWatch } from '../queue';

const THROTTLE_MS = 100;

export class DiagnosticsPublisher {
  private timers = new Map<string, NodeJS.Timeout>();
  /** Documents being checked, and those changed meanwhile (checked again when it ends). */
  private running = new Set<string>();
  private again = new Set<string>();
  /** When the last check of a document ended, and how long it took. */
  private lastRun = new Map<string, { end: number; cost: number }>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly workspace: ProgrammeService,
    private readonly settings: SettingsCache,
    private readonly queue?: QueueWatch,
  ) {}

  schedule(uri: string): void {
    if (this.timers.has(uri)) return;
    if (this.running.has(uri)) {
      this.again.add(uri);
      return;
    }
    const last = this.lastRun.get(uri);
    const delay = last ? Math.max(0, Math.min(THROTTLE_MS, last.cost) - (Date.now() - last.end)) : 0;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.publish(uri);
      }, delay),
    );
  }

  private async publish(uri: string): Promise<void> {
    this.running.add(uri);
    try {
      await this.check(uri);
    } finally {
      this.running.delete(uri);
      if (this.again.delete(uri)) this.schedule(uri);
    }
  }

  private async check(uri: string): Promise<void> {
    const settings = await this.settings.get(uri);
    await this.queue?.drained();
    const document = this.documents.get(uri);
    if (!document) return;
    const began = Date.now();
    try {
      const file = this.workspace.get(document);
      const problems = file.tooLarge ? [file.tooLarge] : file.analysis!.problems;
      const diagnostics = toDiagnostics(problems, document, settings.severity);
      const end = Date.now();
      this.lastRun.set(uri, { end, cost: end - began });
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
    this.again.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  refreshAll(): void {
    for (const d of this.documents.all()) this.schedule(d.uri);
  }
}
