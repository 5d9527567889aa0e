/**
 * The user's `programme.*` settings, per resource, fetched from the client with
 * `workspace/configuration` and cached by URI until the configuration changes.
 */
import { Connection } from 'vscode-languageserver';
import { SeverityMap, DEFAULT_MAX_FILE_MB } from '../core';

export interface Settings {
  severity: SeverityMap;
  maxFileSize: number;
}

export const DEFAULT_SETTINGS: Settings = { severity: {}, maxFileSize: DEFAULT_MAX_FILE_MB };

export class SettingsCache {
  private cache = new Map<string, Promise<Settings>>();
  /** Settings already received, for code that cannot wait (the workspace's size limit). */
  private resolved = new Map<string, Settings>();
  private supported = false;

  constructor(private readonly connection: Connection) {}

  enable(supported: boolean): void {
    this.supported = supported;
  }

  get(uri: string): Promise<Settings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'programme' }).then(normalise, () => DEFAULT_SETTINGS);
      this.cache.set(uri, s);
      const asked = s;
      void s.then((settings) => {
        if (this.cache.get(uri) === asked) this.resolved.set(uri, settings);
      });
    }
    return s;
  }

  /** The settings of `uri` if they have arrived, else undefined. */
  known(uri: string): Settings | undefined {
    return this.supported ? this.resolved.get(uri) : DEFAULT_SETTINGS;
  }

  clear(): void {
    this.cache.clear();
    this.resolved.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.resolved.delete(uri);
  }
}

function normalise(raw: unknown): Settings {
  const r = (raw ?? {}) as { diagnostics?: { severity?: unknown }; maxFileSize?: unknown };
  const severity = r.diagnostics?.severity;
  return {
    severity: severity && typeof severity === 'object' ? (severity as SeverityMap) : {},
    maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : DEFAULT_MAX_FILE_MB,
  };
}
