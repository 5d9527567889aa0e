/**
 * Re-rendering a large schedule while someone types: parts whose data did not change keep
 * their DOM elements, and a container's children are patched in place, so only the day that
 * was edited is rebuilt and laid out again.
 */

export class PartCache {
  private parts = new Map<string, { data: string; el: HTMLElement }>();

  /** The element for `key`, rebuilt by `make` only when `data` (serialised) differs from last time. */
  get(key: string, data: unknown, make: () => HTMLElement, next: Map<string, { data: string; el: HTMLElement }>): HTMLElement {
    const json = JSON.stringify(data);
    const old = this.parts.get(key);
    const el = old && old.data === json ? old.el : make();
    next.set(key, { data: json, el });
    return el;
  }

  /** Keeps only the parts used by the last render. */
  replace(next: Map<string, { data: string; el: HTMLElement }>): void {
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
