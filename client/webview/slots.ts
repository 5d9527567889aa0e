/**
 * The schedule itself: the day-by-day timeline (one column per room or track, heights
 * proportional to durations) and the agenda list. Slots carry their source lines in data
 * attributes for click-to-source and cursor highlighting.
 */
import type { DayView, ScheduleView, SlotView } from '../../server/src/protocol';
import { h } from './dom';
import { link, LinkOptions } from './markdown';
import { Clock, longDate, minutesLabel } from './times';

/** Pixels per minute in the timeline. */
export const PX = 2.8;

export interface SlotOptions {
  clock: Clock;
  now: number;
  onReveal?: (line: number, endLine: number) => void;
  links: LinkOptions;
  /** Slots can be dragged (drag.ts): grid slots get a handle to resize them. */
  editable?: boolean;
}

/** The worst problem severity on a slot that deserves a visible mark. */
function mark(slot: SlotView): 'error' | 'warning' | undefined {
  if (slot.diagnostics.some((d) => d.severity === 'error')) return 'error';
  if (slot.diagnostics.some((d) => d.severity === 'warning')) return 'warning';
  return undefined;
}

function tooltip(slot: SlotView, when: string): string {
  const lines = [slot.title, [when, slot.roomTitle ?? slot.trackTitle].filter(Boolean).join(' · ')];
  if (slot.speakers.length) lines.push(slot.speakers.map((p) => p.name).join(', '));
  if (slot.clashWith?.length) lines.push(`⚡ ${slot.trackTitle} clashes with ${slot.clashWith.join(', ')}: the same people are needed in both`);
  for (const d of slot.diagnostics) lines.push(`${d.severity === 'error' ? '⛔' : d.severity === 'warning' ? '⚠' : 'ℹ'} ${d.message}`);
  return lines.join('\n');
}

/** The common outer element of a slot, in the grid, the agenda and the unscheduled list. */
export function slotElement(tag: 'div' | 'li', slot: SlotView, when: string, options: SlotOptions, className: string): HTMLElement {
  const m = mark(slot);
  const el: HTMLElement = h(tag, {
    class: `${className} kind-${slot.kind}${m ? ` mark-${m}` : ''}${slot.clashWith?.length ? ' clash' : ''}`,
    title: tooltip(slot, when),
    data: { lineStart: slot.lines.start, lineEnd: slot.lines.end, key: slot.key, codes: slot.diagnostics.map((d) => d.code).join(' ') },
  });
  if (options.onReveal) {
    const reveal = options.onReveal;
    el.tabIndex = 0;
    el.setAttribute('role', 'button');
    if (options.editable && slot.startIso)
      el.setAttribute('aria-keyshortcuts', 'Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight Alt+PageUp Alt+PageDown');
    el.addEventListener('click', (e) => {
      if ((e.target as HTMLElement).closest('a')) return;
      reveal(slot.lines.start, slot.lines.end);
    });
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        reveal(slot.lines.start, slot.lines.end);
      }
    });
  }
  return el;
}

function present(nodes: (HTMLElement | undefined)[]): HTMLElement[] {
  return nodes.filter((n): n is HTMLElement => n !== undefined);
}

/** A mark on the slots of tracks that clash (need the same people at the same time). */
function clashBadge(slot: SlotView): HTMLElement | undefined {
  if (!slot.clashWith?.length) return undefined;
  return h('span', { class: 'badge badge-clash', text: 'clash', title: `clashes with ${slot.clashWith.join(', ')}` });
}

function badge(slot: SlotView): HTMLElement | undefined {
  const m = mark(slot);
  if (!m) return clashBadge(slot);
  const n = slot.diagnostics.filter((d) => d.severity === m).length;
  const label = m === 'error' ? (slot.diagnostics.some((d) => d.code === 'slot-overlap' || d.code === 'speaker-conflict') ? 'conflict' : 'error') : 'warning';
  return h('span', { class: `badge badge-${m}`, text: n > 1 ? `${label} ×${n}` : label });
}

function materials(slot: SlotView, links: LinkOptions): HTMLElement | undefined {
  if (!slot.materials.length) return undefined;
  return h(
    'span',
    { class: 'materials' },
    slot.materials.map((m) => link(m.title, m.url, links)),
  );
}

function speakers(slot: SlotView): string {
  return slot.speakers.map((p) => p.name).join(', ');
}

export function renderDay(day: DayView, options: SlotOptions): HTMLElement {
  const { clock } = options;
  const dayStart = Date.parse(day.startIso);
  const template = `repeat(${day.columns.length}, minmax(11rem, 1fr))`;
  const body = h('div', { class: 'grid-body' });
  body.style.height = `${day.minutes * PX}px`;
  body.style.gridTemplateColumns = template;
  body.dataset.start = day.startIso;
  body.dataset.date = day.date;
  const axis = h('div', { class: 'grid-axis' });
  axis.style.height = body.style.height;
  for (let m = 0; m <= day.minutes; m += 30) {
    const iso = new Date(dayStart + m * 60_000).toISOString();
    const line = h('div', { class: m % 60 ? 'grid-line half' : 'grid-line' });
    line.style.top = `${m * PX}px`;
    body.append(line);
    if (m % 60 === 0 && m < day.minutes) {
      const label = h('div', { class: 'grid-hour', text: clock.time(iso) });
      label.style.top = `${m * PX}px`;
      axis.append(label);
    }
  }
  const lanes = day.columns.map((c) => h('div', { class: 'grid-lane', data: { column: c.key } }));
  for (const slot of day.slots) {
    const p = slot.place;
    const lane = p && lanes[p.column];
    if (!p || !lane || !slot.startIso || !slot.endIso) continue;
    const when = clock.range(slot.startIso, slot.endIso, day.date);
    const el = slotElement('div', slot, when, options, 'slot');
    el.style.top = `${p.top * PX}px`;
    el.style.height = `${Math.max(p.height * PX - 3, 14)}px`;
    el.style.left = `calc(${(p.lane / p.lanes) * 100}% + 3px)`;
    el.style.width = `calc(${100 / p.lanes}% - 6px)`;
    const head = h('div', { class: 'slot-head' }, [
      h('span', { class: 'slot-title', text: slot.title }),
      badge(slot),
      mark(slot) ? clashBadge(slot) : undefined,
    ]);
    if (p.height * PX < 40) {
      // Too short for two lines: the time and the title side by side.
      el.classList.add('compact');
      el.append(h('span', { class: 'slot-time', text: when }), head);
    } else {
      if (p.height * PX < 80) el.classList.add('short');
      el.append(head, h('div', { class: 'slot-meta', text: [when, speakers(slot)].filter(Boolean).join(' · ') }));
    }
    if (options.editable) el.append(h('div', { class: 'slot-resize', title: 'Drag to change the length', attrs: { 'aria-hidden': 'true' } }));
    lane.append(el);
  }
  body.append(...lanes);
  const nowAt = (options.now - dayStart) / 60_000;
  if (nowAt >= 0 && nowAt <= day.minutes) {
    const now = h('div', { class: 'now-line', title: `now: ${clock.time(new Date(options.now).toISOString())}` }, [h('span', { text: 'now' })]);
    now.style.top = `${nowAt * PX}px`;
    body.append(now);
  }
  const heads = h(
    'div',
    { class: 'grid-heads' },
    day.columns.map((c) =>
      h('div', { class: `grid-head head-${c.kind}`, text: c.title, title: c.kind === 'room' ? `room: ${c.title}` : `track: ${c.title} (no room)` }),
    ),
  );
  heads.style.gridTemplateColumns = template;
  const inner = h('div', { class: 'grid-inner' }, [h('div', { class: 'grid-corner', text: clock.abbreviation(day.startIso) }), heads, axis, body]);
  inner.style.minWidth = `calc(3.5rem + ${day.columns.length * 11}rem)`;
  return h('section', { class: 'day' }, [
    h('h2', { class: 'day-title', text: longDate(day.date) }, [
      h('span', { class: 'day-count', text: ` ${day.slots.length} slot${day.slots.length === 1 ? '' : 's'}` }),
    ]),
    h('div', { class: 'grid' }, [inner]),
  ]);
}

export function renderAgendaDay(day: DayView, options: SlotOptions): HTMLElement {
  const list = h('ol', { class: 'agenda' });
  for (const slot of day.slots) {
    if (!slot.startIso || !slot.endIso) continue;
    const when = options.clock.range(slot.startIso, slot.endIso, day.date);
    const el = slotElement('li', slot, when, options, 'agenda-item');
    el.append(
      ...present([
        h('span', { class: 'agenda-time', text: when }),
        h('span', { class: 'agenda-main' }, [
          h('span', { class: 'slot-title', text: slot.title }),
          h('span', {
            class: 'agenda-meta',
            text: [speakers(slot), slot.roomTitle ?? slot.trackTitle, minutesLabel(slot.minutes)].filter(Boolean).join(' · '),
          }),
          materials(slot, options.links),
        ]),
        badge(slot),
      ]),
    );
    list.append(el);
  }
  return h('section', { class: 'day agenda-day', data: { date: day.date } }, [h('h2', { class: 'day-title', text: longDate(day.date) }), list]);
}

export function renderUnscheduled(view: ScheduleView, options: SlotOptions): HTMLElement | undefined {
  if (!view.unscheduled.length && !options.editable) return undefined;
  const list = h('ul', { class: 'unscheduled' });
  if (!view.unscheduled.length) list.append(h('li', { class: 'drop-hint', text: 'Drop a slot here to take it out of the schedule.' }));
  for (const slot of view.unscheduled) {
    const el = slotElement('li', slot, 'not scheduled', options, 'agenda-item');
    el.append(
      ...present([
        h('span', { class: 'agenda-time', text: minutesLabel(slot.minutes) || '—' }),
        h('span', { class: 'agenda-main' }, [
          h('span', { class: 'slot-title', text: slot.title }),
          h('span', { class: 'agenda-meta', text: [speakers(slot), slot.trackTitle].filter(Boolean).join(' · ') }),
        ]),
        badge(slot),
      ]),
    );
    list.append(el);
  }
  return h('section', { class: 'day unscheduled-day' }, [
    h('h2', { class: 'day-title', text: 'Not scheduled' }, [
      h('span', { class: 'day-count', text: ` ${view.unscheduled.length} slot${view.unscheduled.length === 1 ? '' : 's'}` }),
    ]),
    list,
  ]);
}

/** Marks the slots whose source contains `line` and scrolls the first into view. */
export function highlightLine(root: HTMLElement, line: number, { mark = true, scroll = true }: { mark?: boolean; scroll?: boolean } = {}): void {
  let first: HTMLElement | undefined;
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-line-start]'))) {
    const on = Number(el.dataset.lineStart) <= line && line <= Number(el.dataset.lineEnd);
    el.classList.toggle('is-current', on && mark);
    if (on && !first) first = el;
  }
  if (scroll) first?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/**
 * The clashes a committee looks for: each pair of tracks running at the same time that need
 * the same people then, with when and who (and what each track needs them for).
 */
export function renderClashes(view: ScheduleView, options: SlotOptions): HTMLElement | undefined {
  const clashes = view.clashes ?? [];
  if (!clashes.length) return undefined;
  const { clock } = options;
  const list = h('ul', { class: 'clash-list' });
  for (const c of clashes) {
    const when = c.when.map((w) => `${clock.weekday(w.startIso)} ${clock.range(w.startIso, w.endIso, clock.date(w.startIso))}`).join(', ');
    const li = h('li', { class: 'clash-item', data: { tracks: c.tracks.map((t) => t.id).join(' ') } }, [
      h('div', { class: 'clash-tracks' }, [
        h('strong', { text: c.tracks.map((t) => t.title).join(' × ') }),
        h('span', { class: 'clash-when', text: ` · ${when}` }),
      ]),
      h(
        'ul',
        { class: 'clash-people' },
        c.people.map((p) => h('li', {}, [h('span', { class: 'chip', text: p.person.name }), ` ${p.roles.join('; ')}`])),
      ),
    ]);
    if (options.onReveal) {
      const reveal = options.onReveal;
      li.tabIndex = 0;
      li.setAttribute('role', 'button');
      li.title = 'Go to the track';
      li.addEventListener('click', () => reveal(c.line, c.line));
    }
    list.append(li);
  }
  return h('section', { class: 'card clashes', attrs: { 'aria-label': 'Clashes' } }, [
    h('h2', { text: `Clashes: ${clashes.length} pair${clashes.length === 1 ? '' : 's'} of tracks at the same time need the same people` }),
    list,
  ]);
}
