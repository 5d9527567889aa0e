/**
 * The outline: the event, people, rooms and tracks, each track with the people it names (one
 * entry per person-list key of the format's shape: leads, contacts...), its sessions and slots,
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
  const { maps, lists } = analysis.format.shape;
  const zone = model.event.zone;
  const range = (start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(Math.max(start, end)) });
  const sym = (name: string, kind: SymbolKind, key: ScalarNode, node: Node | null, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => ({
    name: name || ' ',
    kind,
    detail,
    range: range(key.start, node ? node.end : key.end),
    selectionRange: range(key.start, key.end),
    children,
  });
  const when = (i: Interval | undefined): string | undefined =>
    i && zone ? `${i.start.setZone(zone).toFormat('ccc yyyy-MM-dd')} ${formatRange(i.start, i.end, zone)}` : undefined;
  const out: DocumentSymbol[] = [];
  for (const pair of root.items) {
    const name = String(pair.key.value);
    if (name === 'event') out.push(sym(model.event.title ?? 'event', SymbolKind.Event, pair.key, pair.value, model.event.zone));
    else if (name === maps.person)
      out.push(
        sym(
          name,
          SymbolKind.Namespace,
          pair.key,
          pair.value,
          `${model.people.size}`,
          entries(pair, (p) => {
            const person = model.people.get(String(p.key.value));
            return sym(String(p.key.value), SymbolKind.Constant, p.key, p.value, [person?.name, person?.affiliation].filter(Boolean).join(', ') || undefined);
          }),
        ),
      );
    else if (name === maps.room)
      out.push(
        sym(
          name,
          SymbolKind.Namespace,
          pair.key,
          pair.value,
          undefined,
          entries(pair, (p) => sym(String(p.key.value), SymbolKind.Constant, p.key, p.value, model.rooms.get(String(p.key.value))?.title)),
        ),
      );
    else if (name === maps.track) {
      out.push(
        sym(
          name,
          SymbolKind.Namespace,
          pair.key,
          pair.value,
          undefined,
          entries(pair, (p) => {
            const track = model.tracks.get(String(p.key.value));
            const children: DocumentSymbol[] = [];
            for (const list of track?.people ?? []) {
              const listPair = getPair(p.value, list.key);
              if (!listPair || !list.refs.length) continue;
              const names = list.refs.map((r) => model.people.get(r.id)?.name ?? r.id);
              children.push(sym(list.key, SymbolKind.Array, listPair.key, listPair.value, names.join(', ')));
            }
            const sessionsPair = getPair(p.value, lists.session);
            if (sessionsPair && track) {
              children.push(
                sym(
                  lists.session,
                  SymbolKind.Array,
                  sessionsPair.key,
                  sessionsPair.value,
                  undefined,
                  track.sessions.map((s) => ({
                    name: `session ${s.index + 1}`,
                    kind: SymbolKind.Event,
                    detail: when(s.interval),
                    range: range(s.node.start, s.node.end),
                    selectionRange: range(s.node.start, s.node.start),
                  })),
                ),
              );
            }
            const slotsPair = getPair(p.value, lists.slot);
            if (slotsPair && track) {
              const slots: DocumentSymbol[] = [];
              for (const s of track.slots) {
                if ((s.index & 255) === 255 && cancel.isCancellationRequested) return sym(String(p.key.value), SymbolKind.Module, p.key, p.value);
                const sel = s.titleNode ?? s.node;
                slots.push({
                  name: s.title || ' ',
                  kind: SymbolKind.Event,
                  detail: when(s.interval) ?? (s.hasStart ? undefined : 'not scheduled'),
                  range: range(s.node.start, s.node.end),
                  selectionRange: range(sel.start, sel.end),
                });
              }
              children.push(sym(lists.slot, SymbolKind.Array, slotsPair.key, slotsPair.value, `${slots.length}`, slots));
            }
            return sym(track?.title ?? String(p.key.value), SymbolKind.Module, p.key, p.value, String(p.key.value), children);
          }),
        ),
      );
    } else out.push(sym(name, SymbolKind.Property, pair.key, pair.value));
  }
  return out;
}

function entries(pair: Pair, fn: (p: Pair) => DocumentSymbol): DocumentSymbol[] {
  return pair.value?.kind === 'map' ? pair.value.items.map(fn) : [];
}
