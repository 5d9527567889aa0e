/**
 * The programme language service: everything the language server and the CLI know about
 * programme files, with no dependency on LSP transport, VS Code or the file system.
 *
 * Entry points:
 * - {@link ProgrammeWorkspace}: open documents, each analysed once per version, incrementally.
 * - {@link analyze}: one text to tree, model and problems.
 * - {@link toDiagnostics}: problems as LSP diagnostics with the user's severities.
 */
export { ProgrammeWorkspace, type ProgrammeFile, type WorkspaceOptions } from './workspace';
export { analyze, type Analysis } from './analysis';
export { toDiagnostics, type SeverityMap } from './diagnostics';
export { CODES, type Code, type Problem, type Severity } from './problem';
export { ProgrammeParser, parseWhole, type Syntax } from './parse';
export type { Model, Slot, Track, Person, Room, Topic, Session, EventInfo } from './model';

/** Completion items at a position: schema keys, enum values, snippets, ids, zones, times. */
export { complete } from './complete';
/** Hover: schema documentation, people, times in every relevant zone, zones. */
export { hover } from './hover';
/** The id (person, room, track, topic) at an offset, and every place it is named. */
export { symbolAt, referencesOf } from './navigation';
/** Renaming an id everywhere it is named; refuses invalid or existing ids. */
export { prepareRename, rename } from './rename';
/** The outline: event, people, rooms, tracks with sessions and slots. */
export { documentSymbols } from './symbols';
export { foldingRanges } from './folding';
export { selectionRanges } from './selection';
/** End times after durations and weekdays after dates. */
export { inlayHints } from './inlayHints';
/** Quick fixes for the diagnostics that carry fix data. */
export { codeActions } from './codeActions';
/** Free gaps in a track's sessions, for scheduling fixes and `start` completion. */
export { freeGaps, firstFit, gapsForSlot, freeStartFor } from './gaps';
/** The schedule view model the preview and `programme render` show. */
export { buildSchedule } from './schedule';
