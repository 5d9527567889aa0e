/**
 * The programme service: what the language server, the CLI and tests create and own (in the
 * spirit of a language service). It holds the open programmes of its host, each with its own
 * `DocumentState` (parser leaves, schema and model readings, what the rules found) and its
 * latest analysis, computed on demand and only once per version. Closing a document drops all
 * of it. Two services, or two documents in one service, share nothing.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Analysis, DocumentState } from './analysis';
import { Changed, commonEnds } from '../syntax/change';
import { sizeProblem, DEFAULT_MAX_FILE_MB } from './limits';
import { Problem } from './problem';
import type { Format } from '../schema/schema';
import { buildSchedule, ScheduleOptions } from '../schedule/schedule';
import { encodeScheduleDelta, ScheduleDeltaResult, ScheduleView } from '../../protocol';

export interface ProgrammeFile {
  document: TextDocument;
  /** The analysis of `document`'s current version, or a size problem when it is too large. */
  analysis: Analysis | undefined;
  tooLarge?: Problem;
}

interface Entry {
  state: DocumentState;
  version?: number;
  text?: string;
  limit?: number;
  file?: ProgrammeFile;
  /** The last schedule view handed out, for answering with a delta against it. */
  schedule?: ScheduleView;
  /** How long the last analysis took (ms). */
  cost?: number;
  /** A document of the text the latest analysis was made of (made on demand, dropped with it). */
  snapshot?: TextDocument;
  /** The edits made since the latest analysis, as the adapter reported them, in order; undefined when too many to keep. */
  edits?: Edit[];
  /** When the last edit was told (Date.now()). */
  editedAt?: number;
}

/** One edit, in the offsets of the text it was made to: [start, end) replaced by `length` characters. */
export interface Edit {
  start: number;
  end: number;
  length: number;
}

/**
 * An analysis of an earlier version of a document, seen from the document as it is now: how
 * offsets of the analysed text and of the current text correspond, through the edits made
 * since (as reported to `edited`, else the one region between the first and the last change).
 */
export interface RecentFile {
  file: ProgrammeFile;
  /** A document of the text the analysis was made of (the current document when fresh). */
  document: TextDocument;
  /** True when the analysis is of an earlier version than the document's current one. */
  stale: boolean;
  /** An offset of the analysed text in the current text; an offset inside a changed region maps to its start. Never decreasing. */
  toCurrent(offset: number): number;
  /** An offset of the current text in the analysed text; undefined inside (or touching) a changed region. */
  fromCurrent(offset: number): number | undefined;
}

const MAX_EDITS = 10_000;

/** Below this cost (ms) of the last analysis, a request waits for the analysis of the newest version. */
export const STALE_AFTER_MS = 100;

export interface ProgrammeServiceOptions {
  /** The size limit (`programme.maxFileSize`, in megabytes) for a document. */
  maxFileMegabytes?: (uri: string) => number;
  /** Told when a check fails (the others still run). */
  onError?: (where: string, error: unknown) => void;
  /** The format documents are read with: the programme format unless given. */
  format?: Format;
  /**
   * Below this cost (ms) of a document's last analysis, `recent` analyses the newest version
   * rather than answer from an earlier one (default STALE_AFTER_MS).
   */
  staleAfterMs?: number;
}

/**
 * What the edits told since the text `before` changed, as the length of the start and of the
 * end of the text they left alone; undefined when they do not add up to `length`.
 */
function changedSince(before: string, edits: readonly Edit[], length: number): Changed | undefined {
  if (!consistent(edits, before.length, length)) return undefined;
  let size = before.length,
    prefix = size,
    suffix = size;
  for (const e of edits) {
    prefix = Math.min(prefix, e.start);
    suffix = Math.min(suffix, size - e.end);
    size += e.length - (e.end - e.start);
  }
  const common = Math.min(before.length, length);
  if (prefix + suffix > common) suffix = common - prefix;
  return { before, prefix, suffix };
}

export class ProgrammeService {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: ProgrammeServiceOptions = {}) {}

  /** The analysed file for this version of the document (analysing it if not yet done). */
  get(document: TextDocument): ProgrammeFile {
    let entry = this.entries.get(document.uri);
    if (!entry) this.entries.set(document.uri, (entry = { state: new DocumentState(this.options.format), edits: [] }));
    const limit = this.options.maxFileMegabytes?.(document.uri) ?? DEFAULT_MAX_FILE_MB;
    if (entry.file && entry.version === document.version && entry.text === document.getText() && entry.limit === limit) {
      if (entry.file.document !== document) entry.file = { ...entry.file, document };
      return entry.file;
    }
    const text = document.getText();
    const tooLarge = sizeProblem(text, limit);
    const began = Date.now();
    const since = entry.text !== undefined && entry.edits?.length ? changedSince(entry.text, entry.edits, text.length) : undefined;
    const file: ProgrammeFile = tooLarge
      ? { document, analysis: undefined, tooLarge }
      : { document, analysis: analyze(text, entry.state, this.options.onError, since) };
    entry.cost = Date.now() - began;
    entry.version = document.version;
    entry.text = text;
    entry.limit = limit;
    entry.file = file;
    entry.snapshot = undefined;
    entry.edits = [];
    return file;
  }

  /**
   * The schedule view of this version of the document, built from the parts its last view
   * kept. `have`: the version whose view the asker holds; when it is the last view handed out,
   * the answer is a delta against it (protocol.ts).
   */
  schedule(document: TextDocument, options: Omit<ScheduleOptions, 'cache' | 'uri' | 'version'>, have?: number): ScheduleDeltaResult {
    const file = this.get(document);
    const entry = this.entries.get(document.uri)!;
    const view = buildSchedule(
      file.analysis,
      { ...options, uri: document.uri, version: document.version, cache: entry.state.schedule },
      file.tooLarge?.message,
    );
    const last = entry.schedule;
    entry.schedule = view;
    return (have !== undefined && last?.version === have && last.uri === view.uri && encodeScheduleDelta(view, last)) || view;
  }

  /**
   * Told of an edit to an open document (by an adapter that sees them): requests answered from
   * an earlier analysis (`recent`) then map positions around each edit, not around the whole
   * region between the first and the last.
   */
  edited(uri: string, edit: Edit): void {
    const entry = this.entries.get(uri);
    if (entry) entry.editedAt = Date.now();
    if (!entry?.edits) return;
    // Past this many the log is not worth keeping: the region between first and last change stands in.
    if (entry.edits.length < MAX_EDITS) entry.edits.push(edit);
    else entry.edits = undefined;
  }

  /**
   * The newest analysis to answer a request from, without waiting: the current version's when
   * it is made, or cheap to make (under STALE_AFTER_MS last time); otherwise the latest
   * analysis of an earlier version, with the offset maps between its text and the current one,
   * unless one of `at` (offsets of the current text) lies in the region changed since. The caller
   * still has the newest version analysed soon after (the diagnostics do).
   *
   * `editedWithinMs`: answer from an earlier version only while edits keep coming (the last one
   * told within this many ms), for an answer an editor keeps until the next edit (an outline).
   */
  recent(document: TextDocument, at: readonly number[] = [], options: { editedWithinMs?: number } = {}): RecentFile {
    const entry = this.entries.get(document.uri);
    const limit = this.options.maxFileMegabytes?.(document.uri) ?? DEFAULT_MAX_FILE_MB;
    const current = document.getText();
    const fresh = (): RecentFile => ({ file: this.get(document), document, stale: false, toCurrent: (o) => o, fromCurrent: (o) => o });
    if (
      !entry?.file ||
      entry.text === undefined ||
      entry.version === undefined ||
      entry.limit !== limit ||
      (entry.cost ?? 0) < (this.options.staleAfterMs ?? STALE_AFTER_MS) ||
      (options.editedWithinMs !== undefined && Date.now() - (entry.editedAt ?? 0) > options.editedWithinMs)
    )
      return fresh();
    if (entry.version === document.version && entry.text === current) return fresh();
    const old = entry.text;
    const edits = entry.edits && consistent(entry.edits, old.length, current.length) ? entry.edits : [region(old, current)];
    const fromCurrent = (o: number): number | undefined => {
      for (let i = edits.length - 1; i >= 0; i--) {
        const e = edits[i];
        if (o < e.start) continue;
        if (o > e.start + e.length) o += e.end - e.start - e.length;
        else return undefined;
      }
      return o;
    };
    if (at.some((o) => fromCurrent(o) === undefined)) return fresh();
    const snapshot = (entry.snapshot ??= TextDocument.create(document.uri, document.languageId, entry.version, old));
    return {
      file: { ...entry.file, document: snapshot },
      document: snapshot,
      stale: true,
      toCurrent: (o) => {
        for (const e of edits) o = o <= e.start ? o : o >= e.end ? o - e.end + e.start + e.length : e.start;
        return o;
      },
      fromCurrent,
    };
  }

  /** The last analysed file of a URI, whatever its version. */
  last(uri: string): ProgrammeFile | undefined {
    return this.entries.get(uri)?.file;
  }

  /** Forgets the document and everything kept for it. */
  close(uri: string): void {
    this.entries.delete(uri);
  }

  /** The URIs of the documents the service holds state for. */
  open(): string[] {
    return [...this.entries.keys()];
  }
}

/** Whether `edits` lead from a text of length `from` to one of length `to` (else some were not reported). */
function consistent(edits: readonly Edit[], from: number, to: number): boolean {
  let length = from;
  for (const e of edits) {
    if (e.start < 0 || e.end < e.start || e.end > length) return false;
    length += e.length - (e.end - e.start);
  }
  return edits.length > 0 && length === to;
}

/** The one region where two texts differ, as an edit: everything between the first and the last change. */
function region(old: string, current: string): Edit {
  const { prefix, suffix } = commonEnds(old, current);
  return { start: prefix, end: old.length - suffix, length: current.length - suffix - prefix };
}

/** A programme service for one host (the language server, a CLI run, a test). */
export function createProgrammeService(options: ProgrammeServiceOptions = {}): ProgrammeService {
  return new ProgrammeService(options);
}
