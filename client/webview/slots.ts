/**
 * The schedule itself: the day-by-day timeline (one column per room or track, heights
 * proportional to durations) and the agenda list. Slots carry their source lines in data
 * attributes for click-to-source and cursor highlighting.
 */
import type { DayView, ScheduleView, SlotView } from '../../server/src/protocol';
import { h } from './dom';
import { link, LinkOptions } from './markdown';
import { Clock, longDate, minutesLabel } from './times';
import { patchChildren } from './reuse';

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

/** A rendered day, to patch it: the day it shows, its slots' elements and where they are. */
interface DayParts {
  day: DayView;
  grid: boolean;
  slots: Map<SlotView, HTMLElement>;
  /** The grid's lanes (one per column), or the agenda's one list. */
  containers: HTMLElement[];
  count?: HTMLElement;
}

const dayParts = new WeakMap<HTMLElement, DayParts>();

function slotCount(n: number): string {
  return ` ${n} slot${n === 1 ? '' : 's'}`;
}

/** A slot of the timeline, placed in its lane; undefined when it has no place or times. */
function gridSlot(slot: SlotView, day: DayView, options: SlotOptions): HTMLElement | undefined {
  const p = slot.place;
  if (!p || !day.columns[p.column] || !slot.startIso || !slot.endIso) return undefined;
  const when = options.clock.range(slot.startIso, slot.endIso, day.date);
  const el = slotElement('div', slot, when, options, 'slot');
  el.style.top = `${p.top * PX}px`;
  el.style.height = `${Math.max(p.height * PX - 3, 14)}px`;
  el.style.left = `calc(${(p.lane / p.lanes) * 100}% + 3px)`;
  el.style.width = `calc(${100 / p.lanes}% - 6px)`;
  const head = h('div', { class: 'slot-head' }, [h('span', { class: 'slot-title', text: slot.title }), badge(slot), mark(slot) ? clashBadge(slot) : undefined]);
  if (p.height * PX < 40) {
    // Too short for two lines: the time and the title side by side.
    el.classList.add('compact');
    el.append(h('span', { class: 'slot-time', text: when }), head);
  } else {
    if (p.height * PX < 80) el.classList.add('short');
    el.append(head, h('div', { class: 'slot-meta', text: [when, speakers(slot)].filter(Boolean).join(' · ') }));
  }
  if (options.editable) el.append(h('div', { class: 'slot-resize', title: 'Drag to change the length', attrs: { 'aria-hidden': 'true' } }));
  return el;
}

/**
 * Brings a day rendered by `renderDay` or `renderAgendaDay` up to `day`: the elements of the
 * slots that are the same objects stay, the others are made again, and only the lanes (or the
 * list) where something changed are touched. False when it cannot: not such a day, another
 * time frame or other columns, or most of its slots changed (then drawing it again is as cheap).
 */
export function patchDay(el: HTMLElement, day: DayView, options: SlotOptions): boolean {
  const parts = dayParts.get(el);
  if (!parts) return false;
  const old = parts.day;
  if (old.date !== day.date || old.startIso !== day.startIso || old.minutes !== day.minutes || JSON.stringify(old.columns) !== JSON.stringify(day.columns))
    return false;
  let fresh = 0;
  for (const slot of day.slots) if (!parts.slots.has(slot)) fresh++;
  if (fresh > Math.max(8, day.slots.length / 4)) return false;
  const at = (slot: SlotView): HTMLElement | undefined => (parts.grid ? parts.containers[slot.place?.column ?? -1] : parts.containers[0]);
  const byKey = new Map<string, HTMLElement>();
  const dirty = new Set<HTMLElement>();
  const slots = new Map<SlotView, HTMLElement>();
  for (const slot of day.slots) {
    let e = parts.slots.get(slot);
    if (!e) {
      e = parts.grid ? gridSlot(slot, day, options) : agendaItem(slot, day, options);
      const container = at(slot);
      if (!e || !container) continue;
      if (!byKey.size) for (const [s, x] of parts.slots) byKey.set(s.key, x);
      // The editor's cursor mark stays on the slot drawn again.
      if (byKey.get(slot.key)?.classList.contains('is-current')) e.classList.add('is-current');
      dirty.add(container);
    }
    slots.set(slot, e);
  }
  for (const [slot, e] of parts.slots) if (!slots.has(slot) && e.parentElement) dirty.add(e.parentElement);
  if (dirty.size) {
    const wanted = new Map<HTMLElement, HTMLElement[]>([...dirty].map((c) => [c, []]));
    for (const [slot, e] of slots) wanted.get(at(slot)!)?.push(e);
    for (const [container, children] of wanted) patchChildren(container, children);
  }
  if (parts.count && day.slots.length !== old.slots.length) parts.count.textContent = slotCount(day.slots.length);
  dayParts.set(el, { ...parts, day, slots });
  return true;
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
  const slots = new Map<SlotView, HTMLElement>();
  for (const slot of day.slots) {
    const el = gridSlot(slot, day, options);
    if (!el) continue;
    lanes[slot.place!.column].append(el);
    slots.set(slot, el);
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
  const count = h('span', { class: 'day-count', text: slotCount(day.slots.length) });
  const section = h('section', { class: 'day' }, [h('h2', { class: 'day-title', text: longDate(day.date) }, [count]), h('div', { class: 'grid' }, [inner])]);
  dayParts.set(section, { day, grid: true, slots, containers: lanes, count });
  return section;
}

function agendaItem(slot: SlotView, day: DayView, options: SlotOptions): HTMLElement | undefined {
  if (!slot.startIso || !slot.endIso) return undefined;
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
  return el;
}

export function renderAgendaDay(day: DayView, options: SlotOptions): HTMLElement {
  const list = h('ol', { class: 'agenda' });
  const slots = new Map<SlotView, HTMLElement>();
  for (const slot of day.slots) {
    const el = agendaItem(slot, day, options);
    if (!el) continue;
    list.append(el);
    slots.set(slot, el);
  }
  const section = h('section', { class: 'day agenda-day', data: { date: day.date } }, [h('h2', { class: 'day-title', text: longDate(day.date) }), list]);
  dayParts.set(section, { day, grid: false, slots, containers: [list] });
  return section;
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
  // Called for each move of the editor's cursor: attributes read directly, classes touched only where they change.
  const all = root.querySelectorAll<HTMLElement>('[data-line-start]');
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    const on = Number(el.getAttribute('data-line-start')) <= line && line <= Number(el.getAttribute('data-line-end'));
    if (on && !first) first = el;
    const current = on && mark;
    if (current !== el.classList.contains('is-current')) el.classList.toggle('is-current', current);
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
