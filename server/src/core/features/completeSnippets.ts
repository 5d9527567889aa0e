/**
 * Snippets with tab stops for the entries a programme grows by: a slot, a session, a topic, a
 * person, a track, a room, and a whole new programme in an empty file. Lines after the first
 * are indented explicitly (inserted as is), so every client gets the same text. Times, dates
 * and people come from the file ({@link SnippetValues}): the next free time of the track, the
 * event's days and zone, the people it has.
 */
import { CompletionItem, CompletionItemKind, InsertTextFormat, InsertTextMode, Range } from 'vscode-languageserver-types';
import type { Shape } from '../model/shape';

export type SnippetName = 'slot' | 'session' | 'topic' | 'person' | 'track' | 'room' | 'material' | 'programme';

const BODIES: Record<SnippetName, { label: string; lines: string[]; doc: string }> = {
  slot: {
    label: 'New slot',
    lines: ['- title: ${1:Title}', '  start: ${2:START}', '  duration: ${3:25m}', '  speakers: [PEOPLE4]$0'],
    doc: 'A talk with a title, a start, a length and its speakers.',
  },
  session: { label: 'New session', lines: ['- start: ${1:SESSION_START}', '  duration: ${2:4h}$0'], doc: 'A block of time the track holds its room.' },
  material: { label: 'New material', lines: ['- title: ${1:Slides}', '  url: ${2:https://}$0'], doc: 'A link to slides or a recording.' },
  topic: { label: 'New topic', lines: ['${1:id}: ${2:Title}$0'], doc: 'A topic of the track, by id: slots name it by path.' },
  person: {
    label: 'New person',
    lines: ['${1:id}:', '  name: ${2:Name}', '  affiliation: ${3:Affiliation}$0'],
    doc: 'A person, by id: speakers, leads and attendees name them.',
  },
  room: { label: 'New room', lines: ['${1:id}:', '  title: ${2:Title}$0'], doc: 'A room, by id.' },
  track: {
    label: 'New track',
    lines: [
      '${1:id}:',
      '  title: ${2:Title}',
      '  kind: ${3|microconference,refereed,keynote,bof,workshop,other|}',
      '  leads: [PEOPLE4]',
      '  sessions:',
      '    - start: ${5:SESSION_START}',
      '      duration: ${6:4h}',
      '  slots:',
      '    - title: ${7:Title}',
      '      duration: ${8:25m}$0',
    ],
    doc: 'A track with its leads, a session and a first slot.',
  },
  programme: {
    label: 'New programme',
    lines: [
      'programme: 1',
      'event:',
      '  title: ${1:Conference}',
      '  start: ${2:EVENT_START}',
      '  end: ${3:EVENT_END}',
      '  timezone: ${4:ZONE}',
      'people:',
      '  ${5:person-id}:',
      '    name: ${6:Name}',
      'tracks:',
      '  ${7:track-id}:',
      '    title: ${8:Track}',
      '    slots:',
      '      - title: ${9:Title}',
      '        duration: ${10:25m}$0',
    ],
    doc: 'The skeleton of a programme file.',
  },
};

/** What snippets take from the file. */
export interface SnippetValues {
  /** The next free start of the track (a slot's). */
  start: string;
  /** Where a new session of the track can start. */
  sessionStart: string;
  /** The event's first and last day, `YYYY-MM-DD`. */
  eventStart: string;
  eventEnd: string;
  /** The event zone (for the documentation: every time is in it). */
  zone: string;
  /** Person ids, offered as a choice where a snippet names people. */
  people: string[];
}

/** People offered as a snippet choice; with more, the list is left for completion. */
const MAX_CHOICE = 12;

/** A snippet completion item inserted at `range`, its later lines indented by `column`. */
export function snippetItem(name: SnippetName, range: Range, column: number, values: SnippetValues, opts: { withoutDash?: boolean } = {}): CompletionItem {
  const body = BODIES[name];
  const people = values.people.length && values.people.length <= MAX_CHOICE ? `\${4|${values.people.join(',')}|}` : '$4';
  const words: Record<string, string> = {
    SESSION_START: values.sessionStart,
    EVENT_START: values.eventStart,
    EVENT_END: values.eventEnd,
    START: values.start,
    PEOPLE4: people,
    ZONE: values.zone,
  };
  let lines = body.lines.map((l) => l.replace(/\b(SESSION_START|EVENT_START|EVENT_END|START|PEOPLE4|ZONE)\b/g, (w) => words[w]));
  if (opts.withoutDash) lines = lines.map((l, i) => (i === 0 ? l.replace(/^- /, '') : l.replace(/^ {2}/, '')));
  const pad = ' '.repeat(column);
  const newText = lines.map((l, i) => (i === 0 ? l : pad + l)).join('\n');
  const times = /START/.test(body.lines.join('\n')) && name !== 'programme' ? ` Times are local to the event zone, ${values.zone}.` : '';
  return {
    label: body.label,
    kind: CompletionItemKind.Snippet,
    documentation: { kind: 'markdown', value: body.doc + times },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range, newText },
    filterText: name,
    sortText: `9${body.label}`,
  };
}

/** The snippet for an item of the sequence `key` (`slots`, `sessions`, `materials`). */
export function itemSnippetFor(key: string | undefined, shape: Shape): SnippetName | undefined {
  return key === shape.lists.slot ? 'slot' : key === shape.lists.session ? 'session' : key === 'materials' ? 'material' : undefined;
}

/** The snippet for an entry of the map `key` (`people`, `tracks`, `rooms`, `topics`). */
export function entrySnippetFor(key: string | undefined, shape: Shape): SnippetName | undefined {
  const { maps } = shape;
  return key === maps.person ? 'person' : key === maps.track ? 'track' : key === maps.room ? 'room' : key === shape.topicsKey ? 'topic' : undefined;
}
