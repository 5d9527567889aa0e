/**
 * The preview's script. In a VS Code webview it talks to the extension host (updates in,
 * reveal and link requests out); in the page `programme render` writes, it renders the view
 * model embedded in the page. Both use the same renderer.
 */
import './preview.css';
import type { ScheduleView, SourceError } from '../../server/src/protocol';
import { applyScheduleDelta } from '../../server/src/protocol';
import type { FromWebview, InitialState, PreviewState, ToWebview, ViewMode } from './messages';
import { highlightLine, renderPreview } from './render';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: PreviewState): void;
}

declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

const root = document.getElementById('app');

function parseJson(text: string | undefined | null): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/** `f()`, or undefined when it throws (a malformed message). */
function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function isView(x: unknown): x is ScheduleView {
  return isObject(x) && typeof x.uri === 'string' && Array.isArray(x.days) && Array.isArray(x.unscheduled) && Array.isArray(x.tracks) && isObject(x.event);
}

/** Re-renders without losing the reader's place. */
function keepingScroll(render: () => void): void {
  const x = window.scrollX,
    y = window.scrollY;
  render();
  window.scrollTo(x, y);
}

function runInWebview(api: VsCodeApi, el: HTMLElement): void {
  const initial = (parseJson(el.dataset.state) ?? {}) as InitialState;
  const saved = (isObject(api.getState()) ? api.getState() : {}) as Partial<PreviewState>;
  const state: PreviewState = {
    uri: String(initial.uri ?? saved.uri ?? ''),
    zone: saved.zone ?? initial.zone,
    mode: saved.mode ?? initial.mode,
    scrollY: saved.scrollY,
    ...(initial.locked ? { locked: true } : {}),
  };
  let view: ScheduleView | undefined = isView(initial.view) ? initial.view : undefined;
  let error: SourceError | undefined;
  /** The host says whether the document may be changed from here (trusted, writable). */
  let editable = false;
  const post = (m: FromWebview): void => api.postMessage(m);
  const render = (): void =>
    renderPreview(el, view, {
      zone: state.zone,
      mode: state.mode,
      error,
      onReveal: (line, endLine) => post({ type: 'revealLine', source: state.uri, line, endLine }),
      onLink: (href) => post({ type: 'openLink', source: state.uri, href }),
      onMove: editable ? (slot, to) => post({ type: 'reschedule', source: state.uri, slot: { key: slot.key, id: slot.id, title: slot.title }, to }) : undefined,
      onChange: (change: { zone?: string; mode?: ViewMode }) => {
        Object.assign(state, change);
        api.setState(state);
        keepingScroll(render);
      },
    });
  render();
  if (state.scrollY) window.scrollTo(0, state.scrollY);
  api.setState(state);
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    let m = event.data as ToWebview;
    if (!isObject(m) || typeof m.source !== 'string') return;
    if (m.type === 'update' && 'delta' in m && isObject(m.delta)) {
      // What changed since the view here: made whole again, unless this is not the view it was made against.
      const delta = m.delta;
      const whole = view && m.source === state.uri && typeof delta.base === 'number' ? safely(() => applyScheduleDelta(delta, view!)) : undefined;
      if (!isView(whole)) {
        post({ type: 'ready', source: state.uri });
        return;
      }
      m = { ...m, view: whole };
    }
    if (m.type === 'update' && 'view' in m && isView(m.view)) {
      const other = m.source !== state.uri;
      state.uri = m.source;
      view = m.view;
      error = isObject(m.error) ? m.error : undefined;
      // A schedule shown while the text does not parse is not the document's: no moves then.
      editable = m.editable === true && !error;
      if (other) {
        render();
        window.scrollTo(0, 0);
      } else {
        keepingScroll(render);
      }
      api.setState(state);
    } else if (m.type === 'selectLine' && m.source === state.uri && Number.isInteger(m.line)) {
      highlightLine(el, m.line, { mark: m.mark !== false, scroll: m.scroll !== false });
    } else if (m.type === 'lock' && typeof m.locked === 'boolean') {
      state.locked = m.locked;
      api.setState(state);
    }
  });
  post({ type: 'ready', source: state.uri });
  let pending = false;
  window.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      state.scrollY = window.scrollY;
      api.setState(state);
    }, 200);
  });
}

function runStandalone(el: HTMLElement): void {
  const data = parseJson(document.getElementById('programme-data')?.textContent);
  const view = isView(data) ? data : undefined;
  const state: { zone?: string; mode?: ViewMode } = {};
  const render = (): void =>
    renderPreview(el, view, {
      ...state,
      onChange: (change) => {
        Object.assign(state, change);
        keepingScroll(render);
      },
    });
  render();
}

if (root) {
  if (typeof acquireVsCodeApi === 'function') runInWebview(acquireVsCodeApi(), root);
  else runStandalone(root);
}
