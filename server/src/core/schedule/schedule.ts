/**
 * The schedule as the preview and `programme render` show it: days, columns per room (or per
 * track where a slot has no room), slots placed by time, the unscheduled list, each track's
 * description, topics and people, and the problems that touch each slot. The result is plain
 * JSON (ISO strings with offsets, 0-based lines), bounded in size, and building it never throws.
 *
 * Incremental through a `ScheduleCache` (one per document): a slot's view is kept while its
 * model object, its lines, its problems and the people and room it names are the same; a
 * day's layout is kept while its slots are; a day, a slot or a track whose view did not change
 * is the very object of the last build, so that the language server can answer with what
 * changed only (protocol.ts, `encodeScheduleDelta`).
 */
import type {
  ClashView,
  ColumnView,
  DayView,
  DiagnosticView,
  PersonView,
  ScheduleView,
  SeverityName,
  SlotView,
  TopicView,
  TrackView,
  ZoneChoice,
} from '../../protocol';
import type { Analysis } from '../service/analysis';
import { SeverityMap, severityOf } from '../service/diagnostics';
import type { Model, Person, Slot, Track } from '../model/model';
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

/** `2021-09-21T07:00:00-07:00`: an instant with its offset, without Luxon's slower formatting. */
function iso(time: DateTime | undefined): string | undefined {
  if (!time) return undefined;
  const offset = time.offset;
  const local = new Date(time.toMillis() + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
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
  /** What the view was made from, besides the slot: its lines, its problems, the context. `view` is the one last handed out, with its place and clashes (one object per slot). */
  line0: number;
  line1: number;
  diagnostics: string;
  context: object;
  view: SlotView;
  clipped: boolean;
  /** The slot's column: `room:<id>` or `track:<id>`. */
  column: string;
  /** Speakers' zones (canonical) and names, for `speakerZones`. */
  zones: [string, string][];
  /** The programme day, for the event's `day-change` it was computed with. */
  date?: { dayChange: number; date: string };
}

/** One day's layout, kept while the day's slots (in document order) and its columns are the same. */
interface DayEntry {
  /** Each slot's start, end and column, in document order: all its layout depends on. */
  starts: number[];
  ends: number[];
  keys: string[];
  columnsKey: string;
  startIso: string;
  minutes: number;
  columns: ColumnView[];
  /** Slots in time order (by their index in document order), with their places. */
  order: { index: number; place: NonNullable<SlotView['place']> }[];
  view?: DayView;
}

/**
 * What one document's schedule keeps from one build to the next (held in its `DocumentState`):
 * views by the model objects they show (which the model keeps across edits while their text is
 * the same) and the last layout of each day.
 */
export class ScheduleCache {
  readonly slots = new WeakMap<Slot, SlotEntry>();
  readonly tracks = new WeakMap<Track, { deps: unknown[]; view: TrackView; clipped: boolean }>();
  days = new Map<string, DayEntry>();
  context?: { people: Person[]; rooms: string; token: object };
  zones?: { entries: SlotEntry[]; view: ZoneChoice[] };
  /** Who leads or key-attends a track, the same set while they are the same people; each track's talks by them. */
  roled?: Set<string>;
  /** The last entry made for each slot key, and the last view of each track id (pruned when it grows past twice the slots). */
  byKey = new Map<string, SlotEntry>();
  trackById = new Map<string, TrackView>();
  readonly talks = new WeakMap<Track, { roled: Set<string>; talks: [string, Interval][] }>();
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
  const lines = new Lines(analysis.text);
  const clipped = { value: false };
  const cut = (s: string | undefined, max: number): string | undefined => {
    if (s === undefined || s.length <= max) return s;
    clipped.value = true;
    return clip(s, max);
  };
  const ctx: Ctx = { model, lines, cut, mark: () => (clipped.value = true), people: new Map(), context: context(model, cache), cache };
  fillEvent(view, model, cut);
  const slotDiagnostics = diagnosticsBySlot(model.slots, analysis.problems, overrides, lines, view.counts, cut);
  const all = model.slots.slice(0, SCHEDULE_LIMITS.slots);
  if (all.length < model.slots.length) clipped.value = true;
  const entries: SlotEntry[] = [];
  const scheduled: SlotEntry[] = [];
  const unscheduled: SlotEntry[] = [];
  const placeable = !!model.event.zone;
  for (const slot of all) {
    const entry = slotEntry(slot, ctx, slotDiagnostics.get(slot) ?? NONE, cache);
    if (entry.clipped) clipped.value = true;
    entries.push(entry);
    if (slot.interval && placeable) scheduled.push(entry);
    else unscheduled.push(entry);
  }
  if (cache.byKey.size > 2 * entries.length + 100) cache.byKey = new Map(entries.map((e) => [e.view.key, e]));
  if (cache.trackById.size > 2 * model.tracks.size + 100) cache.trackById = new Map();
  const clashWith = new Map<Slot, string[]>();
  view.clashes = buildClashes(model, ctx, clashWith, all.length === model.slots.length ? undefined : new Set(all));
  const placed = (entry: SlotEntry, place?: SlotView['place']): SlotView => {
    const clashes = clashWith.size ? clashWith.get(entry.slot) : undefined;
    const last = entry.view;
    if (samePlace(last.place, place) && sameList(last.clashWith, clashes)) return last;
    const { place: _place, clashWith: _clashWith, ...base } = last;
    return (entry.view = { ...base, ...(place ? { place } : {}), ...(clashes ? { clashWith: clashes } : {}) });
  };
  view.unscheduled = unscheduled.map((entry) => placed(entry, undefined));
  view.days = buildDays(scheduled, model, cache, placed);
  view.tracks = [...model.tracks.values()].map((t) => trackView(t, ctx, cache));
  view.speakerZones = speakerZones(entries, cache);
  const blocks = blockGrid(model, (offset) => lines.at(offset));
  if (blocks) view.blocks = blocks;
  const syntax =
    analysis.syntaxErrorAt === undefined ? undefined : analysis.problems.find((p) => p.code === 'yaml-syntax' && p.start === analysis.syntaxErrorAt);
  if (syntax) view.syntaxError = { message: cut(syntax.message, SCHEDULE_LIMITS.message)!, line: lines.at(syntax.start) };
  if (!model.event.zone && model.slots.length) view.notice = 'the event has no valid `timezone`: no slot can be placed in time';
  if (clipped.value) view.truncated = true;
}

const NONE: DiagnosticView[] = [];

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
  people: Map<string, { view: PersonView; clipped: boolean }>;
  /** The same object as in the last build while the people and the rooms' titles are the same. */
  context: object;
  cache: ScheduleCache;
}

/** What slot and track views read of the programme besides their own: the people, the rooms' titles. */
function context(model: Model, cache: ScheduleCache): object {
  const people = [...model.people.values()];
  let rooms = '';
  for (const [id, r] of model.rooms) rooms += `${id}\u0000${r.title ?? ''}\u0000`;
  const last = cache.context;
  if (last && last.rooms === rooms && same(last.people, people)) return last.token;
  cache.context = { people, rooms, token: {} };
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

function fillEvent(view: ScheduleView, model: Model, cut: Ctx['cut']): void {
  const e = model.event;
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
    startIso: iso(span?.start),
    endIso: iso(span?.end),
    ...(e.gridMinutes ? { grid: e.gridMinutes } : {}),
  };
}

/** The slot's view (without place and clashes), kept while what it shows is the same. */
function slotEntry(slot: Slot, ctx: Ctx, diagnostics: DiagnosticView[], cache: ScheduleCache): SlotEntry {
  const line0 = ctx.lines.at(slot.node.start);
  const line1 = ctx.lines.at(Math.max(slot.node.start, slot.node.end - 1));
  const problems = diagnostics.length ? JSON.stringify(diagnostics) : '';
  const kept = cache.slots.get(slot);
  if (kept && kept.line0 === line0 && kept.line1 === line1 && kept.diagnostics === problems && kept.context === ctx.context) return kept;
  const room = slotRoom(slot);
  const clipped = { value: false };
  const own = tracking(ctx, clipped);
  const { cut } = own;
  const topicTitles = slot.topics
    .slice(0, SCHEDULE_LIMITS.perSlot)
    .map((r) => ({ path: cut(r.id, SCHEDULE_LIMITS.title)!, title: cut(slot.track.topics.get(r.id)?.title ?? r.id, SCHEDULE_LIMITS.title)! }));
  const view: SlotView = {
    key: `${slot.track.id}#${slot.index}`,
    id: cut(slot.id, SCHEDULE_LIMITS.title),
    title: cut(slot.title, SCHEDULE_LIMITS.title)!,
    kind: slot.kind,
    trackId: slot.track.id,
    trackTitle: cut(slot.track.title, SCHEDULE_LIMITS.title)!,
    room: room?.id,
    roomTitle: room ? cut(ctx.model.rooms.get(room.id)?.title ?? room.id, SCHEDULE_LIMITS.title) : undefined,
    startIso: iso(slot.interval?.start),
    endIso: iso(slot.interval?.end),
    minutes: slot.minutes,
    speakers: slot.speakers.slice(0, SCHEDULE_LIMITS.perSlot).map((r) => person(r.id, own)),
    topics: topicTitles,
    abstract: cut(slot.abstract, SCHEDULE_LIMITS.text),
    materials: slot.materials
      .slice(0, SCHEDULE_LIMITS.perSlot)
      .map((m) => ({ title: cut(m.title, SCHEDULE_LIMITS.title)!, url: cut(m.url, SCHEDULE_LIMITS.text)! })),
    lines: { start: line0, end: line1 },
    diagnostics,
  };
  const zones: [string, string][] = [];
  for (const r of slot.speakers) {
    const p = ctx.model.people.get(r.id);
    if (p?.timezone) zones.push([zoneInfo(p.timezone).canonical ?? p.timezone, p.name ?? p.id]);
  }
  const entry: SlotEntry = { slot, line0, line1, diagnostics: problems, context: ctx.context, view, clipped: clipped.value, zones, column: columnKey(slot) };
  // A slot the model read again (its track changed) usually looks the same: keep the last view of its key then.
  const before = cache.byKey.get(view.key);
  if (before && JSON.stringify({ ...before.view, place: undefined, clashWith: undefined }) === JSON.stringify(view)) entry.view = before.view;
  cache.byKey.set(view.key, entry);
  cache.slots.set(slot, entry);
  return entry;
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
  const lines = ctx.lines.span(track.key.start, node.end);
  const deps: unknown[] = [lines.start, lines.end, ctx.context];
  const last = cache.tracks.get(track);
  if (last && same(last.deps, deps)) {
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
  cache.tracks.set(track, { deps, view: kept, clipped: clipped.value });
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
function buildClashes(model: Model, ctx: Ctx, clashWith: Map<Slot, string[]>, shown: Set<Slot> | undefined): ClashView[] {
  const byPerson = new Map<string, Map<Track, Need>>();
  const need = (id: string, track: Track): Need => {
    let tracks = byPerson.get(id);
    if (!tracks) byPerson.set(id, (tracks = new Map()));
    let n = tracks.get(track);
    if (!n) tracks.set(track, (n = { roles: [], runs: [], talks: [] }));
    return n;
  };
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
    const runs = track.leads.length || track.keyAttendees.length ? trackRuns(track) : [];
    const role = (id: string, as: string): void => {
      const n = need(id, track);
      if (!n.roles.includes(as)) n.roles.push(as);
      n.runs = runs;
    };
    for (const r of track.leads) role(r.id, 'lead');
    for (const r of track.keyAttendees) role(r.id, 'key attendee');
    for (const [id, interval] of talksOf(track, roled, ctx.cache)) need(id, track).talks.push(interval);
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
        if (!i || !model.event.zone || (shown && !shown.has(slot)) || !merged.some((w) => w.startMs < i.endMs && i.startMs < w.endMs)) continue;
        let names = clashWith.get(slot);
        if (!names) clashWith.set(slot, (names = []));
        if (!names.includes(other) && names.length < SCHEDULE_LIMITS.perSlot) names.push(other);
      }
    }
    out.push({
      first: merged[0].startMs,
      tracks: [a, b].map((t) => ({ id: t.id, title: ctx.cut(t.title, SCHEDULE_LIMITS.title)! })),
      when: merged.slice(0, SCHEDULE_LIMITS.perSlot).map((w) => ({ startIso: iso(w.start)!, endIso: iso(w.end)! })),
      people: [...people].map(([id, roles]) => ({ person: person(id, ctx), roles: roles.map((r) => ctx.cut(r, SCHEDULE_LIMITS.title)!) })),
      line: ctx.lines.at(b.key.start),
    });
  }
  return out.sort((x, y) => x.first - y.first).map(({ first: _first, ...clash }) => clash);
}

/** The talks of a track's speakers who lead or key-attend a track (`roled`), kept while the track and they are the same. */
function talksOf(track: Track, roled: Set<string>, cache: ScheduleCache): [string, Interval][] {
  const kept = cache.talks.get(track);
  if (kept && kept.roled === roled) return kept.talks;
  const talks: [string, Interval][] = [];
  for (const slot of track.slots) if (slot.interval) for (const r of slot.speakers) if (roled.has(r.id)) talks.push([r.id, slot.interval]);
  cache.talks.set(track, { roled, talks });
  return talks;
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
 * event's `day-change` belongs to the day before), each placed in a column and in time.
 */
function buildDays(scheduled: SlotEntry[], model: Model, cache: ScheduleCache, placed: (entry: SlotEntry, place?: SlotView['place']) => SlotView): DayView[] {
  const byDay = new Map<string, SlotEntry[]>();
  const { dayChange } = model.event;
  for (const s of scheduled) {
    let date = s.date?.dayChange === dayChange ? s.date.date : undefined;
    if (date === undefined) {
      date = dayChange ? programmeDate(s.slot.interval!.start, dayChange) : s.view.startIso!.slice(0, 10);
      s.date = { dayChange, date };
    }
    let list = byDay.get(date);
    if (!list) byDay.set(date, (list = []));
    list.push(s);
  }
  // Columns are ordered by rooms, then tracks, and titled by them: a day's layout is kept while these are the same.
  const roomOrder = new Map([...model.rooms.keys()].map((id, i) => [`room:${id}`, i]));
  const trackOrder = new Map([...model.tracks.keys()].map((id, i) => [`track:${id}`, model.rooms.size + i]));
  let columnsKey = '';
  for (const [id, r] of model.rooms) columnsKey += `${id}\u0000${r.title ?? ''}\u0000`;
  columnsKey += '\u0001';
  for (const [id, t] of model.tracks) columnsKey += `${id}\u0000${t.title}\u0000`;
  const days: DayView[] = [];
  const kept = new Map<string, DayEntry>();
  for (const date of [...byDay.keys()].sort()) {
    const list = byDay.get(date)!;
    let day = cache.days.get(date);
    if (!day || day.columnsKey !== columnsKey || !sameLayout(day, list)) day = layDay(list, columnsKey, model, roomOrder, trackOrder);
    kept.set(date, day);
    const views = day.order.map(({ index, place }) => placed(list[index], place));
    if (!day.view || !same(day.view.slots, views)) day.view = { date, startIso: day.startIso, minutes: day.minutes, columns: day.columns, slots: views };
    days.push(day.view);
  }
  cache.days = kept;
  return days;
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
function layDay(list: SlotEntry[], columnsKey: string, model: Model, roomOrder: Map<string, number>, trackOrder: Map<string, number>): DayEntry {
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
  const order = byTime.map((i) => {
    const slot = slots[i];
    const top = Math.min(Math.round((slot.interval!.startMs - startMs) / 60_000), minutes);
    const height = Math.min(Math.round((slot.interval!.endMs - slot.interval!.startMs) / 60_000), minutes - top);
    return { index: i, place: { column: index.get(list[i].column)!, top, height, lane: 0, lanes: 1 } };
  });
  assignLanes(order.map((o) => o.place));
  return {
    starts: slots.map((s) => s.interval!.startMs),
    ends: slots.map((s) => s.interval!.endMs),
    keys: list.map((s) => s.column),
    columnsKey,
    startIso: iso(first) ?? '',
    minutes,
    columns,
    order,
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

/** The problems inside each slot's source, and those whose related location is in it. */
function diagnosticsBySlot(
  slots: Slot[],
  problems: Problem[],
  overrides: SeverityMap,
  lines: Lines,
  counts: Record<SeverityName, number>,
  cut: Ctx['cut'],
): Map<Slot, DiagnosticView[]> {
  const sorted = [...slots].sort((a, b) => a.node.start - b.node.start);
  const find = (offset: number): Slot | undefined => {
    let lo = 0,
      hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const n = sorted[mid].node;
      if (offset < n.start) hi = mid - 1;
      else if (offset > n.end) lo = mid + 1;
      else return sorted[mid];
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
  return out;
}

function speakerZones(entries: SlotEntry[], cache: ScheduleCache): ZoneChoice[] {
  if (cache.zones && same(cache.zones.entries, entries)) return cache.zones.view;
  const names = new Map<string, Set<string>>();
  for (const entry of entries) {
    for (const [zone, name] of entry.zones) {
      let set = names.get(zone);
      if (!set) names.set(zone, (set = new Set()));
      set.add(name);
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
  cache.zones = { entries, view };
  return view;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

/** Offsets to 0-based lines, in O(log n) each after one pass over the text. */
class Lines {
  private starts: number[] = [0];

  constructor(text: string) {
    if (text.indexOf('\r') < 0) {
      // The usual case, found by indexOf (much faster than a loop over the characters).
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  /** The lines of `[start, end)`: the last is the line of the last character. */
  span(start: number, end: number): { start: number; end: number } {
    return { start: this.at(start), end: this.at(Math.max(start, end - 1)) };
  }

  at(offset: number): number {
    let lo = 0,
      hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
