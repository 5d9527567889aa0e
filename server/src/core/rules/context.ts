import { Model, Slot } from '../model/model';
import { Node } from '../syntax/tree';
import { Problem } from '../service/problem';
import { type DateTime, formatRange, formatWeekdayRange } from '../model/time';
import { RuleMemo } from './memo';

/** What every rule gets: the model, where to report, and what the document's rules keep. */
export interface RuleContext {
  model: Model;
  report(problem: Problem): void;
  /**
   * This document's memo (memo.ts): groups kept across edits, and a rule's own state
   * (`memo.own`). A rule keeps nothing in module variables: each document has its own memo.
   */
  memo: RuleMemo;
}

export type Rule = (ctx: RuleContext) => void;

/** The node to point at for a problem about a whole slot: its `start`, else its title. */
export function slotAnchor(slot: Slot): Node {
  return slot.startNode ?? slot.titleNode ?? slot.node;
}

/** `'Break' 08:15–08:25 PDT`: a slot's title and, when known, its times in the event zone. */
export function describeSlot(slot: Slot, zone: string | undefined): string {
  const when = slot.interval && zone ? ` ${formatRange(slot.interval.start, slot.interval.end, zone)}` : '';
  return `'${slot.title}'${when}`;
}

/** The path of a slot in the tree, for quick fixes. */
export function slotPath(slot: Slot): (string | number)[] {
  return ['tracks', slot.track.id, 'slots', slot.index];
}

/** `Tue 07:00–09:00 PDT`: the weekday and times of an interval in the event zone. */
export function describeWhen(interval: { start: DateTime; end: DateTime }, zone: string): string {
  return formatWeekdayRange(interval.start, interval.end, zone);
}
