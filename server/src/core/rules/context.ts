import { Model, Slot } from '../model/model';
import { Node } from '../syntax/tree';
import { Problem } from '../service/problem';
import { formatRange } from '../model/time';

/** What every rule gets: the model and the event zone for writing times. */
export interface RuleContext {
  model: Model;
  report(problem: Problem): void;
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
