/**
 * Renaming a person, room, track or topic id: its declaration key and every reference, and
 * nothing else. A topic is renamed one segment at a time: renaming `iopf` under `vfio`
 * rewrites `vfio/iopf` (and `vfio/iopf/...`) in the slots of that track only.
 */
import { Analysis } from '../service/analysis';
import { Cancellation, NEVER_CANCELLED } from '../service/cancel';
import { ProgrammeSymbol, Span, referencesOf, symbolAt } from './navigation';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export type PrepareResult = { span: Span; placeholder: string; symbol: ProgrammeSymbol } | { error: string };
export type RenameResult = { edits: { span: Span; newText: string }[] } | { error: string };

const NOUN = { person: 'person', room: 'room', track: 'track', topic: 'topic' } as const;

/** Whether the id at `offset` can be renamed, and the span and text the editor should show. */
export function prepareRename(analysis: Analysis | undefined, offset: number): PrepareResult | null {
  const symbol = symbolAt(analysis, offset);
  if (!symbol) return null;
  const placeholder = symbol.kind === 'topic' ? symbol.id.split('/').pop()! : symbol.id;
  return { span: symbol.at, placeholder, symbol };
}

/** The edits that rename the id at `offset` to `newName`, or why it cannot be done. */
export function rename(analysis: Analysis | undefined, offset: number, newName: string, cancel: Cancellation = NEVER_CANCELLED): RenameResult | null {
  if (!analysis) return null;
  const prepared = prepareRename(analysis, offset);
  if (!prepared || 'error' in prepared) return prepared;
  const { symbol, placeholder } = prepared;
  if (!ID_PATTERN.test(newName)) {
    return { error: `\`${newName}\` is not a valid id: use lower-case letters, digits and dashes, starting with a letter or digit` };
  }
  if (newName === placeholder) return { edits: [] };
  if (exists(analysis, symbol, newName)) return { error: `a ${NOUN[symbol.kind]} \`${newName}\` already exists` };
  const refs = referencesOf(analysis, symbol, cancel);
  if (!refs) return null;
  const spans = symbol.declaration ? [symbol.declaration, ...refs] : refs;
  return { edits: spans.map((span) => ({ span, newText: newName })) };
}

function exists(analysis: Analysis, symbol: ProgrammeSymbol, newName: string): boolean {
  const model = analysis.model;
  if (symbol.kind === 'person') return model.people.has(newName);
  if (symbol.kind === 'room') return model.rooms.has(newName);
  if (symbol.kind === 'track') return model.tracks.has(newName);
  const parent = symbol.id.includes('/') ? symbol.id.slice(0, symbol.id.lastIndexOf('/')) + '/' : '';
  return !!model.tracks.get(symbol.track ?? '')?.topics.has(parent + newName);
}
