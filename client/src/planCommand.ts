/**
 * "Programme: Place Tracks into Blocks" (and "Programme: Re-plan Tracks", where placed tracks
 * may move): the server computes the placement with the least clashes and the edits that
 * write it (`programme/plan`); the user sees the placement and the clashes left, and accepting
 * applies them as one undoable edit. The client never reads the YAML itself.
 */
import * as vscode from 'vscode';
import { PLAN_METHOD, PlanParams, PlanResultView } from '../../server/src/protocol';

type Send = (method: string, params: unknown) => Promise<unknown>;

/** `confirm: false` applies without asking (for scripted use and tests). */
interface PlanArgs {
  uri?: string;
  confirm?: boolean;
}

export function registerPlanCommands(send: Send): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('programme.placeTracks', (args?: PlanArgs) => placeTracks(send, false, args)),
    vscode.commands.registerCommand('programme.replanTracks', (args?: PlanArgs) => placeTracks(send, true, args)),
  ];
}

/** Returns what was done: `applied`, `declined`, `nothing` or `failed` (for scripts and tests). */
async function placeTracks(send: Send, replan: boolean, args: PlanArgs = {}): Promise<string> {
  const document = args.uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'programme') {
    void vscode.window.showWarningMessage('Open a programme file to place its tracks into its blocks.');
    return 'failed';
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: replan ? 'Re-planning tracks…' : 'Placing tracks into blocks…' },
    async () => (await send(PLAN_METHOD, { uri: document.uri.toString(), replan } satisfies PlanParams)) as PlanResultView,
  );
  if (result.errors?.length) {
    const list = result.errors.slice(0, 3).join('; ') + (result.errors.length > 3 ? `; and ${result.errors.length - 3} more` : '');
    void vscode.window.showErrorMessage(`Tracks not placed: ${list}`);
    return 'failed';
  }
  const detail = describe(result, replan);
  if (result.unplaced.length) {
    void vscode.window.showErrorMessage(`Cannot place ${result.unplaced.map((u) => u.track).join(', ')}: ${result.unplaced[0].reason}`, {
      modal: args.confirm !== false,
      detail,
    });
    return 'failed';
  }
  if (!result.edits.length) {
    if (args.confirm !== false)
      void vscode.window.showInformationMessage(replan ? 'The placement is already the best: nothing to move.' : 'Every track is already placed.', {
        modal: true,
        detail,
      });
    return 'nothing';
  }
  const changed = result.placements.filter((p) => p.change !== 'kept').length;
  const clashes = `${result.clashes.length} clash${result.clashes.length === 1 ? '' : 'es'}`;
  const title = replan
    ? `Move ${changed} track${changed === 1 ? '' : 's'} (${clashes} left)?`
    : `Place ${changed} track${changed === 1 ? '' : 's'} (${clashes})?`;
  if (args.confirm !== false) {
    const choice = await vscode.window.showInformationMessage(title, { modal: true, detail }, replan ? 'Move Tracks' : 'Place Tracks');
    if (!choice) return 'declined';
  }
  if (document.version !== result.version) {
    void vscode.window.showWarningMessage('The file changed while the placement was computed: run the command again.');
    return 'failed';
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) {
    edit.replace(document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  }
  return (await vscode.workspace.applyEdit(edit)) ? 'applied' : 'failed';
}

function describe(result: PlanResultView, replan: boolean): string {
  const lines: string[] = [];
  for (const p of result.placements) {
    const mark = p.change === 'new' ? '' : p.change === 'moved' ? `  (moved from ${p.from})` : '  (stays)';
    lines.push(`${p.when}  ${p.room}: ${p.title}${mark}`);
  }
  for (const u of result.unplaced) lines.push(`Cannot place ${u.track}: ${u.reason}`);
  lines.push('');
  if (result.clashes.length) {
    lines.push(`Clashes (${result.clashes.length}):`);
    for (const c of result.clashes) lines.push(`${c.name ?? c.person}: ${c.tracks[0]} and ${c.tracks[1]}, ${c.when}`);
  } else {
    lines.push('No clash: nobody a track needs is needed elsewhere at the same time.');
  }
  lines.push(
    result.optimal
      ? replan
        ? `The least clashes possible, with the fewest moves (${result.moves}).`
        : 'The least clashes possible.'
      : 'The best found within the time limit (not proven the least).',
  );
  return lines.join('\n');
}
