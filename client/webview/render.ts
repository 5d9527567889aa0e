/**
 * The one renderer of a schedule view: the VS Code preview (main.ts) and the standalone page
 * of `programme render` both call `renderPreview`. It builds DOM from data with createElement
 * and textContent only; Markdown goes through markdown.ts, links only to http(s) and mailto.
 */
import type { RescheduleTo, ScheduleView, SlotView, SourceError } from '../../server/src/protocol';
import type { ViewMode } from './messages';
import { h } from './dom';
import { link } from './markdown';
import { Clock, dateSpan, ownZone, validZone } from './times';
import { patchDay, renderAgendaDay, renderClashes, renderDay, renderUnscheduled } from './slots';
import { renderTrack } from './tracks';
import { renderBlocks } from './blocks';
import { Part, PartCache, patchChildren } from './reuse';
import { enableEditing } from './drag';

export { highlightLine } from './slots';

export interface RenderOptions {
  /** The zone to show times in; the event zone when absent or unknown. */
  zone?: string;
  mode?: ViewMode;
  /** A syntax error of the current text, when `view` is the last good schedule. */
  error?: SourceError;
  /** Milliseconds since the epoch (for the "now" line); defaults to the clock. */
  now?: number;
  onReveal?: (line: number, endLine: number) => void;
  onLink?: (href: string) => void;
  /** The reader picked another zone or view mode. */
  onChange?: (change: { zone?: string; mode?: ViewMode }) => void;
  /** Slots may be moved (the editor, where the document may be changed): where one goes. */
  onMove?: (slot: SlotView, to: RescheduleTo) => void;
}

interface Rendered {
  /** What the cached parts depend on besides their own data. */
  context: string;
  cache: PartCache;
  layout: HTMLElement;
  main: HTMLElement;
  side: HTMLElement;
}

const rendered = new WeakMap<HTMLElement, Rendered>();

/** Shows the schedule in `root`, rebuilding only what changed since the last call. */
export function renderPreview(root: HTMLElement, view: ScheduleView | undefined, options: RenderOptions = {}): void {
  if (!view) {
    rendered.delete(root);
    root.replaceChildren(h('p', { class: 'empty', text: 'Waiting for the language server…' }));
    return;
  }
  const eventZone = validZone(view.event.zone) ? view.event.zone : 'UTC';
  const zone = validZone(options.zone) ? options.zone : eventZone;
  const mode = options.mode === 'agenda' ? 'agenda' : 'grid';
  const links = { onLink: options.onLink };
  const now = options.now ?? Date.now();
  const editable = !!options.onMove;
  const slotOptions = { clock: new Clock(zone), now, onReveal: options.onReveal, links, editable };
  const context = JSON.stringify([view.uri, zone, mode, !!options.onReveal, !!options.onLink, editable]);
  let r = rendered.get(root);
  if (!r || r.context !== context || !root.contains(r.layout)) {
    const main = h('div', { class: 'schedule' }),
      side = h('aside', { class: 'side' });
    r = { context, cache: new PartCache(), layout: h('div', { class: `layout mode-${mode}${editable ? ' editable' : ''}` }, [main, side]), main, side };
    rendered.set(root, r);
  }
  const next = new Map<string, Part>();
  const cache = r.cache;
  const days = view.days.map((d) => {
    // The "now" line moves: a day that contains now is redrawn each minute.
    const start = Date.parse(d.startIso),
      live = now >= start && now <= start + d.minutes * 60_000;
    const minute = live ? Math.floor(now / 60_000) : 0;
    return cache.get(
      `day:${d.date}`,
      [d, minute],
      () => (mode === 'grid' ? renderDay(d, slotOptions) : renderAgendaDay(d, slotOptions)),
      next,
      // Only the slots that changed are drawn again (not while the "now" line moves).
      (el, raw) => Array.isArray(raw) && raw[1] === minute && patchDay(el, d, slotOptions),
    );
  });
  if (!days.length && !view.unscheduled.length)
    days.push(h('p', { class: 'empty', text: 'No slots yet: add slots with a `start` to a track to see them here.' }));
  const unscheduled =
    view.unscheduled.length || editable ? cache.get('unscheduled', view.unscheduled, () => renderUnscheduled(view, slotOptions)!, next) : undefined;
  const blocks = view.blocks ? cache.get('blocks', view.blocks, () => renderBlocks(view.blocks!, options.onReveal), next) : undefined;
  const clashes = view.clashes?.length ? cache.get('clashes', view.clashes, () => renderClashes(view, slotOptions)!, next) : undefined;
  patchChildren(r.main, [...(clashes ? [clashes] : []), ...(blocks ? [blocks] : []), ...days, ...(unscheduled ? [unscheduled] : [])]);
  patchChildren(
    r.side,
    view.tracks.map((t) => cache.get(`track:${t.id}`, t, () => renderTrack(t, links), next)),
  );
  // The header is drawn again only when what it shows changed (not for each keystroke in a slot).
  const top = cache.get(
    'header',
    [view.event, view.counts, view.speakerZones, view.clashes?.length ?? 0, zone, eventZone, mode, !!options.onChange],
    () => header(view, zone, eventZone, mode, options),
    next,
  );
  cache.replace(next);
  patchChildren(root, [top, ...banners(view, options), r.layout]);
  enableEditing(root, view, { eventZone, onMove: options.onMove });
}

function header(view: ScheduleView, zone: string, eventZone: string, mode: ViewMode, options: RenderOptions): HTMLElement {
  const e = view.event;
  const facts = [dateSpan(e.start, e.end), e.venue].filter(Boolean).join(' · ');
  const sub = h('div', { class: 'event-facts' }, [facts]);
  if (e.url) sub.append(facts ? ' · ' : '', link(e.url.replace(/^https?:\/\//, '').replace(/\/$/, ''), e.url, { onLink: options.onLink }));
  const counts = h('div', { class: 'counts' }, [
    view.counts.error ? h('span', { class: 'count-chip error', text: `${view.counts.error} error${view.counts.error > 1 ? 's' : ''}` }) : undefined,
    view.counts.warning ? h('span', { class: 'count-chip warning', text: `${view.counts.warning} warning${view.counts.warning > 1 ? 's' : ''}` }) : undefined,
    view.clashes?.length ? h('span', { class: 'count-chip clash', text: `${view.clashes.length} clash${view.clashes.length > 1 ? 'es' : ''}` }) : undefined,
    !view.counts.error && !view.counts.warning ? h('span', { class: 'count-chip ok', text: 'no conflicts' }) : undefined,
  ]);
  return h('header', { class: 'top' }, [
    h('div', { class: 'event' }, [h('h1', { text: e.title }), sub]),
    h('div', { class: 'controls' }, [zonePicker(view, zone, eventZone, options), modeToggle(mode, options), counts]),
  ]);
}

function zonePicker(view: ScheduleView, zone: string, eventZone: string, options: RenderOptions): HTMLElement {
  const select = h('select', { class: 'zone-picker', attrs: { 'aria-label': 'Show times in' } });
  const mine = ownZone();
  const choices: [string, string][] = [
    [eventZone, `Event time (${eventZone})`],
    ['UTC', 'UTC'],
    [mine, `My time (${mine})`],
  ];
  for (const s of view.speakerZones) choices.push([s.zone, `${s.zone} (${s.label})`]);
  if (!choices.some(([z]) => z === zone)) choices.push([zone, zone]);
  const seen = new Set<string>();
  for (const [value, label] of choices) {
    if (seen.has(value)) continue;
    seen.add(value);
    const option = h('option', { text: label });
    option.value = value;
    option.selected = value === zone;
    select.append(option);
  }
  select.disabled = !options.onChange;
  select.addEventListener('change', () => options.onChange?.({ zone: select.value }));
  return h('label', { class: 'zone' }, [h('span', { text: 'Times in' }), select]);
}

function modeToggle(mode: ViewMode, options: RenderOptions): HTMLElement {
  const button = (value: ViewMode, label: string): HTMLElement => {
    const b = h('button', { class: value === mode ? 'on' : '', text: label, attrs: { type: 'button', 'aria-pressed': String(value === mode) } });
    b.addEventListener('click', () => options.onChange?.({ mode: value }));
    return b;
  };
  return h('div', { class: 'mode', attrs: { role: 'group', 'aria-label': 'View' } }, [button('grid', 'Timeline'), button('agenda', 'Agenda')]);
}

function banners(view: ScheduleView, options: RenderOptions): HTMLElement[] {
  const out: HTMLElement[] = [];
  const error = options.error ?? view.syntaxError;
  if (error) {
    const text = `YAML syntax error on line ${error.line + 1}: ${error.message}${/[.!?]$/.test(error.message) ? '' : '.'}`;
    const more = options.error ? ' Showing the last schedule that parsed.' : ' What follows may be incomplete.';
    const b = h('div', { class: 'banner error', attrs: { role: 'alert' } }, [h('strong', { text }), more]);
    if (options.onReveal) {
      const reveal = options.onReveal;
      b.classList.add('clickable');
      b.title = 'Go to the error';
      b.addEventListener('click', () => reveal(error.line, error.line));
    }
    out.push(b);
  }
  if (view.notice) out.push(h('div', { class: 'banner warning', text: view.notice }));
  if (view.truncated) out.push(h('div', { class: 'banner info', text: 'Some very long texts or lists were shortened for display.' }));
  return out;
}
