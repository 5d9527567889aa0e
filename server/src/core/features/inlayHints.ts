/**
 * Inlay hints: the computed end after a slot's or session's `duration` (` → 07:35`) and the
 * weekday after a date (` Tue`: the event's first and last day, every local date-time).
 */
import { InlayHint, InlayHintKind, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../service/analysis';
import { Cancellation, NEVER_CANCELLED } from '../service/cancel';
import { Interval } from '../model/model';
import { DateTime } from '../model/time';
import { Node, get } from '../syntax/tree';

export function inlayHints(analysis: Analysis | undefined, document: TextDocument, range: Range, cancel: Cancellation = NEVER_CANCELLED): InlayHint[] | null {
  if (!analysis) return null;
  const { model } = analysis;
  const zone = model.event.zone;
  if (!zone) return [];
  const from = document.offsetAt(range.start),
    to = document.offsetAt(range.end);
  const out: InlayHint[] = [];
  const hint = (node: Node | null | undefined, label: string): void => {
    if (!node || node.end < from || node.end > to || analysis.invalid.has(node)) return;
    out.push({ position: document.positionAt(node.end), label, kind: InlayHintKind.Type, paddingLeft: false });
  };
  const day = (t: DateTime): string => ` ${t.setZone(zone).toFormat('ccc')}`;
  hint(get(model.event.node, 'start'), model.event.start ? day(model.event.start) : '');
  hint(get(model.event.node, 'end'), model.event.end ? day(model.event.end) : '');
  const timed = (node: Node, interval: Interval | undefined): void => {
    if (!interval || node.end < from || node.start > to) return;
    hint(get(node, 'start'), day(interval.start));
    const end = interval.end.setZone(zone);
    hint(get(node, 'end'), day(interval.end));
    const sameDay = interval.start.setZone(zone).hasSame(end, 'day');
    hint(get(node, 'duration'), ` → ${end.toFormat(sameDay ? 'HH:mm' : 'ccc HH:mm')}`);
  };
  let n = 0;
  for (const track of model.tracks.values()) {
    if (track.node && (track.node.end < from || track.node.start > to)) continue;
    for (const s of track.sessions) timed(s.node, s.interval);
    for (const s of track.slots) {
      if ((++n & 255) === 0 && cancel.isCancellationRequested) return null;
      if (s.node.start > to) break;
      timed(s.node, s.interval);
    }
  }
  return out.filter((h) => h.label !== '').sort((a, b) => document.offsetAt(a.position) - document.offsetAt(b.position));
}
