/**
 * Rescheduling one slot from the preview: a new start (or none: not scheduled), another room,
 * another length, written as the smallest text edits of the slot's own `start`, `end`,
 * `duration` and `room` values. Quotes, the date-time separator (space or `T`), comments and
 * layout stay as written; a key the slot lacks is added on a line of its own (or inside a flow
 * mapping), and a removed `start` takes only its own line.
 *
 * The edits are computed from the document as it is now. The slot is named by the identity the
 * preview saw (`track#index`, its id and title): when the document changed since, the slot is
 * found again by that identity, and when it cannot be found for certain nothing is changed.
 */
import type { Analysis } from '../service/analysis';
import type { Model, Slot } from '../model/model';
import { slotRoom } from '../model/model';
import { formatDuration, formatLocal, fromISO, fromMillis } from '../model/time';
import { MapNode, Pair, getPair } from '../syntax/tree';
import { contentEnd, lineEnd, lineStart } from '../syntax/lines';

/** How the preview names a slot: its view key (`track#index`), its id and its title. */
export interface SlotIdentity {
  key: string;
  id?: string;
  title: string;
}

/** Where a slot goes; what is absent stays as it is. */
export interface RescheduleTarget {
  /** The new start, an instant (ISO 8601 with offset); `null`: not scheduled (its `start` is removed). */
  start?: string | null;
  /** Move the start by this many minutes (from where it is in the document now). */
  shift?: number;
  /** Move to another day by this many days, at the same local time. */
  days?: number;
  /** The room id the slot moves to. */
  room?: string;
  /** The new length in minutes. */
  minutes?: number;
}

/** Replace `[start, end)` of the text (UTF-16 offsets) with `newText`. */
export interface RescheduleEdit {
  start: number;
  end: number;
  newText: string;
}

export interface RescheduleResult {
  edits: RescheduleEdit[];
  /** Why nothing is changed (the slot is gone, the target is not a time...). */
  error?: string;
  /** The slot the edits change, when found. */
  slot?: Slot;
}

const MAX_MINUTES = 7 * 24 * 60;

/**
 * The slot the preview named, in this model: the one at its key when it is still the same
 * slot (same id, same title), else the only slot of the model with its id, else the only slot
 * of its track with its title. Undefined when there is none or more than one.
 */
export function findSlot(model: Model, identity: SlotIdentity): Slot | undefined {
  const hash = identity.key.lastIndexOf('#');
  const trackId = hash >= 0 ? identity.key.slice(0, hash) : identity.key;
  const index = hash >= 0 ? Number(identity.key.slice(hash + 1)) : NaN;
  const track = model.tracks.get(trackId);
  const same = (s: Slot): boolean => s.title === identity.title && (identity.id === undefined || s.id === identity.id);
  const atKey = track && Number.isInteger(index) ? track.slots[index] : undefined;
  if (atKey && same(atKey)) return atKey;
  const only = (list: Slot[]): Slot | undefined => (list.length === 1 ? list[0] : undefined);
  if (identity.id !== undefined) return only(model.slots.filter((s) => s.id === identity.id && s.title === identity.title));
  return track ? only(track.slots.filter(same)) : undefined;
}

/** The edits that move `identity`'s slot to `target` in the analysed document. */
export function rescheduleSlot(analysis: Analysis, identity: SlotIdentity, target: RescheduleTarget): RescheduleResult {
  const { model, text } = analysis;
  const slot = findSlot(model, identity);
  if (!slot) return { edits: [], error: `the slot “${identity.title}” is no longer in the file as it was shown` };
  const map = slot.node;
  if (map.kind !== 'map') return { edits: [], error: 'the slot is not a mapping', slot };
  const zone = model.event.zone;
  const w = new Writer(text, map);
  const startPair = getPair(map, 'start');
  const endPair = getPair(map, 'end');
  const durationPair = getPair(map, 'duration');

  if (target.start === null) {
    if (!startPair) return { edits: [], slot };
    w.remove(startPair);
    // An `end` without a `start` means nothing: it becomes the slot's length.
    if (endPair && !durationPair && slot.minutes) w.replacePair(endPair, `duration: ${formatDuration(slot.minutes)}`);
    return { edits: w.edits(), slot };
  }

  let startMs: number | undefined;
  if (typeof target.start === 'string') {
    const at = fromISO(target.start);
    if (!at) return { edits: [], error: `${target.start} is not a date-time`, slot };
    startMs = at.toMillis();
  }
  if (target.shift !== undefined || target.days !== undefined) {
    const from = startMs ?? slot.interval?.startMs;
    if (from === undefined || !zone) return { edits: [], error: 'the slot has no start to move from', slot };
    startMs = from + (target.shift ?? 0) * 60_000;
    if (target.days) startMs = fromMillis(startMs, zone).plus({ days: target.days }).toMillis();
  }
  const minutes = target.minutes ?? slot.minutes;
  if (target.minutes !== undefined && !(Number.isInteger(target.minutes) && target.minutes > 0 && target.minutes <= MAX_MINUTES))
    return { edits: [], error: `${target.minutes} minutes is not a length`, slot };
  if (startMs === undefined && target.minutes !== undefined) startMs = slot.interval?.startMs;
  if (startMs !== undefined) {
    if (!zone) return { edits: [], error: 'the event has no valid `timezone`', slot };
    if (!Number.isFinite(startMs)) return { edits: [], error: 'the new start is not a time', slot };
    const start = fromMillis(startMs, zone);
    const value = formatLocal(start, zone);
    if (startPair) w.replaceValue(startPair, value, true);
    else w.add('start', value, 'title');
    if (endPair && minutes) w.replaceValue(endPair, formatLocal(fromMillis(startMs + minutes * 60_000, zone), zone), true);
  }
  if (target.minutes !== undefined) {
    if (durationPair) w.replaceValue(durationPair, formatDuration(target.minutes), false);
    else if (!endPair) w.add('duration', formatDuration(target.minutes), 'start');
  }
  if (target.room !== undefined && target.room !== slotRoom(slot)?.id) {
    if (!model.rooms.has(target.room)) return { edits: [], error: `there is no room \`${target.room}\``, slot };
    const roomPair = getPair(map, 'room');
    if (roomPair) w.replaceValue(roomPair, target.room, false);
    else w.add('room', target.room, 'start');
  }
  return { edits: w.edits(), slot };
}

/** Collects the edits of one slot mapping, keeping the file's quotes, separators and line endings. */
class Writer {
  private readonly out: RescheduleEdit[] = [];
  /** Keys to add, by the offset they go at (several at one place become one edit). */
  private readonly adds = new Map<number, { flow: boolean; entries: string[] }>();
  private readonly eol: string;

  constructor(
    private readonly text: string,
    private readonly map: MapNode,
  ) {
    const nl = text.indexOf('\n');
    this.eol = nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
  }

  /** The pair's value becomes `value`, in the quotes (and, for a date-time, the separator) it had. */
  replaceValue(pair: Pair, value: string, dateTime: boolean): void {
    const v = pair.value;
    if (!v || v.kind !== 'scalar' || (v.value === null && v.start === v.end)) {
      // `start:` with nothing after it: the value goes after the colon.
      const colon = this.text.indexOf(':', pair.key.end);
      this.out.push({ start: colon + 1, end: colon + 1, newText: ` ${value}` });
      return;
    }
    const old = this.text.slice(v.start, v.end);
    const q = old[0];
    const quoted = (q === '"' || q === "'") && old.length > 1 && old.endsWith(q);
    const inner = quoted ? old.slice(1, -1) : old;
    const written = dateTime && inner[10] === 'T' ? value.replace(' ', 'T') : value;
    if (inner === written) return;
    if (quoted) this.out.push({ start: v.start + 1, end: v.end - 1, newText: written });
    else this.out.push({ start: v.start, end: v.end, newText: written });
  }

  /** The whole pair (`key: value`) becomes `entry`. */
  replacePair(pair: Pair, entry: string): void {
    const end = pair.value ? contentEnd(this.text, pair.value) : pair.key.end + 1;
    this.out.push({ start: pair.key.start, end, newText: entry });
  }

  /** Adds `key: value` after the pair `after` (else after the first pair). */
  add(key: string, value: string, after: string): void {
    const map = this.map;
    if (map.flow) {
      const close = this.text.lastIndexOf('}', map.end - 1);
      let before = close;
      while (before > map.start && /\s/.test(this.text[before - 1])) before--;
      const at = this.adds.get(before) ?? { flow: true, entries: [] };
      at.entries.push(`${key}: ${value}`);
      this.adds.set(before, at);
      return;
    }
    const anchor = getPair(map, after) ?? getPair(map, 'title') ?? map.items[0];
    const offset = lineEnd(this.text, contentEnd(this.text, anchor.value ?? anchor.key));
    const at = this.adds.get(offset) ?? { flow: false, entries: [] };
    at.entries.push(`${key}: ${value}`);
    this.adds.set(offset, at);
  }

  /** Removes a pair: its own line in a block mapping, the entry and one comma in a flow one. */
  remove(pair: Pair): void {
    const { text, map } = this;
    const i = map.items.indexOf(pair);
    const valueEnd = pair.value ? contentEnd(text, pair.value) : pair.key.end + 1;
    if (map.flow) {
      const next = map.items[i + 1];
      if (next) this.out.push({ start: pair.key.start, end: next.key.start, newText: '' });
      else {
        const prev = map.items[i - 1];
        this.out.push({ start: prev ? contentEnd(text, prev.value ?? prev.key) : pair.key.start, end: valueEnd, newText: '' });
      }
      return;
    }
    const next = map.items[i + 1];
    if (i === 0 && next) {
      // The first key may share its line with `- `: the next key moves up into its place.
      this.out.push({ start: pair.key.start, end: next.key.start, newText: '' });
      return;
    }
    const from = lineStart(text, pair.key.start);
    const lineBreak = text.indexOf('\n', valueEnd);
    this.out.push({ start: from, end: lineBreak < 0 ? text.length : lineBreak + 1, newText: '' });
  }

  edits(): RescheduleEdit[] {
    const out = [...this.out];
    for (const [offset, { flow, entries }] of this.adds) {
      if (flow) {
        const empty = this.text[offset - 1] === '{';
        out.push({ start: offset, end: offset, newText: empty ? ` ${entries.join(', ')} ` : `, ${entries.join(', ')}` });
      } else {
        const indent = ' '.repeat(this.map.items[0].key.start - lineStart(this.text, this.map.items[0].key.start));
        out.push({ start: offset, end: offset, newText: entries.map((e) => `${this.eol}${indent}${e}`).join('') });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }
}
