/**
 * The blocks (time in rooms that tracks are placed into) as the preview shows them: one row per
 * time, one column per room, each cell the track placed there or free. Built from the model;
 * never throws; bounded like the rest of the schedule view.
 */
import type { BlockGridView } from '../../protocol';
import type { Model } from '../model/model';
import { formatRange } from '../model/time';

const MAX_BLOCKS = 2000;

export function blockGrid(model: Model, lineOf: (offset: number) => number): BlockGridView | undefined {
  const zone = model.event.zone;
  if (!zone || !model.blocks.length) return undefined;
  const usable = model.blocks.slice(0, MAX_BLOCKS).filter((b) => b.interval && b.room);
  if (!usable.length) return undefined;
  const roomIds = [...new Set(usable.map((b) => b.room!.id))];
  const order = new Map([...model.rooms.keys()].map((id, i) => [id, i]));
  roomIds.sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b));
  const rows = new Map<string, BlockGridView['rows'][number]>();
  for (const block of usable) {
    const iv = block.interval!;
    const key = `${iv.startMs}/${iv.endMs}`;
    let row = rows.get(key);
    if (!row) {
      const label = `${iv.start.setZone(zone).toFormat('ccc yyyy-MM-dd')} ${formatRange(iv.start, iv.end, zone)}`;
      row = { label, startMs: iv.startMs, cells: roomIds.map(() => null) };
      rows.set(key, row);
    }
    const column = roomIds.indexOf(block.room!.id);
    // The tracks holding this room during the block (one, unless the file has a room conflict).
    const tracks = [...model.tracks.values()].filter(
      (t) => t.room?.id === block.room!.id && t.sessions.some((s) => s.interval && s.interval.startMs < iv.endMs && iv.startMs < s.interval.endMs),
    );
    row.cells[column] = {
      line: lineOf(block.node.start),
      tracks: tracks.map((t) => ({ id: t.id, title: t.title, line: lineOf(t.key.start) })),
    };
  }
  return {
    rooms: roomIds.map((id) => ({ id, title: model.rooms.get(id)?.title ?? id })),
    rows: [...rows.values()].sort((a, b) => a.startMs - b.startMs),
    unplaced: [...model.tracks.values()]
      .filter((t) => !t.sessions.length && !t.slots.some((s) => s.hasStart))
      .map((t) => ({ id: t.id, title: t.title, line: lineOf(t.key.start) })),
  };
}
