/**
 * The timeline as an editor of the schedule: drag a slot to another time (in steps of the
 * event's `grid`, else STEP_MINUTES) or room column, drag a not-scheduled slot onto the grid,
 * drag a scheduled slot onto the not-scheduled list, drag a slot's bottom edge to change its
 * length; a focused slot moves with Alt+arrows (time to the next grid line, room by column)
 * and Alt+PageUp/PageDown (a day).
 * While dragging, the target shows its time in the event zone and what it would clash with
 * (another slot in the room, a speaker elsewhere, a track's lead or key attendee elsewhere).
 *
 * The webview only says where a slot goes (`onMove`); the host asks the server for the edit of
 * the document, and the next schedule it sends is drawn. Only in the editor, where the host
 * says the document may be changed: never in `programme render`'s page.
 */
import type { DayView, RescheduleTo, ScheduleView, SlotView, TrackView } from '../../server/src/protocol';
import { PX } from './slots';
import { Clock, longDate } from './times';

/** The grid step when the event sets none (`event.grid`): drops snap to it, Alt+Up/Down move by it. */
export const STEP_MINUTES = 5;

export interface EditOptions {
  eventZone: string;
  onMove?: (slot: SlotView, to: RescheduleTo) => void;
}

interface Scheduled {
  slot: SlotView;
  day: DayView;
  startMs: number;
  endMs: number;
}

interface Live {
  view: ScheduleView;
  clock: Clock;
  onMove: (slot: SlotView, to: RescheduleTo) => void;
  slots: Map<string, { slot: SlotView; day?: DayView }>;
  scheduled: Scheduled[];
  tracks: Map<string, TrackView>;
  /** Minutes of the grid: the event's `grid`, else STEP_MINUTES. */
  step: number;
}

interface Root {
  live?: Live;
  /** The slot moved with the keyboard: focused again once the preview is redrawn. */
  focusKey?: string;
  drag?: Drag;
  /** Swallows the click that ends a drag (it would reveal the source). */
  suppressClick?: boolean;
  indicator?: HTMLElement;
}

interface Drag {
  el: HTMLElement;
  slot: SlotView;
  day?: DayView;
  resize: boolean;
  x0: number;
  y0: number;
  /** Where in the slot it was grabbed (px from its top). */
  grab: number;
  started: boolean;
  target?: { to: RescheduleTo } | undefined;
}

const roots = new WeakMap<HTMLElement, Root>();

/** Called after each render: what the listeners act on (nothing when `onMove` is absent). */
export function enableEditing(root: HTMLElement, view: ScheduleView, options: EditOptions): void {
  let r = roots.get(root);
  if (!r) {
    r = {};
    roots.set(root, r);
    listen(root, r);
  }
  r.indicator?.remove();
  r.indicator = undefined;
  root.querySelector('.drop-here')?.classList.remove('drop-here');
  if (!options.onMove) {
    r.live = undefined;
    return;
  }
  const grid = view.event.grid;
  const step = typeof grid === 'number' && Number.isInteger(grid) && grid > 0 && grid <= 1440 ? grid : STEP_MINUTES;
  // Made when a slot is first taken after this render, not on each render (typing draws one per keystroke).
  let index: Pick<Live, 'slots' | 'scheduled' | 'tracks'> | undefined;
  const indexed = (): Pick<Live, 'slots' | 'scheduled' | 'tracks'> => (index ??= indexOf(view));
  let clock: Clock | undefined;
  const zone = options.eventZone;
  r.live = {
    view,
    onMove: options.onMove,
    step,
    get clock() {
      return (clock ??= new Clock(zone));
    },
    get slots() {
      return indexed().slots;
    },
    get scheduled() {
      return indexed().scheduled;
    },
    get tracks() {
      return indexed().tracks;
    },
  };
  if (r.focusKey) {
    const active = document.activeElement;
    if (!active || active === document.body || !root.contains(active)) {
      root.querySelector<HTMLElement>(`[data-key="${CSS.escape(r.focusKey)}"]`)?.focus({ preventScroll: false });
    }
  }
}

/** The view's slots by key (with their day), its scheduled slots with their times, its tracks by id. */
function indexOf(view: ScheduleView): Pick<Live, 'slots' | 'scheduled' | 'tracks'> {
  const slots = new Map<string, { slot: SlotView; day?: DayView }>();
  const scheduled: Scheduled[] = [];
  for (const day of view.days) {
    for (const slot of day.slots) {
      slots.set(slot.key, { slot, day });
      if (slot.startIso && slot.endIso) scheduled.push({ slot, day, startMs: Date.parse(slot.startIso), endMs: Date.parse(slot.endIso) });
    }
  }
  for (const slot of view.unscheduled) slots.set(slot.key, { slot });
  return { slots, scheduled, tracks: new Map(view.tracks.map((t) => [t.id, t])) };
}

function listen(root: HTMLElement, r: Root): void {
  root.addEventListener('pointerdown', (e) => {
    const live = r.live;
    if (!live || e.button !== 0 || r.drag) return;
    const target = e.target as HTMLElement;
    const el = target.closest<HTMLElement>('.slot[data-key], .unscheduled [data-key], .agenda-day [data-key]');
    if (!el || !root.contains(el) || target.closest('a')) return;
    const found = live.slots.get(el.dataset.key ?? '');
    if (!found) return;
    const resize = !!target.closest('.slot-resize');
    if (resize) e.preventDefault();
    const rect = el.getBoundingClientRect();
    r.drag = {
      el,
      slot: found.slot,
      day: found.day,
      resize,
      x0: e.clientX,
      y0: e.clientY,
      grab: el.classList.contains('slot') ? e.clientY - rect.top : 0,
      started: false,
    };
  });
  window.addEventListener('pointermove', (e) => {
    const d = r.drag;
    if (!d || !r.live) return;
    if (!d.started) {
      if (Math.hypot(e.clientX - d.x0, e.clientY - d.y0) < 4) return;
      d.started = true;
      d.el.classList.add('dragging');
      root.classList.add('is-dragging');
      // The release is ours even when it happens outside the preview.
      try {
        root.setPointerCapture(e.pointerId);
      } catch {
        // The pointer is gone already: pointercancel follows.
      }
    }
    e.preventDefault();
    d.target = track(root, r, r.live, d, e.clientX, e.clientY);
  });
  const end = (e: PointerEvent | KeyboardEvent, drop: boolean): void => {
    const d = r.drag;
    if (!d) return;
    r.drag = undefined;
    d.el.classList.remove('dragging');
    root.classList.remove('is-dragging');
    if (!d.started) return;
    r.suppressClick = true;
    setTimeout(() => (r.suppressClick = false), 0);
    const live = r.live;
    if (drop && live && d.target) {
      r.indicator?.classList.add('pending');
      announce(`${d.slot.title}: ${d.target.to.start === null ? 'not scheduled' : (r.indicator?.querySelector('.drop-time')?.textContent ?? 'moved')}`);
      live.onMove(d.slot, d.target.to);
    } else {
      r.indicator?.remove();
      r.indicator = undefined;
      root.querySelector('.drop-here')?.classList.remove('drop-here');
    }
    e.preventDefault();
  };
  window.addEventListener('pointerup', (e) => end(e, true));
  window.addEventListener('pointercancel', (e) => end(e, false));
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && r.drag) end(e, false);
  });
  root.addEventListener(
    'click',
    (e) => {
      if (!r.suppressClick) return;
      e.stopPropagation();
      e.preventDefault();
    },
    true,
  );
  root.addEventListener('focusin', (e) => {
    const key = (e.target as HTMLElement).dataset?.key;
    if (key !== r.focusKey) r.focusKey = undefined;
  });
  root.addEventListener('keydown', (e) => {
    const live = r.live;
    if (!live || !e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-key]');
    const found = el && live.slots.get(el.dataset.key ?? '');
    if (!found) return;
    const to = keyMove(found.slot, found.day, e.key, !!el.closest('.grid-lane'), live.step);
    if (!to) return;
    e.preventDefault();
    e.stopPropagation();
    r.focusKey = found.slot.key;
    announce(`${found.slot.title}: ${spoken(to, live)}`);
    live.onMove(found.slot, to);
  });
}

/** Says what was asked for, for screen readers (a polite live region outside the re-rendered part). */
function announce(text: string): void {
  let el = document.getElementById('programme-move-status');
  if (!el) {
    el = document.createElement('div');
    el.id = 'programme-move-status';
    el.className = 'sr-only';
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
    document.body.append(el);
  }
  el.textContent = text;
}

/** `10 minutes later`, `to room Two`, `a day earlier`. */
function spoken(to: RescheduleTo, live: Live): string {
  if (to.shift) return `${Math.abs(to.shift)} minutes ${to.shift > 0 ? 'later' : 'earlier'}`;
  if (to.days) return Math.abs(to.days) === 1 ? `a day ${to.days > 0 ? 'later' : 'earlier'}` : `${Math.abs(to.days)} days ${to.days > 0 ? 'later' : 'earlier'}`;
  if (to.room) {
    const column = live.view.days.flatMap((d) => d.columns).find((c) => c.key === `room:${to.room}`);
    return `to ${column?.title ?? to.room}`;
  }
  return 'moved';
}

/**
 * Alt+Up/Down: to the grid line before or after (a step, for a slot on the grid); Alt+Left/Right
 * (timeline): the next room column; Alt+PageUp/PageDown: a day.
 */
function keyMove(slot: SlotView, day: DayView | undefined, key: string, inGrid: boolean, step: number): RescheduleTo | undefined {
  if (!slot.startIso) return undefined;
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    // Minutes from the day's first hour: grid lines are multiples of the step from there.
    const at = slot.place?.top;
    if (at === undefined) return { shift: key === 'ArrowUp' ? -step : step };
    const to = key === 'ArrowUp' ? (Math.ceil(at / step) - 1) * step : (Math.floor(at / step) + 1) * step;
    return { shift: to - at };
  }
  if (key === 'PageUp' || key === 'PageDown') return { days: key === 'PageUp' ? -1 : 1 };
  if ((key === 'ArrowLeft' || key === 'ArrowRight') && inGrid && day && slot.place) {
    const step = key === 'ArrowLeft' ? -1 : 1;
    for (let i = slot.place.column + step; i >= 0 && i < day.columns.length; i += step) {
      const c = day.columns[i];
      if (c.kind === 'room') return { room: c.key.slice('room:'.length) };
    }
  }
  return undefined;
}

/** Follows the pointer: draws the target and says what a drop there would do. */
function track(root: HTMLElement, r: Root, live: Live, d: Drag, x: number, y: number): { to: RescheduleTo } | undefined {
  const hits = document.elementsFromPoint(x, y) as HTMLElement[];
  root.querySelector('.drop-here')?.classList.remove('drop-here');
  if (d.resize) {
    const lane = d.el.parentElement;
    const body = lane?.parentElement;
    if (!lane || !body || !d.day || !d.slot.place || !d.slot.startIso) return undefined;
    const top = d.slot.place.top;
    const minutes = Math.max(live.step, snap((y - body.getBoundingClientRect().top) / PX - top, live.step));
    const startMs = Date.parse(d.slot.startIso);
    const target = describe(live, d.slot, d.day, lane.dataset.column ?? '', startMs, startMs + minutes * 60_000);
    draw(r, lane, top, minutes, target.label, target.clashes);
    return minutes === d.slot.minutes ? undefined : { to: { minutes } };
  }
  if (d.el.closest('.agenda-day') && d.day && d.slot.startIso && d.slot.endIso) {
    // The agenda: onto another day, at the same local time.
    const section = hits.find((h) => h.classList?.contains('agenda-day') && root.contains(h));
    const date = section?.dataset.date;
    if (section && date && date !== d.day.date) {
      const days = Math.round((Date.parse(`${date}T12:00:00Z`) - Date.parse(`${d.day.date}T12:00:00Z`)) / 86_400_000);
      const shift = days * 86_400_000;
      const column = d.slot.room ? `room:${d.slot.room}` : `track:${d.slot.trackId}`;
      const clashes = clashesAt(live, d.slot, column, Date.parse(d.slot.startIso) + shift, Date.parse(d.slot.endIso) + shift);
      const when = live.clock.range(d.slot.startIso, d.slot.endIso, d.day.date);
      drawDay(r, section, `to ${longDate(date)}, ${when}`, clashes);
      return { to: { days } };
    }
  }
  const lane = hits.find((h) => h.classList?.contains('grid-lane') && root.contains(h));
  const body = lane?.parentElement;
  if (lane && body?.dataset.start) {
    const day = live.view.days.find((x) => x.date === body.dataset.date);
    if (!day) return undefined;
    const column = lane.dataset.column ?? '';
    const minutes = d.slot.minutes ?? 30;
    const top = Math.min(Math.max(0, snap((y - d.grab - body.getBoundingClientRect().top) / PX, live.step)), day.minutes);
    const startMs = Date.parse(body.dataset.start) + top * 60_000;
    const own = d.slot.room ? `room:${d.slot.room}` : `track:${d.slot.trackId}`;
    if (!column.startsWith('room:') && column !== own) {
      draw(r, lane, top, minutes, 'not here: this column is another track without a room', ['']);
      return undefined;
    }
    const target = describe(live, d.slot, day, column, startMs, startMs + minutes * 60_000);
    draw(r, lane, top, minutes, target.label, target.clashes);
    const to: RescheduleTo = {};
    if (!d.slot.startIso || Date.parse(d.slot.startIso) !== startMs) to.start = new Date(startMs).toISOString();
    if (column.startsWith('room:') && column !== own) to.room = column.slice('room:'.length);
    return Object.keys(to).length ? { to } : undefined;
  }
  r.indicator?.remove();
  r.indicator = undefined;
  const list = hits.find((h) => h.classList?.contains('unscheduled-day') && root.contains(h));
  if (list && d.slot.startIso) {
    list.classList.add('drop-here');
    return { to: { start: null } };
  }
  return undefined;
}

function snap(minutes: number, step: number): number {
  return Math.round(minutes / step) * step;
}

/** The drop target's frame in `lane`, labelled with its time and clashes. */
function draw(r: Root, lane: HTMLElement, top: number, minutes: number, label: string, clashes: string[]): void {
  let el = r.indicator;
  if (!el) {
    el = document.createElement('div');
    el.className = 'drop-target';
    el.setAttribute('role', 'status');
    r.indicator = el;
  }
  if (el.parentElement !== lane) lane.append(el);
  el.classList.toggle('clash', clashes.length > 0);
  el.style.top = `${top * PX}px`;
  el.style.height = `${Math.max(minutes * PX - 3, 14)}px`;
  const lines = [label, ...clashes.filter(Boolean)];
  el.replaceChildren(...lines.map((t, i) => Object.assign(document.createElement('div'), { className: i ? 'drop-clash' : 'drop-time', textContent: t })));
}

/** The drop target of the agenda: a line at the top of the day's list. */
function drawDay(r: Root, section: HTMLElement, label: string, clashes: string[]): void {
  r.indicator?.remove();
  const el = document.createElement('div');
  el.className = `drop-day${clashes.length ? ' clash' : ''}`;
  el.setAttribute('role', 'status');
  const lines = [label, ...clashes];
  el.append(...lines.map((t, i) => Object.assign(document.createElement('div'), { className: i ? 'drop-clash' : 'drop-time', textContent: t })));
  section.querySelector('.day-title')?.after(el);
  r.indicator = el;
}

/** `09:15–09:35 PDT` in the event zone, and what the slot would clash with there. */
function describe(live: Live, slot: SlotView, day: DayView, column: string, startMs: number, endMs: number): { label: string; clashes: string[] } {
  const startIso = new Date(startMs).toISOString(),
    endIso = new Date(endMs).toISOString();
  const label = `${live.clock.range(startIso, endIso, day.date)} ${live.clock.abbreviation(startIso)}`;
  return { label, clashes: clashesAt(live, slot, column, startMs, endMs) };
}

/** Room, speaker and key-attendee clashes of `slot` placed at `[startMs, endMs)` in `column`. */
export function clashesAt(live: Pick<Live, 'scheduled' | 'tracks'>, slot: SlotView, column: string, startMs: number, endMs: number): string[] {
  const out: string[] = [];
  const needs = (trackId: string): Map<string, string> => {
    const t = live.tracks.get(trackId);
    const m = new Map<string, string>();
    for (const p of t?.leads ?? []) m.set(p.id, `lead of ${t!.title}`);
    for (const p of t?.keyAttendees ?? []) m.set(p.id, `key attendee of ${t!.title}`);
    return m;
  };
  const mine = needs(slot.trackId);
  const speakers = new Set(slot.speakers.map((p) => p.id));
  for (const o of live.scheduled) {
    if (o.slot.key === slot.key || o.startMs >= endMs || startMs >= o.endMs) continue;
    const place = o.slot.room ? `room:${o.slot.room}` : `track:${o.slot.trackId}`;
    if (place === column) out.push(`room: ${o.slot.title}`);
    for (const p of o.slot.speakers) if (speakers.has(p.id)) out.push(`speaker ${p.name}: also in ${o.slot.title}`);
    if (o.slot.trackId !== slot.trackId) {
      for (const p of o.slot.speakers) if (mine.has(p.id) && !speakers.has(p.id)) out.push(`${p.name} (${mine.get(p.id)}) speaks in ${o.slot.title}`);
      const theirs = needs(o.slot.trackId);
      for (const p of slot.speakers) if (theirs.has(p.id)) out.push(`${p.name} is ${theirs.get(p.id)}`);
    }
    if (out.length > 4) break;
  }
  return [...new Set(out)].map((c) => `clash: ${c}`);
}
