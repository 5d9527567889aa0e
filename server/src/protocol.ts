/**
 * The custom requests between the client and the language server, and the JSON shapes they
 * carry. Types and method names only: the client (and the webview, type-only) import this file;
 * nothing here may pull in the core, Luxon or Node.
 */

/** `programme/export`: the text of an open programme's export, which the client saves. */
export const EXPORT_METHOD = 'programme/export';

export interface ExportParams {
  uri: string;
  /** `ics`, `schedule-json` or `schedule-xml`. */
  format: string;
  /** Export even when the file has errors. */
  force?: boolean;
}

/** `content` is the exported text; else `errors` (`line:col: code: message`) say why there is none. */
export interface ExportResult {
  content?: string;
  errors?: string[];
}

/**
 * `programme/import`: a schedule file's text (schedule.json, schedule.xml, an Indico export)
 * → the text of a programme file, which the client opens. The client reads the file; the
 * server parses it.
 */
export const IMPORT_METHOD = 'programme/import';

export interface ImportParams {
  text: string;
  /** The file's name, for the comment at the top of the programme. */
  fileName: string;
  /** The conference's IANA zone, when the file does not name it. */
  timezone?: string;
}

/** Something import could not take over as written, with its place in the file. */
export interface ImportNoteView {
  path: string;
  message: string;
  /** True when information was left out. */
  leftOut: boolean;
}

/** `content` is the programme's text; else `error` says why the file could not be read. */
export interface ImportResultView {
  content?: string;
  error?: string;
  notes: ImportNoteView[];
  /** What the file was read as, its zone, its events and the slots made from them. */
  format?: string;
  zone?: string;
  /** False when neither the file nor `timezone` named the zone: local times were kept as written. */
  zoneNamed?: boolean;
  events?: number;
  slots?: number;
}

/** `programme/schedule`: the schedule of one open document, as the preview shows it. */
export const SCHEDULE_METHOD = 'programme/schedule';

export interface ScheduleParams {
  uri: string;
  /**
   * The version of the document whose schedule the client holds (the last answer it was
   * given): when it is the server's last answer too, the server may answer with a
   * `ScheduleDelta` against it instead of the whole view.
   */
  have?: number;
}

/** The answer to `programme/schedule` without `have`: `null` when the server does not know the document. */
export type ScheduleResult = ScheduleView | null;

/** The answer to `programme/schedule` with `have`: the whole view, or a delta against the view of `have`. */
export type ScheduleDeltaResult = ScheduleResult | ScheduleDelta;

/**
 * A schedule view told as what changed since the view of version `base`: a day or track that
 * is the same as in the base is sent as its index there (in `days`, in `tracks`). A day that
 * changed names the base's day of the same date (`from`), and its slots, like `unscheduled`,
 * are told as `DeltaSlots` against that day's (the base's unscheduled) slots.
 * `applyScheduleDelta` makes the whole view again.
 */
export interface ScheduleDelta extends Omit<ScheduleView, 'days' | 'unscheduled' | 'tracks'> {
  base: number;
  days: (number | DeltaDay)[];
  unscheduled: DeltaSlots;
  tracks: (number | TrackView)[];
}

export interface DeltaDay extends Omit<DayView, 'slots'> {
  /** The index of the base's day whose slots `slots` refers to. */
  from?: number;
  slots: DeltaSlots;
}

/** A list of slots: a new slot whole, or `[from, count]`: that many slots of the base's list, from index `from`. */
export type DeltaSlots = (SlotView | [number, number])[];

/** How far `slotRuns` looks for a slot of the base around where the last one was. */
const WINDOW = 16;

/**
 * `list` as runs of the slots of `base` (by identity) and the slots that are not in it. A slot
 * is looked for near the one before it (an edit adds, drops or moves a few); once many were not
 * found there (an edit that moved the lines of many), everywhere in `base`.
 */
function slotRuns(list: SlotView[], base: SlotView[] | undefined): DeltaSlots {
  const out: DeltaSlots = [];
  let run: [number, number] | undefined;
  let next = 0,
    misses = 0;
  let index: Map<SlotView, number> | undefined;
  for (const s of list) {
    let k = -1;
    if (base) {
      for (let d = 0; d < WINDOW && k < 0; d++) {
        if (base[next + d] === s) k = next + d;
        else if (d && base[next - d] === s) k = next - d;
      }
      if (k < 0 && ++misses > WINDOW) k = (index ??= new Map(base.map((b, i) => [b, i]))).get(s) ?? -1;
    }
    if (k < 0) {
      out.push(s);
      run = undefined;
      continue;
    }
    if (run && run[0] + run[1] === k) run[1]++;
    else out.push((run = [k, 1]));
    next = k + 1;
  }
  return out;
}

/**
 * `view` as a delta against `base` (the view of an earlier version), by identity: the parts of
 * `view` that are the very objects of `base` (a server that builds views incrementally keeps
 * them) are sent as numbers; a day that changed costs what its slots do, the others nothing.
 * Undefined when `base` has no version.
 */
export function encodeScheduleDelta(view: ScheduleView, base: ScheduleView): ScheduleDelta | undefined {
  if (base.version === undefined) return undefined;
  const days = new Map(base.days.map((d, i) => [d, i]));
  const dates = new Map(base.days.map((d, i) => [d.date, i]));
  const tracks = new Map(base.tracks.map((t, i) => [t, i]));
  return {
    ...view,
    base: base.version,
    days: view.days.map((d) => {
      const same = days.get(d);
      if (same !== undefined) return same;
      const from = dates.get(d.date);
      return { ...d, ...(from === undefined ? {} : { from }), slots: slotRuns(d.slots, from === undefined ? undefined : base.days[from].slots) };
    }),
    unscheduled: slotRuns(view.unscheduled, base.unscheduled),
    tracks: view.tracks.map((t) => tracks.get(t) ?? t),
  };
}

/** The slots of `delta` (runs of `base`'s slots, and new slots); undefined when it names slots `base` does not have. */
function fromRuns(delta: unknown, base: SlotView[] | undefined): SlotView[] | undefined {
  if (!Array.isArray(delta)) return undefined;
  const out: SlotView[] = [];
  for (const x of delta) {
    if (Array.isArray(x)) {
      const [from, count] = x as unknown[];
      if (!base || !Number.isInteger(from) || !Number.isInteger(count) || (from as number) < 0 || (count as number) < 0) return undefined;
      if ((from as number) + (count as number) > base.length) return undefined;
      for (let i = 0; i < (count as number); i++) out.push(base[(from as number) + i]);
    } else if (x !== null && typeof x === 'object') out.push(x as SlotView);
    else return undefined;
  }
  return out;
}

/**
 * The whole view of a delta, from the view of its `base` version; undefined when `base` is
 * another version or the delta names a part the base does not have.
 */
export function applyScheduleDelta(delta: ScheduleDelta, base: ScheduleView): ScheduleView | undefined {
  if (base.version !== delta.base || !Array.isArray(delta.days) || !Array.isArray(delta.tracks)) return undefined;
  let missing = false;
  const ref = <T>(list: T[], x: number | T): T => {
    const found = typeof x === 'number' ? list[x] : x;
    if (found === undefined || found === null || typeof found !== 'object') missing = true;
    return found;
  };
  const day = (d: number | DeltaDay): DayView => {
    if (typeof d === 'number' || d === null || typeof d !== 'object') return ref(base.days, d as number);
    const { from, slots: _slots, ...rest } = d;
    if (from !== undefined && (!Number.isInteger(from) || !base.days[from])) missing = true;
    const slots = fromRuns(d.slots, from === undefined ? undefined : base.days[from]?.slots);
    if (!slots) missing = true;
    return { ...rest, slots: slots ?? [] };
  };
  const { base: _base, ...rest } = delta;
  const unscheduled = fromRuns(delta.unscheduled, base.unscheduled);
  const view: ScheduleView = {
    ...rest,
    days: delta.days.map(day),
    unscheduled: unscheduled ?? [],
    tracks: delta.tracks.map((t) => ref(base.tracks, t)),
  };
  return missing || !unscheduled ? undefined : view;
}

export function isScheduleDelta(result: ScheduleDeltaResult): result is ScheduleDelta {
  return !!result && typeof (result as ScheduleDelta).base === 'number';
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface ScheduleView {
  uri: string;
  /** The document version the view was computed from (absent outside the editor). */
  version?: number;
  event: EventView;
  days: DayView[];
  /** Slots without a start (or whose times cannot be resolved), in document order. */
  unscheduled: SlotView[];
  tracks: TrackView[];
  /** Zones the reader may want to see times in, besides the event's, UTC and their own. */
  speakerZones: ZoneChoice[];
  /**
   * Pairs of tracks that run at the same time and need the same people then (a lead or key
   * attendee of one who leads, key-attends or speaks in the other), in time order.
   */
  clashes: ClashView[];
  /** Counts of the problems of the whole document, by severity. */
  counts: Record<SeverityName, number>;
  /** The first YAML syntax error: the rest of the view may be incomplete. */
  syntaxError?: SourceError;
  /** Why nothing could be shown (file too large, no event zone). */
  notice?: string;
  /** True when lists were cut to keep the view bounded. */
  truncated?: boolean;
  /** The file's `blocks` and the tracks placed in them, when it has blocks. */
  blocks?: BlockGridView;
}

/** Blocks by time (rows) and room (columns); a cell is null where the room has no block then. */
export interface BlockGridView {
  rooms: { id: string; title: string }[];
  rows: {
    /** `Wed 2024-09-18 10:00–13:30 CEST`, in the event zone. */
    label: string;
    startMs: number;
    cells: ({ line: number; tracks: { id: string; title: string; line: number }[] } | null)[];
  }[];
  /** Tracks with no session and no scheduled slot: not placed yet. */
  unplaced: { id: string; title: string; line: number }[];
}

export interface SourceError {
  message: string;
  /** 0-based line. */
  line: number;
}

export interface EventView {
  title: string;
  /** The IANA zone every local time of the file is in (canonical when written as an alias). */
  zone?: string;
  venue?: string;
  url?: string;
  /** Markdown source. */
  description?: string;
  /** First and last day, `YYYY-MM-DD`. */
  start?: string;
  end?: string;
  /** The event's span as instants (first day 00:00 to the day after the last, event zone). */
  startIso?: string;
  endIso?: string;
  /** The event's `grid` in minutes: the step slots snap to when moved in the preview (5 when absent). */
  grid?: number;
}

export interface ZoneChoice {
  zone: string;
  /** Who lives there: `Jörg Rödel, Eric Auger`. */
  label: string;
}

export interface DayView {
  /** `YYYY-MM-DD` in the event zone. */
  date: string;
  /** The day's first time (earliest slot start, down to the hour), ISO with offset. */
  startIso: string;
  /** Minutes from `startIso` to the day's last end (rounded up to the half hour). */
  minutes: number;
  columns: ColumnView[];
  /** The day's slots in time order (then column); breaks included, with kind `break`. */
  slots: SlotView[];
}

export interface ColumnView {
  /** `room:mc2` or `track:main`. */
  key: string;
  kind: 'room' | 'track';
  title: string;
}

export interface Place {
  /** Index into the day's `columns`. */
  column: number;
  /** Minutes from the day's `startIso`. */
  top: number;
  /** Minutes (the slot's duration). */
  height: number;
  /** Side-by-side position among slots of the same column that overlap in time. */
  lane: number;
  lanes: number;
}

export interface SlotView {
  /** Unique within the view: `track-id#index`. */
  key: string;
  id?: string;
  title: string;
  kind: 'talk' | 'discussion' | 'opening' | 'closing' | 'break' | 'bof';
  trackId: string;
  trackTitle: string;
  room?: string;
  roomTitle?: string;
  startIso?: string;
  endIso?: string;
  minutes?: number;
  place?: Place;
  speakers: PersonView[];
  topics: { path: string; title: string }[];
  /** Markdown source. */
  abstract?: string;
  materials: { title: string; url: string }[];
  /** 0-based lines of the slot's source. */
  lines: { start: number; end: number };
  diagnostics: DiagnosticView[];
  /** Titles of the tracks this slot's track clashes with while the slot runs (see `ClashView`). */
  clashWith?: string[];
}

export interface ClashView {
  /** The two tracks, in the order the programme lists them. */
  tracks: { id: string; title: string }[];
  /** When both run and need the same people, in time order (ISO with offsets). */
  when: { startIso: string; endIso: string }[];
  /** The people both need then, each with what each track needs them for (`key attendee of VFIO MC`). */
  people: { person: PersonView; roles: string[] }[];
  /** 0-based line of the second track, to reveal its source. */
  line: number;
}

export interface PersonView {
  id: string;
  name: string;
  affiliation?: string;
  zone?: string;
}

export interface DiagnosticView {
  message: string;
  severity: SeverityName;
  code: string;
  /** 0-based line where the problem is. */
  line: number;
}

export interface TrackView {
  id: string;
  title: string;
  kind: string;
  roomTitle?: string;
  /** Markdown source. */
  description?: string;
  topics: TopicView[];
  leads: PersonView[];
  keyAttendees: PersonView[];
  outcomes: string[];
  lines: { start: number; end: number };
}

export interface TopicView {
  path: string;
  title: string;
  depth: number;
  /** How many slots name this topic. */
  slots: number;
}

/**
 * `programme/plan`: places the open programme's unplaced tracks into its `blocks` with the least
 * clashes (and, with `replan`, lets placed tracks move: the least clashes, then the fewest
 * moves). The answer carries the edits that write the placement; the client applies them as
 * one undoable edit when the user accepts.
 */
export const PLAN_METHOD = 'programme/plan';

export interface PlanParams {
  uri: string;
  replan?: boolean;
}

export interface PlanPlacementView {
  track: string;
  title: string;
  room: string;
  /** `Wed 2024-09-18 10:00–13:30 CEST`, in the event zone */
  when: string;
  change: 'new' | 'moved' | 'kept';
  /** Where a moved track was: `room, when`. */
  from?: string;
}

export interface PlanClashView {
  person: string;
  name?: string;
  tracks: [string, string];
  when: string;
}

/** A text edit in LSP positions (0-based line and UTF-16 character). */
export interface PlanTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

export interface PlanResultView {
  /** The document version the edits apply to. */
  version: number;
  /** Why nothing was planned (the file has errors, no solver here). */
  errors?: string[];
  placements: PlanPlacementView[];
  clashes: PlanClashView[];
  unplaced: { track: string; reason: string }[];
  moves: number;
  optimal: boolean;
  edits: PlanTextEdit[];
}

/**
 * `programme/reschedule`: one slot of the preview moved (dragged, resized, or moved with the
 * keyboard). The server computes, from the document as it is now, the edits of the slot's
 * `start`, `end`, `duration` and `room`; the client applies them as one undoable edit when the
 * document still has `version`, and asks again otherwise (the slot is found again by its identity).
 */
export const RESCHEDULE_METHOD = 'programme/reschedule';

export interface RescheduleParams {
  uri: string;
  /** The slot as the preview showed it. */
  slot: { key: string; id?: string; title: string };
  to: RescheduleTo;
}

export interface RescheduleTo {
  /** The new start, an instant (ISO with offset); `null`: not scheduled. */
  start?: string | null;
  /** Move the start by this many minutes (from where it is now). */
  shift?: number;
  /** Move to another day by this many days, at the same local time. */
  days?: number;
  /** The room id it moves to. */
  room?: string;
  /** The new length in minutes. */
  minutes?: number;
}

export interface RescheduleResultView {
  /** The document version the edits apply to. */
  version: number;
  edits: PlanTextEdit[];
  /** Why nothing changes. */
  error?: string;
}
