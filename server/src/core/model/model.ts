/**
 * The resolved programme: people, rooms, tracks with their topic tree, sessions and slots,
 * every time as a Luxon DateTime in the event zone, every item linked to the nodes it came
 * from. Building it reports the problems of single values (bad zones, impossible dates, DST
 * gaps); checks of how values relate to each other live in rules/.
 */
import { Node, Pair, ScalarNode, get, getPair, str } from '../syntax/tree';
import { compact, NONE } from '../syntax/compact';
import { movedProblem, Problem, problem } from '../service/problem';
import { parseDayChange } from './days';
import { PERSON_FIELDS, SHAPE, Shape } from './shape';
import { DateTime, durationMinutes, offsetLabel, parseDate, parseLocal, plusMinutes, zoneInfo } from './time';

export interface Ref {
  id: string;
  node: ScalarNode;
}

/** The people one key names (`leads: [...]` of a track, `speakers: [...]` of a slot). */
export interface PersonList {
  key: string;
  refs: Ref[];
}

export interface Person {
  id: string;
  key: ScalarNode;
  node: Node | null;
  name?: string;
  affiliation?: string;
  honorific?: string;
  /** The person's own zone, when it is a valid IANA zone. */
  timezone?: string;
  /** The identity kept from an imported schedule. */
  guid?: string;
}

export interface Room {
  id: string;
  key: ScalarNode;
  title?: string;
  capacity?: number;
}

export interface Topic {
  /** `vfio/iopf` */
  path: string;
  id: string;
  key: ScalarNode;
  title: string;
  description?: string;
  parent?: Topic;
  children: Topic[];
}

export interface Interval {
  start: DateTime;
  end: DateTime;
  /** Milliseconds since the epoch, for fast comparisons. */
  startMs: number;
  endMs: number;
}

export interface Session {
  track: Track;
  index: number;
  node: Node;
  interval?: Interval;
}

/** Time in a room that one track can be placed into (top-level `blocks`). */
export interface Block {
  index: number;
  node: Node;
  room?: Ref;
  interval?: Interval;
}

export type SlotKind = 'talk' | 'discussion' | 'opening' | 'closing' | 'break' | 'bof';

export interface Slot {
  track: Track;
  index: number;
  node: Node;
  id?: string;
  title: string;
  titleNode?: Node;
  kind: SlotKind;
  /** True when the slot has a `start` (even an invalid one): it is meant to be scheduled. */
  hasStart: boolean;
  startNode?: Node;
  interval?: Interval;
  /** Length in minutes, when known (from `duration`, or `end` − `start`). */
  minutes?: number;
  room?: Ref;
  speakers: Ref[];
  /** Every key of the slot that names people (the shape's `personKeys.slot`), `speakers` included. */
  people: PersonList[];
  topics: Ref[];
  abstract?: string;
  materials: { title: string; url: string }[];
  /** Kept from an imported schedule (exports write them back): see docs/FORMAT.md. */
  exchange: SlotExchange;
}

/** What a slot keeps of the schedule it was imported from, for exports to write back. */
export interface SlotExchange {
  guid?: string;
  /** The source's integer id. */
  sourceId?: number;
  slug?: string;
  url?: string;
  language?: string;
  subtitle?: string;
  /** The source's own event type (`lecture`). */
  type?: string;
  /** False: do not record. */
  recording?: boolean;
  attachments: { title: string; url: string }[];
}

export type TrackKind = 'microconference' | 'refereed' | 'keynote' | 'bof' | 'workshop' | 'other';

export interface Track {
  id: string;
  key: ScalarNode;
  node: Node | null;
  title: string;
  kind: TrackKind;
  room?: Ref;
  description?: string;
  leads: Ref[];
  contacts: Ref[];
  keyAttendees: Ref[];
  /** Every key of the track that names people (the shape's `personKeys.track`), in that order. */
  people: PersonList[];
  outcomes: string[];
  /** Every topic by path (`vfio`, `vfio/iopf`). */
  topics: Map<string, Topic>;
  topicRoots: Topic[];
  sessions: Session[];
  slots: Slot[];
}

export interface EventInfo {
  node: Node | null;
  title?: string;
  venue?: string;
  url?: string;
  description?: string;
  /** The event zone, when valid; without it no time can be resolved. */
  zone?: string;
  /** The zone as written (may be a legacy alias). */
  zoneWritten?: string;
  /** First day, 00:00 in the event zone. */
  start?: DateTime;
  /** Last day, 00:00 in the event zone. */
  end?: DateTime;
  /**
   * `day-change` in minutes after midnight (default 0): when a programme day begins. See
   * days.ts, which answers every question about programme days.
   */
  dayChange: number;
  /** `grid` in minutes, when given and usable (1 minute to a day): the step times snap to in the preview. */
  gridMinutes?: number;
}

export interface Model {
  event: EventInfo;
  people: Map<string, Person>;
  rooms: Map<string, Room>;
  tracks: Map<string, Track>;
  /** Every slot of every track, in document order (made when first read). */
  slots: Slot[];
  /** The top-level `blocks`, in document order. */
  blocks: Block[];
  problems: Problem[];
}

/**
 * What one document keeps across edits for its model: each entry's reading, by its node
 * (nodes are reused across edits only when their text did not change), and intervals.
 */
export class ModelCache {
  /** Per kind of entry, the reading of each node read as one (a WeakMap each: no object per node to hold them). */
  readonly memos: { readonly [K in keyof NodeMemos]-?: WeakMap<Node, NonNullable<NodeMemos[K]>> } = {
    event: new WeakMap(),
    people: new WeakMap(),
    rooms: new WeakMap(),
    person: new WeakMap(),
    track: new WeakMap(),
    session: new WeakMap(),
    block: new WeakMap(),
    slot: new WeakMap(),
  };
  /**
   * Intervals by start and length: a programme repeats the same few starts and lengths, and
   * making a DateTime in a zone is costly. Intervals are immutable, so they can be shared.
   */
  readonly intervals = new Map<string, Interval>();
  /** The last reading of the `people` and `tracks` sections, entry by entry (`readEntries`). */
  readonly sections: { people?: Entries<Person>; tracks?: Entries<Track> } = {};
}

/**
 * A section's entries as last read: its pairs (the parser keeps the pair of an unchanged
 * entry), what each was read as, which of them had problems, and the map of them by key.
 */
interface Entries<T> {
  items: readonly Pair[];
  values: T[];
  /** Positions whose reading reported problems, ascending. */
  problems: number[];
  map: Map<string, T>;
  /** What else the readings depend on (the event zone, for tracks). */
  zone: string | undefined;
}

/** What is kept per node, one reading per kind of entry the node may be. */
interface NodeMemos {
  event?: Memo<EventInfo>;
  /** The whole `people` and `rooms` sections. */
  people?: Memo<Map<string, Person>>;
  rooms?: Memo<Map<string, Room>>;
  person?: Memo<Person>;
  track?: Memo<Track>;
  session?: Memo<Interval | undefined>;
  block?: Memo<Interval | undefined>;
  slot?: Memo<Slot>;
}

/** Builds the model; `invalid` holds value nodes the schema already rejected. */
export function buildModel(root: Node | null, invalid: ReadonlySet<Node>, cache: ModelCache = new ModelCache(), shape: Shape = SHAPE): Model {
  const ctx: Ctx = { invalid, problems: [], cache, shape };
  const model: Model = {
    event: { node: null, dayChange: 0 },
    people: new Map(),
    rooms: new Map(),
    tracks: new Map(),
    slots: [],
    blocks: [],
    problems: ctx.problems,
  };
  if (!root || root.kind !== 'map') return model;
  const eventNode = get(root, 'event') ?? null;
  // The event depends only on its own text: kept on its node across edits elsewhere.
  model.event = eventNode ? memoised(eventNode, 'event', undefined, ctx, (local) => readEvent(eventNode, local)) : readEvent(null, ctx);
  // The people and the rooms depend only on their own section: an edit elsewhere keeps its
  // node, and with it the very same Map (rules take an unchanged Map as unchanged people).
  const peopleNode = get(root, ctx.shape.maps.person);
  if (peopleNode) model.people = memoised(peopleNode, 'people', undefined, ctx, (local) => readPeople(peopleNode, local));
  const roomsNode = get(root, ctx.shape.maps.room);
  if (roomsNode) model.rooms = memoised(roomsNode, 'rooms', undefined, ctx, (local) => readRooms(roomsNode, local));
  const tracksNode = get(root, ctx.shape.maps.track);
  const tracks: Track[] = [];
  if (tracksNode?.kind === 'map') {
    const event = model.event;
    const read = (ctx.cache.sections.tracks = readEntries(tracksNode, ctx.cache.sections.tracks, event.zone, ctx, (key, node) =>
      readTrack(key, node, event, ctx),
    ));
    model.tracks = read.map;
    for (const track of read.values) tracks.push(track);
  }
  // Every slot in one list is made when first asked for: the checks work per track, and
  // copying 20,000 slots on every edit would cost more than they do.
  let all: Slot[] | undefined;
  Object.defineProperty(model, 'slots', {
    get: () => (all ??= joined(tracks.map((t) => t.slots))),
    enumerable: true,
  });
  const blocks = get(root, ctx.shape.blocks);
  if (usable(blocks, ctx) && blocks.kind === 'seq') {
    blocks.items.forEach((b, index) => {
      const interval = ctx.invalid.has(b) ? undefined : memoised(b, 'block', model.event.zone, ctx, (local) => readInterval(b, model.event, local).interval);
      model.blocks.push({ index, node: b, room: ref(get(b, ctx.shape.roomKey), ctx), interval });
    });
  }
  return model;
}

/** The lists one after the other, in one new array. */
function joined<T>(lists: T[][]): T[] {
  let n = 0;
  for (const list of lists) n += list.length;
  const out = new Array<T>(n);
  let k = 0;
  for (const list of lists) for (let i = 0; i < list.length; i++) out[k++] = list[i];
  return out;
}

interface Ctx {
  invalid: ReadonlySet<Node>;
  problems: Problem[];
  cache: ModelCache;
  shape: Shape;
}

function forEntries(node: Node | null | undefined, fn: (key: ScalarNode, value: Node | null) => void): void {
  if (node?.kind !== 'map') return;
  for (const pair of node.items) fn(pair.key, pair.value);
}

function usable(node: Node | null | undefined, ctx: Ctx): node is Node {
  return !!node && !ctx.invalid.has(node);
}

function text(parent: Node | null, key: string, ctx: Ctx): string | undefined {
  const n = get(parent, key);
  return usable(n, ctx) ? str(n) : undefined;
}

function num(node: Node | null | undefined, ctx: Ctx): number | undefined {
  return usable(node, ctx) && typeof node.value === 'number' ? node.value : undefined;
}

function bool(node: Node | null | undefined, ctx: Ctx): boolean | undefined {
  return usable(node, ctx) && typeof node.value === 'boolean' ? node.value : undefined;
}

/** `materials` and `attachments`: the items with a title and a URL. */
function links(node: Node | null | undefined, ctx: Ctx): { title: string; url: string }[] {
  const out: { title: string; url: string }[] = [];
  if (usable(node, ctx) && node.kind === 'seq') {
    for (const m of node.items) {
      const title = text(m, 'title', ctx),
        url = text(m, 'url', ctx);
      if (title && url) out.push({ title, url });
    }
  }
  return compact(out);
}

function refs(node: Node | null | undefined, ctx: Ctx): Ref[] {
  if (!usable(node, ctx) || node.kind !== 'seq') return NONE;
  const out: Ref[] = [];
  for (const item of node.items) {
    if (item.kind === 'scalar' && typeof item.value === 'string' && !ctx.invalid.has(item)) out.push({ id: item.value, node: item });
  }
  return compact(out);
}

/**
 * The person lists of a track or slot, one per key of the shape, and the named fields of the
 * model (`leads`, `speakers`...) that the rest of the core reads for those keys.
 */
function personLists<F extends string>(
  node: Node | null,
  keys: readonly string[],
  ctx: Ctx,
  fields: Readonly<Record<F, string>>,
): { people: PersonList[] } & Record<F, Ref[]> {
  const people = keys.map((key) => ({ key, refs: refs(get(node, key), ctx) }));
  const out = { people } as { people: PersonList[] } & Record<F, Ref[]>;
  for (const field of Object.keys(fields) as F[]) {
    (out as Record<F, Ref[]>)[field] = people.find((l) => l.key === fields[field])?.refs ?? [];
  }
  return out;
}

function ref(node: Node | null | undefined, ctx: Ctx): Ref | undefined {
  return usable(node, ctx) && node.kind === 'scalar' && typeof node.value === 'string' ? { id: node.value, node } : undefined;
}

/** Checks a zone value; returns the zone to compute with (canonical or as written) if valid. */
function checkZone(node: Node | null | undefined, ctx: Ctx): { zone: string; written: string } | undefined {
  if (!usable(node, ctx) || typeof node.value !== 'string') return undefined;
  const name = node.value;
  const info = zoneInfo(name);
  if (!info.valid) {
    const guess = info.suggestions?.[0];
    ctx.problems.push(
      problem(
        'invalid-timezone',
        `unknown time zone \`${name}\`: not an IANA zone name${guess ? `; did you mean \`${guess}\`?` : ' (like `Europe/Berlin`)'}`,
        node,
        guess ? { data: { fix: 'replace', replacement: guess, title: `Change to \`${guess}\`` } } : {},
      ),
    );
    return undefined;
  }
  if (info.canonical) {
    ctx.problems.push(
      problem('timezone-alias', `\`${name}\` is a legacy alias: the canonical IANA zone is \`${info.canonical}\``, node, {
        data: { fix: 'replace', replacement: info.canonical, title: `Change to \`${info.canonical}\`` },
      }),
    );
  }
  return { zone: name, written: name };
}

function readEvent(node: Node | null, ctx: Ctx): EventInfo {
  const dayChange = text(node, 'day-change', ctx);
  const event: EventInfo = {
    node,
    title: text(node, 'title', ctx),
    venue: text(node, 'venue', ctx),
    url: text(node, 'url', ctx),
    description: text(node, 'description', ctx),
    dayChange: (dayChange !== undefined ? parseDayChange(dayChange) : undefined) ?? 0,
  };
  const grid = text(node, 'grid', ctx);
  const gridMinutes = grid !== undefined ? durationMinutes(grid) : NaN;
  if (Number.isInteger(gridMinutes) && gridMinutes > 0 && gridMinutes <= 24 * 60) event.gridMinutes = gridMinutes;
  const zone = checkZone(get(node, 'timezone'), ctx);
  if (zone) {
    event.zone = zone.zone;
    event.zoneWritten = zone.written;
  }
  const zoneForDates = event.zone ?? 'UTC';
  const day = (key: 'start' | 'end'): DateTime | undefined => {
    const n = get(node, key);
    if (!usable(n, ctx) || typeof n.value !== 'string') return undefined;
    const r = parseDate(n.value, zoneForDates);
    if (!r.ok) {
      ctx.problems.push(problem('invalid-datetime', r.reason, n));
      return undefined;
    }
    return r.date;
  };
  const start = day('start');
  const end = day('end');
  if (start && end && end < start) {
    const endNode = get(node, 'end')!;
    ctx.problems.push(problem('event-dates', `the event ends (${endNode.value as string}) before it starts (${start.toFormat('yyyy-MM-dd')})`, endNode));
  } else if (event.zone) {
    event.start = start;
    event.end = end;
  }
  return event;
}

function readPeople(node: Node, ctx: Ctx): Map<string, Person> {
  if (node.kind !== 'map') return new Map();
  return (ctx.cache.sections.people = readEntries(node, ctx.cache.sections.people, undefined, ctx, (key, value) => readPerson(key, value, ctx))).map;
}

/** How many changed entries of a section are read one by one before the whole section is. */
const FEW_ENTRIES = 16;

/**
 * The entries of a section (`people`, `tracks`), each read by `read`, and the map of them by
 * key (the last of a key, in the order keys first appear). An edit changes one or two entries:
 * the parser keeps the pair of every other, so only the pairs that are not the same as last
 * time are read (and those whose problems must be placed again); the others are taken as they
 * were, without so much as looking at them, which with thousands of people is what costs.
 */
function readEntries<T>(
  node: Node & { kind: 'map' },
  last: Entries<T> | undefined,
  zone: string | undefined,
  ctx: Ctx,
  read: (key: ScalarNode, value: Node | null) => T,
): Entries<T> {
  const { items } = node;
  const changed =
    last && last.zone === zone && last.items.length === items.length && last.map.size === items.length ? changedPairs(items, last.items) : undefined;
  // Nothing to read: the same entries, the very same map (what is kept per map stays).
  if (last && changed && !changed.length && !last.problems.length) return last.items === items ? last : { ...last, items };
  const entries: Entries<T> =
    last && changed
      ? { items, values: last.values.slice(), problems: [], map: new Map(last.map), zone }
      : { items, values: [], problems: [], map: new Map(), zone };
  // Positions to read, in order: all of them, or the changed ones and those with problems to place.
  const visit = last && changed ? [...new Set([...changed, ...last.problems])].sort((a, b) => a - b) : items.keys();
  for (const i of visit) {
    const { key, value } = items[i];
    const before = ctx.problems.length;
    entries.values[i] = read(key, value);
    entries.map.set(key.value as string, entries.values[i]);
    if (ctx.problems.length > before) entries.problems.push(i);
  }
  return entries;
}

/** Positions where `items` holds another pair than `last` with the same key, or undefined when more than a few differ or a key changed. */
function changedPairs(items: readonly Pair[], last: readonly Pair[]): number[] | undefined {
  const changed: number[] = [];
  for (let i = 0; i < items.length; i++) {
    if (items[i] === last[i]) continue;
    if (changed.length >= FEW_ENTRIES || items[i].key.value !== last[i].key.value) return undefined;
    changed.push(i);
  }
  return changed;
}

function readRooms(node: Node, ctx: Ctx): Map<string, Room> {
  const rooms = new Map<string, Room>();
  forEntries(node, (key, value) =>
    rooms.set(key.value as string, {
      id: key.value as string,
      key,
      title: text(value, 'title', ctx),
      capacity: num(get(value, 'capacity'), ctx),
    }),
  );
  return rooms;
}

/** A person depends only on its own entry (key and value are parsed together): kept on its node. */
function readPerson(key: ScalarNode, node: Node | null, ctx: Ctx): Person {
  if (!node) return readPersonData(key, node, ctx);
  const id = key.value as string;
  return memoised(
    node,
    'person',
    undefined,
    ctx,
    (local) => readPersonData(key, node, local),
    (p) => (p.key === key && p.id === id ? p : { ...p, key, id }),
  );
}

function readPersonData(key: ScalarNode, node: Node | null, ctx: Ctx): Person {
  const zone = checkZone(get(node, 'timezone'), ctx);
  return {
    id: key.value as string,
    key,
    node,
    name: text(node, 'name', ctx),
    affiliation: text(node, 'affiliation', ctx),
    honorific: text(node, 'honorific', ctx),
    timezone: zone?.zone,
    guid: text(node, 'guid', ctx),
  };
}

/**
 * A track depends only on its own entry and the event zone: an untouched track keeps its node
 * (parse.ts), and with it the whole Track, its slots included; only its key is brought up to
 * date. Its id (the key) is part of the memo's key, as messages name it.
 */
function readTrack(key: ScalarNode, node: Node | null, event: EventInfo, ctx: Ctx): Track {
  if (!node) return readTrackData(key, node, event, ctx);
  return memoised(
    node,
    'track',
    event.zone,
    ctx,
    (local) => readTrackData(key, node, event, local),
    (t) => (t.key === key ? t : rekeyed(t, key)),
    key.value as string,
  );
}

/**
 * A kept track under a moved key: a new Track (what an earlier analysis holds is not changed),
 * with its slots and sessions pointing at it.
 */
function rekeyed(old: Track, key: ScalarNode): Track {
  const track: Track = { ...old, key, sessions: [], slots: [] };
  for (const s of old.sessions) track.sessions.push({ ...s, track });
  for (const s of old.slots) track.slots.push({ ...s, track });
  return track;
}

function readTrackData(key: ScalarNode, node: Node | null, event: EventInfo, ctx: Ctx): Track {
  const kind = text(node, 'kind', ctx) as TrackKind | undefined;
  const track: Track = {
    id: key.value as string,
    key,
    node,
    title: text(node, 'title', ctx) ?? (key.value as string),
    kind: kind ?? 'other',
    room: ref(get(node, ctx.shape.roomKey), ctx),
    description: text(node, 'description', ctx),
    ...personLists(node, ctx.shape.personKeys.track, ctx, PERSON_FIELDS.track),
    outcomes: [],
    topics: new Map(),
    topicRoots: [],
    sessions: [],
    slots: [],
  };
  const outcomes = get(node, 'outcomes');
  if (usable(outcomes, ctx) && outcomes.kind === 'seq') for (const o of outcomes.items) if (typeof o.value === 'string') track.outcomes.push(o.value);
  readTopics(get(node, ctx.shape.topicsKey), undefined, track, track.topicRoots, ctx, 0);
  const sessions = get(node, ctx.shape.lists.session);
  if (usable(sessions, ctx) && sessions.kind === 'seq') {
    sessions.items.forEach((s, index) => {
      const interval = ctx.invalid.has(s) ? undefined : memoised(s, 'session', event.zone, ctx, (local) => readInterval(s, event, local).interval);
      track.sessions.push({ track, index, node: s, interval });
    });
  }
  const slots = get(node, ctx.shape.lists.slot);
  if (usable(slots, ctx) && slots.kind === 'seq') {
    slots.items.forEach((s, index) => track.slots.push(readSlot(s, index, track, event, ctx)));
  }
  return track;
}

function readTopics(node: Node | null | undefined, parent: Topic | undefined, track: Track, into: Topic[], ctx: Ctx, depth: number): void {
  if (!usable(node, ctx) || node.kind !== 'map' || depth > 16) return;
  for (const pair of node.items) {
    const id = pair.key.value as string;
    const v = pair.value;
    const title = v?.kind === 'scalar' && typeof v.value === 'string' ? v.value : (text(v, 'title', ctx) ?? id);
    const topic: Topic = {
      path: parent ? `${parent.path}/${id}` : id,
      id,
      key: pair.key,
      title,
      description: text(v, 'description', ctx),
      parent,
      children: [],
    };
    into.push(topic);
    track.topics.set(topic.path, topic);
    if (v?.kind === 'map') readTopics(get(v, ctx.shape.topicsKey), topic, track, topic.children, ctx, depth + 1);
  }
}

/** Reads `start` with `end` or `duration` in the event zone; reports single-value problems. */
function readInterval(node: Node, event: EventInfo, ctx: Ctx): { interval?: Interval; minutes?: number; startNode?: Node } {
  const startNode = get(node, 'start') ?? undefined;
  const durationNode = get(node, 'duration');
  const endNode = get(node, 'end');
  let minutes: number | undefined;
  if (usable(durationNode, ctx) && typeof durationNode.value === 'string') {
    minutes = durationMinutes(durationNode.value);
    if (!(minutes > 0)) {
      ctx.problems.push(problem('schema', '`duration` must be more than zero', durationNode));
      minutes = undefined;
    }
  }
  if (!event.zone) return { minutes, startNode };
  const start = localTime(startNode, event.zone, ctx);
  const end = localTime(endNode, event.zone, ctx);
  if (start && end) {
    if (end <= start) {
      ctx.problems.push(problem('schema', `\`end\` must be after \`start\` (${startNode!.value as string})`, endNode!));
      return { minutes, startNode };
    }
    minutes = Math.round(end.diff(start, 'minutes').minutes);
    return { interval: interval(start, end), minutes, startNode };
  }
  if (start && minutes !== undefined) return { interval: startPlus(start, minutes, ctx), minutes, startNode };
  return { minutes, startNode };
}

function startPlus(start: DateTime, minutes: number, ctx: Ctx): Interval {
  const { intervals } = ctx.cache;
  const key = `${start.zoneName}|${start.toMillis()}|${minutes}`;
  let found = intervals.get(key);
  if (!found) {
    if (intervals.size > 50_000) intervals.clear();
    intervals.set(key, (found = interval(start, plusMinutes(start, minutes))));
  }
  return found;
}

function interval(start: DateTime, end: DateTime): Interval {
  return { start, end, startMs: start.toMillis(), endMs: end.toMillis() };
}

function localTime(node: Node | null | undefined, zone: string, ctx: Ctx): DateTime | undefined {
  if (!usable(node, ctx) || typeof node.value !== 'string') return undefined;
  const r = parseLocal(node.value, zone);
  if (!r.ok) {
    ctx.problems.push(problem(r.kind, r.reason, node));
    return undefined;
  }
  if (r.ambiguous) {
    const { earlier, later } = r.ambiguous;
    ctx.problems.push(
      problem(
        'ambiguous-time',
        `${node.value} happens twice in ${zone} (at ${offsetLabel(earlier)} and again at ${offsetLabel(later)}, when clocks go back): the earlier is used`,
        node,
      ),
    );
    return earlier;
  }
  return r.time;
}

/**
 * A slot depends only on its own text and the event zone (its schema errors, hence which of
 * its values are invalid, are its own too): it is kept on its node across edits, and only its
 * track and index are brought up to date.
 */
function readSlot(node: Node, index: number, track: Track, event: EventInfo, ctx: Ctx): Slot {
  return memoised(
    node,
    'slot',
    event.zone,
    ctx,
    (local) => readSlotData(node, index, track, event, local),
    (slot) => (slot.track === track && slot.index === index ? slot : { ...slot, track, index }),
  );
}

function readSlotData(node: Node, index: number, track: Track, event: EventInfo, ctx: Ctx): Slot {
  const titleNode = get(node, 'title') ?? undefined;
  const startNode = get(node, 'start') ?? undefined;
  const kind = (text(node, 'kind', ctx) as SlotKind | undefined) ?? 'talk';
  const slot: Slot = {
    track,
    index,
    node,
    id: text(node, 'id', ctx),
    title: text(node, 'title', ctx) ?? '(untitled)',
    titleNode,
    kind,
    hasStart: !!getPair(node, 'start'),
    startNode,
    room: ref(get(node, ctx.shape.roomKey), ctx),
    ...personLists(node, ctx.shape.personKeys.slot, ctx, PERSON_FIELDS.slot),
    topics: refs(get(node, ctx.shape.topicsKey), ctx),
    abstract: text(node, 'abstract', ctx),
    materials: links(get(node, 'materials'), ctx),
    exchange: readExchange(node, ctx),
  };
  if (!ctx.invalid.has(node) || node.kind === 'map') {
    const r = readInterval(node, event, ctx);
    slot.interval = r.interval;
    slot.minutes = r.minutes;
  }
  return slot;
}

/** What a slot without anything kept from an imported schedule keeps: one frozen object for all. */
const NO_EXCHANGE: SlotExchange = Object.freeze({ attachments: NONE });

function readExchange(node: Node, ctx: Ctx): SlotExchange {
  const exchange: SlotExchange = {
    guid: text(node, 'guid', ctx),
    sourceId: num(get(node, 'source-id'), ctx),
    slug: text(node, 'slug', ctx),
    url: text(node, 'url', ctx),
    language: text(node, 'language', ctx),
    subtitle: text(node, 'subtitle', ctx),
    type: text(node, 'type', ctx),
    recording: bool(get(node, 'recording'), ctx),
    attachments: links(get(node, 'attachments'), ctx),
  };
  for (const value of Object.values(exchange)) if (value !== undefined && value !== NONE) return exchange;
  return NO_EXCHANGE;
}

interface Memo<T> {
  zone: string | undefined;
  /** The entry's key, when the reading depends on it (a track's messages name it). */
  id: string | undefined;
  invalid: boolean;
  /** The node's start when its problems were last placed: they are moved with the node. */
  base: number;
  value: T;
  problems: Problem[];
}

/**
 * Runs `compute` once per node, event zone and `id` (the entry's key, when it matters), keeping its result and problems for the node
 * in the document's ModelCache (nodes are reused across edits only when their text did not
 * change). What was handed out is never changed: problems that moved are copies, and
 * `rebind` returns a copy of the kept value when its place (key, track, index) changed.
 */
function memoised<K extends keyof NodeMemos, T extends NonNullable<NodeMemos[K]>['value']>(
  node: Node,
  name: K,
  zone: string | undefined,
  ctx: Ctx,
  compute: (ctx: Ctx) => T,
  rebind?: (value: T) => T,
  id?: string,
): T {
  const invalid = ctx.invalid.has(node);
  const memos = ctx.cache.memos[name] as unknown as WeakMap<Node, Memo<T>>;
  let m = memos.get(node);
  if (!m || m.zone !== zone || m.id !== id || m.invalid !== invalid) {
    const local: Ctx = { ...ctx, problems: [] };
    m = { zone, id, invalid, base: node.start, value: compute(local), problems: compact(local.problems) };
    memos.set(node, m);
  }
  // Most entries have no problems: their node's place is not even read.
  if (m.problems.length) {
    const delta = node.start - m.base;
    if (delta !== 0) {
      m.problems = m.problems.map((p) => movedProblem(p, delta));
      m.base = node.start;
    }
  }
  if (rebind) m.value = rebind(m.value);
  for (const p of m.problems) ctx.problems.push(p);
  return m.value;
}

/** The room a slot takes place in: its own, else its track's. */
export function slotRoom(slot: Slot): Ref | undefined {
  return slot.room ?? slot.track.room;
}

/**
 * Where a slot takes place, as a key: `room:<id>` (its room), or `track:<id>` when it has no
 * room. Two slots with the same place may not overlap.
 */
export function slotPlace(slot: Slot): string {
  const room = slotRoom(slot);
  return room ? `room:${room.id}` : `track:${slot.track.id}`;
}

/**
 * When a track runs: its sessions; without sessions, its scheduled slots, joined where they
 * touch or overlap (a morning of back-to-back talks is one stretch). In time order.
 */
export function trackRuns(track: Track): Interval[] {
  if (track.sessions.length) return track.sessions.flatMap((s) => (s.interval ? [s.interval] : [])).sort((a, b) => a.startMs - b.startMs);
  const slots = track.slots.flatMap((s) => (s.interval ? [s.interval] : [])).sort((a, b) => a.startMs - b.startMs);
  const out: Interval[] = [];
  for (const i of slots) {
    const last = out[out.length - 1];
    if (last && i.startMs <= last.endMs) {
      if (i.endMs > last.endMs) out[out.length - 1] = { start: last.start, end: i.end, startMs: last.startMs, endMs: i.endMs };
    } else out.push(i);
  }
  return out;
}
