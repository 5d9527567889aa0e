/**
 * The preview commands and panels: one dynamic preview that follows the active programme
 * editor (as Markdown's does), panels restored after a window reload by the serializer, and
 * the `programmePreviewFocus` context key.
 */
import * as vscode from 'vscode';
import type { PreviewState } from '../../webview/messages';
import { VIEW_TYPE, webviewOptions } from './html';
import { PreviewDeps, PreviewPanel } from './previewPanel';

const LANGUAGE = 'programme';

export class PreviewManager implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly panels = new Set<PreviewPanel>();
  /** The panel that follows the active programme editor: the last one opened or revived. */
  private dynamic?: PreviewPanel;

  constructor(private readonly deps: PreviewDeps) {
    this.disposables.push(
      vscode.commands.registerCommand('programme.showPreview', (uri?: unknown) => this.show(uri, false)),
      vscode.commands.registerCommand('programme.showPreviewToSide', (uri?: unknown) => this.show(uri, true)),
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => this.revive(panel, state),
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && editor.document.languageId === LANGUAGE) this.dynamic?.setResource(editor.document.uri);
      }),
    );
  }

  private show(arg: unknown, toSide: boolean): void {
    const active = vscode.window.activeTextEditor;
    const resource = arg instanceof vscode.Uri ? arg : active?.document.languageId === LANGUAGE ? active.document.uri : undefined;
    if (!resource) {
      void vscode.window.showInformationMessage('Open a programme file (*.programme.yaml) to preview its schedule.');
      return;
    }
    const column = toSide ? vscode.ViewColumn.Beside : active?.viewColumn ?? vscode.ViewColumn.Active;
    if (this.dynamic) {
      this.dynamic.reveal(column, toSide);
      this.dynamic.setResource(resource);
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Preview', { viewColumn: column, preserveFocus: toSide }, webviewOptions(this.deps.extensionUri));
    this.track(new PreviewPanel(panel, resource, this.deps));
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
    this.track(new PreviewPanel(panel, resource, this.deps, { zone, mode, scrollY }));
  }

  private track(preview: PreviewPanel): void {
    this.panels.add(preview);
    this.dynamic = preview;
    const focus = (): void => void vscode.commands.executeCommand('setContext', 'programmePreviewFocus', preview.panel.active);
    focus();
    const viewState = preview.panel.onDidChangeViewState(focus);
    preview.onDidDispose(() => {
      viewState.dispose();
      this.panels.delete(preview);
      if (this.dynamic === preview) this.dynamic = [...this.panels].pop();
      void vscode.commands.executeCommand('setContext', 'programmePreviewFocus', false);
    });
  }

  dispose(): void {
    // Panels stay open: VS Code restores them through the serializer after a reload.
    for (const p of [...this.panels]) p.dispose(false);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
