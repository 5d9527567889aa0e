/** Identifiers made from free text, for exports (slugs, acronyms) and imports (ids). */

/** `Jörg's Talk!` → `jorg-s-talk`: lowercase ASCII letters, digits and single hyphens. */
export function slugify(text: string, separator = '-'): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^${escape(separator)}+|${escape(separator)}+$`, 'g'), '');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Gives out ids unique within one scope: `room`, `room-2`, `room-3`... */
export class UniqueIds {
  private readonly used = new Set<string>();

  take(wanted: string, fallback: string): string {
    const base = /^[a-z0-9]/.test(wanted) ? wanted : fallback;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
