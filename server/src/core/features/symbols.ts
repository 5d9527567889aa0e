/**
 * The outline: the event, people, rooms and tracks, each track with its sessions and slots,
 * their times in `detail`, as hierarchical DocumentSymbols.
 */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../service/analysis';
import { Cancellation, NEVER_CANCELLED } from '../service/cancel';
import { Interval } from '../model/model';
import { formatRange } from '../model/time';
import { Node, Pair, ScalarNode, getPair } from '../syntax/tree';

export function documentSymbols(analysis: Analysis | undefined, document: TextDocument, cancel: Cancellation = NEVER_CANCELLED): DocumentSymbol[] | null {
  const root = analysis?.syntax.root;
  if (!analysis) return null;
  if (root?.kind !== 'map') return [];
  const { model } = analysis;
  const zone = model.event.zone;
  const range = (start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(Math.max(start, end)) });
  const sym = (name: string, kind: SymbolKind, key: ScalarNode, node: Node | null, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => ({
    name: name || ' ', kind, detail, range: range(key.start, node ? node.end : key.end), selectionRange: range(key.start, key.end), children,
  });
  const when = (i: Interval | undefined): string | undefined => (i && zone ? `${i.start.setZone(zone).toFormat('ccc yyyy-MM-dd')} ${formatRange(i.start, i.end, zone)}` : undefined);
  const out: DocumentSymbol[] = [];
  for (const pair of root.items) {
    const name = String(pair.key.value);
    if (name === 'event') out.push(sym(model.event.title ?? 'event', SymbolKind.Event, pair.key, pair.value, model.event.zone));
    else if (name === 'people') out.push(sym('people', SymbolKind.Namespace, pair.key, pair.value, `${model.people.size}`, entries(pair, (p) => {
      const person = model.people.get(String(p.key.value));
      return sym(String(p.key.value), SymbolKind.Constant, p.key, p.value, [person?.name, person?.affiliation].filter(Boolean).join(', ') || undefined);
    })));
    else if (name === 'rooms') out.push(sym('rooms', SymbolKind.Namespace, pair.key, pair.value, undefined, entries(pair, (p) => sym(String(p.key.value), SymbolKind.Constant, p.key, p.value, model.rooms.get(String(p.key.value))?.title))));
    else if (name === 'tracks') {
      out.push(sym('tracks', SymbolKind.Namespace, pair.key, pair.value, undefined, entries(pair, (p) => {
        const track = model.tracks.get(String(p.key.value));
        const children: DocumentSymbol[] = [];
        const sessionsPair = getPair(p.value, 'sessions');
        if (sessionsPair && track) {
          children.push(sym('sessions', SymbolKind.Array, sessionsPair.key, sessionsPair.value, undefined, track.sessions.map((s) => ({
            name: `session ${s.index + 1}`, kind: SymbolKind.Event, detail: when(s.interval), range: range(s.node.start, s.node.end), selectionRange: range(s.node.start, s.node.start),
          }))));
        }
        const slotsPair = getPair(p.value, 'slots');
        if (slotsPair && track) {
          const slots: DocumentSymbol[] = [];
          for (const s of track.slots) {
            if ((s.index & 255) === 255 && cancel.isCancellationRequested) return sym(String(p.key.value), SymbolKind.Module, p.key, p.value);
            const sel = s.titleNode ?? s.node;
            slots.push({ name: s.title || ' ', kind: SymbolKind.Event, detail: when(s.interval) ?? (s.hasStart ? undefined : 'not scheduled'), range: range(s.node.start, s.node.end), selectionRange: range(sel.start, sel.end) });
          }
          children.push(sym('slots', SymbolKind.Array, slotsPair.key, slotsPair.value, `${slots.length}`, slots));
        }
        return sym(track?.title ?? String(p.key.value), SymbolKind.Module, p.key, p.value, String(p.key.value), children);
      })));
    } else out.push(sym(name, SymbolKind.Property, pair.key, pair.value));
  }
  return out;
}

function entries(pair: Pair, fn: (p: Pair) => DocumentSymbol): DocumentSymbol[] {
  return pair.value?.kind === 'map' ? pair.value.items.map(fn) : [];
}
