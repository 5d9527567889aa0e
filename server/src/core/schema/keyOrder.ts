/**
 * The canonical order of keys in each mapping of a programme, as FORMAT.md lists them; the
 * formatter (features/format.ts) writes keys in this order, and keys it does not know after
 * them, in the order they had. Mappings whose keys are ids (people, rooms, tracks, topics)
 * keep the user's order.
 */

export const KEY_ORDER = {
  programme: ['programme', 'event', 'blocks', 'rooms', 'people', 'tracks'],
  event: ['title', 'start', 'end', 'timezone', 'venue', 'url', 'description', 'day-change', 'grid'],
  block: ['room', 'start', 'end', 'duration'],
  room: ['title', 'capacity'],
  person: ['name', 'affiliation', 'honorific', 'email', 'url', 'timezone', 'guid'],
  track: ['title', 'kind', 'room', 'description', 'leads', 'contacts', 'key-attendees', 'outcomes', 'topics', 'sessions', 'slots'],
  topic: ['title', 'description', 'topics'],
  session: ['start', 'end', 'duration'],
  slot: [
    'title',
    'id',
    'kind',
    'start',
    'duration',
    'end',
    'room',
    'speakers',
    'topics',
    'abstract',
    'materials',
    'guid',
    'url',
    'language',
    'subtitle',
    'recording',
    'type',
    'source-id',
    'slug',
    'attachments',
  ],
  material: ['title', 'url'],
} as const satisfies Record<string, readonly string[]>;

export type MappingKind = keyof typeof KEY_ORDER;

/**
 * What the mapping at `path` is (keys, with `*` for an id or a list item), if the format
 * knows it: `['tracks', '*', 'slots', '*']` is a slot.
 */
export function mappingAt(path: readonly string[]): MappingKind | undefined {
  const p = path.join('.');
  if (p === '') return 'programme';
  if (p === 'event') return 'event';
  if (p === 'blocks.*') return 'block';
  if (p === 'rooms.*') return 'room';
  if (p === 'people.*') return 'person';
  if (p === 'tracks.*') return 'track';
  if (p === 'tracks.*.sessions.*') return 'session';
  if (p === 'tracks.*.slots.*') return 'slot';
  if (p === 'tracks.*.slots.*.materials.*' || p === 'tracks.*.slots.*.attachments.*') return 'material';
  if (/^tracks\.\*\.topics\.\*(\.topics\.\*)*$/.test(p)) return 'topic';
  return undefined;
}

/** True when the mapping at `path` is keyed by ids (people, rooms, tracks, a track's topics). */
export function isIdMap(path: readonly string[]): boolean {
  const p = path.join('.');
  return p === 'people' || p === 'rooms' || p === 'tracks' || /^tracks\.\*\.topics(\.\*\.topics)*$/.test(p);
}
