/**
 * Re-rendering a large schedule while someone types: parts whose data did not change keep
 * their DOM elements, and a container's children are patched in place, so only the day that
 * was edited is rebuilt and laid out again.
 */

/** A rendered part: its element, the data it was made from, and that data serialised (made when first compared). */
export interface Part {
  raw: unknown;
  data?: string;
  el: HTMLElement;
}

/** The same data, by identity: the object itself, or an array of the same objects (a delta keeps unchanged parts' objects). */
function sameRaw(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}

export class PartCache {
  private parts = new Map<string, Part>();

  /**
   * The element for `key`, rebuilt by `make` only when `data` differs from last time (the same
   * objects, or the same JSON). `patch` may bring the last element up to `data` in place
   * instead (given the data it was made from): true when it did.
   */
  get(key: string, data: unknown, make: () => HTMLElement, next: Map<string, Part>, patch?: (el: HTMLElement, raw: unknown) => boolean): HTMLElement {
    const old = this.parts.get(key);
    if (old && sameRaw(old.raw, data)) {
      next.set(key, { ...old, raw: data });
      return old.el;
    }
    if (old && patch?.(old.el, old.raw)) {
      next.set(key, { raw: data, el: old.el });
      return old.el;
    }
    const json = JSON.stringify(data);
    const el = old && (old.data ?? JSON.stringify(old.raw)) === json ? old.el : make();
    next.set(key, { raw: data, data: json, el });
    return el;
  }

  /** Keeps only the parts used by the last render. */
  replace(next: Map<string, Part>): void {
    this.parts = next;
  }
}

/**
 * Makes `parent`'s children exactly `children`. Stale children are removed first, so that
 * kept ones (in the same order) are never moved: moving a subtree restyles all of it.
 */
export function patchChildren(parent: HTMLElement, children: HTMLElement[]): void {
  const keep = new Set(children);
  for (const child of Array.from(parent.children)) if (!keep.has(child as HTMLElement)) child.remove();
  children.forEach((child, i) => {
    const at = parent.children[i];
    if (at !== child) parent.insertBefore(child, at ?? null);
  });
}
