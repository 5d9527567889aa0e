/**
 * When a piece of text can be written as a plain YAML value, and how to quote it when not.
 * Plain text is misread by YAML when it holds `: ` (a mapping) or ` #` (a comment), starts
 * with an indicator (`*` alias, `&` anchor, `!` tag, `@` and `` ` `` reserved, `[`/`{` flow
 * collections, `-`/`?`/`:` followed by a space, `|`/`>` block scalars, quotes, `%`), or reads
 * as something else than text: a boolean, a number, null, or, for YAML 1.1 readers, `yes`,
 * `no`, `on`, `off` and times like `20:00`. The `yaml` library decides, under both YAML 1.2 and
 * YAML 1.1: a text is plain only when both read it back unchanged.
 */
import { parseDocument } from 'yaml';

/**
 * True when `text` must be quoted to be read back as this text, under YAML 1.2 and 1.1.
 * Not cached: it is asked only about values that already look misread, and the core keeps no
 * state at module level.
 */
export function needsQuotes(text: string): boolean {
  if (text === '' || /[\n\r\t]/.test(text) || text.trim() !== text) return true;
  if (SAFE.test(text) && !SPECIAL.test(text)) return false;
  return !readsBack(text, '1.2') || !readsBack(text, '1.1');
}

/**
 * Text that plainly reads back as itself, without asking the parser (the formatter asks about
 * every value): words of letters, digits, spaces and `._/()'@+,!?&*%=-` starting with a letter;
 * dates and local date-times; durations; web addresses.
 */
const SAFE = /^(?:\p{L}[\p{L}\p{N} ._/()'@+,!?&*%=-]*|\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2})?|\d+h(?:\d+m)?|\d+m|https?:\/\/[^\s#]*[^\s#:])$/u;
/** Words YAML 1.2 or 1.1 read as booleans or null. */
const SPECIAL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;

function readsBack(text: string, version: '1.1' | '1.2'): boolean {
  try {
    // Dates are dates in this format whatever the reader: YAML 1.1's timestamps do not count.
    const doc = parseDocument(`k: ${text}\n`, {
      version,
      prettyErrors: false,
      uniqueKeys: false,
      customTags: (tags) => tags.filter((t) => typeof t !== 'object' || !('tag' in t) || t.tag !== 'tag:yaml.org,2002:timestamp'),
    });
    if (doc.errors.length || doc.warnings.length) return false;
    const value = (doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown> | null)?.k;
    return value === text;
  } catch {
    return false;
  }
}

/** `text` quoted for YAML: in double quotes (JSON escapes), or single ones when it holds `"` or `\`. */
export function quoteText(text: string): string {
  if (/["\\]/.test(text) && !/[\u0000-\u001f\u007f]/.test(text)) return `'${text.replace(/'/g, "''")}'`;
  return JSON.stringify(text);
}

/** `text` as a YAML value: plain when it reads back unchanged, else quoted. */
export function yamlText(text: string): string {
  return needsQuotes(text) ? quoteText(text) : text;
}
