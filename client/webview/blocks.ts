/**
 * The file's blocks (time in rooms that tracks are placed into): a table with a row per time
 * and a column per room, each cell naming the track placed there or saying it is free, and the
 * tracks not placed yet. Clicking a cell selects its source, as clicking a slot does.
 */
import type { BlockGridView } from '../../server/src/protocol';
import { h } from './dom';

export function renderBlocks(grid: BlockGridView, onReveal?: (line: number, endLine: number) => void): HTMLElement {
  const reveal = (el: HTMLElement, line: number): HTMLElement => {
    if (onReveal) {
      el.classList.add('clickable');
      el.addEventListener('click', () => onReveal(line, line));
    }
    return el;
  };
  const head = h('tr', {}, [h('th', { text: '' }), ...grid.rooms.map((r) => h('th', { text: r.title, attrs: { scope: 'col' } }))]);
  const rows = grid.rows.map((row) =>
    h('tr', {}, [
      h('th', { text: row.label, attrs: { scope: 'row' } }),
      ...row.cells.map((cell) => {
        if (!cell) return h('td', { class: 'no-block' });
        if (!cell.tracks.length) return reveal(h('td', { class: 'block free', text: 'free' }), cell.line);
        return reveal(
          h(
            'td',
            { class: `block placed${cell.tracks.length > 1 ? ' conflict' : ''}`, title: cell.tracks.map((t) => t.id).join(', ') },
            cell.tracks.map((t) => h('div', { text: t.title })),
          ),
          cell.tracks[0].line,
        );
      }),
    ]),
  );
  const unplaced = grid.unplaced.length
    ? h('p', { class: 'unplaced' }, [
        `Not placed yet (${grid.unplaced.length}): `,
        ...grid.unplaced.flatMap((t, i) => [i ? ', ' : '', reveal(h('span', { text: t.title, title: t.id }), t.line)]),
      ])
    : undefined;
  return h('section', { class: 'blocks' }, [
    h('h2', { class: 'day-title', text: 'Blocks' }),
    h('table', { class: 'block-grid' }, [h('thead', {}, [head]), h('tbody', {}, rows)]),
    unplaced,
  ]);
}
