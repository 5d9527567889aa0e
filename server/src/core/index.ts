/**
 * The programme language service: everything the language server and the CLI know about
 * programme files, with no dependency on LSP transport, VS Code or the file system.
 *
 * Entry points:
 * - {@link createProgrammeService}: the service an adapter creates and owns; it holds every
 *   open document's state (and nothing is kept anywhere else), each document analysed once
 *   per version, incrementally, its state dropped when it closes.
 * - {@link analyze}: one text to tree, model and problems (a fresh `DocumentState` unless one
 *   is given).
 * - {@link toDiagnostics}: problems as LSP diagnostics with the user's severities.
 */
export {
  createProgrammeService,
  ProgrammeService,
  STALE_AFTER_MS,
  type ProgrammeFile,
  type ProgrammeServiceOptions,
  type RecentFile,
} from './service/workspace';
export { analyze, DocumentState, type Analysis } from './service/analysis';
export { toDiagnostics, type SeverityMap } from './service/diagnostics';
export { CODES, type Code, type Problem, type Severity } from './service/problem';
export { ProgrammeParser, parseWhole, type Syntax } from './syntax/parse';
export type { Model, Slot, Track, Person, Room, Topic, Session, EventInfo, PersonList } from './model/model';
/** The format's shape (collections, the keys naming people, rooms, topics) and the format an analysis follows. */
export { SHAPE, PERSON_FIELDS, idAt, personKeys, type Shape, type IdPlace } from './model/shape';
export { FORMAT, createFormat, type Format } from './schema/schema';

/** Completion items at a position: schema keys, enum values, snippets, ids, zones, times. */
export { complete } from './features/complete';
/** Hover: schema documentation, people, times in every relevant zone, zones. */
export { hover } from './features/hover';
/** The id (person, room, track, topic) at an offset, and every place it is named. */
export { symbolAt, referencesOf } from './features/navigation';
/** Renaming an id everywhere it is named; refuses invalid or existing ids. */
export { prepareRename, rename } from './features/rename';
/** The outline: event, people, rooms, tracks with sessions and slots. */
export { documentSymbols } from './features/symbols';
export { foldingRanges } from './features/folding';
export { selectionRanges } from './features/selection';
/** End times after durations and weekdays after dates. */
export { inlayHints } from './features/inlayHints';
/** The canonical form of a programme ("Format Document", `programme format`); key order in schema/keyOrder.ts. */
export { formatProgramme, type FormatOptions, type FormatResult } from './features/format';
export { KEY_ORDER } from './schema/keyOrder';
/** Quick fixes for the diagnostics that carry fix data. */
export { codeActions } from './features/codeActions';
/** Free gaps in a track's sessions, for scheduling fixes and `start` completion. */
export { freeGaps, firstFit, gapsForSlot, freeStartFor } from './model/gaps';
/** The schedule view model the preview and `programme render` show. */
export { buildSchedule } from './schedule/schedule';
/** Rescheduling one slot from the preview: the minimal edits of its `start`, `end`, `duration` and `room`. */
export { rescheduleSlot, findSlot, type SlotIdentity, type RescheduleTarget, type RescheduleEdit, type RescheduleResult } from './features/reschedule';

/** Diagnostics plumbing shared by the adapters. */
export { SEVERITY_NAME, severityName, severityOf, MAX_DIAGNOSTICS, SOURCE } from './service/diagnostics';
/** Whether a checked file may be exported (the CLI and the editor decide alike). */
export { mayExport, type ExportDecision } from './exports/decision';
export { DEFAULT_MAX_FILE_MB, sizeProblem } from './service/limits';
export type { Span, ProgrammeSymbol } from './features/navigation';
/** Exports to the formats conference tools read. */
export { EXPORT_FORMATS, EXPORT_EXTENSIONS, exportModel, isExportFormat, type ExportFormat, type ExportOptions } from './exports';
/** The tool's version (package.json's): CLI, server and exports say the same. */
export { PROGRAMME_VERSION } from './service/version';
/** Import from the formats conference tools write. */
export { ImportError, READS, importSchedule, type ImportNote, type ImportOptions, type ImportResult } from './import';
/** Placing tracks into blocks with the least clashes (the solver is the adapter's). */
export {
  planProgramme,
  isUnplaced,
  type MilpSolver,
  type MilpResult,
  type PlanOptions,
  type PlanResult,
  type Placement,
  type Clash,
  type PlanBlock,
  type PlanEdit,
} from './plan/plan';
export { applyEdits } from './plan/edits';
