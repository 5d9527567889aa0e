// Shared by the end-to-end tests: they run inside VS Code's extension host with the real API.
// They also run in the web worker extension host (test/e2e/web/), so they use no Node module:
// files through vscode.workspace.fs, settings from the environment only where there is one.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** An environment variable, in the Node extension host; undefined in the web worker one. */
export function env(name: string): string | undefined {
  return typeof process === 'undefined' ? undefined : process.env?.[name] || undefined;
}

export const EXAMPLE = 'lpc2021-vfio-iommu-pci.programme.yaml';
export const DEFAULT_TIMEOUT_MS = Number(env('PROGRAMME_E2E_WAIT_MS')) || 20_000;

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Writes `text` to `uri` through a temporary file, so that a reader never sees half of it. */
export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  const temporary = uri.with({ path: `${uri.path}.tmp` });
  await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
  await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code was started without a workspace folder (expected test/e2e/workspace)');
  return folder.uri;
}

export function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

// Each test file is bundled with its own copy of this module: counters live on globalThis. The
// web runner puts the bridge's folder there too (a web worker has no environment).
const counters = ((globalThis as { __programmeE2e?: { copies: number; requests: number; bridge?: string } }).__programmeE2e ??= {
  copies: 0,
  requests: 0,
});

/**
 * A fresh copy of the example (or of `text`) under a name no other test uses, so that each test
 * starts from a document whose diagnostics nobody has published yet and whose edits stay its own.
 */
export async function freshCopy(label: string, text?: string): Promise<vscode.Uri> {
  const source = workspaceFile(EXAMPLE);
  const content = text ?? (await readText(source));
  counters.copies += 1;
  const uri = workspaceFile(`tmp-${counters.copies}-${label}.programme.yaml`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

export function severityName(severity: vscode.DiagnosticSeverity): string {
  return ['Error', 'Warning', 'Information', 'Hint'][severity] ?? String(severity);
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined || code === null) return undefined;
  if (typeof code === 'object') return String(code.value);
  return String(code);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map(
      (d) =>
        `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d.severity)}` +
        ` [${codeOf(d) ?? 'no code'}] ${d.message}` +
        (d.source ? ` (${d.source})` : ''),
    )
    .join('\n');
}

/** Resolves after `promise`, or rejects with `message()` once `ms` have passed. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Waits, on vscode.languages.onDidChangeDiagnostics, until the diagnostics of `uri` satisfy
 * `accept`. With `fresh: true` the ones present now do not count: only a publication that
 * arrives after the call does (use it right after opening or editing the document).
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  { timeoutMs = DEFAULT_TIMEOUT_MS, fresh = false }: { timeoutMs?: number; fresh?: boolean } = {},
): Promise<vscode.Diagnostic[]> {
  let subscription: vscode.Disposable | undefined;
  const done = new Promise<vscode.Diagnostic[]>((resolve) => {
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (accept(diagnostics)) resolve(diagnostics);
    });
    if (!fresh) {
      const now = vscode.languages.getDiagnostics(uri);
      if (accept(now)) resolve(now);
    }
  });
  return withTimeout(
    done,
    timeoutMs,
    () =>
      `Timed out after ${timeoutMs / 1000} s waiting for diagnostics of ${baseName(uri)}: ${what}.\n` +
      `Diagnostics now:\n${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`,
  ).finally(() => subscription?.dispose());
}

/** Opens `uri` in an editor and waits for the first diagnostics published for it after that. */
export async function openAndWaitForDiagnostics(
  uri: vscode.Uri,
): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  // The first document may wait for the extension to activate and its language server to start.
  const published = waitForDiagnostics(uri, () => true, 'the first publication after opening the document', {
    fresh: true,
    timeoutMs: Math.max(DEFAULT_TIMEOUT_MS, 45_000),
  });
  published.catch(() => undefined); // awaited below; keeps an early rejection from going unhandled
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const diagnostics = await published;
  return { document, editor, diagnostics };
}

/** Position of the `occurrence`-th (0-based) match of `needle`, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, occurrence = 0): vscode.Position {
  const text = document.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    assert.notEqual(index, -1, `"${needle}" (occurrence ${occurrence + 1}) not found in ${baseName(document.uri)}`);
  }
  return document.positionAt(index + offset);
}

export function rangeOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const start = positionOf(document, needle, 0, occurrence);
  return new vscode.Range(start, document.positionAt(document.offsetAt(start) + needle.length));
}

/** Replaces the first `needle` with `replacement` through a WorkspaceEdit. */
export async function replaceText(document: vscode.TextDocument, needle: string, replacement: string): Promise<vscode.Range> {
  const range = rangeOf(document, needle);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, replacement);
  assert.ok(await vscode.workspace.applyEdit(edit), `applyEdit refused to replace "${needle}"`);
  return range;
}

export function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) count++;
  return count;
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  const parts: string[] = [];
  for (const hover of hovers) {
    for (const content of hover.contents) {
      if (typeof content === 'string') parts.push(content);
      else if (content instanceof vscode.MarkdownString) parts.push(content.value);
      else if (content && typeof content === 'object' && 'value' in content) parts.push(String(content.value));
    }
  }
  return parts.join('\n');
}

export function completionLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Polls `probe` (also on every `events` firing) until it returns a value, or times out. */
export async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  { timeoutMs = DEFAULT_TIMEOUT_MS, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

// ---------------------------------------------------------------------------------------------
// The bridge to the launcher: when the tests run in code-server under Playwright, the launcher
// answers requests about what the browser shows (a webview's text, a screenshot). The channel
// is a folder named by PROGRAMME_E2E_BRIDGE (or, in the web worker, by the web runner): the test
// writes request-N.json, the launcher answers with response-N.json.

export interface BrowserCheck {
  /**
   * `webviewText`: in one webview; `suggestions`: in the editor's suggestion list;
   * `webviewDrag`: drag the preview's slot `title` with the mouse; `webviewPress`: press `key` on it.
   */
  kind: 'webviewText' | 'suggestions' | 'webviewDrag' | 'webviewPress' | 'typingRepaint';
  /** Texts that must all be visible. */
  expect: string[];
  /** File name under test-results/ for a screenshot of the page once they are. */
  screenshot?: string;
  title?: string;
  /** Pixels down to drag by (the timeline draws 2.8 px a minute). */
  dy?: number;
  /** Drop the slot's top this many minutes after the start of the first day's grid, in column `column`. */
  toMinute?: number;
  column?: number;
  /** Drop it on the element this CSS selector finds (`.unscheduled-day`). */
  onto?: string;
  /** Grab the slot by its bottom edge: a resize. */
  edge?: boolean;
  key?: string;
  /** `typingRepaint`: how many keystrokes (typing `x` after the title's first character, then Backspace, in turn). */
  runs?: number;
}

export interface BrowserCheckResult {
  ok: boolean;
  message: string;
  text?: string;
  screenshot?: string;
}

export function browserBridge(): string | undefined {
  return counters.bridge ?? env('PROGRAMME_E2E_BRIDGE');
}

export async function askBrowser(check: BrowserCheck, timeoutMs = 60_000): Promise<BrowserCheckResult> {
  const dir = browserBridge();
  assert.ok(dir, 'no browser bridge (PROGRAMME_E2E_BRIDGE) in this run');
  counters.requests += 1;
  // The bridge is a folder on the machine that runs VS Code's server: the workspace's file system.
  const folder = workspaceRoot().with({ path: dir });
  const request = vscode.Uri.joinPath(folder, `request-${counters.requests}.json`);
  const response = vscode.Uri.joinPath(folder, `response-${counters.requests}.json`);
  await writeText(request, JSON.stringify({ ...check, timeoutMs: timeoutMs - 5000 }));
  return waitFor(
    async () => {
      try {
        return JSON.parse(await readText(response)) as BrowserCheckResult;
      } catch {
        return undefined; // not answered yet
      }
    },
    `the launcher to answer ${baseName(request)}`,
    { timeoutMs, intervalMs: 200 },
  );
}

/** Shows `uri` in an editor; when it was not open yet, also waits for its first diagnostics. */
export async function showDocument(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  if (!open) return (await openAndWaitForDiagnostics(uri)).editor;
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}
