/**
 * Snippets with tab stops for the entries a programme grows by: a slot, a session, a topic, a
 * person, a track, a room, and a whole new programme in an empty file. Lines after the first
 * are indented explicitly (inserted as is), so every client gets the same text.
 */
import { CompletionItem, CompletionItemKind, InsertTextFormat, InsertTextMode, Range } from 'vscode-languageserver-types';

export type SnippetName = 'slot' | 'session' | 'topic' | 'person' | 'track' | 'room' | 'material' | 'programme';

const BODIES: Record<SnippetName, { label: string; lines: string[]; doc: string }> = {
  slot: {
    label: 'New slot',
    lines: ['- title: ${1:Title}', '  start: ${2:START}', '  duration: ${3:25m}', '  speakers: [$4]$0'],
    doc: 'A talk with a title, a start, a length and its speakers.',
  },
  session: { label: 'New session', lines: ['- start: ${1:START}', '  duration: ${2:4h}$0'], doc: 'A block of time the track holds its room.' },
  material: { label: 'New material', lines: ['- title: ${1:Slides}', '  url: ${2:https://}$0'], doc: 'A link to slides or a recording.' },
  topic: { label: 'New topic', lines: ['${1:id}: ${2:Title}$0'], doc: 'A topic of the track, by id: slots name it by path.' },
  person: { label: 'New person', lines: ['${1:id}:', '  name: ${2:Name}', '  affiliation: ${3:Affiliation}$0'], doc: 'A person, by id: speakers, leads and attendees name them.' },
  room: { label: 'New room', lines: ['${1:id}:', '  title: ${2:Title}$0'], doc: 'A room, by id.' },
  track: {
    label: 'New track',
    lines: [
      '${1:id}:', '  title: ${2:Title}', '  kind: ${3|microconference,refereed,keynote,bof,workshop,other|}', '  leads: [$4]',
      '  sessions:', '    - start: ${5:START}', '      duration: ${6:4h}', '  slots:', '    - title: ${7:Title}', '      duration: ${8:25m}$0',
    ],
    doc: 'A track with its leads, a session and a first slot.',
  },
  programme: {
    label: 'New programme',
    lines: [
      'programme: 1', 'event:', '  title: ${1:Conference}', '  start: ${2:2025-09-20}', '  end: ${3:2025-09-22}', '  timezone: ${4:Europe/Berlin}',
      'people:', '  ${5:person-id}:', '    name: ${6:Name}', 'tracks:', '  ${7:track-id}:', '    title: ${8:Track}', '    slots:', '      - title: ${9:Title}', '        duration: ${10:25m}$0',
    ],
    doc: 'The skeleton of a programme file.',
  },
};

/** A snippet completion item inserted at `range`, its later lines indented by `column`. */
export function snippetItem(name: SnippetName, range: Range, column: number, opts: { start?: string; withoutDash?: boolean } = {}): CompletionItem {
  const body = BODIES[name];
  let lines = body.lines.map((l) => l.replace('START', opts.start ?? '2021-09-21 09:00'));
  if (opts.withoutDash) lines = lines.map((l, i) => (i === 0 ? l.replace(/^- /, '') : l.replace(/^ {2}/, '')));
  const pad = ' '.repeat(column);
  const newText = lines.map((l, i) => (i === 0 ? l : pad + l)).join('\n');
  return {
    label: body.label,
    kind: CompletionItemKind.Snippet,
    documentation: { kind: 'markdown', value: body.doc },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range, newText },
    filterText: name,
    sortText: `9${body.label}`,
  };
}

/** The snippet for an item of the sequence `key` (`slots`, `sessions`, `materials`). */
export function itemSnippetFor(key: string | undefined): SnippetName | undefined {
  return key === 'slots' ? 'slot' : key === 'sessions' ? 'session' : key === 'materials' ? 'material' : undefined;
}

/** The snippet for an entry of the map `key` (`people`, `tracks`, `rooms`, `topics`). */
export function entrySnippetFor(key: string | undefined): SnippetName | undefined {
  return key === 'people' ? 'person' : key === 'tracks' ? 'track' : key === 'rooms' ? 'room' : key === 'topics' ? 'topic' : undefined;
}
