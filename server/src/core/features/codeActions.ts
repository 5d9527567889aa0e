/**
 * Quick fixes for the problems of one analysed programme, as LSP code actions with workspace
 * edits: replace a typo by the closest known name, add a missing person, replace a timezone
 * alias, schedule a slot in the first free gap, move an overlapping slot to the next one.
 *
 * A fix is computed from the current analysis, not from what the client sends back: a
 * diagnostic is matched to the problem with the same code and range, so a stale diagnostic
 * (from before an edit) gets no fix rather than a wrong one. Edits keep the file's line
 * endings and indentation.
 */
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../service/analysis';
import { freeStartFor, freeStartForSession } from '../model/gaps';
import { Session, Slot } from '../model/model';
import { Problem } from '../service/problem';
import { formatLocal, fromMillis, plusMinutes } from '../model/time';
import { MapNode, Node, get, getPair } from '../syntax/tree';
import { yamlText } from '../syntax/quote';
import { column, contentEnd, eolOf, lineEnd, lineStart } from '../syntax/lines';

/** The quick fixes for `diagnostics` (those the client reports in `range`). */
export function codeActions(analysis: Analysis, doc: TextDocument, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  const from = doc.offsetAt(range.start),
    to = doc.offsetAt(range.end);
  for (const d of diagnostics) {
    const start = doc.offsetAt(d.range.start),
      end = doc.offsetAt(d.range.end);
    if (end < from || start > to) continue;
    const p = analysis.problems.find((q) => q.code === d.code && q.start === start && q.end === end);
    if (!p) continue;
    for (const fix of fixesFor(p, analysis, doc)) {
      out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.preferred, edit: { changes: { [doc.uri]: fix.edits } } });
    }
  }
  return out;
}

interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}

function fixesFor(p: Problem, a: Analysis, doc: TextDocument): Fix[] {
  const fixes: Fix[] = [];
  const data = p.data;
  if (data?.fix === 'replace') {
    fixes.push({ title: data.title, edits: [replace(doc, p.start, p.end, requote(a.text.slice(p.start, p.end), data.replacement))], preferred: true });
  }
  if (p.code === 'unknown-person') {
    const id = unquote(a.text.slice(p.start, p.end));
    const edit = addPerson(a, doc, id);
    if (edit) fixes.push({ title: `Add \`${id}\` to \`people\``, edits: [edit], preferred: !fixes.length });
  }
  if (data?.fix === 'move-session') {
    const [, trackId, , index] = data.sessionPath;
    const session = a.model.tracks.get(String(trackId))?.sessions[Number(index)];
    const fix = session && moveSession(a, doc, session);
    if (fix) fixes.push(fix);
  }
  if (data?.fix === 'schedule-slot' || data?.fix === 'move-slot') {
    const slot = slotAt(a, data.slotPath);
    const fix = slot && (data.fix === 'schedule-slot' ? schedule(a, doc, slot) : move(a, doc, slot));
    if (fix) fixes.push(fix);
  }
  return fixes;
}

function slotAt(a: Analysis, path: (string | number)[]): Slot | undefined {
  const [, trackId, , index] = path;
  return a.model.tracks.get(String(trackId))?.slots[Number(index)];
}

/** `schedule-slot`: `start:` at the first free gap of the track's sessions that fits the slot. */
function schedule(a: Analysis, doc: TextDocument, slot: Slot): Fix | undefined {
  const zone = a.model.event.zone;
  const at = zone ? freeStartFor(a.model, slot) : undefined;
  if (at === undefined || !zone || slot.node.kind !== 'map') return undefined;
  const value = formatLocal(fromMillis(at, zone), zone);
  const edit = addKey(a.text, doc, slot.node, 'start', value, 'title');
  return edit && { title: `Schedule '${slot.title}' at ${value}`, edits: [edit], preferred: true };
}

/** `move-slot`: a new `start` (and `end`, if given) at the next free gap that fits the slot. */
function move(a: Analysis, doc: TextDocument, slot: Slot): Fix | undefined {
  const zone = a.model.event.zone;
  const startNode = slot.startNode;
  if (!zone || !slot.interval || !startNode || !slot.minutes) return undefined;
  const at = freeStartFor(a.model, slot, slot.interval.startMs);
  if (at === undefined) return undefined;
  const start = fromMillis(at, zone);
  const value = sameSeparator(a.text.slice(startNode.start, startNode.end), formatLocal(start, zone));
  const edits = [replace(doc, startNode.start, startNode.end, value)];
  const endNode = get(slot.node, 'end');
  if (endNode && endNode.kind === 'scalar') {
    const end = sameSeparator(a.text.slice(endNode.start, endNode.end), formatLocal(plusMinutes(start, slot.minutes), zone));
    edits.push(replace(doc, endNode.start, endNode.end, end));
  }
  return { title: `Move '${slot.title}' to ${value}`, edits };
}

/**
 * `move-session`: the session to the next time its room is free for as long as it lasts, and
 * the slots inside it with it (each by the same amount), so they stay inside their session.
 */
function moveSession(a: Analysis, doc: TextDocument, session: Session): Fix | undefined {
  const zone = a.model.event.zone;
  const i = session.interval;
  if (!zone || !i) return undefined;
  const at = freeStartForSession(a.model, session);
  if (at === undefined || at === i.startMs) return undefined;
  const delta = at - i.startMs;
  const edits: TextEdit[] = [];
  const shift = (node: Node, from: number, to: number): boolean => {
    const startNode = get(node, 'start');
    if (!startNode || startNode.kind !== 'scalar') return false;
    edits.push(
      replace(
        doc,
        startNode.start,
        startNode.end,
        sameSeparator(a.text.slice(startNode.start, startNode.end), formatLocal(fromMillis(from + delta, zone), zone)),
      ),
    );
    const endNode = get(node, 'end');
    if (endNode && endNode.kind === 'scalar')
      edits.push(
        replace(doc, endNode.start, endNode.end, sameSeparator(a.text.slice(endNode.start, endNode.end), formatLocal(fromMillis(to + delta, zone), zone))),
      );
    return true;
  };
  if (!shift(session.node, i.startMs, i.endMs)) return undefined;
  let moved = 0;
  for (const slot of session.track.slots) {
    const s = slot.interval;
    if (s && s.startMs >= i.startMs && s.endMs <= i.endMs && shift(slot.node, s.startMs, s.endMs)) moved++;
  }
  const value = formatLocal(fromMillis(at, zone), zone);
  const room = session.track.room!.id;
  return {
    title: `Move the session to ${value}, when room \`${room}\` is free${moved ? ` (with its ${moved === 1 ? 'slot' : `${moved} slots`})` : ''}`,
    edits,
  };
}

/** Adds `<id>:\n  name: <Id as words>` at the end of `people` (or a new `people` map). */
function addPerson(a: Analysis, doc: TextDocument, id: string): TextEdit | undefined {
  const root = a.syntax.root;
  if (!root || root.kind !== 'map' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) return undefined;
  const name = yamlText(words(id));
  const eol = eolOf(a.text);
  const step = indentStep(a.text, root);
  const { maps } = a.format.shape;
  const pair = getPair(root, maps.person);
  const people = pair?.value;
  if (people?.kind === 'map' && people.flow) return insertFlow(a.text, doc, people, `${id}: { name: ${name} }`);
  if (people?.kind === 'map' && people.items.length) {
    const last = people.items[people.items.length - 1];
    const indent = ' '.repeat(column(a.text, people.items[0].key.start));
    const firstValue = people.items.find((p) => p.value?.kind === 'map' && !p.value.flow && p.value.items.length)?.value as MapNode | undefined;
    const inner = firstValue ? ' '.repeat(column(a.text, firstValue.items[0].key.start)) : indent + step;
    const at = lineEnd(a.text, contentEnd(a.text, last.value ?? last.key));
    return insert(doc, at, `${eol}${indent}${id}:${eol}${inner}name: ${name}`);
  }
  if (pair && (!people || (people.kind === 'scalar' && people.value === null))) {
    return insert(doc, lineEnd(a.text, pair.key.end), `${eol}${step}${id}:${eol}${step}${step}name: ${name}`);
  }
  if (pair) return undefined;
  // No `people` at all: a new map before `tracks` (or at the end).
  const tracks = getPair(root, maps.track);
  const block = `${maps.person}:${eol}${step}${id}:${eol}${step}${step}name: ${name}${eol}`;
  if (tracks) return insert(doc, lineStart(a.text, tracks.key.start), block);
  return insert(doc, a.text.length, (a.text.endsWith('\n') ? '' : eol) + block);
}

/** Adds `key: value` to a mapping: after the pair `after` (else its first pair), in its indentation. */
function addKey(text: string, doc: TextDocument, map: MapNode, key: string, value: string, after: string): TextEdit | undefined {
  if (map.flow) return insertFlow(text, doc, map, `${key}: ${value}`);
  const anchor = getPair(map, after) ?? map.items[0];
  if (!anchor) return undefined;
  const indent = ' '.repeat(column(text, map.items[0].key.start));
  return insert(doc, lineEnd(text, contentEnd(text, anchor.value ?? anchor.key)), `${eolOf(text)}${indent}${key}: ${value}`);
}

/** Adds an entry before the closing bracket of a flow mapping. */
function insertFlow(text: string, doc: TextDocument, map: MapNode, entry: string): TextEdit | undefined {
  const close = text.lastIndexOf('}', map.end - 1);
  if (close < map.start) return undefined;
  let before = close;
  while (before > map.start && /\s/.test(text[before - 1])) before--;
  const empty = text[before - 1] === '{';
  return insert(doc, before, empty ? ` ${entry} ` : `, ${entry}`);
}

/** The indentation one level adds in this file (of the first nested mapping), else two spaces. */
function indentStep(text: string, root: MapNode): string {
  for (const pair of root.items) {
    const v = pair.value;
    if (v?.kind === 'map' && !v.flow && v.items.length) {
      const n = column(text, v.items[0].key.start) - column(text, pair.key.start);
      if (n > 0) return ' '.repeat(n);
    }
  }
  return '  ';
}

function replace(doc: TextDocument, start: number, end: number, newText: string): TextEdit {
  return TextEdit.replace({ start: doc.positionAt(start), end: doc.positionAt(end) }, newText);
}

function insert(doc: TextDocument, at: number, newText: string): TextEdit {
  return TextEdit.insert(doc.positionAt(at), newText);
}

/** `alex-williamson` → `Alex Williamson`. */
function words(id: string): string {
  return id
    .split('-')
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

/** The replacement in the same quotes as the text it replaces. */
function requote(old: string, replacement: string): string {
  const q = old[0];
  return (q === '"' || q === "'") && old.endsWith(q) && old.length > 1 ? q + replacement + q : replacement;
}

function unquote(text: string): string {
  const q = text[0];
  return (q === '"' || q === "'") && text.endsWith(q) && text.length > 1 ? text.slice(1, -1) : text;
}

/** A date-time in the separator (space or `T`) and quotes of the value it replaces. */
function sameSeparator(old: string, value: string): string {
  return requote(old, unquote(old)[10] === 'T' ? value.replace(' ', 'T') : value);
}
