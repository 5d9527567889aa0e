/**
 * One preview panel: asks the server for the schedule of its document and forwards it to the
 * webview (the first update at once; while typing, the next one as long after the last as the
 * last one took to ask and post, and never more than THROTTLE_MS later), keeps the
 * last good schedule while the YAML does not parse, and answers the webview's requests after
 * checking them. The document it shows can change (the dynamic preview follows the editor)
 * unless the panel is locked. The editor's cursor is followed as `programme.preview.*` says.
 */
import * as vscode from 'vscode';
import type { RescheduleParams, RescheduleResultView, RescheduleTo, ScheduleView } from '../../../server/src/protocol';
import { encodeScheduleDelta } from '../../../server/src/protocol';
import type { PreviewState, ToWebview } from '../../webview/messages';
import { previewHtml, webviewOptions } from './html';

const THROTTLE_MS = 300;
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);

export interface PreviewDeps {
  extensionUri: vscode.Uri;
  /** The server's schedule of an open document (null when it does not know it). */
  requestSchedule(uri: string): Promise<ScheduleView | null>;
  /** The server's edits that move one slot (see `programme/reschedule`). */
  requestReschedule(params: RescheduleParams): Promise<RescheduleResultView>;
}

export class PreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private isDisposed = false;
  private lastSent?: { uri: string; version: number };
  private lastGood?: ScheduleView;
  /** The last update posted, sent again when the webview says it is ready (it may have missed it). */
  private lastUpdate?: ToWebview;
  /** The view the webview was last sent whole or made from a delta: the next update is a delta against it. */
  private webviewView?: ScheduleView;
  private request = 0;
  private timer?: NodeJS.Timeout;
  private lastRefresh = 0;
  /** How long the last update took, from asking the server to posting to the webview (ms). */
  private lastCost = 0;

  private isLocked: boolean;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private resource: vscode.Uri,
    private readonly deps: PreviewDeps,
    state: Partial<PreviewState> = {},
  ) {
    this.isLocked = state.locked === true;
    panel.webview.options = webviewOptions(deps.extensionUri);
    this.setHtml(state);
    this.register(panel.onDidDispose(() => this.dispose(false)));
    this.register(panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)));
    this.register(
      panel.onDidChangeViewState(({ webviewPanel }) => {
        // A hidden webview is torn down; when shown again it starts from its HTML, so send the schedule again, whole.
        if (webviewPanel.visible) {
          this.webviewView = undefined;
          void this.refresh(true);
        }
      }),
    );
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.resource.toString()) this.scheduleRefresh();
      }),
    );
    // Trust granted (leaving Restricted Mode): slots become movable.
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.refresh(true)));
    this.register(
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() !== this.resource.toString()) return;
        this.postSelection(e.selections[0].active.line);
      }),
    );
    this.updateTitle();
    void this.refresh();
  }

  get uri(): vscode.Uri {
    return this.resource;
  }

  /** A locked preview stays on its document; an unlocked one follows the active editor. */
  get locked(): boolean {
    return this.isLocked;
  }

  setLocked(locked: boolean): void {
    this.isLocked = locked;
    this.updateTitle();
    // The webview keeps it in its state, which the serializer gets back after a reload.
    if (!this.isDisposed) void this.panel.webview.postMessage({ type: 'lock', source: this.resource.toString(), locked } satisfies ToWebview);
  }

  /** Opens the previewed document in an editor (beside the preview unless one shows it already). */
  async showSource(): Promise<void> {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.resource.toString());
    const document = editor?.document ?? (await vscode.workspace.openTextDocument(this.resource));
    await vscode.window.showTextDocument(document, { viewColumn: editor?.viewColumn ?? this.otherColumn(), preserveFocus: false });
  }

  /** `programme.preview.markEditorSelection` and `scrollPreviewWithEditor` decide what the cursor does here. */
  private postSelection(line: number): void {
    const config = vscode.workspace.getConfiguration('programme.preview', this.resource);
    const mark = config.get<boolean>('markEditorSelection', true);
    const scroll = config.get<boolean>('scrollPreviewWithEditor', true);
    if (mark || scroll) this.post({ type: 'selectLine', source: this.resource.toString(), line, mark, scroll });
  }

  /** Shows another document in this panel. */
  setResource(uri: vscode.Uri): void {
    if (uri.toString() === this.resource.toString()) return;
    this.resource = uri;
    this.lastSent = undefined;
    this.lastGood = undefined;
    this.lastUpdate = undefined;
    this.updateTitle();
    void this.refresh(true);
  }

  reveal(column: vscode.ViewColumn, preserveFocus: boolean): void {
    this.panel.reveal(column, preserveFocus);
  }

  private setHtml(state: Partial<PreviewState>): void {
    this.webviewView = undefined;
    this.panel.webview.html = previewHtml(this.panel.webview, this.deps.extensionUri, {
      uri: this.resource.toString(),
      zone: state.zone,
      mode: state.mode,
      scrollY: state.scrollY,
      locked: this.isLocked,
    });
  }

  private updateTitle(): void {
    const name = this.resource.path.split('/').pop() || 'programme';
    this.panel.title = this.isLocked ? `[Preview] ${name}` : `Preview ${name}`;
  }

  private scheduleRefresh(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastRefresh + Math.min(THROTTLE_MS, this.lastCost) - Date.now());
    // At once when it may (not a turn of the event loop later: the extension host is busy with the edit then).
    if (wait === 0) {
      void this.refresh();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, wait);
  }

  /** Asks for the schedule unless this (uri, version) was already sent (`force`: in any case); drops stale answers. */
  async refresh(force = false): Promise<void> {
    if (this.isDisposed) return;
    const uri = this.resource.toString();
    let document: vscode.TextDocument;
    try {
      document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) ?? (await vscode.workspace.openTextDocument(this.resource));
    } catch {
      return;
    }
    if (!force && this.lastSent?.uri === uri && this.lastSent.version === document.version) return;
    this.lastRefresh = Date.now();
    const request = ++this.request;
    let view: ScheduleView | null;
    try {
      view = await this.deps.requestSchedule(uri);
    } catch {
      return; // The server is restarting or busy; the next change asks again.
    }
    if (this.isDisposed || request !== this.request || this.resource.toString() !== uri || !view) return;
    const first = !this.lastSent;
    this.lastSent = { uri, version: document.version };
    const editable = this.editable();
    if (view.syntaxError && this.lastGood) {
      this.post({ type: 'update', source: uri, view: this.lastGood, error: view.syntaxError, editable });
    } else {
      if (!view.syntaxError) this.lastGood = view;
      this.post({ type: 'update', source: uri, view, editable });
    }
    this.lastCost = Date.now() - this.lastRefresh;
    // Like Markdown's preview, a newly shown document opens where the editor's cursor is.
    const editor = first ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri) : undefined;
    if (editor) this.postSelection(editor.selection.active.line);
  }

  /** Slots may be moved from the preview: not in Restricted Mode, not on a read-only file system. */
  private editable(): boolean {
    return vscode.workspace.isTrusted && vscode.workspace.fs.isWritableFileSystem(this.resource.scheme) !== false;
  }

  /**
   * A slot dropped (or moved with the keyboard) in the preview: the server computes the edit from
   * the document as it is now, and it is applied as one undoable edit to that version. When the
   * document changed meanwhile the server is asked again (it finds the slot by its identity).
   */
  private async reschedule(slot: RescheduleParams['slot'], to: RescheduleTo): Promise<void> {
    const uri = this.resource.toString();
    if (!this.editable()) return;
    try {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) ?? (await vscode.workspace.openTextDocument(this.resource));
      for (let attempt = 0; attempt < 3; attempt++) {
        const result = await this.deps.requestReschedule({ uri, slot, to });
        if (result.error) {
          void vscode.window.showWarningMessage(`“${slot.title}” not moved: ${result.error}`);
          break;
        }
        if (!result.edits.length) break;
        if (document.version !== result.version) continue;
        const edit = new vscode.WorkspaceEdit();
        for (const e of result.edits)
          edit.replace(document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
        if (await vscode.workspace.applyEdit(edit)) {
          // Drawn at once, not after the typing throttle.
          await this.refresh();
          return;
        }
        void vscode.window.showWarningMessage(`“${slot.title}” not moved: the document cannot be changed.`);
        break;
      }
    } catch {
      // The server is restarting: the preview shows the schedule as it is.
    }
    // Nothing changed: draw the schedule again so the drop target goes away.
    if (this.lastUpdate) this.post(this.lastUpdate);
  }

  private post(message: ToWebview): void {
    if (message.type === 'update') this.lastUpdate = message;
    if (this.isDisposed) return;
    if (message.type === 'update' && 'view' in message) {
      // A large schedule is megabytes to copy into the webview: send what changed since the view it has.
      const base = this.webviewView;
      const delta = base && base.uri === message.view.uri ? encodeScheduleDelta(message.view, base) : undefined;
      this.webviewView = message.view;
      if (delta) {
        const { view: _view, ...rest } = message;
        void this.panel.webview.postMessage({ ...rest, delta } satisfies ToWebview);
        return;
      }
    }
    void this.panel.webview.postMessage(message);
  }

  /** Messages from the webview are untrusted input: check the source, the type and every field. */
  private async onMessage(raw: unknown): Promise<void> {
    if (typeof raw !== 'object' || raw === null) return;
    const m = raw as Record<string, unknown>;
    if (m.type === 'ready') {
      // A new (or reloaded) webview, or one that could not apply a delta: it gets the whole view.
      this.webviewView = undefined;
      if (this.lastUpdate?.source === this.resource.toString()) this.post(this.lastUpdate);
      else void this.refresh(true);
      return;
    }
    if (m.source !== this.resource.toString()) return;
    if (m.type === 'revealLine' && Number.isInteger(m.line)) {
      await this.revealLine(m.line as number, Number.isInteger(m.endLine) ? (m.endLine as number) : (m.line as number));
    } else if (m.type === 'reschedule' && isSlot(m.slot) && isTarget(m.to)) {
      await this.reschedule(m.slot, m.to);
    } else if (m.type === 'openLink' && typeof m.href === 'string' && m.href.length <= 4096) {
      let target: vscode.Uri;
      try {
        target = vscode.Uri.parse(m.href, true);
      } catch {
        return;
      }
      if (LINK_SCHEMES.has(target.scheme)) await vscode.env.openExternal(target);
    }
  }

  private async revealLine(line: number, endLine: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.resource);
    const last = Math.max(0, document.lineCount - 1);
    const start = Math.min(Math.max(0, line), last);
    const end = Math.min(Math.max(start, endLine), last);
    const editor =
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.resource.toString()) ??
      (await vscode.window.showTextDocument(document, { viewColumn: this.otherColumn(), preserveFocus: false }));
    const range = new vscode.Range(start, 0, end, document.lineAt(end).text.length);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  }

  private otherColumn(): vscode.ViewColumn {
    const mine = this.panel.viewColumn;
    return mine === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
  }

  private register(d: vscode.Disposable): void {
    this.disposables.push(d);
  }

  /** Stops listening; closes the panel too unless the extension is shutting down (so it can be restored). */
  dispose(closePanel = true): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.disposed.fire();
    this.disposed.dispose();
    if (closePanel) this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function isSlot(x: unknown): x is RescheduleParams['slot'] {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  return typeof s.key === 'string' && s.key.length < 1000 && typeof s.title === 'string' && (s.id === undefined || typeof s.id === 'string');
}

function isTarget(x: unknown): x is RescheduleTo {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as Record<string, unknown>;
  const num = (v: unknown): boolean => v === undefined || (typeof v === 'number' && Number.isFinite(v));
  return (
    (t.start === undefined || t.start === null || typeof t.start === 'string') &&
    num(t.shift) &&
    num(t.days) &&
    num(t.minutes) &&
    (t.room === undefined || typeof t.room === 'string')
  );
}
