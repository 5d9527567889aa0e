/**
 * Arrays that are kept for the life of a tree or model (its pairs, items, references) take the
 * room of what they hold, no more: a JavaScript array grown by `push` reserves room for about
 * sixteen more elements, and a new empty array is an object of its own. At 20,000 slots that
 * slack alone was tens of megabytes.
 */

/** The one empty array: frozen, so that an attempt to add to it fails loudly. */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/** `items` as kept: `NONE` when empty, else a copy exactly as long (or `items` when it already is). */
export function compact<T>(items: T[]): T[] {
  return items.length === 0 ? NONE : items.slice();
}
