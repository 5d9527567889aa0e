/**
 * The ids of a programme as symbols: a person, room, track or topic at a place in the file,
 * with its declaration (the key in `people`, `rooms`, `tracks` or the track's `topics`) and
 * every reference to it. Definition, references, rename and hover all start here.
 */
import { Analysis } from '../service/analysis';
import { Cancellation, NEVER_CANCELLED } from '../service/cancel';
import { Ref, Track } from '../model/model';
import { ScalarNode, nodeAt } from '../syntax/tree';
import { idAt } from '../model/shape';

export type SymbolKind = 'person' | 'room' | 'track' | 'topic';

export interface Span {
  start: number;
  end: number;
}

export interface ProgrammeSymbol {
  kind: SymbolKind;
  /** The id (for a topic, its path: `vfio/iopf`). */
  id: string;
  /** For a topic, the track it belongs to. */
  track?: string;
  /** The span of the id under the cursor (for a topic path, only the segment). */
  at: Span;
  /** The key that declares the id, if it exists. */
  declaration?: Span;
}

/** The span of a scalar's text without its quotes. */
export function textSpan(node: ScalarNode, text: string): Span {
  const q = text[node.start];
  if ((q === '"' || q === "'") && node.end - node.start >= 2 && text[node.end - 1] === q) return { start: node.start + 1, end: node.end - 1 };
  return { start: node.start, end: node.end };
}

/** The symbol at `offset`, or undefined when the cursor is not on an id. */
export function symbolAt(analysis: Analysis | undefined, offset: number): ProgrammeSymbol | undefined {
  if (!analysis) return undefined;
  const hit = nodeAt(analysis.syntax.root, offset);
  if (!hit || hit.node.kind !== 'scalar' || typeof hit.node.value !== 'string') return undefined;
  const node = hit.node;
  const { path, isKey } = hit;
  const span = textSpan(node, analysis.text);
  const id = node.value as string;
  const decl = (kind: SymbolKind, key: string, track?: string): ProgrammeSymbol => ({
    kind,
    id: key,
    track,
    at: span,
    declaration: declarationOf(analysis, kind, key, track),
  });
  // Where the node stands in the format (model/shape.ts): a declaration or a reference, of what.
  const place = idAt(analysis.format.shape, path, isKey);
  if (!place) return undefined;
  if (place.kind === 'topic') {
    if (place.role === 'declaration') return decl('topic', place.topicPath!, place.track);
    return topicRefAt(analysis, place.track!, node, span, offset);
  }
  return decl(place.kind, id);
}

/** A topic reference `vfio/iopf`: the segment under the cursor names `vfio` or `vfio/iopf`. */
function topicRefAt(analysis: Analysis, track: string, node: ScalarNode, span: Span, offset: number): ProgrammeSymbol {
  const full = node.value as string;
  const segs = full.split('/');
  let pos = span.start;
  for (let i = 0; i < segs.length; i++) {
    const end = pos + segs[i].length;
    if (offset <= end || i === segs.length - 1) {
      const id = segs.slice(0, i + 1).join('/');
      return { kind: 'topic', id, track, at: { start: pos, end }, declaration: declarationOf(analysis, 'topic', id, track) };
    }
    pos = end + 1;
  }
  return { kind: 'topic', id: full, track, at: span };
}

function keySpan(key: ScalarNode | undefined, text: string): Span | undefined {
  return key ? textSpan(key, text) : undefined;
}

function declarationOf(analysis: Analysis, kind: SymbolKind, id: string, track?: string): Span | undefined {
  const { model, text } = analysis;
  if (kind === 'person') return keySpan(model.people.get(id)?.key, text);
  if (kind === 'room') return keySpan(model.rooms.get(id)?.key, text);
  if (kind === 'track') return keySpan(model.tracks.get(id)?.key, text);
  return keySpan(model.tracks.get(track ?? '')?.topics.get(id)?.key, text);
}

/** Every reference to `symbol` (not the declaration), in document order. */
export function referencesOf(analysis: Analysis, symbol: ProgrammeSymbol, cancel: Cancellation = NEVER_CANCELLED): Span[] | undefined {
  const model = analysis.model;
  const text = analysis.text;
  const out: Span[] = [];
  const add = (refs: Ref[]): void => {
    for (const r of refs) if (r.id === symbol.id) out.push(textSpan(r.node, text));
  };
  let n = 0;
  if (symbol.kind === 'room') for (const block of model.blocks) if (block.room) add([block.room]);
  for (const track of model.tracks.values()) {
    if (symbol.kind === 'person') {
      for (const list of track.people) add(list.refs);
      for (const slot of track.slots) {
        if ((++n & 255) === 0 && cancel.isCancellationRequested) return undefined;
        for (const list of slot.people) add(list.refs);
      }
    } else if (symbol.kind === 'room') {
      if (track.room) add([track.room]);
      for (const slot of track.slots) if (slot.room) add([slot.room]);
    } else if (symbol.kind === 'topic' && track.id === symbol.track) {
      topicRefs(track, symbol.id, text, out);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** References to topic `id` of `track`: the matching segment of each path that names it or a sub-topic. */
function topicRefs(track: Track, id: string, text: string, out: Span[]): void {
  const depth = id.split('/').length;
  for (const slot of track.slots) {
    for (const r of slot.topics) {
      if (r.id !== id && !r.id.startsWith(id + '/')) continue;
      const span = textSpan(r.node, text);
      const segs = r.id.split('/');
      let pos = span.start;
      for (let i = 0; i < depth - 1; i++) pos += segs[i].length + 1;
      out.push({ start: pos, end: pos + segs[depth - 1].length });
    }
  }
}
