/**
 * Answering a request from the newest analysis at hand (ProgrammeService.recent): when the
 * current version is not analysed yet and analysing it is costly, a request is answered from
 * the analysis of an earlier version, its positions mapped both ways, instead of waiting behind
 * an analysis that the next keystroke would make stale again. The diagnostics bring the
 * newest version in soon after.
 */
import { Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ProgrammeFile } from '../core';
import type { ServerContext } from './server';

export interface Recent {
  file: ProgrammeFile;
  /** A document of the analysed text: the core computes against it. */
  document: TextDocument;
  /** The request's positions, in the analysed text. */
  positions: Position[];
  /** Maps every position in a result (any depth) to the current text. */
  finish<T>(result: T): T;
  /** Maps a line of the analysed text to the current text. */
  line(line: number): number;
}

/**
 * How soon after the last edit a request for what an editor keeps until the next edit (the
 * outline, folding ranges) may still be answered from an earlier version: editors ask for those
 * a while after typing pauses (VS Code: 350 ms or more), and that request gets the newest.
 */
export const KEPT_ANSWER_MS = 250;

export function recentFor(ctx: ServerContext, uri: string, positions: Position[] = [], options: { editedWithinMs?: number } = {}): Recent | undefined {
  const current = ctx.documents.get(uri);
  if (!current) return undefined;
  const view = ctx.workspace.recent(
    current,
    positions.map((p) => current.offsetAt(p)),
    options,
  );
  if (!view.stale) return { file: view.file, document: current, positions, finish: (r) => r, line: (l) => l };
  const { document } = view;
  const map = (p: Position): Position => current.positionAt(view.toCurrent(document.offsetAt(p)));
  return {
    file: view.file,
    document,
    positions: positions.map((p) => document.positionAt(view.fromCurrent(current.offsetAt(p))!)),
    finish: (result) => mapPositions(result, map),
    line: (l) => current.positionAt(view.toCurrent(document.offsetAt({ line: l, character: 0 }))).line,
  };
}

/** A copy of `value` with every Position in it mapped (copied, so a Position shared by two ranges is mapped once each). */
function mapPositions<T>(value: T, map: (p: Position) => Position): T {
  if (Array.isArray(value)) return value.map((v: unknown) => mapPositions(v, map)) as T;
  if (!value || typeof value !== 'object') return value;
  if (Position.is(value)) return map(value) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = mapPositions(v, map);
  return out as T;
}
