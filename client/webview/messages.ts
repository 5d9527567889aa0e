/**
 * The messages between the extension host and the preview webview, and the state the webview
 * keeps across reloads. Types only; both sides check every message at run time anyway.
 */
import type { RescheduleTo, ScheduleDelta, ScheduleView, SourceError } from '../../server/src/protocol';

export type ViewMode = 'grid' | 'agenda';

/** What the webview persists with `setState` (and the serializer gets back after a reload). */
export interface PreviewState {
  /** The programme the panel shows. */
  uri: string;
  /** The zone times are shown in; absent: the event zone. */
  zone?: string;
  mode?: ViewMode;
  scrollY?: number;
  /** A locked preview stays on its document instead of following the active editor. */
  locked?: boolean;
}

/** The initial state the host writes into the page's `data-state` attribute. */
export interface InitialState extends PreviewState {
  view?: ScheduleView;
}

export type ToWebview =
  /**
   * A schedule to show; `error` is set when the document has a syntax error and `view` is the
   * last good one. `editable`: slots may be dragged (a trusted workspace, a writable document).
   */
  | { type: 'update'; source: string; view: ScheduleView; error?: SourceError; editable?: boolean }
  /**
   * The same as an update, told as what changed since the view of version `delta.base`, which
   * the webview was sent last: unchanged days, slots and tracks stay the same objects, and
   * their parts the same elements. A webview that holds another version answers `ready`.
   */
  | { type: 'update'; source: string; delta: ScheduleDelta; error?: SourceError; editable?: boolean }
  /** The editor's cursor is on `line` (0-based): highlight the slot there (`mark`) and scroll it into view (`scroll`). */
  | { type: 'selectLine'; source: string; line: number; mark?: boolean; scroll?: boolean }
  /** The panel was locked or unlocked: kept in the state the serializer restores. */
  | { type: 'lock'; source: string; locked: boolean };

export type FromWebview =
  /** The script is listening: the host (re)sends the current schedule, which may have been posted too early. */
  | { type: 'ready'; source: string }
  | { type: 'revealLine'; source: string; line: number; endLine: number }
  | { type: 'openLink'; source: string; href: string }
  /** A slot was dropped, resized or moved with the keyboard: the host asks the server for the edit. */
  | { type: 'reschedule'; source: string; slot: { key: string; id?: string; title: string }; to: RescheduleTo };
