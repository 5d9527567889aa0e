/**
 * Characters the export formats cannot carry. The `control-character` check reports each of
 * them in the programme, and an export refuses a file with errors; an export forced anyway
 * writes U+FFFD (the replacement character) in their place, so its readers never reject it.
 */

/** Not allowed anywhere in an XML 1.0 document (§2.2 Char): C0 controls but tab, LF, CR; U+FFFE, U+FFFF; lone surrogates. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Not allowed in an iCalendar TEXT or parameter value (RFC 5545 §3.1, §3.3.11: CONTROL is
 * U+0000–U+0008, U+000A–U+001F, U+007F; line breaks are written `\n` by the escaping, so they
 * are left to it), plus U+FFFE, U+FFFF and lone surrogates, which have no UTF-8 form.
 */
const ICAL_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, '\uFFFD');
}

export function icalSafe(text: string): string {
  return text.replace(ICAL_FORBIDDEN, '\uFFFD');
}

/** A copy of a JSON-like value with every string (keys too) passed through `safe`. */
export function mapStrings<T>(value: T, safe: (s: string) => string): T {
  if (typeof value === 'string') return safe(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, safe)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[safe(k)] = mapStrings(v, safe);
    return out as T;
  }
  return value;
}
