/** Each track's description (Markdown), leads, key attendees, topics and past outcomes. */
import type { PersonView, TrackView } from '../../server/src/protocol';
import { h } from './dom';
import { LinkOptions, renderMarkdown } from './markdown';

const KIND: Record<string, string> = {
  microconference: 'Microconference',
  refereed: 'Refereed track',
  keynote: 'Keynote',
  bof: 'BoF',
  workshop: 'Workshop',
  other: 'Track',
};

function people(label: string, list: PersonView[]): HTMLElement | undefined {
  if (!list.length) return undefined;
  return h('div', { class: 'people' }, [
    h('h3', { text: label }),
    h(
      'ul',
      { class: 'chips' },
      list.map((p) => h('li', { class: 'chip', text: p.name, title: [p.name, p.affiliation, p.zone].filter(Boolean).join(' · ') })),
    ),
  ]);
}

export function renderTrack(track: TrackView, links: LinkOptions): HTMLElement {
  const topics = track.topics.length
    ? h('div', { class: 'topics' }, [
        h('h3', { text: 'Topics' }),
        h(
          'ul',
          {},
          track.topics.map((t) => {
            const li = h(
              'li',
              { class: t.slots ? 'topic' : 'topic unused', title: t.slots ? `${t.path}: ${t.slots} slot${t.slots > 1 ? 's' : ''}` : `${t.path}: no slot yet` },
              [h('span', { text: t.title }), t.slots ? h('span', { class: 'count', text: String(t.slots) }) : undefined],
            );
            li.style.paddingInlineStart = `${t.depth * 1.1}rem`;
            return li;
          }),
        ),
      ])
    : undefined;
  const outcomes = track.outcomes.length
    ? h('details', { class: 'outcomes' }, [
        h('summary', { text: `Outcomes of the last edition (${track.outcomes.length})` }),
        h(
          'ul',
          {},
          track.outcomes.map((o) => h('li', { text: o })),
        ),
      ])
    : undefined;
  return h('section', { class: 'card track', data: { lineStart: track.lines.start, lineEnd: track.lines.start } }, [
    h('div', { class: 'track-kind', text: [KIND[track.kind] ?? 'Track', track.roomTitle].filter(Boolean).join(' · ') }),
    h('h2', { text: track.title }),
    track.description ? renderMarkdown(track.description, links) : undefined,
    people('Leads', track.leads),
    people('Key attendees', track.keyAttendees),
    topics,
    outcomes,
  ]);
}
