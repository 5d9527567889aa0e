/**
 * The format's shape, in one place: its collections and where they sit, the keys whose values
 * name people, rooms and topics, and how to tell, from a path in the tree, whether a node
 * declares or names an id. Chunking, schema validation, the model, navigation, rename, the
 * outline and completion all read it (through the `Format` an analysis carries), so adding a
 * person-list key or a collection is a change here, in the schema and in FORMAT.md, and nowhere
 * else.
 */
import type { PathSegment } from '../syntax/tree';

/** What an entry of a collection is (the schema's definition of the same name). */
export type EntryKind = 'person' | 'room' | 'track' | 'slot' | 'session';

/** The kinds of id a programme declares and names. */
export type IdKind = 'person' | 'room' | 'track' | 'topic';

/** Where a person-list, room or topic key sits: on a track, on a slot of a track, or on a block. */
export type Owner = 'track' | 'slot' | 'block';

export interface Shape {
  /** The top-level maps of entries by id: `people`, `rooms`, `tracks`. */
  readonly maps: Readonly<Record<'person' | 'room' | 'track', string>>;
  /** The lists of entries inside a track: `slots`, `sessions`. */
  readonly lists: Readonly<Record<'slot' | 'session', string>>;
  /** The top-level list of blocks (time in a room that a track can be placed into). */
  readonly blocks: string;
  /** Keys whose value is a list of person ids, by owner (`leads` of a track, `speakers` of a slot). */
  readonly personKeys: Readonly<Record<'track' | 'slot', readonly string[]>>;
  /** The key whose value is a room id, on a track, a slot and a block. */
  readonly roomKey: string;
  /** A track's topic tree (and each topic's sub-topics) and a slot's list of topic paths. */
  readonly topicsKey: string;
}

/**
 * The person-list keys the model also has a field of its own for (`track.leads`,
 * `slot.speakers`), by field. Any other key in `personKeys` is still read, checked, completed,
 * navigated and shown (through `track.people` and `slot.people`).
 */
export const PERSON_FIELDS = {
  track: { leads: 'leads', contacts: 'contacts', keyAttendees: 'key-attendees' },
  slot: { speakers: 'speakers' },
} as const;

/** The programme format's shape (docs/FORMAT.md). */
export const SHAPE: Shape = {
  maps: { person: 'people', room: 'rooms', track: 'tracks' },
  lists: { slot: 'slots', session: 'sessions' },
  blocks: 'blocks',
  personKeys: { track: Object.values(PERSON_FIELDS.track), slot: Object.values(PERSON_FIELDS.slot) },
  roomKey: 'room',
  topicsKey: 'topics',
};

/** Every key that names people, whatever its owner (for completion, which looks at the key). */
export function personKeys(shape: Shape): string[] {
  return [...shape.personKeys.track, ...shape.personKeys.slot];
}

/** Where a path (of a key, or of a scalar value) stands, when it declares or names an id. */
export interface IdPlace {
  kind: IdKind;
  /** A declaration (the key of an entry) or a reference (a value naming it). */
  role: 'declaration' | 'reference';
  /** The track the path is in (for topics, the track whose tree they belong to). */
  track?: string;
  /** For a topic declaration, its path (`vfio/iopf`). */
  topicPath?: string;
  /** For a reference, the key that names it (`speakers`, `leads`, `room`, `topics`). */
  key?: string;
  /** For a reference, whether it sits on a track or on one of its slots. */
  owner?: Owner;
}

/**
 * What the node at `path` declares or names, if an id: `people/<id>` (a key) declares a person,
 * `tracks/<t>/slots/<i>/speakers/<j>` names one, `tracks/<t>/topics/a/topics/b` (a key)
 * declares topic `a/b`, and so on.
 */
export function idAt(shape: Shape, path: readonly PathSegment[], isKey: boolean): IdPlace | undefined {
  const [top, trackId] = path;
  if (isKey) {
    if (path.length === 2) {
      if (top === shape.maps.person) return { kind: 'person', role: 'declaration' };
      if (top === shape.maps.room) return { kind: 'room', role: 'declaration' };
      if (top === shape.maps.track) return { kind: 'track', role: 'declaration' };
    }
    const topicPath = topicKeyPath(shape, path);
    return topicPath ? { kind: 'topic', role: 'declaration', track: String(trackId), topicPath } : undefined;
  }
  if (top === shape.blocks && path.length === 3 && typeof path[1] === 'number' && path[2] === shape.roomKey) {
    return { kind: 'room', role: 'reference', key: shape.roomKey, owner: 'block' };
  }
  if (top !== shape.maps.track || typeof trackId !== 'string') return undefined;
  const track = trackId;
  // The rest of the path after the track: on the track itself, or on one of its slots.
  let rest = path.slice(2);
  let owner: Owner = 'track';
  if (rest[0] === shape.lists.slot && typeof rest[1] === 'number') {
    owner = 'slot';
    rest = rest.slice(2);
  }
  const [key, index] = rest;
  if (typeof key !== 'string') return undefined;
  if (rest.length === 2 && typeof index === 'number') {
    if (shape.personKeys[owner as 'track' | 'slot'].includes(key)) return { kind: 'person', role: 'reference', track, key, owner };
    if (owner === 'slot' && key === shape.topicsKey) return { kind: 'topic', role: 'reference', track, key, owner };
  }
  if (rest.length === 1 && key === shape.roomKey) return { kind: 'room', role: 'reference', track, key, owner };
  return undefined;
}

/** `tracks/<t>/topics/a/topics/b` (a key) → `a/b`. */
function topicKeyPath(shape: Shape, path: readonly PathSegment[]): string | undefined {
  if (path.length < 4 || path[0] !== shape.maps.track || path[2] !== shape.topicsKey) return undefined;
  const ids: string[] = [];
  for (let i = 3; i < path.length; i += 2) {
    ids.push(String(path[i]));
    if (i + 1 < path.length && path[i + 1] !== shape.topicsKey) return undefined;
  }
  return ids.join('/');
}
