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
 * The strings a document's tree keeps, each once where it repeats. A string of 13 characters
 * or more cut from a text is, in V8, a view that keeps that whole text alive: the parser cuts
 * values from each leaf's text, so every leaf's text would stay in memory as long as one of
 * its values. Such a string is kept as a copy of its own instead (repeated ones, like a
 * slot's `start`, once); shorter ones are copies already, kept once each (keys, person ids,
 * durations).
 */
export class SharedStrings {
  private readonly known = new Map<string, string>();

  /** `limit`: how many different strings are kept at most (the first ones met). */
  constructor(private readonly limit = 16_384) {}

  get(s: string): string {
    const shareable = s.length <= SHARED_LENGTH;
    const kept = shareable ? this.known.get(s) : undefined;
    if (kept !== undefined) return kept;
    const own = s.length < 13 ? s : ownCopy(s);
    if (shareable && this.known.size < this.limit) this.known.set(own, own);
    return own;
  }
}

/** Strings up to this long are looked up among those kept (ids, dates, times); longer ones are copied. */
const SHARED_LENGTH = 40;

/** A string with its own characters, not a view into a longer one. */
function ownCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}
