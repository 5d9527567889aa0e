/**
 * Completion: keys the schema allows at the cursor (required first, not those present), enum
 * values, snippets for new entries, and the values only this domain knows (person ids, topic
 * paths, rooms, zones, start times, durations). The cursor's place is read from the text
 * (cursorContext.ts), so half-typed and broken documents still complete; the model comes from
 * the cached analysis, never a new one.
 */
import { CompletionItem, CompletionItemKind, CompletionList, InsertTextFormat, InsertTextMode, Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../service/analysis';
import { CursorContext, cursorContext, siblingKeys } from './cursorContext';
import { lineStart as startOfLine } from '../syntax/lines';
import { JsonSchema } from '../schema/schema';
import { objectBranch, resolve, schemaAt, schemaDoc } from '../schema/schemaAt';
import { SnippetValues, entrySnippetFor, itemSnippetFor, snippetItem } from './completeSnippets';
import { personKeys } from '../model/shape';
import { atTime, dateFromToday, formatLocal } from '../model/time';
import {
  Candidate,
  durationCandidates,
  endCandidates,
  personCandidates,
  sessionStartCandidates,
  roomCandidates,
  startCandidates,
  topicCandidates,
  zoneCandidates,
} from './completeValues';
import { matchRank, sortKey } from './matchRank';
import { nodeAtPath } from '../syntax/tree';
import { Cancellation, NEVER_CANCELLED } from '../service/cancel';

/**
 * Completions at `position`. `trigger` is the character that made the editor ask, if any: a
 * space only opens the list where a value is expected, not while indenting a new line.
 */
export function complete(
  analysis: Analysis | undefined,
  document: TextDocument,
  position: Position,
  trigger?: string,
  cancel: Cancellation = NEVER_CANCELLED,
): CompletionList | null {
  if (!analysis) return null;
  const text = document.getText();
  const offset = document.offsetAt(position);
  const ctx = cursorContext(text, offset);
  if (!ctx || (trigger === ' ' && ctx.mode === 'key')) return null;
  const range = Range.create(document.positionAt(ctx.replaceStart), document.positionAt(ctx.replaceEnd));
  const items =
    ctx.mode === 'key'
      ? keyPosition(analysis, text, offset, ctx, range)
      : ctx.mode === 'item'
        ? itemPosition(analysis, text, offset, ctx, range)
        : valuePosition(analysis, text, offset, ctx, range, cancel);
  return cancel.isCancellationRequested ? null : { isIncomplete: true, items };
}

type Path = (string | number)[];

function keyPosition(analysis: Analysis, text: string, offset: number, ctx: CursorContext, range: Range): CompletionItem[] {
  const { schema: root, shape } = analysis.format;
  const container = objectBranch(schemaAt(ctx.path, root), root);
  const parentKey = lastKey(ctx.path);
  if (!container) return [];
  if (container.type === 'array' || container.items) {
    // On an indented line under `slots:` with no `- ` yet: a new item.
    const name = itemSnippetFor(parentKey, shape);
    return name && !ctx.prefix ? [snippetItem(name, range, ctx.column, snippetValues(analysis, ctx, offset))] : [];
  }
  if (text.trim() === '' && ctx.path.length === 0) {
    return [snippetItem('programme', range, 0, snippetValues(analysis, ctx, offset)), ...keyItems(container, new Set(), ctx, range, root)];
  }
  const items = keyItems(container, presentKeys(analysis, text, offset, ctx), ctx, range, root);
  const entry = entrySnippetFor(parentKey, shape);
  if (entry && !container.properties && !ctx.prefix) items.push(snippetItem(entry, range, ctx.column, snippetValues(analysis, ctx, offset)));
  return items;
}

function itemPosition(analysis: Analysis, text: string, offset: number, ctx: CursorContext, range: Range): CompletionItem[] {
  const { schema: root, shape } = analysis.format;
  const item = objectBranch(schemaAt(ctx.path, root), root);
  const listKey = lastKey(ctx.path);
  if (!item) return [];
  if (item.type === 'object' || item.properties) {
    const items = keyItems(item, siblingKeys(text, offset, ctx.column, true), ctx, range, root);
    const name = itemSnippetFor(listKey, shape);
    if (name && !ctx.prefix) items.push(snippetItem(name, range, ctx.column, snippetValues(analysis, ctx, offset), { withoutDash: true }));
    return items;
  }
  // `- jas` in a block list of ids.
  return valueItems(analysis, ctx, offset, listKey, item, range, true, new Set());
}

function valuePosition(analysis: Analysis, text: string, offset: number, ctx: CursorContext, range: Range, cancel: Cancellation): CompletionItem[] {
  const { schema: root, shape } = analysis.format;
  const schema = resolve(schemaAt(ctx.path, root), root);
  const key = ctx.key;
  if (ctx.mode === 'flowItem') {
    const present = flowItemsOnLine(text, offset, ctx.replaceStart);
    return valueItems(analysis, ctx, offset, key, resolve(schema?.items, root), range, true, present, cancel);
  }
  if (schema?.type === 'array' && (personKeys(shape).includes(key ?? '') || key === shape.topicsKey)) {
    // `speakers: jas` with no bracket yet: insert a flow list.
    return valueItems(analysis, ctx, offset, key, resolve(schema.items, root), range, true, new Set(), cancel).map((i) => {
      const edit = i.textEdit as { range: Range; newText: string };
      return { ...i, textEdit: { range: edit.range, newText: `${ctx.needsSpace ? ' ' : ''}[${edit.newText.trim()}]` } };
    });
  }
  return valueItems(analysis, ctx, offset, key, schema, range, false, new Set(), cancel);
}

function valueItems(
  analysis: Analysis,
  ctx: CursorContext,
  offset: number,
  key: string | undefined,
  schema: JsonSchema | undefined,
  range: Range,
  inList: boolean,
  present: ReadonlySet<string>,
  cancel: Cancellation = NEVER_CANCELLED,
): CompletionItem[] {
  const prefix = ctx.prefix;
  const { shape } = analysis.format;
  const trackId = ctx.path[0] === shape.maps.track && typeof ctx.path[1] === 'string' ? ctx.path[1] : undefined;
  const inSlot = ctx.path.includes(shape.lists.slot);
  let candidates: Candidate[] = [];
  let kind: CompletionItemKind = CompletionItemKind.Value;
  if (key && personKeys(shape).includes(key) && inList) {
    candidates = personCandidates(analysis, prefix, present, cancel);
    kind = CompletionItemKind.Reference;
  } else if (key === shape.topicsKey && inList && inSlot) {
    candidates = topicCandidates(analysis, trackId, prefix, present);
    kind = CompletionItemKind.Reference;
  } else if (key === shape.roomKey && (ctx.path[0] === shape.maps.track || ctx.path[0] === shape.blocks)) {
    candidates = roomCandidates(analysis, prefix);
    kind = CompletionItemKind.Reference;
  } else if (key === 'timezone') {
    candidates = zoneCandidates(prefix);
  } else if (key === 'start' && inSlot) {
    candidates = startCandidates(analysis, trackId, offset);
  } else if (key === 'start' && ctx.path.includes(shape.lists.session)) {
    candidates = sessionStartCandidates(analysis, trackId, offset);
  } else if (key === 'end' && (inSlot || ctx.path.includes(shape.lists.session))) {
    candidates = endCandidates(analysis, trackId, offset, inSlot ? 'slot' : 'session');
  } else if (key === 'duration') {
    candidates = durationCandidates(prefix);
  } else if (schema?.enum) {
    candidates = schema.enum.map((v) => ({ value: String(v), rank: matchRank(prefix, String(v)) })).filter((c) => c.rank >= 0);
    kind = CompletionItemKind.EnumMember;
  }
  const space = ctx.needsSpace ? ' ' : '';
  return candidates.map((c, i): CompletionItem => ({
    label: c.value,
    kind,
    detail: c.detail,
    documentation: c.documentation ? { kind: 'markdown', value: c.documentation } : undefined,
    // Starting with the typed word keeps a server-ranked match in any client's prefix filter;
    // the name after it lets VS Code's fuzzy filter find `gunth` in `Jason Gunthorpe`.
    filterText: [prefix && c.rank > 0 ? prefix : '', c.value, c.alsoMatches].filter(Boolean).join(' '),
    sortText: sortKey(Math.floor(c.rank), i),
    textEdit: { range, newText: space + c.value },
  }));
}

/** Keys that cannot appear together (slots and sessions): `duration` or `end`. */
const EXCLUSIVE: Record<string, string> = { duration: 'end', end: 'duration' };

function keyItems(container: JsonSchema, present: ReadonlySet<string>, ctx: CursorContext, range: Range, root: JsonSchema): CompletionItem[] {
  const props = container.properties ?? {};
  const required = new Set(container.required ?? []);
  const out: CompletionItem[] = [];
  for (const [name, raw] of Object.entries(props)) {
    if (present.has(name) && name !== ctx.prefix) continue;
    if (present.has(EXCLUSIVE[name] ?? '')) continue;
    if (ctx.prefix && matchRank(ctx.prefix, name) < 0) continue;
    const schema = resolve(raw, root)!;
    out.push({
      label: name,
      kind: CompletionItemKind.Property,
      detail: required.has(name) ? `${schema.title ?? name} (required)` : schema.title,
      documentation: { kind: 'markdown', value: schemaDoc(schema, undefined, root) ?? '' },
      sortText: `${required.has(name) ? 0 : 1}${name}`,
      insertTextFormat: InsertTextFormat.Snippet,
      // The text carries its own indentation: editors must not add the line's again.
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range, newText: keyInsert(name, schema, ctx.column, root) },
    });
  }
  return out;
}

function keyInsert(name: string, schema: JsonSchema, column: number, root: JsonSchema): string {
  const pad = ' '.repeat(column + 2);
  const items = objectBranch(schema.items, root);
  if (schema.enum) return `${name}: \${1|${schema.enum.map(String).join(',')}|}`;
  if (schema.type === 'array' && items && (items.type === 'object' || items.properties)) return `${name}:\n${pad}- $0`;
  if (schema.type === 'array') return `${name}: [$0]`;
  if (schema.type === 'object' || schema.properties || schema.additionalProperties) return `${name}:\n${pad}$0`;
  return `${name}: $0`;
}

/**
 * Keys already in the mapping at the cursor: from the text around it, and from the tree when
 * the path has no sequence items (a large mapping like the top level is not scanned).
 */
function presentKeys(analysis: Analysis, text: string, offset: number, ctx: CursorContext): Set<string> {
  const keys = siblingKeys(text, offset, ctx.column);
  if (ctx.path.includes(-1)) return keys;
  const node = nodeAtPath(analysis.syntax.root, ctx.path as string[]);
  if (node?.kind === 'map') {
    for (const p of node.items) if (offset < p.key.start || offset > p.key.end) keys.add(String(p.key.value));
  }
  return keys;
}

function lastKey(path: Path): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

/**
 * What a snippet at the cursor takes from the file: the next free start of the track (else
 * the event's first day at 09:00), where a new session of the track can start, the event's
 * days and zone, the people. A file without an event gets dates from today on.
 */
function snippetValues(analysis: Analysis, ctx: CursorContext, offset: number): SnippetValues {
  const event = analysis.model.event;
  const { maps, lists } = analysis.format.shape;
  const zone = event.zone ?? 'Europe/Berlin';
  const trackId = ctx.path[0] === maps.track && typeof ctx.path[1] === 'string' ? ctx.path[1] : undefined;
  const eventStart = event.start ? event.start.toFormat('yyyy-MM-dd') : dateFromToday(30);
  const eventEnd = event.end ? event.end.toFormat('yyyy-MM-dd') : event.start ? eventStart : dateFromToday(31);
  const firstDay = event.start && event.zone ? formatLocal(atTime(event.start, 9), event.zone) : `${eventStart} 09:00`;
  const start = (ctx.path.includes(lists.slot) ? startCandidates(analysis, trackId, offset, true)[0]?.value : undefined) ?? firstDay;
  const sessionStart = (ctx.path.includes(lists.session) ? sessionStartCandidates(analysis, trackId, offset, true)[0]?.value : undefined) ?? firstDay;
  return { start, sessionStart, eventStart, eventEnd, zone, people: [...analysis.model.people.keys()] };
}

/** Ids already in the flow list on the cursor's line (not offered twice). */
function flowItemsOnLine(text: string, offset: number, wordStart: number): Set<string> {
  const lineStart = startOfLine(text, offset);
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const open = text.lastIndexOf('[', wordStart);
  const close = text.indexOf(']', offset);
  const inner = text.slice(Math.max(open + 1, lineStart), close >= 0 && close < lineEnd ? close : lineEnd);
  const own = text.slice(wordStart, offset);
  return new Set(
    inner
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s && s !== own),
  );
}
