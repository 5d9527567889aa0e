/**
 * Writing a plan into the file as small text edits: each placed track gets `sessions` with the
 * block's time (the block's own `start` and `end` or `duration`, as written) and its room when
 * it has none (or another one, when a re-plan moved it). Everything else in the file, comments
 * and layout included, stays as it is; the file's indentation and line endings are followed.
 */
import type { Track } from '../model/model';
import { get, getPair, MapNode, Node } from '../syntax/tree';
import type { UsableBlock } from './plan';
import { column, contentEnd, eolOf, lineEnd } from '../syntax/lines';

/** Replace `[start, end)` of the text (UTF-16 offsets) with `newText`. */
export interface PlanEdit {
  start: number;
  end: number;
  newText: string;
}

export function planEdits(text: string, moves: { track: Track; block: UsableBlock }[]): PlanEdit[] {
  const out: PlanEdit[] = [];
  for (const { track, block } of moves) {
    const map = track.node;
    if (map?.kind !== 'map') continue;
    out.push(...trackEdits(text, map, sessionText(block.block.node), block.room));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Applies edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: PlanEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** `{ start: 2024-09-18 10:00, end: 2024-09-18 13:30 }` from the block's own values. */
function sessionText(block: Node): string {
  const value = (key: string): string | undefined => {
    const n = get(block, key);
    return n && n.kind === 'scalar' ? String(n.value) : undefined;
  };
  const end = value('end');
  return `{ start: ${value('start')}, ${end !== undefined ? `end: ${end}` : `duration: ${value('duration')}`} }`;
}

function trackEdits(text: string, map: MapNode, session: string, room: string): PlanEdit[] {
  const out: PlanEdit[] = [];
  const eol = eolOf(text);
  const roomPair = getPair(map, 'room');
  const sessions = getPair(map, 'sessions');
  const adds: string[] = [];
  if (roomPair?.value) {
    if (roomPair.value.value !== room) out.push({ start: roomPair.value.start, end: roomPair.value.end, newText: room });
  } else if (roomPair) {
    const colon = text.indexOf(':', roomPair.key.end);
    out.push({ start: colon + 1, end: colon + 1, newText: ` ${room}` });
  } else {
    adds.push(`room: ${room}`);
  }
  if (map.flow) {
    if (sessions) {
      const colon = text.indexOf(':', sessions.key.end);
      const v = sessions.value;
      out.push({ start: v ? v.start : colon + 1, end: v ? v.end : colon + 1, newText: `${v ? '' : ' '}[${session}]` });
    } else {
      adds.push(`sessions: [${session}]`);
    }
    if (adds.length) {
      const close = text.lastIndexOf('}', map.end - 1);
      let before = close;
      while (before > map.start && /\s/.test(text[before - 1])) before--;
      const empty = text[before - 1] === '{';
      out.push({ start: before, end: before, newText: empty ? ` ${adds.join(', ')} ` : `, ${adds.join(', ')}` });
    }
    return out;
  }
  const indent = ' '.repeat(column(text, map.items[0].key.start));
  const item = `${indent}  - ${session}`;
  if (sessions) {
    const colon = text.indexOf(':', sessions.key.end);
    const v = sessions.value;
    out.push({ start: colon + 1, end: v ? contentEnd(text, v) : colon + 1, newText: `${eol}${item}` });
  } else {
    adds.push(`sessions:${eol}${item}`);
  }
  if (adds.length) {
    const last = map.items[map.items.length - 1];
    const at = lineEnd(text, contentEnd(text, last.value ?? last.key));
    out.push({ start: at, end: at, newText: adds.map((a) => `${eol}${indent}${a}`).join('') });
  }
  return out;
}
