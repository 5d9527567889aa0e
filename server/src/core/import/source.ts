/**
 * What every reader (schedule.json, schedule.xml, Indico) makes of its file: a schedule in
 * the source's own terms, before zones, people and ids are decided (build.ts does that). Each
 * item carries the path it came from, so that every note names its place in the file.
 *
 * Readers are lenient: a missing or odd field of one event is a note, never an abort. Only a
 * file whose shape is not the format at all throws ImportError.
 */

export class ImportError extends Error {
  /** `path` is a JSON path, an XPath, `line:col`, an option (`--timezone`) or empty. */
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(path ? `${path}: ${detail}` : detail);
  }
}

/** Something import could not take over as written: listed on stderr with its path. */
export interface ImportNote {
  /** `$.schedule.conference.days[0].rooms.Adams[3].links[0]`, `/schedule/day[2]/room[1]/event[4]` */
  path: string;
  message: string;
  /** True when information was left out (the exit code says so). */
  leftOut: boolean;
}

export interface SourcePerson {
  path: string;
  name: string;
  guid?: string;
  /** The source's person id (frab's integer, Indico's person_id): unique only with the name. */
  id?: string;
  /** pretalx's speaker code. */
  code?: string;
  affiliation?: string;
}

export interface SourceLink {
  path: string;
  title?: string;
  url?: string;
}

export interface SourceEvent {
  path: string;
  title?: string;
  /** The start as written: an ISO date-time, with or without offset. */
  date?: string;
  /** Where a reader has the instant in a named zone (Indico's `{date, time, tz}`). */
  zoned?: { date: string; time: string; zone: string };
  /** The local start `HH:MM` (with the day's date when there is no `date`). */
  start?: string;
  /** The date of the day the event is listed under (as written: wafer writes the UTC date). */
  dayDate?: string;
  /** The position in `days` of the day the event is listed under. */
  day?: number;
  /** Length in minutes; undefined when unknown or unreadable (then `durationText` says what was written). */
  minutes?: number;
  durationText?: string;
  /** False for a contribution without a start (Indico): imported as not scheduled. */
  scheduled: boolean;
  room?: string;
  track?: string;
  type?: string;
  guid?: string;
  id?: number;
  slug?: string;
  url?: string;
  language?: string;
  subtitle?: string;
  abstract?: string;
  description?: string;
  doNotRecord?: boolean;
  persons: SourcePerson[];
  links: SourceLink[];
  attachments: SourceLink[];
}

export interface SourceDay {
  path: string;
  index?: number;
  date?: string;
  /** ISO date-times, as written. */
  start?: string;
  end?: string;
}

export interface SourceSchedule {
  /** What the file is, in words: `a frab/pretalx schedule.json`. */
  format: string;
  title?: string;
  url?: string;
  venue?: string;
  description?: string;
  /** The conference zone as the file names it, and where. */
  zone?: { name: string; path: string };
  start?: string;
  end?: string;
  /** Pentabarf's `<day_change>` (`HH:MM`). */
  dayChange?: string;
  days: SourceDay[];
  rooms: string[];
  events: SourceEvent[];
  notes: ImportNote[];
}

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string field, trimmed; undefined when absent, empty or not text. Numbers are taken as text. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** A title as written (spaces around it kept: the round trip gives it back); undefined when blank. */
export function title(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : text(v);
}

/** `HH:MM` or `HH:MM:SS` (or `H:MM`) → minutes, rounded; undefined when not of that form. */
export function durationText(v: string): number | undefined {
  const m = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(v.trim());
  if (!m) return undefined;
  return Number(m[1]) * 60 + Number(m[2]) + Math.round(Number(m[3] ?? 0) / 60);
}

/** `HH:MM` from `HH:MM` or `HH:MM:SS` (or `H:MM`); undefined otherwise. */
export function clockText(v: string | undefined): string | undefined {
  const m = v === undefined ? null : /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(v.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

/** A JSON path step: `.name` or `["Room 1"]`. */
export function key(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

export function describe(v: unknown): string {
  return v === undefined
    ? 'nothing'
    : v === null
      ? 'null'
      : Array.isArray(v)
        ? 'an array'
        : typeof v === 'string'
          ? `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`
          : typeof v === 'object'
            ? 'an object'
            : `${typeof v} ${JSON.stringify(v)}`;
}

export function boolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true' || t === '1' || t === 'yes') return true;
    if (t === 'false' || t === '0' || t === 'no') return false;
  }
  return undefined;
}

/** An integer id (`42` or `"42"`), else undefined. */
export function integer(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,15}\s*$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n >= 1 ? n : undefined;
}
