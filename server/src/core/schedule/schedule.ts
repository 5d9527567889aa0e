/**
 * The schedule as the preview and `programme render` show it: days, columns per room (or per
 * track where a slot has no room), slots placed by time, the unscheduled list, each track's
 * description, topics and people, and the problems that touch each slot. The result is plain
 * JSON (ISO strings with offsets, 0-based lines), bounded in size, and building it never throws.
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
import type { Model, Slot, Track } from '../model/model';
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
}

/** The schedule view of an analysis; `notice` alone (no analysis) for files that cannot be shown. */
export function buildSchedule(analysis: Analysis | undefined, options: ScheduleOptions, notice?: string): ScheduleView {
  const view = emptyView(options, notice);
  if (!analysis) return view;
  try {
    fill(view, analysis, options.severity ?? {});
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

function fill(view: ScheduleView, analysis: Analysis, overrides: SeverityMap): void {
  const { model } = analysis;
  const lines = new Lines(analysis.text);
  const clipped = { value: false };
  const cut = (s: string | undefined, max: number): string | undefined => {
    if (s === undefined || s.length <= max) return s;
    clipped.value = true;
    return clip(s, max);
  };
  const ctx: Ctx = { model, lines, cut, people: new Map() };
  fillEvent(view, model, cut);
  const slotDiagnostics = diagnosticsBySlot(model.slots, analysis.problems, overrides, lines, view.counts, cut);
  const all = model.slots.slice(0, SCHEDULE_LIMITS.slots);
  if (all.length < model.slots.length) clipped.value = true;
  const scheduled: { slot: Slot; view: SlotView }[] = [];
  for (const slot of all) {
    const sv = slotView(slot, ctx, slotDiagnostics.get(slot) ?? []);
    if (slot.interval && model.event.zone) scheduled.push({ slot, view: sv });
    else view.unscheduled.push(sv);
  }
  view.clashes = buildClashes(model, ctx, new Map(scheduled.map((s) => [s.slot, s.view])));
  view.days = buildDays(scheduled, model);
  view.tracks = [...model.tracks.values()].map((t) => trackView(t, ctx));
  view.speakerZones = speakerZones(all, model);
  const blocks = blockGrid(model, (offset) => lines.at(offset));
  if (blocks) view.blocks = blocks;
  const syntax =
    analysis.syntaxErrorAt === undefined ? undefined : analysis.problems.find((p) => p.code === 'yaml-syntax' && p.start === analysis.syntaxErrorAt);
  if (syntax) view.syntaxError = { message: cut(syntax.message, SCHEDULE_LIMITS.message)!, line: lines.at(syntax.start) };
  if (!model.event.zone && model.slots.length) view.notice = 'the event has no valid `timezone`: no slot can be placed in time';
  if (clipped.value) view.truncated = true;
}

interface Ctx {
  model: Model;
  lines: Lines;
  cut(s: string | undefined, max: number): string | undefined;
  people: Map<string, PersonView>;
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
  };
}

function slotView(slot: Slot, ctx: Ctx, diagnostics: DiagnosticView[]): SlotView {
  const { cut } = ctx;
  const room = slotRoom(slot);
  const topicTitles = slot.topics
    .slice(0, SCHEDULE_LIMITS.perSlot)
    .map((r) => ({ path: cut(r.id, SCHEDULE_LIMITS.title)!, title: cut(slot.track.topics.get(r.id)?.title ?? r.id, SCHEDULE_LIMITS.title)! }));
  return {
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
    speakers: slot.speakers.slice(0, SCHEDULE_LIMITS.perSlot).map((r) => person(r.id, ctx)),
    topics: topicTitles,
    abstract: cut(slot.abstract, SCHEDULE_LIMITS.text),
    materials: slot.materials
      .slice(0, SCHEDULE_LIMITS.perSlot)
      .map((m) => ({ title: cut(m.title, SCHEDULE_LIMITS.title)!, url: cut(m.url, SCHEDULE_LIMITS.text)! })),
    lines: ctx.lines.span(slot.node.start, slot.node.end),
    diagnostics,
  };
}

function person(id: string, ctx: Ctx): PersonView {
  let p = ctx.people.get(id);
  if (!p) {
    const m = ctx.model.people.get(id);
    p = {
      id,
      name: ctx.cut(m?.name, SCHEDULE_LIMITS.title) ?? id,
      affiliation: ctx.cut(m?.affiliation, SCHEDULE_LIMITS.title),
      zone: m?.timezone ? (zoneInfo(m.timezone).canonical ?? m.timezone) : undefined,
    };
    ctx.people.set(id, p);
  }
  return p;
}

function trackView(track: Track, ctx: Ctx): TrackView {
  const used = new Map<string, number>();
  for (const slot of track.slots) for (const r of slot.topics) used.set(r.id, (used.get(r.id) ?? 0) + 1);
  const topics: TopicView[] = [];
  const walk = (list: Track['topicRoots'], depth: number): void => {
    for (const t of list) {
      if (topics.length >= SCHEDULE_LIMITS.topics) return;
      topics.push({ path: ctx.cut(t.path, SCHEDULE_LIMITS.title)!, title: ctx.cut(t.title, SCHEDULE_LIMITS.title)!, depth, slots: used.get(t.path) ?? 0 });
      walk(t.children, depth + 1);
    }
  };
  walk(track.topicRoots, 0);
  const room = track.room ? (ctx.model.rooms.get(track.room.id)?.title ?? track.room.id) : undefined;
  const node = track.node ?? track.key;
  return {
    id: track.id,
    title: ctx.cut(track.title, SCHEDULE_LIMITS.title)!,
    kind: track.kind,
    roomTitle: ctx.cut(room, SCHEDULE_LIMITS.title),
    description: ctx.cut(track.description, SCHEDULE_LIMITS.text),
    topics,
    leads: track.leads.slice(0, SCHEDULE_LIMITS.perSlot).map((r) => person(r.id, ctx)),
    keyAttendees: track.keyAttendees.slice(0, SCHEDULE_LIMITS.perSlot).map((r) => person(r.id, ctx)),
    outcomes: track.outcomes.slice(0, SCHEDULE_LIMITS.perSlot).map((o) => ctx.cut(o, SCHEDULE_LIMITS.text)!),
    lines: ctx.lines.span(track.key.start, node.end),
  };
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
function buildClashes(model: Model, ctx: Ctx, views: Map<Slot, SlotView>): ClashView[] {
  const byPerson = new Map<string, Map<Track, Need>>();
  const need = (id: string, track: Track): Need => {
    let tracks = byPerson.get(id);
    if (!tracks) byPerson.set(id, (tracks = new Map()));
    let n = tracks.get(track);
    if (!n) tracks.set(track, (n = { roles: [], runs: [], talks: [] }));
    return n;
  };
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
    for (const slot of track.slots) if (slot.interval) for (const r of slot.speakers) need(r.id, track).talks.push(slot.interval);
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
        const v = i && views.get(slot);
        if (!i || !v || !merged.some((w) => w.startMs < i.endMs && i.startMs < w.endMs)) continue;
        const names = (v.clashWith ??= []);
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
function buildDays(scheduled: { slot: Slot; view: SlotView }[], model: Model): DayView[] {
  const byDay = new Map<string, { slot: Slot; view: SlotView }[]>();
  const { dayChange } = model.event;
  for (const s of scheduled) {
    const date = dayChange ? programmeDate(s.slot.interval!.start, dayChange) : s.view.startIso!.slice(0, 10);
    let list = byDay.get(date);
    if (!list) byDay.set(date, (list = []));
    list.push(s);
  }
  const roomOrder = new Map([...model.rooms.keys()].map((id, i) => [`room:${id}`, i]));
  const trackOrder = new Map([...model.tracks.keys()].map((id, i) => [`track:${id}`, model.rooms.size + i]));
  const days: DayView[] = [];
  for (const date of [...byDay.keys()].sort()) {
    const list = byDay.get(date)!;
    list.sort((a, b) => a.slot.interval!.startMs - b.slot.interval!.startMs || a.slot.interval!.endMs - b.slot.interval!.endMs);
    const first = list[0].slot.interval!.start.startOf('hour');
    const startMs = first.toMillis();
    let endMs = startMs;
    for (const s of list) endMs = Math.max(endMs, s.slot.interval!.endMs);
    const minutes = Math.min(Math.ceil((endMs - startMs) / 1_800_000) * 30, SCHEDULE_LIMITS.dayMinutes);
    const columns = dayColumns(
      list.map((s) => s.slot),
      model,
      roomOrder,
      trackOrder,
    );
    const index = new Map(columns.map((c, i) => [c.key, i]));
    for (const s of list) {
      const top = Math.min(Math.round((s.slot.interval!.startMs - startMs) / 60_000), minutes);
      const height = Math.min(Math.round((s.slot.interval!.endMs - s.slot.interval!.startMs) / 60_000), minutes - top);
      s.view.place = { column: index.get(columnKey(s.slot))!, top, height, lane: 0, lanes: 1 };
    }
    assignLanes(list.map((s) => s.view));
    days.push({ date, startIso: iso(first) ?? '', minutes, columns, slots: list.map((s) => s.view) });
  }
  return days;
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
function assignLanes(slots: SlotView[]): void {
  const byColumn = new Map<number, SlotView[]>();
  for (const s of slots) {
    const list = byColumn.get(s.place!.column);
    if (list) list.push(s);
    else byColumn.set(s.place!.column, [s]);
  }
  for (const list of byColumn.values()) {
    let cluster: SlotView[] = [];
    let laneEnds: number[] = [];
    let clusterEnd = -Infinity;
    const close = (): void => {
      for (const s of cluster) s.place!.lanes = laneEnds.length;
      cluster = [];
      laneEnds = [];
    };
    for (const s of list) {
      const p = s.place!;
      if (p.top >= clusterEnd) close();
      let lane = laneEnds.findIndex((end) => end <= p.top);
      if (lane < 0) lane = laneEnds.push(0) - 1;
      laneEnds[lane] = p.top + Math.max(p.height, 1);
      p.lane = lane;
      cluster.push(s);
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

function speakerZones(slots: Slot[], model: Model): ZoneChoice[] {
  const names = new Map<string, string[]>();
  for (const slot of slots) {
    for (const r of slot.speakers) {
      const p = model.people.get(r.id);
      if (!p?.timezone) continue;
      const zone = zoneInfo(p.timezone).canonical ?? p.timezone;
      const list = names.get(zone) ?? [];
      const name = p.name ?? p.id;
      if (!list.includes(name)) list.push(name);
      names.set(zone, list);
    }
  }
  return [...names]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .slice(0, 100)
    .map(([zone, list]) => ({
      zone,
      label: clip(list.slice(0, 3).join(', ') + (list.length > 3 ? ` and ${list.length - 3} more` : ''), SCHEDULE_LIMITS.title),
    }));
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

/** Offsets to 0-based lines, in O(log n) each after one pass over the text. */
class Lines {
  private starts: number[] = [0];

  constructor(text: string) {
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
