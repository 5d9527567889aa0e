/**
 * The preview commands and panels, as Markdown's preview has them: one dynamic preview that
 * follows the active programme editor, any number of locked previews (one per document) that
 * stay on theirs, Toggle Lock, Refresh and Open Source in the preview's title bar, "Open
 * Preview" in the explorer, and every panel restored after a window reload by the serializer
 * (locked or not, on the same document). Context key: `programmePreviewFocus`.
 */
import * as vscode from 'vscode';
import type { PreviewState } from '../../webview/messages';
import { VIEW_TYPE, webviewOptions } from './html';
import { PreviewDeps, PreviewPanel } from './previewPanel';

const LANGUAGE = 'programme';

export class PreviewManager implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly panels = new Set<PreviewPanel>();
  /** The panel that follows the active programme editor (at most one). */
  private dynamic?: PreviewPanel;
  /** The preview focused last: the one the title-bar commands act on. */
  private active?: PreviewPanel;

  constructor(private readonly deps: PreviewDeps) {
    this.disposables.push(
      vscode.commands.registerCommand('programme.showPreview', (uri?: unknown) => this.show(uri, { toSide: false, locked: false })),
      vscode.commands.registerCommand('programme.showPreviewToSide', (uri?: unknown) => this.show(uri, { toSide: true, locked: false })),
      vscode.commands.registerCommand('programme.showLockedPreviewToSide', (uri?: unknown) => this.show(uri, { toSide: true, locked: true })),
      vscode.commands.registerCommand('programme.preview.toggleLock', () => this.toggleLock()),
      // As Markdown's Refresh: every preview asks for its schedule again (after a settings change...).
      vscode.commands.registerCommand('programme.preview.refresh', () => Promise.all([...this.panels].map((p) => p.refresh(true)))),
      vscode.commands.registerCommand('programme.showSource', () => this.activePreview()?.showSource()),
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => this.revive(panel, state),
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && editor.document.languageId === LANGUAGE) this.dynamic?.setResource(editor.document.uri);
      }),
    );
  }

  private show(arg: unknown, { toSide, locked }: { toSide: boolean; locked: boolean }): void {
    const active = vscode.window.activeTextEditor;
    const resource = arg instanceof vscode.Uri ? arg : active?.document.languageId === LANGUAGE ? active.document.uri : this.activePreview()?.uri;
    if (!resource) {
      void vscode.window.showInformationMessage('Open a programme file (*.programme.yaml) to preview its schedule.');
      return;
    }
    const column = toSide ? vscode.ViewColumn.Beside : (active?.viewColumn ?? vscode.ViewColumn.Active);
    const existing = locked ? this.lockedOn(resource) : this.dynamic;
    if (existing) {
      this.active = existing;
      existing.reveal(column, toSide);
      existing.setResource(resource);
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Preview', { viewColumn: column, preserveFocus: toSide }, webviewOptions(this.deps.extensionUri));
    this.track(new PreviewPanel(panel, resource, this.deps, { locked }));
  }

  private lockedOn(resource: vscode.Uri, except?: PreviewPanel): PreviewPanel | undefined {
    return [...this.panels].find((p) => p !== except && p.locked && p.uri.toString() === resource.toString());
  }

  /** The focused preview, else the one focused last. */
  private activePreview(): PreviewPanel | undefined {
    return [...this.panels].find((p) => p.panel.active) ?? this.active;
  }

  /**
   * Locking keeps the preview on its document (another locked preview of it is closed);
   * unlocking makes it the dynamic preview (the former dynamic one is closed) and it follows
   * the active programme editor again.
   */
  private toggleLock(): void {
    const preview = this.activePreview();
    if (!preview) return;
    this.active = preview;
    if (!preview.locked) {
      this.lockedOn(preview.uri, preview)?.dispose();
      preview.setLocked(true);
      if (this.dynamic === preview) this.dynamic = undefined;
    } else {
      if (this.dynamic && this.dynamic !== preview) this.dynamic.dispose();
      preview.setLocked(false);
      this.dynamic = preview;
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.languageId === LANGUAGE) preview.setResource(editor.document.uri);
    }
  }

  private async revive(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<PreviewState>;
    let resource: vscode.Uri | undefined;
    try {
      resource = typeof state.uri === 'string' && state.uri ? vscode.Uri.parse(state.uri, true) : undefined;
    } catch {
      resource = undefined;
    }
    if (!resource) {
      panel.dispose();
      return;
    }
    const zone = typeof state.zone === 'string' ? state.zone : undefined;
    const mode = state.mode === 'agenda' || state.mode === 'grid' ? state.mode : undefined;
    const scrollY = typeof state.scrollY === 'number' && Number.isFinite(state.scrollY) ? state.scrollY : undefined;
    const locked = state.locked === true;
    // A second dynamic preview restored (two windows' worth of state) is kept as a locked one.
    this.track(new PreviewPanel(panel, resource, this.deps, { zone, mode, scrollY, locked: locked || !!this.dynamic }));
  }

  private track(preview: PreviewPanel): void {
    this.panels.add(preview);
    if (!preview.locked) this.dynamic = preview;
    this.active = preview;
    const focus = (): void => {
      if (preview.panel.active) this.active = preview;
      void vscode.commands.executeCommand('setContext', 'programmePreviewFocus', preview.panel.active);
    };
    focus();
    const viewState = preview.panel.onDidChangeViewState(focus);
    preview.onDidDispose(() => {
      viewState.dispose();
      this.panels.delete(preview);
      if (this.dynamic === preview) this.dynamic = undefined;
      if (this.active === preview) this.active = undefined;
      void vscode.commands.executeCommand('setContext', 'programmePreviewFocus', false);
    });
  }

  dispose(): void {
    // Panels stay open: VS Code restores them through the serializer after a reload.
    for (const p of [...this.panels]) p.dispose(false);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
