/**
 * The schedule as the preview and `programme render` show it: days, columns per room (or per
 * track where a slot has no room), slots placed by time, the unscheduled list, each track's
 * description, topics and people, and the problems that touch each slot. The result is plain
 * JSON (ISO strings with offsets, 0-based lines), bounded in size, and building it never throws.
 *
 * Incremental through a `ScheduleCache` (one per document): a slot's view is kept while its
 * model object, its lines, its problems and the people and room it names are the same; a
 * track's slots (their views, days and zones) are kept as one group while the track's model
 * object, its first line, its problems and clashes are the same; a day is laid out again only
 * when one of the groups on it changed, and its view is kept otherwise. A day, a slot or a track
 * whose view did not change is the very object of the last build, so that the language server
 * can answer with what changed only (protocol.ts, `encodeScheduleDelta`). An edit that leaves
 * the lines of the rest of the file where they were costs what its tracks and days cost, not
 * what the whole programme does.
 */
import type {
  ClashView,
  ColumnView,
  DayView,
  DiagnosticView,
  EventView,
  PersonView,
  ScheduleView,
  SeverityName,
  SlotView,
  TopicView,
  TrackView,
  ZoneChoice,
} from '../../protocol';
import type { Analysis } from '../service/analysis';
import { Changed, commonEnds } from '../syntax/change';
import { NONE } from '../syntax/compact';
import { SeverityMap, severityOf } from '../service/diagnostics';
import type { EventInfo, Model, Person, Slot, Track } from '../model/model';
import { slotRoom, trackRuns } from '../model/model';
import type { Interval } from '../model/model';
import type { Problem } from '../service/problem';
import { zoneInfo } from '../model/time';
import { eventSpan, programmeDate } from '../model/days';
import type { DateTime } from '../model/time';
import { blockGrid } from './blocks';

/** Display limits: a hostile file must not make a huge view. */
export const SCHEDULE_LIMITS = {
  title: 300,
  text: 20_000,
  message: 500,
  slots: 20_000,
  perSlot: 50,
  topics: 500,
  diagnosticsPerSlot: 20,
  dayMinutes: 36 * 60,
  clashes: 500,
};

/**
 * `2021-09-21T07:00:00-07:00`: an instant with its offset, without Luxon's slower formatting;
 * one string per instant and offset in `strings` (many slots start or end at the same minute).
 */
function iso(time: DateTime | undefined, strings: Strings): string | undefined {
  if (!time) return undefined;
  const offset = time.offset,
    ms = time.toMillis();
  let byMs = strings.instants.get(offset);
  if (!byMs) strings.instants.set(offset, (byMs = new Map()));
  let out = byMs.get(ms);
  if (out === undefined) {
    const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
    const abs = Math.abs(offset);
    // Joined (a flat string), not concatenated (a tree of five strings kept as long as the view).
    const parts =
      offset === 0 ? [local, 'Z'] : [local, offset < 0 ? '-' : '+', String(Math.floor(abs / 60)).padStart(2, '0'), ':', String(abs % 60).padStart(2, '0')];
    byMs.set(ms, (out = parts.join('')));
    strings.count++;
  }
  return out;
}

type Place = NonNullable<SlotView['place']>;

/**
 * One copy of each place in the days laid out in one build (many slots of a column sit at the
 * same time on other days), by column, then by top, height, lane and lanes (set already).
 */
class Places {
  private readonly byColumn = new Map<number, Map<number, Place>>();

  /** The copy of `p` kept (`p` itself the first time). */
  get(p: Place): Place {
    if (p.top >= 4096 || p.height >= 4096 || p.lane >= 1024 || p.lanes >= 1024) return p;
    const key = ((p.top * 4096 + p.height) * 1024 + p.lane) * 1024 + p.lanes;
    let byKey = this.byColumn.get(p.column);
    if (!byKey) this.byColumn.set(p.column, (byKey = new Map()));
    const kept = byKey.get(key);
    if (kept) return kept;
    byKey.set(key, p);
    return p;
  }
}

/** Strings that many slots have alike (times, days, columns), one copy of each, kept from build to build. */
class Strings {
  instants = new Map<number, Map<number, string>>();
  other = new Map<string, string>();
  count = 0;

  /** The copy of `s` kept (`s` itself the first time). */
  intern(s: string): string {
    const kept = this.other.get(s);
    if (kept !== undefined) return kept;
    this.other.set(s, s);
    this.count++;
    return s;
  }

  /** Forgets them all when they are many more than `needed` (strings of views no longer shown). */
  prune(needed: number): void {
    if (this.count <= 2 * needed + 1000) return;
    this.instants = new Map();
    this.other = new Map();
    this.count = 0;
  }
}

export interface ScheduleOptions {
  uri: string;
  version?: number;
  severity?: SeverityMap;
  /** What the last build of this document's schedule kept (a fresh build without it). */
  cache?: ScheduleCache;
}

/** A slot's view without its place and clashes, and what it was made from. */
interface SlotEntry {
  slot: Slot;
  /** What the view was made from, besides the slot: its lines (`view.lines`), its problems, the context. `view` is the one last handed out, with its place and clashes (one object per slot). */
  diagnostics: string;
  context: object;
  /**
   * What the view read of the rest of the programme (`slotReads`): while it is the same, another
   * context does not change the view. Its speakers' zones are read from it (`eachZone`).
   */
  reads: unknown[];
  view: SlotView;
  clipped: boolean;
  /** The slot's column: `room:<id>` or `track:<id>`. */
  column: string;
  /** The programme day (`date`), for the event's `day-change` it was computed with (`dayChange`). */
  date: string | undefined;
  dayChange: number;
}

/**
 * One track's slots as the schedule shows them, kept while the track's model object (the same
 * text), the line it starts on, how many of its slots are shown, their problems and clashes and
 * what their views read of the rest of the programme are the same.
 */
interface TrackGroup {
  track: Track;
  /** The build it was last made or checked in (ScheduleCache.generation). */
  seen: number;
  line: number;
  count: number;
  diagnostics: string;
  clashes: string;
  context: object;
  placeable: boolean;
  dayChange: number;
  entries: SlotEntry[];
  /**
   * Its scheduled slots by programme day (`YYYY-MM-DD`), in document order: the list of the
   * last build while its slots on that day and their clashes are the same.
   */
  days: Map<string, SlotEntry[]>;
  /** `days` as a list, for going through every group's days on each build. */
  dayList: [string, SlotEntry[]][];
  unscheduled: SlotEntry[];
  clipped: boolean;
  /** Its speakers' zones and names, in order, as JSON (what `speakerZones` is made from). */
  zones: string;
}

/** One day's layout, kept while the day's slots (in document order) and its columns are the same. */
interface DayEntry {
  /** Each track group's slots on the day (the group's own lists), in order: the day's view is kept while they are the same lists. */
  parts?: SlotEntry[][];
  /** Where each slot (by its index in document order) is in `order` and `places`. */
  position: Int32Array;
  /** Each slot's start, end and column, in document order: all its layout depends on. */
  starts: number[];
  ends: number[];
  keys: string[];
  columnsKey: string;
  startIso: string;
  minutes: number;
  columns: ColumnView[];
  /** Slots in time order (by their index in document order), and their places in that order. */
  order: Int32Array;
  places: NonNullable<SlotView['place']>[];
  view?: DayView;
}

/**
 * What one document's schedule keeps from one build to the next (held in its `DocumentState`):
 * views by the model objects they show (which the model keeps across edits while their text is
 * the same) and the last layout of each day.
 */
export class ScheduleCache {
  readonly tracks = new WeakMap<Track, { deps: unknown[]; view: TrackView; clipped: boolean; seen: number }>();
  readonly groups = new WeakMap<Track, TrackGroup>();
  /** The number of the build: a group or track view made or checked in the last build has `seen` one less. */
  generation = 0;
  days = new Map<string, DayEntry>();
  context?: { people: Person[]; rooms: string; token: object; peopleMap: Model['people']; roomsMap: Model['rooms'] };
  zones?: { keys: string[]; view: ZoneChoice[] };
  event?: { source: EventInfo; view: EventView; clipped: boolean };
  /** The line starts of the text of the last build, updated around what an edit changed. */
  lines?: Lines;
  /** What each person is needed for in each track (by who leads or key-attends a track). */
  readonly needs = new WeakMap<Track, { roled: Set<string>; needs: Map<string, Need> }>();
  /** Who leads or key-attends a track, the same set while they are the same people. */
  roled?: Set<string>;
  /** The last entry made for each slot key, and the last view of each track id (pruned when it grows past twice the slots). */
  byKey = new EntriesByKey();
  trackById = new Map<string, TrackView>();
  /** The views of each track's topics (as slots show them), and each as a list of one. */
  readonly topics = new WeakMap<Track, Map<string, TopicRef[]>>();
  readonly strings = new Strings();
}

type TopicRef = SlotView['topics'][number];

/**
 * Slot entries by their view's key (`track-id#index`): a list per track id, by index (a Map
 * of 20,000 keys costs about a megabyte more).
 */
class EntriesByKey {
  private readonly byTrack = new Map<string, SlotEntry[]>();
  /** How many keys have an entry. */
  size = 0;

  get(slot: Slot): SlotEntry | undefined {
    return this.byTrack.get(slot.track.id)?.[slot.index];
  }

  set(slot: Slot, entry: SlotEntry): void {
    let list = this.byTrack.get(slot.track.id);
    if (!list) this.byTrack.set(slot.track.id, (list = []));
    if (list[slot.index] === undefined) this.size++;
    list[slot.index] = entry;
  }
}

function same(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The schedule view of an analysis; `notice` alone (no analysis) for files that cannot be shown. */
export function buildSchedule(analysis: Analysis | undefined, options: ScheduleOptions, notice?: string): ScheduleView {
  const view = emptyView(options, notice);
  if (!analysis) return view;
  try {
    fill(view, analysis, options.severity ?? {}, options.cache ?? new ScheduleCache());
  } catch (error) {
    // A bug here must not take the preview down: show what there is and say why the rest is missing.
    view.notice = `the schedule could not be built completely: ${clip(String(error instanceof Error ? error.message : error), SCHEDULE_LIMITS.message)}`;
  }
  return view;
}

function emptyView(options: ScheduleOptions, notice?: string): ScheduleView {
  return {
    uri: options.uri,
    version: options.version,
    event: { title: '' },
    days: [],
    unscheduled: [],
    tracks: [],
    speakerZones: [],
    clashes: [],
    counts: { error: 0, warning: 0, information: 0, hint: 0 },
    ...(notice ? { notice } : {}),
  };
}

function fill(view: ScheduleView, analysis: Analysis, overrides: SeverityMap, cache: ScheduleCache): void {
  const { model } = analysis;
  cache.generation++;
  const lines = (cache.lines = Lines.update(cache.lines, analysis.text, analysis.syntax.changed));
  const clipped = { value: false };
  const cut = (s: string | undefined, max: number): string | undefined => {
    if (s === undefined || s.length <= max) return s;
    clipped.value = true;
    return clip(s, max);
  };
  const ctx: Ctx = { model, lines, cut, mark: () => (clipped.value = true), people: new Map(), context: context(model, cache), cache };
  fillEvent(view, model, ctx);
  const diagnostics = diagnosticsByTrack(model.slots, analysis.problems, overrides, lines, view.counts, cut);
  // The first SCHEDULE_LIMITS.slots slots in document order are shown: of each track, its first `count`.
  const shown = new Map<Track, number>();
  let left = SCHEDULE_LIMITS.slots,
    some = false;
  for (const track of tracksInOrder(model)) {
    const count = Math.min(track.slots.length, left);
    if (count < track.slots.length) some = clipped.value = true;
    if (count > 0) shown.set(track, count);
    left -= count;
  }
  const clashWith = new Map<Slot, string[]>();
  view.clashes = buildClashes(model, ctx, clashWith, some ? (slot) => slot.index < (shown.get(slot.track) ?? 0) : undefined);
  const clashKeys = clashesByTrack(clashWith);
  const placeable = !!model.event.zone;
  const groups: TrackGroup[] = [];
  let entryCount = 0;
  for (const [track, count] of shown) {
    const group = trackGroup(track, count, ctx, diagnostics.get(track), clashKeys.get(track) ?? '', placeable);
    if (group.clipped) clipped.value = true;
    groups.push(group);
    entryCount += group.entries.length;
  }
  if (cache.byKey.size > 2 * entryCount + 100) {
    cache.byKey = new EntriesByKey();
    for (const g of groups) for (const e of g.entries) cache.byKey.set(e.slot, e);
  }
  if (cache.trackById.size > 2 * model.tracks.size + 100) cache.trackById = new Map();
  cache.strings.prune(2 * entryCount + model.rooms.size + model.tracks.size);
  const placed = (entry: SlotEntry, place?: SlotView['place']): SlotView => {
    const clashes = clashWith.size ? clashWith.get(entry.slot) : undefined;
    const last = entry.view;
    if (samePlace(last.place, place) && sameList(last.clashWith, clashes)) return last;
    return (entry.view = slotView(last, last.lines, last.diagnostics, place, clashes));
  };
  view.unscheduled = [];
  for (const g of groups) for (const entry of g.unscheduled) view.unscheduled.push(placed(entry, undefined));
  view.days = buildDays(groups, model, cache, placed);
  view.tracks = [...model.tracks.values()].map((t) => trackView(t, ctx, cache));
  view.speakerZones = speakerZones(groups, cache);
  const blocks = blockGrid(model, (offset) => lines.at(offset));
  if (blocks) view.blocks = blocks;
  const syntax =
    analysis.syntaxErrorAt === undefined ? undefined : analysis.problems.find((p) => p.code === 'yaml-syntax' && p.start === analysis.syntaxErrorAt);
  if (syntax) view.syntaxError = { message: cut(syntax.message, SCHEDULE_LIMITS.message)!, line: lines.at(syntax.start) };
  if (!model.event.zone && model.slots.length) view.notice = 'the event has no valid `timezone`: no slot can be placed in time';
  if (clipped.value) view.truncated = true;
}

/**
 * The tracks whose slots are the model's slots, in the order of `model.slots` (document order):
 * the model's tracks, unless a track id is written twice (the first one's slots are in
 * `model.slots` but not in `model.tracks`), found then from the slots themselves.
 */
function tracksInOrder(model: Model): Track[] {
  const tracks: Track[] = [];
  let count = 0,
    last = -1,
    ordered = true;
  for (const track of model.tracks.values()) {
    if (!track.slots.length) continue;
    tracks.push(track);
    count += track.slots.length;
    if (track.slots[0].node.start < last) ordered = false;
    last = track.slots[0].node.start;
  }
  if (ordered && count === model.slots.length) return tracks;
  const out: Track[] = [];
  for (const slot of model.slots) if (out[out.length - 1] !== slot.track) out.push(slot.track);
  return out;
}

/** Each track's part of the slots' clashes, as a string to compare: its slots' indices and the tracks each clashes with. */
function clashesByTrack(clashWith: Map<Slot, string[]>): Map<Track, string> {
  const byTrack = new Map<Track, [number, string[]][]>();
  for (const [slot, names] of clashWith) {
    let list = byTrack.get(slot.track);
    if (!list) byTrack.set(slot.track, (list = []));
    list.push([slot.index, names]);
  }
  return new Map([...byTrack].map(([track, list]) => [track, JSON.stringify(list)]));
}

/**
 * Whether the slots of a group read the same of the rest of the programme as when it was made
 * (the people or rooms changed, but not those its slots name): then it holds for this context too.
 */
function sameReads(group: TrackGroup, ctx: Ctx): boolean {
  for (const entry of group.entries) if (!same(entry.reads, slotReads(entry.slot, ctx.model))) return false;
  group.context = ctx.context;
  for (const entry of group.entries) entry.context = ctx.context;
  return true;
}

/** What a slot's view reads besides the slot and its track: its room's title and its speakers (the model's objects). */
function slotReads(slot: Slot, model: Model): unknown[] {
  const room = slotRoom(slot);
  const { speakers } = slot;
  // As long as what it holds (one is kept per slot): a list grown by push has room for 16 more.
  const out = new Array<unknown>(1 + speakers.length);
  out[0] = room ? (model.rooms.get(room.id)?.title ?? null) : undefined;
  for (let i = 0; i < speakers.length; i++) out[i + 1] = model.people.get(speakers[i].id);
  return out;
}

/** The zone (canonical) and name of each of a slot's speakers who has a zone, in order, from what its view read. */
function eachZone(entry: SlotEntry, each: (zone: string, name: string) => void): void {
  const { reads } = entry;
  for (let i = 1; i < reads.length; i++) {
    const p = reads[i] as Person | undefined;
    if (p?.timezone) each(zoneInfo(p.timezone).canonical ?? p.timezone, p.name ?? p.id);
  }
}

/** A track's first `count` slots as entries, by day and unscheduled: the group of the last build while nothing it was made from changed. */
function trackGroup(track: Track, count: number, ctx: Ctx, diagnostics: TrackDiagnostics | undefined, clashes: string, placeable: boolean): TrackGroup {
  const { cache } = ctx;
  const last = cache.groups.get(track);
  // The same track (the same text) checked in the last build, and no line moved: its line is the same.
  const line = last && last.seen === cache.generation - 1 && ctx.lines.kept ? last.line : ctx.lines.at((track.node ?? track.key).start);
  const problems = diagnostics?.key ?? '';
  const { dayChange } = ctx.model.event;
  if (
    last &&
    last.line === line &&
    last.count === count &&
    last.diagnostics === problems &&
    last.clashes === clashes &&
    (last.context === ctx.context || sameReads(last, ctx)) &&
    last.placeable === placeable &&
    last.dayChange === dayChange
  ) {
    last.seen = cache.generation;
    return last;
  }
  const group: TrackGroup = {
    track,
    seen: cache.generation,
    line,
    count,
    diagnostics: problems,
    clashes,
    context: ctx.context,
    placeable,
    dayChange,
    entries: [],
    days: new Map(),
    dayList: [],
    unscheduled: [],
    clipped: false,
    zones: '',
  };
  const zones: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const slot = track.slots[i];
    const entry = slotEntry(slot, ctx, diagnostics?.bySlot.get(slot) ?? NONE, cache);
    group.entries.push(entry);
    if (entry.clipped) group.clipped = true;
    eachZone(entry, (zone, name) => zones.push([zone, name]));
    if (!slot.interval || !placeable) {
      group.unscheduled.push(entry);
      continue;
    }
    let date = entry.dayChange === dayChange ? entry.date : undefined;
    if (date === undefined) {
      date = cache.strings.intern(dayChange ? programmeDate(slot.interval.start, dayChange) : entry.view.startIso!.slice(0, 10));
      entry.date = date;
      entry.dayChange = dayChange;
    }
    let list = group.days.get(date);
    if (!list) group.days.set(date, (list = []));
    list.push(entry);
  }
  group.zones = zones.length ? JSON.stringify(zones) : '';
  if (last && last.clashes === clashes && last.placeable === placeable && last.dayChange === dayChange) {
    for (const [date, list] of group.days) {
      const before = last.days.get(date);
      if (before && same(before, list)) group.days.set(date, before);
    }
  }
  group.dayList = [...group.days];
  cache.groups.set(track, group);
  return group;
}

function samePlace(a: SlotView['place'], b: SlotView['place']): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.column === b.column && a.top === b.top && a.height === b.height && a.lane === b.lane && a.lanes === b.lanes;
}

function sameList(a: string[] | undefined, b: string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}

interface Ctx {
  model: Model;
  lines: Lines;
  /** `s` clipped to `max`, marking the view as cut when it was. */
  cut(s: string | undefined, max: number): string | undefined;
  mark(): void;
  /** Person views of this build, and whether each was cut. */
  people: Map<string, { view: PersonView; clipped: boolean; one?: PersonView[] }>;
  /** The same object as in the last build while the people and the rooms' titles are the same. */
  context: object;
  cache: ScheduleCache;
}

/** What slot and track views read of the programme besides their own: the people, the rooms' titles. */
function context(model: Model, cache: ScheduleCache): object {
  const last = cache.context;
  // The model keeps its people and rooms (the very Maps) while their sections are the same.
  if (last && last.peopleMap === model.people && last.roomsMap === model.rooms) return last.token;
  const people = [...model.people.values()];
  let rooms = '';
  for (const [id, r] of model.rooms) rooms += `${id}\u0000${r.title ?? ''}\u0000`;
  if (last && last.rooms === rooms && same(last.people, people)) {
    cache.context = { ...last, peopleMap: model.people, roomsMap: model.rooms };
    return last.token;
  }
  cache.context = { people, rooms, token: {}, peopleMap: model.people, roomsMap: model.rooms };
  return cache.context.token;
}

/** A context that also remembers in `clipped` whether anything was cut through it. */
function tracking(ctx: Ctx, clipped: { value: boolean }): Ctx {
  const mark = (): void => {
    clipped.value = true;
    ctx.mark();
  };
  return { ...ctx, mark, cut: (s, max) => (s === undefined || s.length <= max ? s : (mark(), clip(s, max))) };
}

/** The event's view, kept while the model's event (its text) is the same. */
function fillEvent(view: ScheduleView, model: Model, ctx: Ctx): void {
  const e = model.event;
  const kept = ctx.cache.event;
  if (kept?.source === e) {
    if (kept.clipped) ctx.mark();
    view.event = kept.view;
    return;
  }
  let clipped = false;
  const cut = (s: string | undefined, max: number): string | undefined => {
    const out = ctx.cut(s, max);
    if (out !== s) clipped = true;
    return out;
  };
  const zone = e.zone ? (zoneInfo(e.zone).canonical ?? e.zone) : undefined;
  const span = eventSpan(e);
  view.event = {
    title: cut(e.title, SCHEDULE_LIMITS.title) ?? '(untitled event)',
    zone,
    venue: cut(e.venue, SCHEDULE_LIMITS.title),
    url: cut(e.url, SCHEDULE_LIMITS.title),
    description: cut(e.description, SCHEDULE_LIMITS.text),
    start: e.start?.toISODate() ?? undefined,
    end: e.end?.toISODate() ?? undefined,
    startIso: iso(span?.start, ctx.cache.strings),
    endIso: iso(span?.end, ctx.cache.strings),
    ...(e.gridMinutes ? { grid: e.gridMinutes } : {}),
  };
  ctx.cache.event = { source: e, view: view.event, clipped };
}

/** The slot's view (without place and clashes), kept while what it shows is the same. */
function slotEntry(slot: Slot, ctx: Ctx, diagnostics: DiagnosticView[], cache: ScheduleCache): SlotEntry {
  const line0 = ctx.lines.at(slot.node.start);
  const line1 = ctx.lines.at(Math.max(slot.node.start, slot.node.end - 1));
  const problems = diagnostics.length ? JSON.stringify(diagnostics) : '';
  // The model keeps a slot (the same object) only with its track: its entry is in the track's last group.
  const last = cache.groups.get(slot.track)?.entries[slot.index];
  const kept = last?.slot === slot ? last : undefined;
  // Other people or rooms, but not those this slot names: its view holds for this context too.
  if (kept && kept.context !== ctx.context && same(kept.reads, slotReads(slot, ctx.model))) kept.context = ctx.context;
  const lines = kept?.view.lines;
  if (kept && lines!.start === line0 && lines!.end === line1 && kept.diagnostics === problems && kept.context === ctx.context) return kept;
  if (kept && kept.context === ctx.context) {
    // The same slot (the same text) on other lines or with other problems: the rest of its view is as it was.
    const { reads, clipped, column, date, dayChange } = kept;
    const view = slotView(kept.view, { start: line0, end: line1 }, diagnostics);
    const moved: SlotEntry = { slot, diagnostics: problems, context: kept.context, reads, view, clipped, column, date, dayChange };
    cache.byKey.set(slot, moved);
    return moved;
  }
  const room = slotRoom(slot);
  const clipped = { value: false };
  const own = tracking(ctx, clipped);
  const { cut } = own;
  const topicTitles =
    slot.topics.length === 0
      ? NONE
      : slot.topics.length === 1
        ? topicRef(slot.track, slot.topics[0].id, own, cache)
        : slot.topics.slice(0, SCHEDULE_LIMITS.perSlot).map((r) => topicRef(slot.track, r.id, own, cache)[0]);
  const view: SlotView = {
    key: `${slot.track.id}#${slot.index}`,
    id: cut(slot.id, SCHEDULE_LIMITS.title),
    title: cut(slot.title, SCHEDULE_LIMITS.title)!,
    kind: slot.kind,
    trackId: slot.track.id,
    trackTitle: cut(slot.track.title, SCHEDULE_LIMITS.title)!,
    room: room?.id,
    roomTitle: room ? cut(ctx.model.rooms.get(room.id)?.title ?? room.id, SCHEDULE_LIMITS.title) : undefined,
    startIso: iso(slot.interval?.start, cache.strings),
    endIso: iso(slot.interval?.end, cache.strings),
    minutes: slot.minutes,
    speakers: speakersOf(slot, own),
    topics: topicTitles,
    abstract: cut(slot.abstract, SCHEDULE_LIMITS.text),
    materials: slot.materials.length
      ? slot.materials.slice(0, SCHEDULE_LIMITS.perSlot).map((m) => ({ title: cut(m.title, SCHEDULE_LIMITS.title)!, url: cut(m.url, SCHEDULE_LIMITS.text)! }))
      : NONE,
    lines: { start: line0, end: line1 },
    diagnostics,
  };
  const entry: SlotEntry = {
    slot,
    diagnostics: problems,
    context: ctx.context,
    reads: slotReads(slot, ctx.model),
    view,
    clipped: clipped.value,
    column: cache.strings.intern(columnKey(slot)),
    date: undefined,
    dayChange: 0,
  };
  // A slot the model read again (its track changed) usually looks the same: keep the last view of its key then.
  const before = cache.byKey.get(slot);
  if (
    before &&
    before.view.title === view.title &&
    before.view.lines.start === view.lines.start &&
    before.view.lines.end === view.lines.end &&
    JSON.stringify({ ...before.view, place: undefined, clashWith: undefined }) === JSON.stringify(view)
  )
    entry.view = before.view;
  cache.byKey.set(slot, entry);
  return entry;
}

/**
 * `v` with other lines, problems, place and clashes: one object literal per set of keys, in the
 * order of the view's first build (a copy by spreading gives each of 20,000 slots a hidden class
 * of its own, which costs more than the slot).
 */
function slotView(v: SlotView, lines: SlotView['lines'], diagnostics: DiagnosticView[], place?: SlotView['place'], clashWith?: string[]): SlotView {
  const { key, id, title, kind, trackId, trackTitle, room, roomTitle, startIso, endIso, minutes, speakers, topics, abstract, materials } = v;
  if (place && clashWith)
    // prettier-ignore
    return { key, id, title, kind, trackId, trackTitle, room, roomTitle, startIso, endIso, minutes, speakers, topics, abstract, materials, lines, diagnostics, place, clashWith };
  if (place)
    // prettier-ignore
    return { key, id, title, kind, trackId, trackTitle, room, roomTitle, startIso, endIso, minutes, speakers, topics, abstract, materials, lines, diagnostics, place };
  if (clashWith)
    // prettier-ignore
    return { key, id, title, kind, trackId, trackTitle, room, roomTitle, startIso, endIso, minutes, speakers, topics, abstract, materials, lines, diagnostics, clashWith };
  // prettier-ignore
  return { key, id, title, kind, trackId, trackTitle, room, roomTitle, startIso, endIso, minutes, speakers, topics, abstract, materials, lines, diagnostics };
}

/** The view of a track's topic as its slots show it, in a list of it alone: one per track and topic. */
function topicRef(track: Track, path: string, ctx: Ctx, cache: ScheduleCache): TopicRef[] {
  let byPath = cache.topics.get(track);
  if (!byPath) cache.topics.set(track, (byPath = new Map()));
  let one = byPath.get(path);
  const title = track.topics.get(path)?.title ?? path;
  if (!one) byPath.set(path, (one = Object.freeze([{ path: clip(path, SCHEDULE_LIMITS.title), title: clip(title, SCHEDULE_LIMITS.title) }]) as TopicRef[]));
  const view = one[0];
  if (view.path !== path || view.title !== title) ctx.mark();
  return one;
}

/** A slot's speakers' views: a speaker alone is one list for all the slots of this build they speak in alone. */
function speakersOf(slot: Slot, ctx: Ctx): PersonView[] {
  const { speakers } = slot;
  if (!speakers.length) return NONE;
  if (speakers.length > 1) return speakers.slice(0, SCHEDULE_LIMITS.perSlot).map((r) => person(r.id, ctx));
  const { id } = speakers[0];
  person(id, ctx);
  const p = ctx.people.get(id)!;
  return (p.one ??= Object.freeze([p.view]) as PersonView[]);
}

function person(id: string, ctx: Ctx): PersonView {
  let p = ctx.people.get(id);
  if (!p) {
    const m = ctx.model.people.get(id);
    const clipped = { value: false };
    const { cut } = tracking(ctx, clipped);
    const view = {
      id,
      name: cut(m?.name, SCHEDULE_LIMITS.title) ?? id,
      affiliation: cut(m?.affiliation, SCHEDULE_LIMITS.title),
      zone: m?.timezone ? (zoneInfo(m.timezone).canonical ?? m.timezone) : undefined,
    };
    ctx.people.set(id, (p = { view, clipped: clipped.value }));
  } else if (p.clipped) ctx.mark();
  return p.view;
}

function trackView(track: Track, ctx: Ctx, cache: ScheduleCache): TrackView {
  const node = track.node ?? track.key;
  const last = cache.tracks.get(track);
  // The same track checked in the last build, and no line moved: its lines are the same.
  const lines = last && last.seen === cache.generation - 1 && ctx.lines.kept ? last.view.lines : ctx.lines.span(track.key.start, node.end);
  // What the view reads besides the track: its room's title, its leads and key attendees (the model's objects).
  const deps: unknown[] = [lines.start, lines.end, track.room ? (ctx.model.rooms.get(track.room.id)?.title ?? null) : undefined];
  for (const r of track.leads) deps.push(ctx.model.people.get(r.id));
  deps.push(null);
  for (const r of track.keyAttendees) deps.push(ctx.model.people.get(r.id));
  if (last && same(last.deps, deps)) {
    last.seen = cache.generation;
    if (last.clipped) ctx.mark();
    return last.view;
  }
  const clipped = { value: false };
  const own = tracking(ctx, clipped);
  const { cut } = own;
  const used = new Map<string, number>();
  for (const slot of track.slots) for (const r of slot.topics) used.set(r.id, (used.get(r.id) ?? 0) + 1);
  const topics: TopicView[] = [];
  const walk = (list: Track['topicRoots'], depth: number): void => {
    for (const t of list) {
      if (topics.length >= SCHEDULE_LIMITS.topics) return;
      topics.push({ path: cut(t.path, SCHEDULE_LIMITS.title)!, title: cut(t.title, SCHEDULE_LIMITS.title)!, depth, slots: used.get(t.path) ?? 0 });
      walk(t.children, depth + 1);
    }
  };
  walk(track.topicRoots, 0);
  const room = track.room ? (ctx.model.rooms.get(track.room.id)?.title ?? track.room.id) : undefined;
  const view: TrackView = {
    id: track.id,
    title: cut(track.title, SCHEDULE_LIMITS.title)!,
    kind: track.kind,
    roomTitle: cut(room, SCHEDULE_LIMITS.title),
    description: cut(track.description, SCHEDULE_LIMITS.text),
    topics,
    leads: track.leads.slice(0, SCHEDULE_LIMITS.perSlot).map((r) => person(r.id, own)),
    keyAttendees: track.keyAttendees.slice(0, SCHEDULE_LIMITS.perSlot).map((r) => person(r.id, own)),
    outcomes: track.outcomes.slice(0, SCHEDULE_LIMITS.perSlot).map((o) => cut(o, SCHEDULE_LIMITS.text)!),
    lines,
  };
  const before = cache.trackById.get(track.id);
  const kept = before && JSON.stringify(before) === JSON.stringify(view) ? before : view;
  cache.trackById.set(track.id, kept);
  cache.tracks.set(track, { deps, view: kept, clipped: clipped.value, seen: cache.generation });
  return kept;
}

/** What one person is needed for in one track: while it runs (a role), or while they speak. */
interface Need {
  roles: string[];
  runs: Interval[];
  talks: Interval[];
}

/**
 * The clashes a programme committee looks for: pairs of tracks that run at the same time and
 * need the same people then (the pairs of `attendee-conflict`, with every person they share
 * and every time they clash). Each clashing track's slots in those times get `clashWith`.
 * Per person, then per pair of the few tracks that person is in: no scan over pairs of tracks.
 */
function buildClashes(model: Model, ctx: Ctx, clashWith: Map<Slot, string[]>, shown: ((slot: Slot) => boolean) | undefined): ClashView[] {
  const byPerson = new Map<string, Map<Track, Need>>();
  // Only someone who leads or key-attends a track can make a clash: the talks of anyone else are left out.
  let roled = new Set<string>();
  for (const track of model.tracks.values()) {
    for (const r of track.leads) roled.add(r.id);
    for (const r of track.keyAttendees) roled.add(r.id);
  }
  const last = ctx.cache.roled;
  if (last && last.size === roled.size && [...roled].every((id) => last.has(id))) roled = last;
  ctx.cache.roled = roled;
  const order = new Map<Track, number>();
  for (const track of model.tracks.values()) {
    order.set(track, order.size);
    for (const [id, n] of needsOf(track, roled, ctx.cache)) {
      let tracks = byPerson.get(id);
      if (!tracks) byPerson.set(id, (tracks = new Map()));
      tracks.set(track, n);
    }
  }
  const pairs = new Map<string, { a: Track; b: Track; people: Map<string, string[]>; when: Interval[] }>();
  const what = (n: Need, t: Track): string => (n.roles.length ? `${n.roles.join(' and ')} of ${t.title}` : `speaker in ${t.title}`);
  for (const [id, tracks] of byPerson) {
    if (tracks.size < 2 || !model.people.has(id)) continue;
    const list = [...tracks].sort((x, y) => order.get(x[0])! - order.get(y[0])!).slice(0, 50);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, na] = list[i],
          [b, nb] = list[j];
        // A lead or key attendee of one, needed in the other; two talks are speaker-conflict's.
        const when = [...overlaps(na.runs, nb.runs), ...overlaps(na.runs, nb.talks), ...overlaps(na.talks, nb.runs)];
        if (!when.length) continue;
        const key = `${a.id}\n${b.id}`;
        let pair = pairs.get(key);
        if (!pair) {
          if (pairs.size >= SCHEDULE_LIMITS.clashes) continue;
          pairs.set(key, (pair = { a, b, people: new Map(), when: [] }));
        }
        if (pair.people.size < SCHEDULE_LIMITS.perSlot) pair.people.set(id, [what(na, a), what(nb, b)]);
        for (const w of when) pair.when.push(w);
      }
    }
  }
  const out: (ClashView & { first: number })[] = [];
  for (const { a, b, people, when } of pairs.values()) {
    const merged = union(when);
    for (const track of [a, b]) {
      const other = ctx.cut(track === a ? b.title : a.title, SCHEDULE_LIMITS.title)!;
      for (const slot of track.slots) {
        const i = slot.interval;
        if (!i || !model.event.zone || (shown && !shown(slot)) || !merged.some((w) => w.startMs < i.endMs && i.startMs < w.endMs)) continue;
        let names = clashWith.get(slot);
        if (!names) clashWith.set(slot, (names = []));
        if (!names.includes(other) && names.length < SCHEDULE_LIMITS.perSlot) names.push(other);
      }
    }
    out.push({
      first: merged[0].startMs,
      tracks: [a, b].map((t) => ({ id: t.id, title: ctx.cut(t.title, SCHEDULE_LIMITS.title)! })),
      when: merged.slice(0, SCHEDULE_LIMITS.perSlot).map((w) => ({ startIso: iso(w.start, ctx.cache.strings)!, endIso: iso(w.end, ctx.cache.strings)! })),
      people: [...people].map(([id, roles]) => ({ person: person(id, ctx), roles: roles.map((r) => ctx.cut(r, SCHEDULE_LIMITS.title)!) })),
      line: ctx.lines.at(b.key.start),
    });
  }
  return out.sort((x, y) => x.first - y.first).map(({ first: _first, ...clash }) => clash);
}

/**
 * What each person is needed for in a track: its leads and key attendees while it runs, and
 * those of its speakers who lead or key-attend a track (`roled`) while they speak. Kept while
 * the track and they are the same.
 */
function needsOf(track: Track, roled: Set<string>, cache: ScheduleCache): Map<string, Need> {
  const kept = cache.needs.get(track);
  if (kept && kept.roled === roled) return kept.needs;
  const needs = new Map<string, Need>();
  const need = (id: string): Need => {
    let n = needs.get(id);
    if (!n) needs.set(id, (n = { roles: [], runs: [], talks: [] }));
    return n;
  };
  const runs = track.leads.length || track.keyAttendees.length ? trackRuns(track) : [];
  const role = (id: string, as: string): void => {
    const n = need(id);
    if (!n.roles.includes(as)) n.roles.push(as);
    n.runs = runs;
  };
  for (const r of track.leads) role(r.id, 'lead');
  for (const r of track.keyAttendees) role(r.id, 'key attendee');
  for (const slot of track.slots) if (slot.interval) for (const r of slot.speakers) if (roled.has(r.id)) need(r.id).talks.push(slot.interval);
  cache.needs.set(track, { roled, needs });
  return needs;
}

/** The times two short lists of intervals overlap (`[start, end)`). */
function overlaps(xs: Interval[], ys: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of xs) {
    for (const y of ys) {
      const startMs = Math.max(x.startMs, y.startMs),
        endMs = Math.min(x.endMs, y.endMs);
      if (startMs < endMs) out.push({ start: x.startMs >= y.startMs ? x.start : y.start, end: x.endMs <= y.endMs ? x.end : y.end, startMs, endMs });
    }
  }
  return out;
}

/** Sorted, disjoint intervals covering the same time. */
function union(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.startMs - b.startMs);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.startMs <= last.endMs) {
      if (i.endMs > last.endMs) out[out.length - 1] = { start: last.start, end: i.end, startMs: last.startMs, endMs: i.endMs };
    } else out.push(i);
  }
  return out;
}

/**
 * Slots grouped by their programme day in the event zone (days.ts: a slot starting before the
 * event's `day-change` belongs to the day before), each placed in a column and in time. A day
 * none of whose track groups changed is the day of the last build, untouched.
 */
function buildDays(groups: TrackGroup[], model: Model, cache: ScheduleCache, placed: (entry: SlotEntry, place?: SlotView['place']) => SlotView): DayView[] {
  const byDay = new Map<string, SlotEntry[][]>();
  for (const g of groups) {
    for (const [date, part] of g.dayList) {
      let parts = byDay.get(date);
      if (!parts) byDay.set(date, (parts = []));
      parts.push(part);
    }
  }
  // Columns are ordered by rooms, then tracks, and titled by them: a day's layout is kept while these are the same.
  let columnsKey = '';
  for (const [id, r] of model.rooms) columnsKey += `${id}\u0000${r.title ?? ''}\u0000`;
  columnsKey += '\u0001';
  for (const [id, t] of model.tracks) columnsKey += `${id}\u0000${t.title}\u0000`;
  let orders: { rooms: Map<string, number>; tracks: Map<string, number> } | undefined;
  const shared = new Places();
  const days: DayView[] = [];
  const kept = new Map<string, DayEntry>();
  for (const date of [...byDay.keys()].sort()) {
    const parts = byDay.get(date)!;
    let day = cache.days.get(date);
    const last = day?.view && day.parts && day.columnsKey === columnsKey ? day : undefined;
    if (last && same(last.parts!, parts)) {
      kept.set(date, last);
      days.push(last.view!);
      continue;
    }
    const changed = last && changedSlots(last, parts);
    if (last && changed) {
      // The same slot times and columns: the same layout; only the slots of the lists that changed are placed again.
      const slots = last.view!.slots.slice();
      for (const [at, entry] of changed) {
        const k = last.position[at];
        slots[k] = placed(entry, last.places[k]);
      }
      last.parts = parts;
      if (!same(slots, last.view!.slots)) last.view = { ...last.view!, slots };
      kept.set(date, last);
      days.push(last.view!);
      continue;
    }
    const list: SlotEntry[] = [];
    for (const part of parts) for (const entry of part) list.push(entry);
    if (!day || day.columnsKey !== columnsKey || !sameLayout(day, list)) {
      orders ??= {
        rooms: new Map([...model.rooms.keys()].map((id, i) => [`room:${id}`, i])),
        tracks: new Map([...model.tracks.keys()].map((id, i) => [`track:${id}`, model.rooms.size + i])),
      };
      day = layDay(list, columnsKey, model, orders.rooms, orders.tracks, cache.strings, shared);
    }
    day.parts = parts;
    kept.set(date, day);
    const { order, places } = day;
    const views = new Array<SlotView>(order.length);
    for (let k = 0; k < order.length; k++) views[k] = placed(list[order[k]], places[k]);
    if (!day.view || !same(day.view.slots, views)) day.view = { date, startIso: day.startIso, minutes: day.minutes, columns: day.columns, slots: views };
    days.push(day.view);
  }
  cache.days = kept;
  return days;
}

/**
 * The slots (index in document order, entry) of the lists of `parts` that are not the day's
 * last ones, when each list is as long as the last one and its slots have the same times and
 * columns (the day's layout is the same); undefined otherwise.
 */
function changedSlots(day: DayEntry, parts: SlotEntry[][]): [number, SlotEntry][] | undefined {
  const before = day.parts!;
  if (before.length !== parts.length) return undefined;
  const out: [number, SlotEntry][] = [];
  let offset = 0;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    if (part.length !== before[k].length) return undefined;
    if (part !== before[k]) {
      for (let i = 0; i < part.length; i++) {
        const entry = part[i],
          at = offset + i;
        const { startMs, endMs } = entry.slot.interval!;
        if (day.starts[at] !== startMs || day.ends[at] !== endMs || day.keys[at] !== entry.column) return undefined;
        out.push([at, entry]);
      }
    }
    offset += part.length;
  }
  return out;
}

function sameLayout(day: DayEntry, list: SlotEntry[]): boolean {
  if (day.starts.length !== list.length) return false;
  for (let i = 0; i < list.length; i++) {
    const { slot, column } = list[i];
    if (day.starts[i] !== slot.interval!.startMs || day.ends[i] !== slot.interval!.endMs || day.keys[i] !== column) return false;
  }
  return true;
}

/** A day's columns and each slot's place in them, in time order. */
function layDay(
  list: SlotEntry[],
  columnsKey: string,
  model: Model,
  roomOrder: Map<string, number>,
  trackOrder: Map<string, number>,
  strings: Strings,
  shared: Places,
): DayEntry {
  const slots = list.map((s) => s.slot);
  const byTime = slots
    .map((_, i) => i)
    .sort((a, b) => slots[a].interval!.startMs - slots[b].interval!.startMs || slots[a].interval!.endMs - slots[b].interval!.endMs || a - b);
  const first = slots[byTime[0]].interval!.start.startOf('hour');
  const startMs = first.toMillis();
  let endMs = startMs;
  for (const s of slots) endMs = Math.max(endMs, s.interval!.endMs);
  const minutes = Math.min(Math.ceil((endMs - startMs) / 1_800_000) * 30, SCHEDULE_LIMITS.dayMinutes);
  const columns = dayColumns(
    byTime.map((i) => slots[i]),
    model,
    roomOrder,
    trackOrder,
  );
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const places = byTime.map((i) => {
    const slot = slots[i];
    const top = Math.min(Math.round((slot.interval!.startMs - startMs) / 60_000), minutes);
    const height = Math.min(Math.round((slot.interval!.endMs - slot.interval!.startMs) / 60_000), minutes - top);
    return { column: index.get(list[i].column)!, top, height, lane: 0, lanes: 1 };
  });
  assignLanes(places);
  for (let k = 0; k < places.length; k++) places[k] = shared.get(places[k]);
  const order = Int32Array.from(byTime);
  const position = new Int32Array(order.length);
  order.forEach((i, k) => (position[i] = k));
  return {
    position,
    starts: slots.map((s) => s.interval!.startMs),
    ends: slots.map((s) => s.interval!.endMs),
    keys: list.map((s) => s.column),
    columnsKey,
    startIso: iso(first, strings) ?? '',
    minutes,
    columns,
    order,
    places,
  };
}

function columnKey(slot: Slot): string {
  const room = slotRoom(slot);
  return room ? `room:${room.id}` : `track:${slot.track.id}`;
}

function dayColumns(slots: Slot[], model: Model, roomOrder: Map<string, number>, trackOrder: Map<string, number>): ColumnView[] {
  const columns = new Map<string, ColumnView>();
  for (const slot of slots) {
    const key = columnKey(slot);
    if (columns.has(key)) continue;
    const room = slotRoom(slot);
    columns.set(
      key,
      room
        ? { key, kind: 'room', title: clip(model.rooms.get(room.id)?.title ?? room.id, SCHEDULE_LIMITS.title) }
        : { key, kind: 'track', title: clip(slot.track.title, SCHEDULE_LIMITS.title) },
    );
  }
  const order = (k: string): number => roomOrder.get(k) ?? trackOrder.get(k) ?? Number.MAX_SAFE_INTEGER;
  return [...columns.values()].sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key));
}

/** Slots of one column that overlap in time sit side by side: each gets a lane of its cluster. */
function assignLanes(places: NonNullable<SlotView['place']>[]): void {
  const byColumn = new Map<number, NonNullable<SlotView['place']>[]>();
  for (const p of places) {
    const list = byColumn.get(p.column);
    if (list) list.push(p);
    else byColumn.set(p.column, [p]);
  }
  for (const list of byColumn.values()) {
    let cluster: NonNullable<SlotView['place']>[] = [];
    let laneEnds: number[] = [];
    let clusterEnd = -Infinity;
    const close = (): void => {
      for (const p of cluster) p.lanes = laneEnds.length;
      cluster = [];
      laneEnds = [];
    };
    for (const p of list) {
      if (p.top >= clusterEnd) close();
      let lane = laneEnds.findIndex((end) => end <= p.top);
      if (lane < 0) lane = laneEnds.push(0) - 1;
      laneEnds[lane] = p.top + Math.max(p.height, 1);
      p.lane = lane;
      cluster.push(p);
      clusterEnd = Math.max(clusterEnd, p.top + Math.max(p.height, 1));
    }
    close();
  }
}

/** The problems of one track's slots, and as a string to compare. */
interface TrackDiagnostics {
  bySlot: Map<Slot, DiagnosticView[]>;
  key: string;
}

/**
 * The problems inside each slot's source, and those whose related location is in it, by track;
 * counted by severity. `slots` are the model's, in document order (sorted by offset).
 */
function diagnosticsByTrack(
  slots: Slot[],
  problems: Problem[],
  overrides: SeverityMap,
  lines: Lines,
  counts: Record<SeverityName, number>,
  cut: Ctx['cut'],
): Map<Track, TrackDiagnostics> {
  const find = (offset: number): Slot | undefined => {
    let lo = 0,
      hi = slots.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const n = slots[mid].node;
      if (offset < n.start) hi = mid - 1;
      else if (offset > n.end) lo = mid + 1;
      else return slots[mid];
    }
    return undefined;
  };
  const out = new Map<Slot, DiagnosticView[]>();
  const add = (slot: Slot | undefined, d: DiagnosticView): void => {
    if (!slot) return;
    let list = out.get(slot);
    if (!list) out.set(slot, (list = []));
    if (list.length < SCHEDULE_LIMITS.diagnosticsPerSlot && !list.some((x) => x.message === d.message && x.code === d.code)) list.push(d);
  };
  for (const p of problems) {
    const severity = severityOf(p, overrides);
    if (!severity) continue;
    counts[severity]++;
    const d: DiagnosticView = { message: cut(p.message, SCHEDULE_LIMITS.message)!, severity, code: p.code, line: lines.at(p.start) };
    const own = find(p.start);
    add(own, d);
    for (const r of p.related ?? []) {
      const other = find(r.start);
      if (other !== own) add(other, d);
    }
  }
  const byTrack = new Map<Track, TrackDiagnostics>();
  for (const [slot, list] of out) {
    let t = byTrack.get(slot.track);
    if (!t) byTrack.set(slot.track, (t = { bySlot: new Map(), key: '' }));
    t.bySlot.set(slot, list);
  }
  for (const t of byTrack.values()) t.key = JSON.stringify([...t.bySlot].map(([slot, list]) => [slot.index, list]));
  return byTrack;
}

/** The zones of the shown slots' speakers, each with who lives there; kept while no track group's zones changed. */
function speakerZones(groups: TrackGroup[], cache: ScheduleCache): ZoneChoice[] {
  const keys = groups.map((g) => g.zones);
  if (cache.zones && same(cache.zones.keys, keys)) return cache.zones.view;
  const names = new Map<string, Set<string>>();
  for (const g of groups) {
    for (const entry of g.entries) {
      eachZone(entry, (zone, name) => {
        let set = names.get(zone);
        if (!set) names.set(zone, (set = new Set()));
        set.add(name);
      });
    }
  }
  const view = [...names]
    .map(([zone, set]): [string, string[]] => [zone, [...set]])
    .sort((a, b) => a[0].localeCompare(b[0]))
    .slice(0, 100)
    .map(([zone, list]) => ({
      zone,
      label: clip(list.slice(0, 3).join(', ') + (list.length > 3 ? ` and ${list.length - 3} more` : ''), SCHEDULE_LIMITS.title),
    }));
  cache.zones = { keys, view };
  return view;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

/**
 * Offsets to 0-based lines, in O(log n) each. Made in one pass over the text, or from the line
 * starts of the last text: those before the first character that differs are kept, those after
 * the last one are moved, and only what lies between is looked at again.
 */
class Lines {
  private constructor(
    readonly text: string,
    /** The offset each line starts at (the first is 0). */
    private readonly starts: Int32Array,
    /**
     * True when every offset outside what changed since the text of the last build is on the
     * line of the same number as then (the edit added as many line breaks as it took away).
     */
    readonly kept = false,
  ) {}

  /**
   * The lines of `text`, from those of `last` (the text of the last build) when there are any;
   * `changed`: how `text` differs from an earlier text, as the parser found it (used when that
   * text is the last build's, else the two are compared).
   */
  static update(last: Lines | undefined, text: string, changed?: Changed): Lines {
    if (last?.text === text) return new Lines(text, last.starts, true);
    if (!last || text.length < 4096) return new Lines(text, Lines.breaks(text, 0, text.length, [0]));
    const old = last.text;
    const { prefix, suffix } = changed?.before === old ? changed : commonEnds(old, text);
    // A line starts after a break at i: `\n`, or `\r` not followed by `\n` (what the break is depends on i and i + 1).
    // Kept: starts x whose break (x - 1, x) is in the common prefix; moved: those whose break is in the common suffix.
    const starts = last.starts;
    const keep = Math.max(1, upperBound(starts, prefix - 1));
    const from = Math.max(0, prefix - 1),
      to = text.length - suffix;
    const middle = Lines.breaks(text, from, to, []);
    const tail = upperBound(starts, old.length - suffix);
    const shift = text.length - old.length;
    const out = new Int32Array(keep + middle.length + (starts.length - tail));
    out.set(starts.subarray(0, keep), 0);
    out.set(middle, keep);
    for (let i = tail, k = keep + middle.length; i < starts.length; i++, k++) out[k] = starts[i] + shift;
    return new Lines(text, out, out.length === starts.length);
  }

  /** Pushes onto `into` the start of the line after each break at `i` in `[from, to)`. */
  private static breaks(text: string, from: number, to: number, into: number[]): Int32Array {
    const cr = text.indexOf('\r', from);
    if (cr < 0 || cr >= to) {
      // The usual case, found by indexOf (much faster than a loop over the characters).
      for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) into.push(i + 1);
    } else {
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) into.push(i + 1);
      }
    }
    return Int32Array.from(into);
  }

  /** The lines of `[start, end)`: the last is the line of the last character. */
  span(start: number, end: number): { start: number; end: number } {
    return { start: this.at(start), end: this.at(Math.max(start, end - 1)) };
  }

  at(offset: number): number {
    return upperBound(this.starts, offset) - 1;
  }
}

/** How many of the (ascending) `list` are at most `value`. */
function upperBound(list: Int32Array, value: number): number {
  let lo = 0,
    hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
