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

/**
 * Short strings that repeat across a document (keys, person ids, durations), kept once each
 * instead of once per place they are written. Only strings shorter than 13 characters: those
 * are copies, while longer ones cut from a text keep that text alive.
 */
export class SharedStrings {
  private readonly known = new Map<string, string>();

  /** `limit`: how many different strings are kept at most (the first ones met). */
  constructor(private readonly limit = 16_384) {}

  get(s: string): string {
    if (s.length > 12) return s;
    const kept = this.known.get(s);
    if (kept !== undefined) return kept;
    if (this.known.size < this.limit) this.known.set(s, s);
    return s;
  }
}
